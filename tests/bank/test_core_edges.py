"""Core edge cases found while hardening: text that cannot be written, and what must survive."""

from __future__ import annotations

import pytest

from storybank.bank import Bank
from storybank.errors import StorybankError
from tests.helpers import GOOD_STORY

LONE_SURROGATES = ["bad \udcff title", "\udc80", "ok \ud800 then"]


@pytest.mark.parametrize("title", LONE_SURROGATES)
def test_create_with_text_utf8_cannot_hold_is_a_clear_error_and_writes_nothing(tmp_path, title):
    # A title given on the command line as bytes that are not UTF-8 arrives as lone surrogates.
    bank = Bank.open(tmp_path)
    with pytest.raises(StorybankError, match="not UTF-8"):
        bank.create(title, ["project"])
    assert list(tmp_path.iterdir()) == []
    assert bank.stories == []


@pytest.mark.parametrize("text", LONE_SURROGATES)
def test_save_with_text_utf8_cannot_hold_keeps_the_file(tmp_path, text):
    path = tmp_path / "good.toml"
    path.write_text(GOOD_STORY, encoding="utf-8")
    bank = Bank.open(tmp_path)
    sf = bank.get("good")
    with pytest.raises(StorybankError, match="not UTF-8"):
        bank.save(sf, sf.story.model_copy(update={"action": text}))
    assert path.read_text(encoding="utf-8") == GOOD_STORY
    assert sf.text == GOOD_STORY and sf.story.action.strip().startswith("I moved retries")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.toml"]  # no temp file left


# --- special files where a story, the settings or a catalog belongs --------------------------------
# A named pipe used to hang every command until something wrote to it.

def _in_thread(fn, timeout: float = 5.0):
    import threading

    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    return worker.is_alive(), box


def _unblock(path):
    import os

    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # a writer lets a stuck reader finish
    os.close(fd)


@pytest.mark.parametrize("where", [".storybank.toml", "catalog.fifo"])
def test_a_named_pipe_as_settings_or_catalog_is_a_clear_error_not_a_hang(tmp_path, where):
    import os

    from storybank.catalog import load_catalog

    pipe = tmp_path / where
    os.mkfifo(pipe)
    if where != ".storybank.toml":
        (tmp_path / ".storybank.toml").write_text(f'catalog = "{where}"\n', encoding="utf-8")

    def open_and_load():
        bank = Bank.open(tmp_path)
        return load_catalog(bank.settings.catalog_path())

    stuck, box = _in_thread(open_and_load)
    if stuck:
        _unblock(pipe)
        pytest.fail("reading a named pipe blocked")
    assert isinstance(box.get("error"), StorybankError), box
    assert "not a regular file" in str(box["error"]) and where in str(box["error"])


def test_a_story_replaced_by_a_named_pipe_is_a_conflict_not_a_hang(tmp_path):
    import os

    (tmp_path / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    bank = Bank.open(tmp_path)
    sf = bank.get("good")
    (tmp_path / "good.toml").unlink()
    os.mkfifo(tmp_path / "good.toml")
    stuck, box = _in_thread(lambda: bank.save(sf, sf.story.model_copy(update={"role": "x"})))
    if stuck:
        _unblock(tmp_path / "good.toml")
        pytest.fail("saving over a named pipe blocked")
    assert isinstance(box.get("error"), OSError | StorybankError), box
    stuck, box = _in_thread(lambda: bank.reload(sf))
    assert not stuck and "not a regular file" in str(box.get("value")), box
