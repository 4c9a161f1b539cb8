"""Hypothesis strategies for stories: text with hostile pieces, Story objects, and story files
(valid ones in many layouts, nearly valid ones with mutated text or swapped types, and garbage bytes);
and the settings and per-example bank folders the fuzz tests run with.

Imported as `from tests.strategies import ...`."""

from __future__ import annotations

import os
import re
import uuid
from datetime import date, datetime
from pathlib import Path

import tomlkit
from hypothesis import HealthCheck, assume, settings
from hypothesis import strategies as st

from storybank import tomltext
from storybank.bank import Bank, StoryFile
from storybank.catalog import builtin_catalog
from storybank.errors import LoadError
from storybank.model import Followups, Metric, Story
from storybank.settings import Settings

QUESTION_IDS = ["project", "failure", "disagreement", "performance", "learning", "motivation",
                "rubric", "schedule"]
PROBES = list(Followups.model_fields)
PARTS = ["situation", "action", "outcome", "reflection"]

# Pieces that mean something to TOML, HTML, Jinja2, terminals, bidi text or file systems.
SPECIALS = [
    '"', "'", '"""', "'''", '""', "\\", "\\n", "\\u0041", "\n", "\r\n", "\r", "\t", "\x00", "\x7f", "\x0b",
    "\x1b[2J", "🚀", "👩‍💻", "مرحبا بالعالم", "שלום", "Ünïcødé", "日本語", "\u200f", "\u202e", "\u2028",
    "\ufeff", "#", "=", "[x]", " ",
    "<script>alert(1)</script>", "<SCRIPT src=//x.example/a.js></SCRIPT>", "<img src=x onerror=alert(1)>",
    "</style><script>alert(2)</script>", "<!--", "]]>", "&amp;", "&lt;", "\"'><svg onload=alert(3)>",
    "{{ 7*7 }}", "{{7*'7'}}", "{% include '/etc/passwd' %}", "{{ self.__init__.__globals__ }}",
    "{# comment #}", "{% raw %}", "${7*7}", "../../etc/passwd", "CON", "4.2 s → 1.1 s", "I", "we",
    "100%", "1e308", "-0",
]

_chars = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be written as UTF-8
plain = st.text(_chars, max_size=20)
text = st.lists(st.one_of(plain, st.sampled_from(SPECIALS)), max_size=8).map("".join)
long_text = st.one_of(text, st.lists(text, min_size=3, max_size=12).map("\n".join))
short_list = st.lists(text, max_size=4)

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)
number = st.one_of(INT64, st.floats(allow_nan=False, allow_infinity=False))

# Keys the model knows: by attribute name and by file name (a file says `schema`).
KNOWN = set(Story.model_fields) | {f.alias for f in Story.model_fields.values() if f.alias}
# In a file only the file names are known: `schema_version` there is an unknown key.
FILE_KEYS = {f.alias or name for name, f in Story.model_fields.items()}
key = st.one_of(
    st.from_regex(r"[a-z][a-z0-9_]{0,10}", fullmatch=True),
    st.sampled_from(["situaton", "schema_version", "x-y", "with space", "ключ", "🚀", "a.b", "UPPER",
                     "1st"]),
)
extra_value = st.one_of(text, INT64, st.lists(st.one_of(text, INT64), max_size=3))


def extras(exclude: set[str], max_size: int = 3):
    """Unknown keys with values of any plain type."""
    return st.dictionaries(key.filter(lambda k: k not in exclude), extra_value, max_size=max_size)


@st.composite
def metric(draw) -> dict:
    """A metric's data: a value, a before/after change or both, maybe a unit and unknown keys."""
    m: dict = {"name": draw(text)}
    if draw(st.booleans()):
        m["value"] = draw(number)
    if "value" not in m or draw(st.booleans()):
        m["before"], m["after"] = draw(number), draw(number)
    if draw(st.booleans()):
        m["unit"] = draw(text)
    m.update(draw(extras(set(Metric.model_fields))))
    return m


# --- Story objects --------------------------------------------------------------------------------

metric_models = metric().map(lambda m: Metric(**m))


@st.composite
def followups(draw):
    if draw(st.booleans()):
        return None
    kwargs = {p: draw(long_text) for p in PROBES if draw(st.booleans())}
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
        "metrics": draw(st.lists(metric_models, max_size=3)),
        "followups": draw(followups()),
    }
    for optional in ("role", "when"):
        if draw(st.booleans()):
            kwargs[optional] = draw(text)
    for part in ("ownership", *PARTS):
        if draw(st.booleans()):
            kwargs[part] = draw(long_text)
    kwargs.update(draw(extras(KNOWN)))
    return Story(**kwargs)


