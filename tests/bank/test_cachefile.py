"""The per-bank cache files (cachefile.py): one file per bank and kind, read back only under the
stamp it was written with; a corrupt, truncated, foreign or unwritable file is a miss."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storybank.cachefile import CacheFile, cache_file


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    (tmp_path / "bank").mkdir()
    (tmp_path / "other").mkdir()
    return tmp_path / "cache"


def _file(root: Path, kind: str = "words") -> CacheFile:
    found = cache_file(root, kind)
    assert found is not None
    return found


def test_one_file_per_bank_and_kind_in_the_cache_folder(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    words = _file(tmp_path / "bank")
    assert words.path.parent == cache and words.path.name.startswith("words-")
    assert _file(tmp_path / "bank", "toml").path != words.path
    assert _file(tmp_path / "other").path != words.path
    monkeypatch.chdir(tmp_path)
    assert _file(Path("bank")).path == words.path          # the same folder, however it is named


def test_data_is_read_back_under_its_stamp_only(cache: Path, tmp_path: Path) -> None:
    f = _file(tmp_path / "bank")
    assert f.load("v1") is None                            # nothing written yet
    assert f.save("v1", {"a": [1, "b"]})
    assert f.load("v1") == {"a": [1, "b"]}
    assert f.load("v2") is None
    assert not [p for p in cache.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("content", [b"", b'{"stamp": "v1", "da', b"\xff\xfe", b"[1]", b'"v1"',
                                     b'{"data": 1}', b"[" * 100_000])
def test_a_corrupt_truncated_or_foreign_file_is_a_miss(cache: Path, tmp_path: Path, content: bytes) -> None:
    f = _file(tmp_path / "bank")
    f.save("v1", {"a": 1})
    f.path.write_bytes(content)
    assert f.load("v1") is None


def test_an_unwritable_cache_folder_is_a_failed_save_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(blocker / "cache"))
    f = _file(tmp_path)
    assert f.save("v1", {"a": 1}) is False
    assert f.load("v1") is None


def test_no_cache_or_a_bank_that_cannot_be_resolved_means_no_file(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loop = tmp_path / "loop"
    os.symlink(loop, loop)
    assert cache_file(loop, "words") is None
    monkeypatch.setenv("STORYBANK_NO_CACHE", "1")
    assert cache_file(tmp_path / "bank", "words") is None
