"""No title, however hostile, creates a file outside the bank or a hidden file (README "The story format")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storybank.bank import Bank, StoryFile, read_story_file

NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}\.toml$")

HOSTILE = {
    "dotdot-path": "../../x",
    "absolute": "/etc/passwd",
    "dotdot": "..",
    "hidden": ".hidden",
    "con": "CON",
    "nul": "nul",
    "com1": "com1",
    "blank": "   ",
    "emoji": "🚀🔥",
    "separators": "a/b\\c",
    "long": "Migrating the billing platform " * 17,  # 510 characters
    "rtl": "מערכת תשלומים חדשה",
    "rtl-override": "\u202eexe.story",
    "nul-char": "before\x00after",
    "cyrillic": "Миграция базы данных",
    "control": "line\nbreak\ttab\r",
    "dashes": "---",
    "dot-toml": "story.toml",
}
CLI_UNSAFE = {"nul-char"}  # a command line cannot carry a NUL character at all


def _listing(folder: Path, exclude: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*") if exclude not in p.parents and p != exclude}


def _check_bank(bank_dir: Path, expected_files: int) -> list[Path]:
    files = sorted(bank_dir.iterdir())
    assert len(files) == expected_files, files
    for path in files:
        assert path.parent == bank_dir
        assert NAME.match(path.name), path.name
        assert not path.name.startswith(".")
        result = read_story_file(path)
        assert isinstance(result, StoryFile), str(result)
    return files


@pytest.mark.parametrize("title", list(HOSTILE.values()), ids=list(HOSTILE))
def test_create_keeps_hostile_titles_inside_the_bank(tmp_path, title):
    bank_dir = tmp_path / "bank"
    bank_dir.mkdir()
    before = _listing(tmp_path.parent, bank_dir)
    bank = Bank.open(bank_dir)
    sf = bank.create(title, ["project"])
    assert sf.path.parent == bank_dir
    _check_bank(bank_dir, 1)
    assert read_story_file(sf.path).story.title == title  # the title itself is kept verbatim
    assert _listing(tmp_path.parent, bank_dir) == before


def test_transliteration_and_reserved_names():
    from storybank import ids

    assert ids.slugify("Миграция базы данных") == "migratsiya-bazy-dannykh"
    assert ids.slugify("CON") == "con-story"
    assert ids.slugify("🚀🔥") not in {"", "-"}
    assert ids.slugify("../../x") == "x"
    assert ids.slugify("/etc/passwd") == "etc-passwd"


def test_duplicate_titles_get_suffixes(bank_dir):
    bank = Bank.open(bank_dir)
    made = [bank.create("Same title", []).id for _ in range(3)]
    assert made == ["same-title", "same-title-2", "same-title-3"]
    # A fresh Bank (another process) sees the files and continues the sequence.
    assert Bank.open(bank_dir).create("Same title", []).id == "same-title-4"
    # Titles that only differ in case or punctuation collide too.
    assert Bank.open(bank_dir).create("SAME  title!", []).id == "same-title-5"
    _check_bank(bank_dir, 5)


def test_a_long_title_at_the_id_limit_still_gets_unique_suffixes(bank_dir):
    bank = Bank.open(bank_dir)
    title = "x" * 200
    made = [bank.create(title, []).id for _ in range(12)]
    assert len(set(made)) == 12
    assert all(len(i) <= 64 for i in made)
    _check_bank(bank_dir, 12)


def test_create_never_overwrites_a_file_it_did_not_see(bank_dir):
    bank = Bank.open(bank_dir)  # loaded while the folder was empty
    (bank_dir / "taken.toml").write_text("not even a story", encoding="utf-8")
    bank.stories.clear()
    sf = bank.create("Taken", [])
    assert sf.id == "taken-2"
    assert (bank_dir / "taken.toml").read_text(encoding="utf-8") == "not even a story"


@pytest.mark.slow
def test_cli_new_with_hostile_titles(tmp_path, cli):
    bank_dir = tmp_path / "bank"
    assert cli("init", str(bank_dir)).code == 0
    settings = bank_dir / ".storybank.toml"
    before = _listing(tmp_path.parent, bank_dir)
    created = 0
    for name, title in HOSTILE.items():
        if name in CLI_UNSAFE:
            continue
        result = cli("--bank", str(bank_dir), "new", "--question", "project", "--", title)
        assert "Traceback" not in result.out + result.err
        if not title.strip():
            assert result.code == 2 and len(result.err_lines) == 1, result
            continue
        assert result.code == 0, (name, result)
        printed = Path(result.out.strip())
        if not printed.is_absolute():
            printed = cli.cwd / printed
        assert printed.parent.resolve() == bank_dir.resolve(), (name, printed)
        assert printed.is_file()
        created += 1
    for title in ("Same", "Same", "Same"):
        assert cli("--bank", str(bank_dir), "new", title).code == 0
    assert {p.name for p in bank_dir.iterdir() if p.name.startswith("same")} == \
        {"same.toml", "same-2.toml", "same-3.toml"}
    assert settings.is_file()
    files = [p for p in bank_dir.iterdir() if p != settings]
    _check_bank_files(files, bank_dir, created + 3)
    assert _listing(tmp_path.parent, bank_dir) - {str(cli.cwd)} == before - {str(cli.cwd)}
    assert list(cli.cwd.iterdir()) == []


def _check_bank_files(files: list[Path], bank_dir: Path, expected: int) -> None:
    assert len(files) == expected
    for path in files:
        assert path.parent == bank_dir and NAME.match(path.name), path.name
        assert isinstance(read_story_file(path), StoryFile)


def test_create_steps_over_names_held_by_folders_and_dangling_links(bank_dir):
    (bank_dir / "same.toml").mkdir()
    (bank_dir / "gone.toml").symlink_to(bank_dir / "nowhere")
    bank = Bank.open(bank_dir)
    assert bank.create("Same", []).id == "same-2"
    assert bank.create("Gone", []).id == "gone-2"
    assert (bank_dir / "same.toml").is_dir()
    assert (bank_dir / "gone.toml").is_symlink() and not (bank_dir / "nowhere").exists()
