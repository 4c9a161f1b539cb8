"""The editor's fields, declared once: each field's id, label, kind and placeholder, and the one
helper that builds a field's widgets (its label and its box). The editor composes its form from
this table, reads it back by the same ids, and anything added beside a field (a panel of
suggestions, a hint) is added in `field_widgets` for every field at once."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.widget import Widget
from textual.widgets import Static

from storybank.model import PARTS, PROBES
from storybank.ui.widgets.fields import Field, Prose

if TYPE_CHECKING:  # pragma: no cover
    from storybank.catalog import Catalog
    from storybank.model import Story

PART_HINTS = {
    "situation": "Situation: where, what was at stake, with a number",
    "action": "Action: what you did, in the first person",
    "outcome": "Outcome: what changed, measured",
    "reflection": "Reflection: what you learned or would change",
}


@dataclass(frozen=True)
class FormField:
    name: str                # the widget's id, and the story's key (followups: `followup-<probe>`)
    label: str
    prose: bool = False      # a soft-wrapped text box; else a one-line field
    placeholder: str = ""


DETAILS = (
    FormField("role", "Role", placeholder="Backend engineer, Acme"),
    FormField("when", "When", placeholder="2023"),
    FormField("technologies", "Technologies (comma-separated)", placeholder="Redis, Python"),
)
PROSE = (
    FormField("ownership", "Ownership: what was yours, and where it stopped", prose=True),
    *(FormField(part, PART_HINTS[part], prose=True) for part in PARTS),
)
TEXT_FIELDS = tuple(f.name for f in DETAILS)
PROSE_FIELDS = tuple(f.name for f in PROSE)


def followup_fields(catalog: Catalog) -> list[FormField]:
    """One prose field per probe, labelled with the probe as the interviewer asks it."""
    asked = {p.id: p.as_asked for p in catalog.probes}
    return [FormField(f"followup-{probe}", f"Follow-up · {asked.get(probe, probe)}", prose=True)
            for probe in PROBES]


def story_value(story: Story | None, name: str) -> str:
    """The text a field shows for `story` (empty for a new story)."""
    if story is None:
        return ""
    if name.startswith("followup-"):
        return story.followup(name.removeprefix("followup-"))
    if name == "technologies":
        return ", ".join(story.technologies)
    if name in PARTS:
        return story.part(name)
    return getattr(story, name) or ""


def cue_key(name: str) -> str | None:
    """The `[cues]` key of a field that has cues (a part, a follow-up), else None."""
    key = name.removeprefix("followup-")
    return key if key in PARTS or (name.startswith("followup-") and key in PROBES) else None


CUE_SEPARATOR = " · "


def cue_text(cues: list[str]) -> str:
    """The cues as the cue box shows them: "a · b"."""
    return CUE_SEPARATOR.join(cues)


def split_cues(text: str) -> list[str]:
    """The cues typed in a cue box, split at "·" or "|"."""
    return [c.strip() for c in text.replace("|", "·").split("·") if c.strip()]


def suggestion(cues: list[str]) -> str:
    """The cue box's placeholder: storybank's suggestion, to take with ctrl+t."""
    return f"cues: {cue_text(cues)} (ctrl+t takes these)" if cues else "cues: write your own, or leave empty"


def field_placeholders(profession: str) -> dict[str, str]:
    """The role's and the technologies' placeholders in the bank's field (its `profession`, else
    the one its stories show: `Bank.field`), as `storybank new` shows them ("Staff nurse, cardiac
    step-down unit, Lakeview General", "SBAR, Excel"): a nurse was shown "Backend engineer, Acme"
    and "Redis, Python" (dogfood20). With no field, the neutral pack's examples."""
    from storybank.professions import pack_for

    pack = pack_for(profession)
    role = re.findall(r'"([^"]+)"', pack.example("role"))
    named = re.findall(r'"([^"]+)"', pack.example("named"))
    out = {"role": role[0]} if role else {}
    if named:
        out["technologies"] = ", ".join(named)
    return out


def field_widgets(spec: FormField, story: Story | None, placeholders: Mapping[str, str] | None = None) -> Iterator[Widget]:
    """A field's widgets: its label, then its box holding the story's value; under a part or a
    follow-up, its cue box: the user's own cues, with storybank's suggestion as the placeholder.
    `placeholders`: the field's own examples for a one-line box (`field_placeholders`)."""
    yield Static(spec.label, classes="field-label")
    value = story_value(story, spec.name)
    if spec.prose:
        yield Prose(value, id=spec.name, compact=True)
    else:
        yield Field(value, placeholder=(placeholders or {}).get(spec.name, spec.placeholder), id=spec.name,
                    compact=True)
    key = cue_key(spec.name)
    if key is not None:
        from storybank.cues.story import suggested

        written = story.written_cues(key) if story else []
        hint = suggestion(suggested(story, key)) if story else suggestion([])
        yield Field(cue_text(written), placeholder=hint, id=f"cues-{key}", compact=True, classes="cue-box")
