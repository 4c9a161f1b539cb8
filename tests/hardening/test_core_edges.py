"""Core edge cases found while hardening: text that cannot be written, and what must survive."""

from __future__ import annotations

import pytest

from storybank.bank import Bank
from storybank.errors import StorybankError

from .conftest import GOOD

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
    path.write_text(GOOD, encoding="utf-8")
    bank = Bank.open(tmp_path)
    sf = bank.get("good")
    with pytest.raises(StorybankError, match="not UTF-8"):
        bank.save(sf, sf.story.model_copy(update={"action": text}))
    assert path.read_text(encoding="utf-8") == GOOD
    assert sf.text == GOOD and sf.story.action.strip().startswith("I moved retries")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.toml"]  # no temp file left
