"""The story file format (README "The story format") as pydantic models.

Validation here decides only whether a file *is* a story. Whether it is a *good* story (empty
sections, no metrics, missing follow-ups, unknown question ids) is the analysis's job, so drafts load.
Keys the format does not know are kept in `model_extra` and written back untouched.

The models are the one list of the story's fields: `PARTS`, `PROBES`, `STORY_KEYS` and friends
are read off them below, so a new field (a fifth part, a probe) is one edit here and every rule,
the file reader and the screens follow.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    model_validator,
)

SCHEMA_VERSION = 1


class _SpokenPart:
    """Marks a field of `Story` as a part of the spoken answer (see `Spoken`)."""

    def __repr__(self) -> str:
        return "SPOKEN_PART"


SPOKEN_PART = _SpokenPart()
# One part of the spoken answer, told in declaration order: situation → action → outcome → reflection.
Spoken = Annotated[str, SPOKEN_PART]

Number = Annotated[StrictInt | StrictFloat, Field(allow_inf_nan=False)]


def when_text(value: Any) -> Any:
    """`when = 2023` and `when = 2023-05-01` are what people naturally write; keep them as text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, date):  # also datetime
        return value.isoformat()
    return value


class _Part(BaseModel):
    # Fields are read by their file names only: a key `schema_version` in a file is an unknown key
    # to keep, not the `schema` field under its Python name.
    model_config = ConfigDict(extra="allow", strict=True)

    def unknown_keys(self) -> list[str]:
        return list((self.model_extra or {}).keys())


class Metric(_Part):
    name: str
    value: Number | None = None
    before: Number | None = None
    after: Number | None = None
    unit: str | None = None

    @model_validator(mode="after")
    def _needs_numbers(self) -> Metric:
        has_pair = self.before is not None and self.after is not None
        if self.value is None and not has_pair:
            if self.before is not None or self.after is not None:
                missing = "after" if self.after is None else "before"
                raise ValueError(f"has only one half of a before/after pair: add `{missing}`")
            raise ValueError("needs `value`, or both `before` and `after`")
        return self

    def is_change(self) -> bool:
        return self.before is not None and self.after is not None


class Followups(_Part):
    differently: str = ""
    alternatives: str = ""
    technical: str = ""
    collaborators: str = ""

    def get(self, probe: str) -> str:
        return getattr(self, probe, "") or ""


class Story(_Part):
    schema_version: StrictInt = Field(default=SCHEMA_VERSION, alias="schema")
    title: str
    questions: list[str]
    role: str | None = None
    when: Annotated[str | None, BeforeValidator(when_text)] = None
    technologies: list[str] = Field(default_factory=list)
    profession: str | None = None
    ownership: str = ""
    situation: Spoken = ""
    action: Spoken = ""
    outcome: Spoken = ""
    reflection: Spoken = ""
    ignore: list[str] = Field(default_factory=list)
    metrics: list[Metric] = Field(default_factory=list)
    followups: Followups | None = None

    @model_validator(mode="after")
    def _known_profession(self) -> Story:
        if self.profession is not None and self.profession.strip():
            from storybank.professions import names, unknown_message

            if self.profession.strip().lower() not in names():
                raise ValueError(unknown_message(self.profession))
        return self

    @model_validator(mode="after")
    def _known_schema(self) -> Story:
        if self.schema_version > SCHEMA_VERSION:
            raise ValueError(
                f"was written for story format {self.schema_version}, but this storybank reads "
                f"format {SCHEMA_VERSION}: upgrade storybank to open it"
            )
        if self.schema_version < 1:
            raise ValueError(f"has schema = {self.schema_version}; the first format is 1")
        return self

    # --- convenience -------------------------------------------------------------------------

    def part(self, name: str) -> str:
        return getattr(self, name) or ""

    def answer_text(self) -> str:
        return "\n".join(self.part(p) for p in PARTS if self.part(p))

    def followup(self, probe: str) -> str:
        return self.followups.get(probe) if self.followups else ""

    def to_data(self) -> dict[str, Any]:
        """The story as plain TOML-ready data, in the format's key order, unknown keys kept."""
        return self.model_dump(by_alias=True, exclude_none=True)


# --- the field lists, read off the models --------------------------------------------------------

# The spoken answer's parts, in the order they are told.
PARTS: tuple[str, ...] = tuple(
    name for name, info in Story.model_fields.items() if SPOKEN_PART in info.metadata
)
# The follow-up probes, in file order (the keys of [followups]).
PROBES: tuple[str, ...] = tuple(Followups.model_fields)
# Free text the analysis reads besides the parts (and `followups.<probe>`).
PROSE: tuple[str, ...] = ("ownership", *PARTS)
TEXT_FIELDS: tuple[str, ...] = ("title", *PROSE)
# Every top-level key of a story file (by its name in the file: `schema`, not `schema_version`).
STORY_KEYS: frozenset[str] = frozenset(info.alias or name for name, info in Story.model_fields.items())
METRIC_KEYS: frozenset[str] = frozenset(Metric.model_fields)
# Keys of the tables nested in a story: a metric's and the probes under [followups].
NESTED_KEYS: frozenset[str] = METRIC_KEYS | frozenset(PROBES)


def blank_story(title: str, questions: list[str]) -> Story:
    return Story(title=title, questions=list(questions), followups=Followups())
