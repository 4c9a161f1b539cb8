"""A save that fails part-way leaves the original file, no temp file, and the old in-memory state."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from storybank import atomic
from storybank.bank import Bank
from storybank.errors import StorybankError
from tests.helpers import GOOD_STORY

ERRORS = {
    "enospc": lambda: OSError(errno.ENOSPC, "No space left on device"),
    "permission": lambda: PermissionError(errno.EACCES, "Permission denied"),
}


class _FailingWrites:
    """A file object whose write() fails, wrapping the real one so it still closes."""

    def __init__(self, real, exc):
        self._real, self._exc = real, exc

    def write(self, data):
        self._real.write(data[: len(data) // 2])  # a partial write, then the failure
        raise self._exc

    def __getattr__(self, name):
        return getattr(self._real, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._real.close()
        return False


def _break(monkeypatch, where: str, exc: BaseException) -> None:
    def boom(*args, **kwargs):
        raise exc

    if where == "replace":
        monkeypatch.setattr(os, "replace", boom)
    elif where == "fsync":
        monkeypatch.setattr(os, "fsync", boom)
    elif where == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FailingWrites(real_fdopen(*a, **k), exc))
    elif where == "chmod":
        monkeypatch.setattr(os, "chmod", boom)
    elif where == "mkstemp":
        monkeypatch.setattr(atomic.tempfile, "mkstemp", boom)
    else:  # pragma: no cover
        raise AssertionError(where)


def _temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]


@pytest.mark.parametrize("kind", sorted(ERRORS))
@pytest.mark.parametrize("where", ["replace", "fsync", "write", "chmod", "mkstemp"])
def test_failed_save_keeps_the_file_and_the_state(good_bank, monkeypatch, where, kind):
    path = good_bank / "good.toml"
    original = path.read_bytes()
    bank = Bank.open(good_bank)
    sf = bank.get("good")
    old_story, old_text, old_digest = sf.story, sf.text, sf.digest
    edited = sf.story.model_copy(update={"situation": "A completely new situation. " * 200})

    exc = ERRORS[kind]()
    with monkeypatch.context() as patch:
        _break(patch, where, exc)
        with pytest.raises(OSError) as raised:
            bank.save(sf, edited)
    assert raised.value is exc

    assert path.read_bytes() == original
    assert _temp_files(good_bank) == []
    assert sorted(p.name for p in good_bank.iterdir()) == ["good.toml"]
    assert (sf.story, sf.text, sf.digest) == (old_story, old_text, old_digest)
    assert bank.disk_digest(sf) == sf.digest

    # Once the disk is healthy again the same save goes through.
    assert bank.save(sf, edited) is True
    assert Bank.open(good_bank).get("good").story.to_data() == edited.to_data()


@pytest.mark.parametrize("kind", sorted(ERRORS))
@pytest.mark.parametrize("where", ["fsync", "write", "chmod", "link"])
def test_failed_create_leaves_nothing(bank_dir, monkeypatch, where, kind):
    exc = ERRORS[kind]()
    bank = Bank.open(bank_dir)
    with monkeypatch.context() as patch:
        if where == "link":
            # A filesystem without hard links falls back to reserve-then-rename; make both fail.
            def no_link(*a, **k):
                raise OSError(errno.EPERM, "Operation not permitted")

            def boom(*a, **k):
                raise exc

            patch.setattr(os, "link", no_link)
            patch.setattr(os, "replace", boom)
        else:
            _break(patch, where, exc)
        with pytest.raises(OSError):
            bank.create("Brand new story", ["project"])
    assert list(bank_dir.iterdir()) == []
    assert bank.stories == []
    # And afterwards the name is still free.
    assert bank.create("Brand new story", ["project"]).id == "brand-new-story"


def test_create_without_hard_links_still_works(bank_dir, monkeypatch):
    def no_link(*a, **k):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    bank = Bank.open(bank_dir)
    first = bank.create("Same", [])
    second = bank.create("Same", [])
    assert (first.id, second.id) == ("same", "same-2")
    assert sorted(p.name for p in bank_dir.iterdir()) == ["same-2.toml", "same.toml"]


def test_save_keeps_the_file_mode(good_bank):
    path = good_bank / "good.toml"
    path.chmod(0o600)
    bank = Bank.open(good_bank)
    sf = bank.get("good")
    assert bank.save(sf, sf.story.model_copy(update={"role": "Staff engineer"}))
    assert path.stat().st_mode & 0o777 == 0o600


def test_save_refuses_a_symlink(good_bank, tmp_path):
    outside = tmp_path / "outside.toml"
    outside.write_text(GOOD_STORY, encoding="utf-8")
    (good_bank / "linked.toml").symlink_to(outside)
    bank = Bank.open(good_bank)
    sf = bank.get("linked")
    with pytest.raises(StorybankError, match="outside the bank"):
        bank.save(sf, sf.story.model_copy(update={"role": "x"}))
    assert outside.read_text(encoding="utf-8") == GOOD_STORY


def test_cli_reports_a_failed_write_as_one_line(good_bank, monkeypatch, capsys):
    from storybank.cli import main

    def boom(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    monkeypatch.setattr(os, "link", boom)
    code = main(["--bank", str(good_bank), "new", "Another story"])
    err = capsys.readouterr().err
    assert code == 2
    assert "No space left on device" in err
    assert len(err.strip().splitlines()) == 1
    assert sorted(p.name for p in good_bank.iterdir()) == ["good.toml"]
