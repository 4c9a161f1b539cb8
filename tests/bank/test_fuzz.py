"""Fuzzing: valid, nearly valid and garbage story files through loading, analysis, export and save.

The only allowed outcomes of loading are a Story or a LoadError; analysis never raises; export
never raises for a loadable story and escapes every field in HTML; an edited story saves and
reloads as the same story.
"""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from storybank.analysis.coverage import compute_coverage
from storybank.analysis.engine import analyze
from storybank.analysis.followups import followup_prompts
from storybank.analysis.matching import match_question, rank_stories
from storybank.bank import Bank, StoryFile, read_story_file
from storybank.catalog import builtin_catalog
from storybank.errors import LoadError
from storybank.settings import Settings
from tests.strategies import (
    PROBES,
    QUESTION_IDS,
    SPECIALS,
    any_file,
    garbage_bytes,
    long_text,
    metric,
    nearly_valid_bytes,
    text,
    valid_bytes,
)

# STORYBANK_FUZZ_SCALE=20 for a long hunt; the default keeps the folder well under two minutes.
SCALE = float(os.environ.get("STORYBANK_FUZZ_SCALE", "1"))


def examples(n: int) -> int:
    return max(1, int(n * SCALE))


CATALOG = builtin_catalog()
SETTINGS = Settings()
FUZZ = settings(max_examples=examples(120), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.filter_too_much, HealthCheck.data_too_large])
CODE = re.compile(r"^SB\d{3}$")


def fresh_bank(tmp_path: Path, data: bytes, name: str = "story.toml") -> Bank:
    """A new bank folder per example (tmp_path is shared by all of a test's examples)."""
    root = tmp_path / uuid.uuid4().hex[:12]
    root.mkdir()
    (root / name).write_bytes(data)
    return Bank.open(root)


def load_one(tmp_path: Path, data: bytes) -> tuple[Bank, StoryFile | LoadError]:
    bank = fresh_bank(tmp_path, data)
    assert len(bank.stories) + len(bank.errors) == 1, (bank.stories, bank.errors)
    return bank, (bank.stories or bank.errors)[0]


# --- loading ----------------------------------------------------------------------------------------

@FUZZ
@given(data=any_file)
def test_loading_gives_a_story_or_a_load_error_naming_the_file(tmp_path, data):
    bank, result = load_one(tmp_path, data)
    if isinstance(result, LoadError):
        assert result.path == bank.root / "story.toml"
        assert result.message.strip() and str(result).startswith(str(result.path))
        assert result.line is None or result.line >= 1
        assert result.to_json()["path"] == str(result.path)
    else:
        assert result.id == "story" and isinstance(result.story.title, str)


@settings(FUZZ, max_examples=examples(60))
@given(data=valid_bytes)
def test_every_valid_file_loads(tmp_path, data):
    _, result = load_one(tmp_path, data)
    assert isinstance(result, StoryFile), str(result)


@settings(FUZZ, max_examples=examples(60))
@given(data=garbage_bytes)
def test_garbage_is_a_load_error_and_is_left_alone(tmp_path, data):
    bank, result = load_one(tmp_path, data)
    assert (bank.root / "story.toml").read_bytes() == data
    if isinstance(result, StoryFile):  # random bytes can spell a story, rarely
        assert result.story.title is not None


# --- analysis ---------------------------------------------------------------------------------------

def loadable(tmp_path, data) -> tuple[Bank, StoryFile]:
    bank, result = load_one(tmp_path, data)
    assume(isinstance(result, StoryFile))
    return bank, result


@FUZZ
@given(data=st.one_of(valid_bytes, nearly_valid_bytes),
       question=st.one_of(st.text(), st.sampled_from(SPECIALS), text))
def test_analysis_never_raises(tmp_path, data, question):
    bank, sf = loadable(tmp_path, data)
    report = analyze(sf.story, CATALOG, SETTINGS, sf.id)
    for score in report.scores.values():
        assert 0 <= score.value <= 100 and isinstance(score.value, int)
    for finding in report.findings:
        assert CODE.match(finding.code) and finding.severity in {"error", "warning", "info"}
        assert finding.message.strip()
    prompts = followup_prompts(sf.story, CATALOG, SETTINGS)
    assert [p.probe for p in prompts[:4]] == ["differently", "alternatives", "technical", "collaborators"]
    assert all(p.prompt.strip() for p in prompts)
    cov = compute_coverage(bank.stories, {sf.id: report}, CATALOG)
    assert {t.id for t in cov.question_types} == set(QUESTION_IDS)
    assert all(t.assigned in (None, sf.id) for t in cov.question_types)
    best, alternatives = match_question(question, CATALOG)
    assert 0 <= best.score <= 100 and len(alternatives) <= 3
    ranked = rank_stories(best, bank.stories, {sf.id: report}, question)
    assert [r.id for r in ranked] == [sf.id]


@settings(FUZZ, max_examples=examples(150))
@given(question=st.text(max_size=400))
def test_matching_any_unicode_question_never_raises(question):
    best, alternatives = match_question(question, CATALOG)
    assert best.kind in {"question", "probe"}
    assert all(a.score <= best.score for a in alternatives)


# --- export -----------------------------------------------------------------------------------------

MARKUP = re.compile(r"<\s*(script|img|svg|iframe)\b", re.I)


def body(html: str) -> str:
    """The HTML after the built-in style block (story text never belongs before it)."""
    return html.split("</style>", 1)[-1]


