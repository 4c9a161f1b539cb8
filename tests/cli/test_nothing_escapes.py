"""Nothing escapes through the command line: a hostile folder or file name creates exactly that
folder, never a hidden or outside one, and never reaches the terminal as an escape; `init` never
writes through a link. (tests/bank/test_hostile_titles.py covers hostile titles for `new` and
Bank.create, tests/bank/test_links.py links inside the bank, and tests/export/test_nothing_escapes.py
the cheat sheet.)"""

from __future__ import annotations

import subprocess

import pytest

from tests.helpers import tree

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
    # (Between them, one line names the settings that make the bank speak the user's field.)
    lines = result.out.strip().splitlines()
    assert len(lines) == 3 and lines[1].startswith("Set your field") and lines[2].startswith("Next: storybank --bank "), result.out
    words = lines[2].removeprefix("Next: storybank --bank ").removesuffix(
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
def test_file_names_with_escapes_do_not_reach_the_terminal(cli, good_bank):
    bank = good_bank
    (bank / "evil\x1b[2J\nname.toml").write_bytes(b"title = 1")
    for fmt in ("text", "json"):
        result = cli("--bank", str(bank), "list", "--format", fmt)
        assert result.code == 2
        assert "\x1b" not in result.err and len(result.err_lines) == 2, result.err  # file + summary
    data = cli("--bank", str(bank), "list", "--format", "json").json()
    assert data["errors"][0]["path"] == str(bank / "evil\x1b[2J\nname.toml")  # JSON keeps it exact


@pytest.mark.slow
def test_init_examples_never_writes_through_links(cli, tmp_path):
    from tests.helpers import EXAMPLES

    names = sorted(p.name for p in EXAMPLES.glob("*.toml"))
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
