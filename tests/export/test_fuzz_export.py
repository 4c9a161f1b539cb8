"""Fuzzing the export: a loadable story from a valid or nearly valid file never makes the cheat
sheet raise, the text sheet keeps to its page, and every field reaches the HTML escaped.
(tests/bank/test_fuzz.py puts the same files through loading and save.)
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storybank.bank import Bank
from tests.strategies import (
    CATALOG,
    FUZZ,
    SETTINGS,
    SPECIALS,
    examples,
    fresh_bank,
    loadable,
    nearly_valid_bytes,
    valid_bytes,
)

pytestmark = pytest.mark.slow  # real engines or many generated cases: outside the inner loop

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
        if fmt == "txt":  # README "Commands": at most 100 columns and 66 lines, whatever the story holds
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
