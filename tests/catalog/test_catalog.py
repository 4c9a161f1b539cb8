"""The catalog loader: the built-in catalog, a bank's own catalog, and errors in one line."""

from __future__ import annotations

import pytest

from storybank.catalog import builtin_catalog, load_catalog
from storybank.errors import StorybankError
from storybank.settings import SETTINGS_FILE, load_settings

QUESTIONS = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric",
             "schedule"]
PROBES = ["differently", "alternatives", "technical", "collaborators"]

SMALL_CATALOG = """\
name = "Tiny"
[[questions]]
id = "project"
question = "Tell me about a project."
label = "Project"
[[probes]]
id = "technical"
question = "How did it work?"
label = "Technical"
"""


def test_builtin_catalog_has_the_eight_question_types_and_four_probes():
    catalog = builtin_catalog()
    assert catalog.question_ids() == QUESTIONS
    assert catalog.probe_ids() == PROBES
    assert catalog.question("project").question
    assert catalog.question("nope") is None
    assert catalog.probe("technical") is not None
    assert load_catalog(None) is catalog


def test_a_banks_own_catalog_relative_to_the_settings_file(bank_dir):
    (bank_dir / "mine.toml.catalog").write_bytes(b"\xef\xbb\xbf" + SMALL_CATALOG.encode())
    (bank_dir / SETTINGS_FILE).write_text('catalog = "mine.toml.catalog"\n', encoding="utf-8")
    catalog = load_catalog(load_settings(bank_dir).catalog_path())
    assert catalog.name == "Tiny"
    assert catalog.question_ids() == ["project"]
    assert catalog.source.endswith("mine.toml.catalog")


@pytest.mark.parametrize(("content", "words"), [
    (b"name = [", "not valid TOML"),
    (SMALL_CATALOG.replace('id = "technical"', 'id = "project"\nmystery = 1').encode(), "mystery"),
    ((SMALL_CATALOG + '[[questions]]\nid = "project"\nquestion = "q"\nlabel = "l"\n').encode(), "twice"),
    (b'name = "x"\n', "questions"),
])
def test_a_bad_catalog_is_one_clear_error(tmp_path, content, words):
    path = tmp_path / "catalog.toml"
    path.write_bytes(content)
    with pytest.raises(StorybankError) as raised:
        load_catalog(path)
    message = str(raised.value)
    assert str(path) in message and words in message


def test_a_missing_catalog_is_an_error(tmp_path):
    with pytest.raises(StorybankError, match="cannot read the catalog"):
        load_catalog(tmp_path / "gone.toml")
