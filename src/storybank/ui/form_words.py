"""Findings in the words of the editor's form.

The analysis names a story's fields as its TOML file does (`questions`, `[[metrics]]`,
`followups.technical`), which is right on the command line, where the user edits the file. The
screens show the form, whose labels say Question types, Metrics and Follow-up: technical, so a
finding shown there uses those words (issue 21, item 18).
"""

from __future__ import annotations

import re
from functools import cache

FIELDS = {
    "title": "Title",
    "questions": "Question types",
    "role": "Role",
    "when": "When",
    "technologies": "Technologies",
    "ownership": "Ownership",
    "metrics": "Metrics",
    "followups": "Follow-ups",
}


@cache
def _names() -> tuple[dict[str, str], tuple[str, ...]]:
    """(field -> label, the probes), from storybank.model, imported only when a finding is
    shown (the bank screen's first frame shows none, and must not load pydantic)."""
    from storybank.model import PARTS, PROBES

    return {**FIELDS, **{part: part.capitalize() for part in PARTS}}, tuple(PROBES)


_METRIC = re.compile(r"metrics\[(\d+)\]")
_NAME = re.compile(r"`(followups\.)?([a-z_]+)`")


def field_label(field: str) -> str:
    """`questions` -> Question types, `followups.technical` -> Follow-up: technical,
    `metrics[0].before` -> Metric 1; a name the form does not show is kept."""
    labels, probes = _names()
    if field.startswith("followups.") and field.split(".", 1)[1] in probes:
        return f"Follow-up: {field.split('.', 1)[1]}"
    metric = _METRIC.match(field)
    if metric:
        return f"Metric {int(metric.group(1)) + 1}"
    return labels.get(field, field)


def message(text: str) -> str:
    """A finding's message with the file's field names put as the form labels them."""
    labels, probes = _names()
    # The form's check list shows every type: the ids after `questions` say nothing more there.
    text = re.sub(r"`questions` \([^)]*\)", "Question types", text)
    text = text.replace("[[metrics]] entry", "metric").replace("`[[metrics]]`", "Metrics")
    text = text.replace("[[metrics]]", "Metrics")

    def named(match: re.Match[str]) -> str:
        followup, name = match.group(1), match.group(2)
        if followup is None and name in probes:
            return f"“{name}”"                     # "The `technical` follow-up" -> “technical”
        if followup is not None and name in probes:
            return f"Follow-up: {name}"
        return labels.get(name, match.group(0)) if followup is None else match.group(0)

    return _NAME.sub(named, text)
