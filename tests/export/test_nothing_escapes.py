"""Nothing escapes through the cheat sheet: `export -o` never writes through a link or into the
bank, story text is never run as a template, and no terminal control character reaches the sheet.
(tests/export/test_hostile.py covers HTML escaping of hostile story text.)"""

from __future__ import annotations

import pytest

from storybank.bank import Bank
from storybank.catalog import builtin_catalog
from tests.helpers import tree

CATALOG = builtin_catalog()


# --- export -o ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_export_replaces_a_link_instead_of_writing_through_it(cli, tmp_path, good_bank):
    bank = good_bank
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.md").write_text("precious", encoding="utf-8")
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    (sheets / "live.md").symlink_to(outside / "precious.md")
    (sheets / "dangling.md").symlink_to(outside / "new.md")
    for name in ("live.md", "dangling.md"):
        # --force: a link at the path is a file already there (issue 21, item 15)
        result = cli("--bank", str(bank), "export", "-o", str(sheets / name), "--force")
        result.no_traceback()
        assert result.code == 0, result.err
        assert not (sheets / name).is_symlink() and "Payment retry" in (sheets / name).read_text("utf-8")
    assert tree(outside) == {"precious.md": b"precious"}
    assert sorted(p.name for p in sheets.iterdir()) == ["dangling.md", "live.md"]  # no temp files


@pytest.mark.slow
def test_export_never_writes_a_story_file_into_the_bank(cli, good_bank):
    bank = good_bank
    result = cli("--bank", str(bank), "export", "-o", str(bank / "sheet.toml"))
    assert result.code == 2 and len(result.err_lines) == 1
    assert sorted(p.name for p in bank.iterdir()) == ["good.toml"]


# --- story text is data ---------------------------------------------------------------------------

INJECTIONS = ["{{ 7*7 }}", "{{7*'7'}}", "{% include '/etc/passwd' %}", "{{ self.__init__ }}",
              "{{ self.__init__.__globals__ }}", "{{ config }}", "{{ cycler.__init__.__globals__.os }}",
              "{% for x in range(3) %}LOOP{% endfor %}", "{# hidden #}", "{% raw %}", "{{", "{%"]
FIELDS = ["title", "role", "when", "ownership", "situation", "action", "outcome", "reflection"]


def injected_story(payload: str) -> str:
    import tomlkit

    doc = {f: f"{f} {payload} end" for f in FIELDS}
    doc["questions"] = ["project"]
    doc["technologies"] = [payload, "Redis"]
    doc["metrics"] = [{"name": f"latency {payload}", "before": 4.2, "after": 1.1, "unit": payload}]
    doc["followups"] = {p: f"{p} {payload} end" for p in
                        ("differently", "alternatives", "technical", "collaborators")}
    return tomlkit.dumps(doc)


EVALUATED = ["49", "7777777", "root:", "<bound method", "<function", "<module", "LOOPLOOP",
             "<Config", "&lt;bound", "&lt;function"]


@pytest.mark.parametrize("payload", INJECTIONS)
def test_story_text_is_never_run_as_a_template(tmp_path, payload):
    from storybank.export import render_cheatsheet

    (tmp_path / "s.toml").write_text(injected_story(payload), encoding="utf-8")
    bank = Bank.open(tmp_path)
    assert bank.stories and not bank.errors
    for fmt in ("md", "txt", "html"):
        out = render_cheatsheet(bank, CATALOG, fmt, assignment={"project": "s"}).data.decode("utf-8")
        for sign in EVALUATED:
            assert sign not in out, (fmt, payload, sign)
        shown = payload if fmt != "html" else payload.replace("'", "&#39;")
        if fmt == "md" and payload not in {"{{", "{%"}:
            assert shown in out, (fmt, payload)  # shown as written


@pytest.mark.slow
def test_cli_followups_and_lint_print_template_text_as_written(cli, tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "s.toml").write_text(injected_story("{{ 7*7 }}"), encoding="utf-8")
    for args in (["followups", "s"], ["lint"], ["export"], ["export", "--format", "txt"]):
        result = cli("--bank", str(bank), *args)
        result.no_traceback()
        assert "49" not in result.out, args


# --- terminal control characters in the cheat sheet -----------------------------------------------

ESCAPES = {"title": "Evil \x1b[2J\x1b]0;pwned\x07 title", "situation": "I owned \x1b[31m red",
           "technologies": ["Re\x1bdis"], "metric": "lat\x1b[5mency"}


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_cheat_sheet_carries_no_terminal_control_characters(tmp_path, fmt):
    import tomlkit

    from storybank.export import render_cheatsheet

    doc = {"title": ESCAPES["title"], "questions": ["project"], "situation": ESCAPES["situation"],
           "technologies": ESCAPES["technologies"],
           "metrics": [{"name": ESCAPES["metric"], "before": 4.2, "after": 1.1, "unit": "s"}]}
    (tmp_path / "s.toml").write_text(tomlkit.dumps(doc), encoding="utf-8")
    out = render_cheatsheet(Bank.open(tmp_path), CATALOG, fmt, assignment={"project": "s"}).data
    assert b"Evil" in out
    assert b"\x1b" not in out and b"\x07" not in out
