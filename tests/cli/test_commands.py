"""The command line as a user runs it: `python -m storybank ...` in a subprocess (README "The JSON")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storybank import __version__
from tests.helpers import EXAMPLES, cli_env, minimal_story

pytestmark = pytest.mark.slow


def resolve(cwd: Path, printed: str) -> Path:
    path = Path(printed)
    return (path if path.is_absolute() else cwd / path).resolve()


def test_version(cli):
    result = cli("--version")
    assert result.code == 0
    assert result.out.strip() == f"storybank {__version__}"


def test_help_exits_zero_and_lists_commands(cli):
    result = cli("--help")
    assert result.code == 0
    for command in ("init", "new", "list", "lint", "coverage", "export", "drill"):
        assert command in result.out


def test_init_creates_settings_and_is_idempotent(tmp_path, cli):
    bank = tmp_path / "fresh" / "bank"
    result = cli("init", str(bank))
    assert result.code == 0, result
    settings = bank / ".storybank.toml"
    assert settings.is_file()
    settings.write_text(settings.read_text(encoding="utf-8").replace("rate_wpm = 150", "rate_wpm = 140"),
                        encoding="utf-8")
    assert cli("init", str(bank)).code == 0
    assert "rate_wpm = 140" in settings.read_text(encoding="utf-8")  # never overwritten
    listed = cli("--bank", str(bank), "list", "--format", "json")
    assert listed.code == 0
    assert json.loads(listed.out) == {"stories": [], "errors": []}


def test_init_uses_the_bank_option_and_refuses_a_file(tmp_path, cli):
    bank = tmp_path / "viaopt"
    assert cli("init", "--bank", str(bank)).code == 0
    assert (bank / ".storybank.toml").is_file()
    (tmp_path / "afile").write_text("x")
    result = cli("init", str(tmp_path / "afile"))
    assert result.code == 2 and len(result.err_lines) == 1
    result.no_traceback()


def test_init_examples_copies_the_example_stories(tmp_path, cli):
    examples = sorted(p.name for p in EXAMPLES.glob("*.toml") if not p.name.startswith("."))
    if not examples:
        pytest.skip("no example stories bundled yet")
    bank = tmp_path / "ex"
    result = cli("init", str(bank), "--examples", "--format", "json")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert sorted(data["copied"]) == examples and data["skipped"] == []
    for name in examples:
        assert (bank / name).read_bytes() == (EXAMPLES / name).read_bytes()
    listed = cli("--bank", str(bank), "list", "--format", "json")
    assert listed.code == 0, listed.err
    payload = json.loads(listed.out)
    assert payload["errors"] == []
    assert sorted(s["id"] + ".toml" for s in payload["stories"]) == examples
    # A second --examples leaves the user's copies alone.
    (bank / examples[0]).write_text(minimal_story("Mine now"), encoding="utf-8")
    again = json.loads(cli("init", str(bank), "--examples", "--format", "json").out)
    assert again["copied"] == [] and sorted(again["skipped"]) == examples
    assert "Mine now" in (bank / examples[0]).read_text(encoding="utf-8")


def test_new_prints_a_path_inside_the_bank(tmp_path, cli):
    bank = tmp_path / "bank"
    cli("init", str(bank))
    result = cli("--bank", str(bank), "new", "Payment retry pipeline", "-q", "project", "-q", "performance")
    assert result.code == 0, result
    path = resolve(cli.cwd, result.out.strip())
    assert path == (bank / "payment-retry-pipeline.toml").resolve()
    listed = json.loads(cli("--bank", str(bank), "list", "--format", "json").out)
    assert listed["stories"] == [{"id": "payment-retry-pipeline", "title": "Payment retry pipeline",
                                  "questions": ["project", "performance"], "path": str(bank / path.name)}]


def test_new_json(tmp_path, cli):
    bank = tmp_path / "bank"
    cli("init", str(bank))
    result = cli("new", "Thing", "--bank", str(bank), "--format", "json", "-q", "failure")
    assert result.code == 0, result
    data = json.loads(result.out)
    assert data["id"] == "thing" and data["questions"] == ["failure"]
    assert Path(data["path"]).parent.resolve() == bank.resolve()


def test_new_with_unknown_question_is_exit_2_and_creates_nothing(tmp_path, cli):
    bank = tmp_path / "bank"
    cli("init", str(bank))
    result = cli("--bank", str(bank), "new", "Thing", "--question", "leadership")
    assert result.code == 2
    assert len(result.err_lines) == 1 and "leadership" in result.err
    assert "project" in result.err  # says what the choices are
    result.no_traceback()
    assert [p.name for p in bank.iterdir()] == [".storybank.toml"]


def test_new_with_empty_title_is_exit_2(tmp_path, cli):
    bank = tmp_path / "bank"
    cli("init", str(bank))
    result = cli("--bank", str(bank), "new", "  ")
    assert result.code == 2 and len(result.err_lines) == 1
    result.no_traceback()


@pytest.fixture
def listed_bank(good_bank) -> Path:
    (good_bank / "second.toml").write_text(minimal_story("Second story"), encoding="utf-8")
    return good_bank


def test_list_text(cli, listed_bank):
    result = cli("--bank", str(listed_bank), "list")
    assert result.code == 0 and result.err == ""
    lines = result.out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("good") and "Payment retry pipeline at Acme" in lines[0]
    assert "project, performance" in lines[0]
    assert lines[1].startswith("second") and "Second story" in lines[1]
    assert "\x1b[" not in result.out  # not a terminal: no colour


def test_list_json_shape(cli, listed_bank):
    result = cli("--bank", str(listed_bank), "list", "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert set(data) >= {"stories", "errors"} and data["errors"] == []
    assert [s["id"] for s in data["stories"]] == ["good", "second"]
    for story in data["stories"]:
        assert set(story) >= {"id", "title", "questions", "path"}
        assert isinstance(story["questions"], list)
        assert Path(story["path"]).parent == listed_bank


@pytest.mark.parametrize("where", ["before", "after"])
def test_bank_option_before_or_after_the_command(cli, listed_bank, where):
    args = ["--bank", str(listed_bank), "list", "--format", "json"] if where == "before" else \
        ["list", "--format", "json", "--bank", str(listed_bank)]
    result = cli(*args)
    assert result.code == 0
    assert len(json.loads(result.out)["stories"]) == 2


def test_format_before_the_command(cli, listed_bank):
    result = cli("--format", "json", "--bank", str(listed_bank), "list")
    assert result.code == 0 and len(json.loads(result.out)["stories"]) == 2


def test_bank_from_environment_and_option_wins(tmp_path, cli, listed_bank):
    env = cli_env(tmp_path / "cache", STORYBANK_BANK=str(listed_bank))
    result = cli("list", "--format", "json", env=env)
    assert result.code == 0, result
    assert len(json.loads(result.out)["stories"]) == 2
    other = tmp_path / "other"
    other.mkdir()
    result = cli("--bank", str(other), "list", "--format", "json", env=env)
    assert json.loads(result.out)["stories"] == []


def test_default_bank_is_stories_in_the_working_folder(cli):
    (cli.cwd / "stories").mkdir()
    (cli.cwd / "stories" / "here.toml").write_text(minimal_story("Here"), encoding="utf-8")
    result = cli("list", "--format", "json")
    assert result.code == 0
    assert [s["id"] for s in json.loads(result.out)["stories"]] == ["here"]


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_missing_bank_is_one_line_exit_2(tmp_path, cli, fmt):
    result = cli("--bank", str(tmp_path / "nope"), "list", "--format", fmt)
    assert result.code == 2
    assert len(result.err_lines) == 1
    assert "storybank init" in result.err
    assert result.out == ""
    result.no_traceback()


def test_missing_default_bank_mentions_init(cli):
    result = cli("list")
    assert result.code == 2 and len(result.err_lines) == 1 and "storybank init" in result.err


def test_broken_file_is_reported_and_others_listed(cli, listed_bank):
    broken = listed_bank / "broken.toml"
    broken.write_text('title = "Broken\nquestions = []\n', encoding="utf-8")
    result = cli("--bank", str(listed_bank), "list")
    assert result.code == 2
    result.no_traceback()
    assert "good" in result.out and "second" in result.out and "broken" not in result.out
    assert str(broken) in result.err
    assert "broken.toml:1:" in result.err  # with the line

    result = cli("--bank", str(listed_bank), "list", "--format", "json")
    assert result.code == 2
    result.no_traceback()
    data = json.loads(result.out)  # stdout holds only JSON
    assert [s["id"] for s in data["stories"]] == ["good", "second"]
    assert len(data["errors"]) == 1
    error = data["errors"][0]
    assert set(error) >= {"path", "line", "column", "message"}
    assert error["path"] == str(broken) and error["line"] == 1


def test_story_text_cannot_inject_terminal_escapes(cli, listed_bank):
    (listed_bank / "evil.toml").write_text(
        'title = "Evil \\u001b[2J\\u001b]0;pwned\\u0007 title"\nquestions = ["project"]\n', encoding="utf-8")
    result = cli("--bank", str(listed_bank), "list")
    assert result.code == 0
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "Evil" in result.out


@pytest.mark.parametrize("args", [
    ["frobnicate"],
    ["list", "--format", "yaml"],
    ["--format", "xml", "list"],
    ["list", "--no-such-option"],
    ["new"],
])
def test_bad_arguments_are_one_line_exit_2(cli, listed_bank, args):
    result = cli("--bank", str(listed_bank), *args)
    assert result.code == 2, result
    assert len(result.err_lines) == 1, result.err
    assert result.err.startswith("storybank: ")
    result.no_traceback()


def test_invalid_settings_file_is_one_line_exit_2(cli, listed_bank):
    (listed_bank / ".storybank.toml").write_text("rate_wmp = 150\n", encoding="utf-8")
    result = cli("--bank", str(listed_bank), "list")
    assert result.code == 2 and len(result.err_lines) == 1
    assert "rate_wpm" in result.err  # did you mean
    result.no_traceback()
