"""Hypothesis strategies for stories with hostile text."""

from __future__ import annotations

from hypothesis import strategies as st

from storybank.model import Followups, Metric, Story

SPECIALS = ['"', "'", '"""', "'''", '""', "\\", "\\n", "\\u0041", "\n", "\r\n", "\r", "\t", "\x00",
            "\x7f", "\x0b", "🚀", "👩‍💻", "مرحبا بالعالم", "שלום", "\u200f", "\u202e", "#", "=", "[x]",
            "Ünïcødé", "日本語", " ", "\ufeff", "\u2028"]

# Any code point but lone surrogates, which cannot be written as UTF-8.
_chars = st.characters(exclude_categories=("Cs",))
text = st.lists(st.one_of(st.text(_chars, max_size=12), st.sampled_from(SPECIALS)), max_size=8).map("".join)
long_text = st.one_of(text, st.lists(text, min_size=5, max_size=15).map(" ".join))
short_list = st.lists(text, max_size=4)

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
number = st.one_of(INT64, st.floats(allow_nan=False, allow_infinity=False))

KNOWN = set(Story.model_fields) | {"schema"}
key = st.one_of(
    st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    st.sampled_from(["schema_version", "x-y", "with space", "ключ", "🚀", "a.b", "UPPER", "1st"]),
)
extra_value = st.one_of(text, INT64, st.lists(st.one_of(text, INT64), max_size=3))


def extras(exclude: set[str]):
    return st.dictionaries(key.filter(lambda k: k not in exclude), extra_value, max_size=3)


@st.composite
def metrics(draw):
    kwargs = {"name": draw(text)}
    if draw(st.booleans()):
        kwargs["value"] = draw(number)
    if "value" not in kwargs or draw(st.booleans()):
        kwargs["before"] = draw(number)
        kwargs["after"] = draw(number)
    if draw(st.booleans()):
        kwargs["unit"] = draw(text)
    kwargs.update(draw(extras(set(Metric.model_fields))))
    return Metric(**kwargs)


@st.composite
def followups(draw):
    if draw(st.booleans()):
        return None
    kwargs = {p: draw(long_text) for p in ("differently", "alternatives", "technical", "collaborators")
              if draw(st.booleans())}
    kwargs.update(draw(extras(set(Followups.model_fields))))
    return Followups(**kwargs)


@st.composite
def stories(draw):
    kwargs = {
        "title": draw(text),
        "questions": draw(st.lists(st.sampled_from(["project", "failure", "performance", "x"]) | text,
                                   max_size=3)),
        "technologies": draw(short_list),
        "ignore": draw(st.lists(st.sampled_from(["SB101", "SB204"]), max_size=2)),
        "metrics": draw(st.lists(metrics(), max_size=3)),
        "followups": draw(followups()),
    }
    for optional in ("role", "when"):
        if draw(st.booleans()):
            kwargs[optional] = draw(text)
    for part in ("ownership", "situation", "action", "outcome", "reflection"):
        if draw(st.booleans()):
            kwargs[part] = draw(long_text)
    kwargs.update(draw(extras(KNOWN)))
    return Story(**kwargs)
