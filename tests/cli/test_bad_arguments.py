"""Bad arguments: each is exit 2 with exactly one line on stderr, nothing on stdout and no
traceback (README "The JSON"). tests/cli/test_commands.py covers an unknown command, --format yaml/xml,
an unknown option and `new` without a title; these are the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import GOOD_STORY, REPO, cli_env, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture
def bank(good_bank: Path) -> Path:
    """The good bank, with a file and an empty `sheets` folder beside it."""
    (good_bank.parent / "a-file").write_text("not a folder", encoding="utf-8")
    (good_bank.parent / "sheets").mkdir()
    (good_bank.parent / "kept.md").write_text("my cheat sheet\n", encoding="utf-8")
    return good_bank


def _cases(tmp: Path, bank: Path) -> dict[str, list[str]]:
    b = ["--bank", str(bank)]
    missing = ["--bank", str(tmp / "no-such-bank")]
    a_file = ["--bank", str(tmp / "a-file")]
    return {
        "unknown-command": [*b, "delete-everything"],
        "unknown-command-json": [*b, "--format", "json", "rm"],
        "unknown-format-lint": [*b, "lint", "--format", "csv"],
        "unknown-format-coverage": [*b, "coverage", "--format", "md"],
        "unknown-format-export": [*b, "export", "--format", "docx"],
        "json-is-not-an-export-format": [*b, "export", "--format", "json"],
        "followups-without-id": [*b, "followups"],
        "followups-without-id-json": [*b, "followups", "--format", "json"],
        "followups-two-ids": [*b, "followups", "good", "other"],
        "followups-unknown-id": [*b, "followups", "nope"],
        "lint-unknown-id": [*b, "lint", "good", "nope", "--format", "json"],
        "followups-path-as-id": [*b, "followups", "../bank/good"],
        "followups-absolute-path-as-id": [*b, "followups", str(bank / "good.toml")],
        "followups-file-name-as-id": [*b, "followups", "good.toml"],
        "lint-dotdot-id": [*b, "lint", "../../etc/passwd"],
        "match-without-question": [*b, "match"],
        "match-empty-question": [*b, "match", ""],
        "match-blank-question": [*b, "match", " \t\n "],
        "match-empty-question-json": [*b, "match", "", "--format", "json"],
        "match-limit-zero": [*b, "match", "why", "--limit", "0"],
        "match-limit-not-a-number": [*b, "match", "why", "--limit", "many"],
        "missing-bank-list": [*missing, "list"],
        "missing-bank-lint-json": [*missing, "lint", "--format", "json"],
        "missing-bank-coverage": [*missing, "coverage"],
        "missing-bank-followups": [*missing, "followups", "good"],
        "missing-bank-match": [*missing, "match", "why"],
        "missing-bank-export": [*missing, "export"],
        "missing-bank-new": [*missing, "new", "A title"],
        "bank-is-a-file-list": [*a_file, "list"],
        "bank-is-a-file-lint-json": [*a_file, "lint", "--format", "json"],
        "bank-is-a-file-export": [*a_file, "export", "--format", "txt"],
        "bank-is-a-file-new": [*a_file, "new", "A title"],
        "init-on-a-file": ["init", str(tmp / "a-file")],
        "export-unknown-suffix": [*b, "export", "-o", str(tmp / "sheets" / "sheet.docx")],
        "export-no-suffix": [*b, "export", "-o", str(tmp / "sheets" / "sheet")],
        "export-to-a-folder": [*b, "export", "-o", str(tmp / "sheets")],
        "export-into-a-missing-folder": [*b, "export", "-o", str(tmp / "nowhere" / "sheet.md")],
        # a PDF to stdout is fine when stdout is a pipe or a file (issue 21, item 11); replacing
        # a file is not, without --force (item 15)
        "export-over-an-existing-file": [*b, "export", "-o", str(tmp / "kept.md")],
        "export-missing-template": [*b, "export", "--template", str(tmp / "none.md.j2")],
        "export-bad-paper": [*b, "export", "--paper", "legal"],
        "new-unknown-question": [*b, "new", "A title", "-q", "leadership"],
        "new-blank-title": [*b, "new", "\t"],
        "ui-has-no-json": [*b, "--format", "json"],
        "drill-has-no-json": [*b, "drill", "--format", "json"],
    }


CASES = list(_cases(Path("/t"), Path("/t/bank")))


@pytest.mark.parametrize("case", CASES)
def test_bad_argument_is_one_line_and_exit_2(tmp_path, bank, case):
    before = {p.name: p.read_bytes() for p in bank.iterdir()}
    result = run_cli(*_cases(tmp_path, bank)[case], cwd=tmp_path, env=cli_env(tmp_path / "cache"))
    result.no_traceback()
    assert result.code == 2, (case, result)
    assert len(result.err_lines) == 1, (case, result.err)
    assert result.err.startswith("storybank: "), result.err
    assert result.out == "", (case, result.out)
    assert {p.name: p.read_bytes() for p in bank.iterdir()} == before  # nothing written
    assert list((tmp_path / "sheets").iterdir()) == []


# --- arguments and paths that are not UTF-8 ----------------------------------------------------
# On Linux a file name is bytes; Python hands names and arguments that are not UTF-8 to the
# program as lone surrogates, which crash any print or encode that is not ready for them.

@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_bank_folder_whose_name_is_not_utf8_works_for_every_command(tmp_path, encoding):
    root = os.fsencode(tmp_path) + b"/bank-\xff\xfe"
    env = cli_env(tmp_path / "cache", PYTHONIOENCODING=encoding)
    bank = ["--bank", root]

    def ok(*args, code=0):
        proc = subprocess.run([sys.executable, "-m", "storybank", *args], cwd=tmp_path, env=env,
                              capture_output=True, timeout=60)
        err = proc.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err and "internal error" not in err, (args, err)
        assert proc.returncode == code, (args, err)
        return proc.stdout

    ok("init", root)
    ok(*bank, "new", "Cutting latency at Acme 🚀", "-q", "performance")
    (Path(os.fsdecode(root)) / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    catalog = Path(os.fsdecode(root)) / ".catalog.toml"  # hidden: not a story
    catalog.write_bytes((REPO / "src/storybank/data/catalog.toml").read_bytes())
    (Path(os.fsdecode(root)) / ".storybank.toml").write_text('catalog = ".catalog.toml"\n')
    listed = json.loads(ok(*bank, "list", "--format", "json"))
    assert sorted(s["id"] for s in listed["stories"]) == ["cutting-latency-at-acme-rocket", "good"]
    assert listed["stories"][1]["path"] == os.fsdecode(root + b"/good.toml")
    for args in (["lint"], ["lint", "--format", "json"], ["coverage", "--format", "json"],
                 ["followups", "good", "--format", "json"], ["match", "why this company?"],
                 ["export", "--format", "txt"], ["list"]):
        # lint and coverage find problems in the skeleton story: exit 1, not a crash.
        out = ok(*bank, *args, code=1 if args[0] in {"lint", "coverage"} else 0)
        if "json" in args:
            json.loads(out)  # still valid JSON, the odd bytes as \u escapes


def test_a_title_that_is_not_utf8_is_one_line_and_creates_nothing(tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    result = run_cli("--bank", str(bank), "new", b"caf\xe9 au lait", cwd=tmp_path, env=cli_env(tmp_path / "c"))
    result.no_traceback()
    assert result.code == 2 and len(result.err_lines) == 1 and "UTF-8" in result.err
    assert list(bank.iterdir()) == []


def test_a_question_that_is_not_utf8_is_still_matched(tmp_path, good_bank):
    bank = good_bank
    for fmt in ("text", "json"):
        result = run_cli("--bank", str(bank), "match", b"why \xff mercor", "--format", fmt, cwd=tmp_path,
                         env=cli_env(tmp_path / "c", PYTHONIOENCODING="utf-8"))
        result.no_traceback()
        assert result.code == 0, result.err
        if fmt == "json":
            assert json.loads(result.out)["match"]["id"] == "motivation"
