"""The story model (README "The story format"): what is a story, what is a load error, and what the error says."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.errors import LoadError
from storybank.model import Followups, Metric, Story
from storybank.storyfile import parse_story
from tests.helpers import GOOD_STORY

PATH = Path("bank/some-story.toml")
HEAD = 'title = "T"\nquestions = ["project"]\n'


def parse(text: str) -> Story | LoadError:
    return parse_story(text.encode("utf-8"), PATH)


def load_error(text: str) -> LoadError:
    result = parse(text)
    assert isinstance(result, LoadError), f"expected a load error, got {result!r}"
    assert result.path == PATH
    assert str(PATH) in str(result)
    return result


def test_good_story_loads_every_field():
    story = parse(GOOD_STORY)
    assert isinstance(story, Story)
    assert story.title == "Payment retry pipeline at Acme"
    assert story.questions == ["project", "performance"]
    assert story.role == "Backend engineer, Acme"
    assert story.when == "2023"
    assert story.technologies == ["Redis", "Python"]
    assert story.situation.startswith("Failed card payments")
    assert story.ignore == ["SB204"]
    assert [m.name for m in story.metrics] == ["failed-retry latency", "transactions"]
    assert story.metrics[0].is_change() and (story.metrics[0].before, story.metrics[0].after) == (4.2, 1.1)
    assert story.metrics[1].value == 3000000 and not story.metrics[1].is_change()
    assert story.followup("technical").startswith("Sorted sets")
    assert story.model_extra == {}


def test_draft_with_empty_sections_no_metrics_no_followups_loads():
    story = parse('title = "Draft"\nquestions = []\nsituation = ""\naction = ""\n')
    assert isinstance(story, Story)
    assert story.metrics == [] and story.followups is None
    assert story.answer_text() == "" and story.followup("technical") == ""


def test_skeleton_with_empty_followups_table_loads():
    story = parse(HEAD + "[followups]\n")
    assert isinstance(story, Story)
    assert story.followups == Followups()


# --- each kind of bad field: the error names the field path and says how to fix it --------------

BAD_FIELDS = [
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nbefore = "4.2s"\nafter = 1.1\n',
                 "metrics[0].before", ["unit", "number"], id="metric-text-with-unit"),
    pytest.param(HEAD + '[[metrics]]\nname = "ok"\nvalue = 1\n[[metrics]]\nname = "lat"\nvalue = "3 ms"\n',
                 "metrics[1].value", ["unit", "number"], id="second-metric-text"),
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nbefore = 4.2\n',
                 "metrics[0]", ["after"], id="metric-only-before"),
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nafter = 4.2\n',
                 "metrics[0]", ["before"], id="metric-only-after"),
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nunit = "s"\n',
                 "metrics[0]", ["value", "before", "after"], id="metric-without-numbers"),
    pytest.param(HEAD + '[[metrics]]\nvalue = 1\n',
                 "metrics[0].name", ["name ="], id="metric-without-name"),
    pytest.param('title = 42\nquestions = ["project"]\n', "title", ["text in quotes", "not a number"],
                 id="title-int"),
    pytest.param('questions = ["project"]\n[title]\nen = "T"\n', "title", ["text in quotes", "not a table"],
                 id="title-table"),
    pytest.param('title = "T"\nquestions = ["project"]\nrole = true\n', "role", ["not true"],
                 id="role-bool"),
    pytest.param('questions = ["project"]\n', "title", ["title ="], id="title-missing"),
    pytest.param('title = "T"\nquestions = "project"\n', "questions", ["list", "["], id="questions-string"),
    pytest.param('title = "T"\nquestions = ["project", 3]\n', "questions[1]", ["text in quotes"],
                 id="question-id-int"),
    pytest.param(HEAD + 'technologies = "Redis, Python"\n', "technologies", ["list", "["],
                 id="technologies-string"),
    pytest.param(HEAD + 'followups = "later"\n', "followups", ["[followups]", "table"],
                 id="followups-string"),
    pytest.param(HEAD + '[followups]\ntechnical = 3\n', "followups.technical", ["text in quotes"],
                 id="followup-int"),
    pytest.param(HEAD + 'metrics = "fast"\n', "metrics", ["[[metrics]]"], id="metrics-string"),
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nvalue = nan\n', "metrics[0].value", ["finite"],
                 id="metric-nan"),
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nvalue = inf\n', "metrics[0].value", ["finite"],
                 id="metric-inf"),
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nbefore = -inf\nafter = 1\n', "metrics[0].before",
                 ["finite"], id="metric-minus-inf"),
    pytest.param(HEAD + '[[metrics]]\nname = "lat"\nvalue = true\n', "metrics[0].value", ["number", "not true"],
                 id="metric-bool"),
    pytest.param(HEAD + 'role = ["a", "b"]\n', "role", ["text in quotes", "not a list"], id="role-list"),
]


@pytest.mark.parametrize(("text", "field", "fix_words"), BAD_FIELDS)
def test_bad_field_is_a_load_error_naming_field_and_fix(text, field, fix_words):
    err = load_error(text)
    assert err.field == field
    assert f"`{field}`" in err.message
    for word in fix_words:
        assert word in err.message, f"{word!r} missing from {err.message!r}"
    if field != "title":  # a missing top-level key has no line to point at
        assert err.line is not None, "the error should point at a line"
        assert 1 <= err.line <= text.count("\n") + 1


def test_metric_error_points_at_the_offending_line():
    text = HEAD + '\n[[metrics]]\nname = "a"\nvalue = 1\n\n[[metrics]]\nname = "b"\nbefore = "4.2s"\nafter = 1\n'
    err = load_error(text)
    assert text.splitlines()[err.line - 1] == 'before = "4.2s"'


def test_the_text_value_is_quoted_in_the_advice():
    err = load_error(HEAD + '[[metrics]]\nname = "lat"\nbefore = "4.2s"\nafter = 1.1\n')
    assert '"4.2s"' in err.message
    assert 'unit = "s"' in err.message


def test_model_rejects_bad_metrics_directly():
    with pytest.raises(ValueError):
        Metric(name="x", before=1)
    with pytest.raises(ValueError):
        Metric(name="x")
    with pytest.raises(ValueError):
        Metric(name="x", value=True)
    with pytest.raises(ValueError):
        Metric(name="x", value=float("nan"))
    with pytest.raises(ValueError):
        Metric(name="x", value="4")  # strict: no coercion from text
    assert Metric(name="x", before=-1, after=10**15).is_change()


# --- unknown keys are kept ---------------------------------------------------------------------

def test_unknown_keys_are_kept_at_every_level():
    text = (HEAD + 'situaton = "typo"\nnotes = ["a", 1]\n'
            '[[metrics]]\nname = "lat"\nvalue = 1\nsource = "grafana"\n'
            '[followups]\ntechnical = "t"\nrisks = "r"\n')
    story = parse(text)
    assert isinstance(story, Story)
    assert story.model_extra == {"situaton": "typo", "notes": ["a", 1]}
    assert story.unknown_keys() == ["situaton", "notes"]
    assert story.metrics[0].model_extra == {"source": "grafana"}
    assert story.followups is not None and story.followups.model_extra == {"risks": "r"}
    data = story.to_data()
    assert data["situaton"] == "typo" and data["notes"] == ["a", 1]
    assert data["metrics"][0]["source"] == "grafana"
    assert data["followups"]["risks"] == "r"


def test_a_key_named_like_the_python_field_is_an_unknown_key_not_the_schema():
    # `schema` is the format's key; `schema_version` is only the attribute's name in code.
    story = parse(HEAD + "schema_version = 7\n")
    assert isinstance(story, Story)
    assert story.schema_version == 1
    assert story.model_extra == {"schema_version": 7}


# --- friendly spellings ------------------------------------------------------------------------

def test_when_as_a_bare_year_is_accepted_as_text():
    story = parse(HEAD + "when = 2023\n")
    assert isinstance(story, Story)
    assert story.when == "2023"


def test_when_as_a_toml_date_is_accepted_as_text():
    story = parse(HEAD + "when = 2023-05-01\n")
    assert isinstance(story, Story)
    assert story.when == "2023-05-01"


def test_when_as_bool_is_still_an_error():
    err = load_error(HEAD + "when = true\n")
    assert err.field == "when"


def test_missing_schema_means_one_and_current_schema_loads():
    assert parse(HEAD).schema_version == 1
    assert parse("schema = 1\n" + HEAD).schema_version == 1


@pytest.mark.parametrize("schema", ["0", "-1", '"1"', "1.0", "true"])
def test_nonsense_schema_is_an_error_naming_schema(schema):
    err = load_error(f"schema = {schema}\n" + HEAD)
    assert err.field == "schema"
    assert "schema" in err.message