# --- story files ----------------------------------------------------------------------------------

@st.composite
def story_data(draw) -> dict:
    """The data of a valid story (what a file holds), unknown keys included."""
    data: dict = {}
    if draw(st.booleans()):
        data["schema"] = 1
    data["title"] = draw(text)
    data["questions"] = draw(st.lists(st.one_of(st.sampled_from([*QUESTION_IDS, "leadership"]), plain),
                                      max_size=4))
    if draw(st.booleans()):
        data["role"] = draw(text)
    if draw(st.booleans()):
        data["when"] = draw(st.one_of(text, st.integers(1990, 2030), st.dates()))
    if draw(st.booleans()):
        data["technologies"] = draw(short_list)
    for name in ["ownership", *PARTS]:
        if draw(st.booleans()):
            data[name] = draw(long_text)
    if draw(st.booleans()):
        data["ignore"] = draw(st.lists(st.sampled_from(["SB101", "SB204", "sb301 ", "SB999"]), max_size=2))
    data.update(draw(extras(FILE_KEYS, max_size=2)))
    metrics = draw(st.lists(metric(), max_size=3))
    if metrics:
        data["metrics"] = metrics
    if draw(st.booleans()):
        data["followups"] = {p: draw(long_text) for p in PROBES if draw(st.booleans())}
    return data


def _key(k: str) -> str:
    return k if re.fullmatch(r"[A-Za-z0-9_-]+", k) else tomltext.basic_string(k)


def _value(v) -> str:
    source = tomltext.value(v)
    if source is not None:
        return source
    return tomlkit.dumps({"x": v}).split("=", 1)[1].strip()  # pragma: no cover - tables


def write_toml(data: dict, *, crlf=False, bom=False, comments=False, inline_metrics=False,
               dotted_followups=False) -> str:
    """`data` as a TOML file in a chosen layout (all valid TOML, all the same story)."""
    note = "  # a note" if comments else ""
    lines = ["# written by hand, with comments"] if comments else []
    for k, v in data.items():
        if k in {"metrics", "followups"}:
            continue
        lines.append(f"{_key(k)} = {_value(v)}{note}")
    metrics = data.get("metrics", [])
    if metrics and inline_metrics:
        tables = ", ".join("{" + ", ".join(f"{_key(mk)} = {_value(mv)}" for mk, mv in m.items()) + "}"
                           for m in metrics)
        lines.append(f"metrics = [{tables}]{note}")
    followups = data.get("followups")
    if followups is not None and dotted_followups and followups:
        for p, v in followups.items():
            lines.append(f"followups.{p} = {_value(v)}")
    if metrics and not inline_metrics:
        for m in metrics:
            lines += ["", f"[[metrics]]{note}"] + [f"{_key(mk)} = {_value(mv)}" for mk, mv in m.items()]
    if followups is not None and not (dotted_followups and followups):
        lines += ["", f"[followups]{note}"] + [f"{p} = {_value(v)}" for p, v in followups.items()]
    out = "\n".join(lines) + "\n"
    if crlf:
        out = out.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + out


@st.composite
def valid_text(draw) -> str:
    data = draw(story_data())
    how = draw(st.sampled_from(["layout", "tomlkit", "storybank"]))
    if how == "tomlkit":
        return tomlkit.dumps(data)
    if how == "storybank":
        from storybank.storyfile import render_story

        return render_story(Story.model_validate(data))
    return write_toml(data, crlf=draw(st.booleans()), bom=draw(st.booleans()),
                      comments=draw(st.booleans()), inline_metrics=draw(st.booleans()),
                      dotted_followups=draw(st.booleans()))


valid_bytes = valid_text().map(lambda t: t.encode("utf-8"))

# --- nearly valid ---------------------------------------------------------------------------------

WRONG = st.one_of(st.integers(), st.booleans(), st.floats(), plain, st.lists(st.integers(), max_size=2),
                  st.dictionaries(st.sampled_from(["a", "name"]), st.integers(), max_size=2),
                  st.datetimes(min_value=datetime(1, 1, 1)), st.just(date(2023, 5, 1)),
                  st.sampled_from(["4.2s", "", "1,000", "true"]))


@st.composite
def swapped_types(draw) -> str:
    data = draw(story_data())
    targets = ["schema", "title", "questions", "role", "when", "technologies", "ownership", "situation",
               "ignore", "metrics", "followups"]
    for k in draw(st.lists(st.sampled_from(targets), min_size=1, max_size=3, unique=True)):
        data[k] = draw(WRONG)
    if draw(st.booleans()):
        m = draw(metric())
        m[draw(st.sampled_from(["name", "value", "before", "after", "unit"]))] = draw(WRONG)
        data["metrics"] = [m]
    if draw(st.booleans()):
        data["followups"] = {draw(st.sampled_from(PROBES)): draw(WRONG)}
    return tomlkit.dumps(data)