@FUZZ
@given(data=st.one_of(valid_bytes, nearly_valid_bytes))
def test_export_never_raises_and_html_escapes_every_field(tmp_path, data):
    from storybank.export import render_cheatsheet

    bank, sf = loadable(tmp_path, data)
    assignment = {"project": sf.id}  # show the story whatever its question types say
    for fmt in ("md", "txt"):
        fitted = render_cheatsheet(bank, CATALOG, fmt, assignment=assignment)
        out = fitted.data.decode("utf-8")
        if fmt == "txt":  # SPEC §6: at most 100 columns and 66 lines, whatever the story holds
            from storybank.export.width import display_width

            lines = out.rstrip("\n").split("\n")
            assert len(lines) <= 66 and max(display_width(line) for line in lines) <= 100
    sheet = _html(bank, sf.id)
    assert not MARKUP.search(body(sheet)), MARKUP.search(body(sheet))


def _html(bank: Bank, story_id: str) -> str:
    """The HTML sheet at the most and the least detailed level (no page fitting: WeasyPrint is
    slow, and escaping does not depend on the level)."""
    from storybank.export.render import render_template
    from storybank.export.sheet import LEVELS, build_sheet

    stories = {sf.id: sf.story for sf in bank.stories}
    out = []
    for level in (LEVELS[0], LEVELS[-1]):
        sheet = build_sheet(stories, {"project": story_id}, CATALOG, SETTINGS, level)
        out.append(render_template(sheet, "html"))
    return "\n".join(out)


FIELDS = ["title", "role", "when", "ownership", "situation", "action", "outcome", "reflection"]


@settings(FUZZ, max_examples=examples(80))
@given(field=st.sampled_from([*FIELDS, "technologies", "metric-name", "metric-unit", "followup"]),
       payload=st.sampled_from([p for p in SPECIALS if "<" in p]),
       padding=st.sampled_from(["", "x", "I cut latency by 40% "]))
def test_markup_in_any_field_reaches_html_escaped(tmp_path, field, payload, padding):
    import tomlkit

    doc = {"title": "Markup story", "questions": ["project"], "situation": "I owned it.",
           "metrics": [{"name": "latency", "before": 4.2, "after": 1.1, "unit": "s"}],
           "followups": {"technical": "Sorted sets.", "differently": "Earlier dashboards."}}
    value = padding + payload
    if field == "technologies":
        doc["technologies"] = [value]
        doc["action"] = f"I chose {value} over the old queue."
    elif field.startswith("metric-"):
        doc["metrics"][0][field.split("-")[1]] = value
    elif field == "followup":
        doc["followups"] = {p: value for p in ("differently", "alternatives", "technical", "collaborators")}
    else:
        doc[field] = value
    bank = fresh_bank(tmp_path, tomlkit.dumps(doc).encode("utf-8"))
    assert bank.stories, bank.errors
    html = _html(bank, bank.stories[0].id)
    assert not MARKUP.search(body(html)), (field, payload)


@pytest.mark.slow
@settings(FUZZ, max_examples=examples(20))
@given(data=valid_bytes)
def test_html_fitted_by_weasyprint_never_raises(tmp_path, data):
    from storybank.export import render_cheatsheet

    bank, sf = loadable(tmp_path, data)
    fitted = render_cheatsheet(bank, CATALOG, "html", assignment={"project": sf.id})
    assert fitted.fits and not MARKUP.search(body(fitted.data.decode("utf-8")))


# --- save -------------------------------------------------------------------------------------------

EDITABLE = ["title", "role", "ownership", "situation", "action", "outcome", "reflection"]


@st.composite
def edits(draw) -> dict:
    """What an editor changes: texts, lists, optional fields removed, follow-ups and metrics."""
    from storybank.model import Followups, Metric

    out: dict = draw(st.dictionaries(st.sampled_from(EDITABLE), long_text, max_size=3))
    if draw(st.booleans()):
        out["technologies"] = draw(st.lists(text, max_size=3))
    if draw(st.booleans()):
        out["questions"] = draw(st.lists(st.sampled_from(QUESTION_IDS), max_size=3))
    for optional in ("role", "when"):
        if draw(st.integers(0, 4)) == 0:
            out[optional] = None  # the field removed
    choice = draw(st.sampled_from(["keep", "none", "some"]))
    if choice == "none":
        out["followups"] = None
    elif choice == "some":
        out["followups"] = Followups(**{p: draw(long_text) for p in PROBES if draw(st.booleans())})
    if draw(st.booleans()):
        out["metrics"] = [Metric(**m) for m in draw(st.lists(metric(), max_size=3))]
    return out


@FUZZ
@given(data=st.one_of(valid_bytes, nearly_valid_bytes), change=edits())
def test_an_edited_story_saves_and_reloads_as_the_same_story(tmp_path, data, change):
    bank, sf = loadable(tmp_path, data)
    edited = sf.story.model_copy(update=change)
    changed = edited.to_data() != sf.story.to_data()
    saved = bank.save(sf, edited)
    if not changed:
        assert saved is False and sf.path.read_bytes() == data
    again = read_story_file(sf.path)
    assert isinstance(again, StoryFile), str(again)
    assert again.story.to_data() == edited.to_data()
    assert sorted(p.name for p in sf.path.parent.iterdir()) == ["story.toml"]  # no temp files
    before = sf.path.read_bytes()
    assert bank.save(sf, edited) is False  # nothing changed: nothing written
    assert sf.path.read_bytes() == before
    other = Bank.open(sf.path.parent)  # a second reader sees the same story
    assert other.stories[0].story.to_data() == edited.to_data()


@settings(FUZZ, max_examples=examples(60))
@given(data=st.one_of(valid_bytes, nearly_valid_bytes))
def test_an_unchanged_story_is_never_rewritten(tmp_path, data):
    bank, sf = loadable(tmp_path, data)
    before = sf.path.read_bytes()
    same = sf.story.model_copy(deep=True)
    assert bank.save(sf, same) is False
    assert sf.path.read_bytes() == before
