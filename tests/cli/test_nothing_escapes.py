"""Nothing escapes: no file outside the bank or hidden file from a hostile name, no write through a
link, story text never run as a template, every field escaped in HTML, no terminal injection
through file names. (tests/bank/test_hostile_titles.py covers hostile titles for `new` and
Bank.create, and refusing to save over a link that leads out.)"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from storybank.bank import Bank, read_story_file
from storybank.catalog import builtin_catalog
from storybank.errors import StorybankError, UnsafePath
from tests.helpers import GOOD_STORY

CATALOG = builtin_catalog()


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every path under `folder` (links not followed) with its bytes, or its link target."""
    out: dict[str, bytes | str] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            rel = str(path.relative_to(folder))
            if path.is_symlink():
                out[rel] = "-> " + os.readlink(path)
            elif path.is_file():
                out[rel] = path.read_bytes()
            else:
                out[rel] = "dir"
    return out


# --- init with hostile folder names -------------------------------------------------------------

HOSTILE_DIRS = {
    "spaces-and-quotes": "my bank's \"stories\"",
    "newline": "bank\nname",
    "escape-sequence": "bank\x1b[2Jname",
    "emoji": "🚀 bank",
    "leading-dash": "-bank",
    "dots-inside": "a..b",
    "unicode-rtl": "\u202ebank",
    "windows-reserved": "CON",
    "trailing-space": "bank ",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", list(HOSTILE_DIRS.values()), ids=list(HOSTILE_DIRS))
def test_init_with_a_hostile_folder_name_creates_exactly_that_folder(cli, tmp_path, name):
    work = cli.cwd
    result = cli("init", "--", name) if name.startswith("-") else cli("init", name)
    result.no_traceback()
    assert result.code == 0, result.err
    assert [p.name for p in work.iterdir()] == [name]
    assert tree(work / name) == {".storybank.toml": (work / name / ".storybank.toml").read_bytes()}
    assert "\x1b" not in result.out  # the name is not replayed to the terminal as an escape
    # The suggested next command is one line, and bash reads the folder back from it exactly.
    lines = result.out.strip().splitlines()
    assert len(lines) == 2 and lines[1].startswith("Next: storybank --bank "), result.out
    words = lines[1].removeprefix("Next: storybank --bank ").removesuffix(
        ' new "Your story title" --question project')
    echoed = subprocess.run(["bash", "-c", f"printf %s {words}"], capture_output=True, check=True)
    shown = f"./{name}" if name.startswith("-") else name
    assert echoed.stdout == shown.encode("utf-8"), (words, echoed.stdout)
    listed = cli(f"--bank={name}", "list", "--format", "json")
    assert listed.code == 0 and listed.json() == {"stories": [], "errors": []}


@pytest.mark.slow
@pytest.mark.parametrize("name", ["bank\nname", "bank\x1b]0;pwned\x07", "bank\rname"])
def test_a_missing_bank_with_a_hostile_name_is_one_escaped_line(cli, name):
    result = cli("--bank", name, "list")
    assert result.code == 2 and len(result.err_lines) == 1, result.err
    assert "\x1b" not in result.err and "\x07" not in result.err and "\r" not in result.err
    assert "storybank init" in result.err


@pytest.mark.slow
def test_file_names_with_escapes_do_not_reach_the_terminal(cli, tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    (bank / "evil\x1b[2J\nname.toml").write_bytes(b"title = 1")
    for fmt in ("text", "json"):
        result = cli("--bank", str(bank), "list", "--format", fmt)
        assert result.code == 2
        assert "\x1b" not in result.err and len(result.err_lines) == 2, result.err  # file + summary
    data = cli("--bank", str(bank), "list", "--format", "json").json()
    assert data["errors"][0]["path"] == str(bank / "evil\x1b[2J\nname.toml")  # JSON keeps it exact


@pytest.mark.slow
def test_init_examples_never_writes_through_links(cli, tmp_path):
    from storybank.paths import examples_dir

    names = sorted(p.name for p in examples_dir().glob("*.toml"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "kept.toml").write_text("mine", encoding="utf-8")
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / names[0]).symlink_to(outside / "victim.toml")  # dangling, pointing out of the bank
    (bank / names[1]).symlink_to(outside / "kept.toml")    # live, pointing out of the bank
    (bank / names[2]).mkdir()                              # a folder holding the name
    (bank / ".storybank.toml").symlink_to(outside / "settings.toml")  # dangling settings link
    result = cli("init", str(bank), "--examples", "--format", "json")
    result.no_traceback()
    assert result.code == 0, result.err
    data = result.json()
    assert sorted(data["skipped"]) == sorted(names[:3])
    assert sorted(data["copied"]) == names[3:]
    assert tree(outside) == {"kept.toml": b"mine"}  # nothing written through either link
    assert (bank / ".storybank.toml").is_symlink()


@pytest.mark.slow
def test_init_through_a_dangling_folder_link_is_refused(cli, tmp_path):
    (tmp_path / "link").symlink_to(tmp_path / "gone" / "deeper")
    result = cli("init", str(tmp_path / "link"))
    result.no_traceback()
    assert result.code == 2 and len(result.err_lines) == 1 and "does not exist" in result.err
    assert not (tmp_path / "gone").exists()


# --- export -o ----------------------------------------------------------------------------------

@pytest.mark.slow
def test_export_replaces_a_link_instead_of_writing_through_it(cli, tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.md").write_text("precious", encoding="utf-8")
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    (sheets / "live.md").symlink_to(outside / "precious.md")
    (sheets / "dangling.md").symlink_to(outside / "new.md")
    for name in ("live.md", "dangling.md"):
        result = cli("--bank", str(bank), "export", "-o", str(sheets / name))
        result.no_traceback()
        assert result.code == 0, result.err
        assert not (sheets / name).is_symlink() and "Payment retry" in (sheets / name).read_text("utf-8")
    assert tree(outside) == {"precious.md": b"precious"}
    assert sorted(p.name for p in sheets.iterdir()) == ["dangling.md", "live.md"]  # no temp files


@pytest.mark.slow
def test_export_never_writes_a_story_file_into_the_bank(cli, tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
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


# --- symlinks inside the bank -------------------------------------------------------------------------

@pytest.fixture
def linked_bank(tmp_path: Path) -> tuple[Path, Path]:
    bank = tmp_path / "bank"
    bank.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (bank / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    (outside / "theirs.toml").write_text(GOOD_STORY.replace("Payment retry", "Their retry"), encoding="utf-8")
    (bank / "linked.toml").symlink_to(outside / "theirs.toml")
    (bank / "alias.toml").symlink_to(bank / "good.toml")  # a link inside the bank
    sub = outside / "more"
    sub.mkdir()
    (sub / "hidden-story.toml").write_text(GOOD_STORY, encoding="utf-8")
    (bank / "subfolder").symlink_to(sub, target_is_directory=True)
    (bank / "folder.toml").symlink_to(sub, target_is_directory=True)  # a link to a folder, named .toml
    return bank, outside


def test_linked_story_loads_but_is_never_written_through(linked_bank):
    bank_dir, outside = linked_bank
    before = tree(outside)
    bank = Bank.open(bank_dir)
    assert sorted(s.id for s in bank.stories) == ["alias", "good", "linked"]
    assert bank.errors == []  # the linked folders are not stories, not errors
    for story_id in ("linked", "alias"):
        sf = bank.get(story_id)
        edited = sf.story.model_copy(update={"role": "Staff engineer"})
        for force in (False, True):
            with pytest.raises(UnsafePath, match="link"):
                bank.save(sf, edited, force=force)
    assert tree(outside) == before
    assert (bank_dir / "good.toml").read_text(encoding="utf-8") == GOOD_STORY
    # Keep both: the edit can always be saved as a new, real file in the bank.
    sf = bank.get("linked")
    copy = bank.save_copy(sf.story.model_copy(update={"role": "Staff engineer"}))
    assert copy.path.parent == bank_dir and not copy.path.is_symlink()
    assert read_story_file(copy.path).story.role == "Staff engineer"
    assert tree(outside) == before


def test_the_message_for_a_link_says_where_it_leads(linked_bank):
    bank_dir, outside = linked_bank
    bank = Bank.open(bank_dir)
    sf = bank.get("linked")
    with pytest.raises(StorybankError) as caught:
        bank.save(sf, sf.story.model_copy(update={"role": "x"}))
    assert "outside the bank" in str(caught.value) and str(outside / "theirs.toml") in str(caught.value)


def test_a_hard_linked_story_is_saved_without_touching_the_other_name(tmp_path):
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    outside = tmp_path / "outside.toml"
    outside.write_text(GOOD_STORY, encoding="utf-8")
    os.link(outside, bank_dir / "hard.toml")
    bank = Bank.open(bank_dir)
    sf = bank.get("hard")
    assert bank.save(sf, sf.story.model_copy(update={"role": "Staff engineer"}))
    assert outside.read_text(encoding="utf-8") == GOOD_STORY  # the save replaced the bank's name only
    assert read_story_file(bank_dir / "hard.toml").story.role == "Staff engineer"


def test_delete_moves_the_link_not_its_target(linked_bank):
    bank_dir, outside = linked_bank
    before = tree(outside)
    bank = Bank.open(bank_dir)
    moved = bank.delete(bank.get("linked"))
    assert moved.is_symlink() and tree(outside) == before


@pytest.mark.slow
def test_new_never_writes_through_a_dangling_link_named_like_the_new_id(cli, tmp_path):
    bank = tmp_path / "bank"
    bank.mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (bank / "retry-pipeline.toml").symlink_to(outside / "victim.toml")
    (bank / "retry-pipeline-2.toml").symlink_to("../outside/relative-victim.toml")
    (bank / "retry-pipeline-3.toml").symlink_to(outside / "no" / "such" / "folder.toml")
    result = cli("--bank", str(bank), "new", "Retry pipeline", "--format", "json")
    result.no_traceback()
    assert result.code == 0, result.err
    assert result.json()["id"] == "retry-pipeline-4"
    assert tree(outside) == {}
    listed = cli("--bank", str(bank), "list", "--format", "json")
    assert [s["id"] for s in listed.json()["stories"]] == ["retry-pipeline-4"]
    assert listed.json()["errors"] == []  # a dangling link is not a story file


@pytest.mark.slow
def test_commands_on_a_bank_with_links_serve_and_change_nothing(cli, linked_bank):
    bank_dir, outside = linked_bank
    before_out, before_bank = tree(outside), tree(bank_dir)
    for args in (["list"], ["lint"], ["coverage"], ["followups", "linked"], ["match", "why"]):
        result = cli("--bank", str(bank_dir), *args, "--format", "json")
        result.no_traceback()
        assert result.code in (0, 1), (args, result.err)
        json.loads(result.out)
    assert tree(outside) == before_out and tree(bank_dir) == before_bank


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


def test_a_link_loop_in_the_bank_is_a_load_error_not_a_failed_bank(tmp_path):
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    (bank_dir / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    (bank_dir / "self.toml").symlink_to("self.toml")
    (bank_dir / "a.toml").symlink_to("b.toml")
    (bank_dir / "b.toml").symlink_to("a.toml")
    bank = Bank.open(bank_dir)
    assert [s.id for s in bank.stories] == ["good"]
    assert sorted(e.path.name for e in bank.errors) == ["a.toml", "b.toml", "self.toml"]
    assert all("cannot be read" in e.message for e in bank.errors)
    assert bank.create("Self", []).id == "self-2"  # the names stay taken