TOML_CHARS = st.sampled_from(list('"\'[]{}=.,#\\\n\r\t ') + ["\x00", "\x7f", "é", "🚀", '"""', "[[", "]]"])


@st.composite
def mutated(draw) -> str:
    """A valid file with a few edits a hand, a bad merge or a cut-off copy might make."""
    source = draw(valid_text())
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["delete", "insert", "truncate", "duplicate-line", "swap-lines",
                                     "drop-line"]))
        n = len(source)
        if kind == "delete" and n:
            i = draw(st.integers(0, n - 1))
            source = source[:i] + source[i + draw(st.integers(1, 6)):]
        elif kind == "insert":
            i = draw(st.integers(0, n))
            source = source[:i] + draw(TOML_CHARS) + source[i:]
        elif kind == "truncate":
            source = source[: draw(st.integers(0, n))]
        else:
            lines = source.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            if kind == "duplicate-line":
                lines.insert(i, lines[i])  # a duplicate key, or a second [followups]
            elif kind == "swap-lines" and len(lines) > 1:
                j = draw(st.integers(0, len(lines) - 1))
                lines[i], lines[j] = lines[j], lines[i]
            else:
                del lines[i]
            source = "\n".join(lines)
    return source


nearly_valid_bytes = st.one_of(swapped_types(), mutated()).map(lambda t: t.encode("utf-8"))

re_number = re.compile(r"(?<=\s)\d+(\.\d+)?")


@st.composite
def mutated_text(draw, source: str) -> str:
    """`source` (a settings file or a catalog) with a few deletions, insertions, a cut, or a number
    swapped for an odd one."""
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(source)))
        kind = draw(st.sampled_from(["delete", "insert", "truncate", "swap-number"]))
        if kind == "delete":
            source = source[:i] + source[i + draw(st.integers(1, 40)):]
        elif kind == "insert":
            source = source[:i] + draw(st.sampled_from(['"', "[", "]", "=", "\n", "0", "-1", "1e9", "x", "{"])) \
                + source[i:]
        elif kind == "truncate":
            source = source[:i]
        else:
            source = re_number.sub(lambda m: draw(st.sampled_from(["0", "-5", "1e30", '"7"', "nan"])),
                                   source, count=1)
    return source


garbage_bytes = st.one_of(
    st.binary(max_size=3000),
    valid_text().map(lambda t: t.encode("utf-16")),
    valid_text().map(lambda t: t.encode("latin-1", "replace")),
    st.tuples(valid_bytes, st.binary(min_size=1, max_size=8), st.integers(0, 10_000)).map(
        lambda x: x[0][: x[2]] + x[1] + x[0][x[2]:]),
)

any_file = st.one_of(valid_bytes, nearly_valid_bytes, garbage_bytes)


# --- running fuzz examples ------------------------------------------------------------------------

# STORYBANK_FUZZ_SCALE=20 for a long hunt; the default keeps every fuzz test to seconds.
FUZZ_SCALE = float(os.environ.get("STORYBANK_FUZZ_SCALE", "1"))


def examples(n: int) -> int:
    """`n` examples, times STORYBANK_FUZZ_SCALE."""
    return max(1, int(n * FUZZ_SCALE))


FUZZ = settings(max_examples=examples(120), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.filter_too_much, HealthCheck.data_too_large])
# What every fuzzed story is analysed, matched and exported against.
CATALOG = builtin_catalog()
SETTINGS = Settings()


def fresh_folder(tmp_path: Path) -> Path:
    """A new folder per example (tmp_path is shared by all of a test's examples)."""
    root = tmp_path / uuid.uuid4().hex[:12]
    root.mkdir()
    return root


def fresh_bank(tmp_path: Path, data: bytes, name: str = "story.toml") -> Bank:
    """A new bank holding one file, `name`, with `data` in it."""
    root = fresh_folder(tmp_path)
    (root / name).write_bytes(data)
    return Bank.open(root)


def load_one(tmp_path: Path, data: bytes) -> tuple[Bank, StoryFile | LoadError]:
    bank = fresh_bank(tmp_path, data)
    assert len(bank.stories) + len(bank.errors) == 1, (bank.stories, bank.errors)
    return bank, (bank.stories or bank.errors)[0]


def loadable(tmp_path: Path, data: bytes) -> tuple[Bank, StoryFile]:
    """The bank and story of `data`; an example whose file does not load is skipped."""
    bank, result = load_one(tmp_path, data)
    assume(isinstance(result, StoryFile))
    return bank, result
