"""Reading one story file, and writing a story back without disturbing what the user wrote.

`parse_story` turns bytes into a Story or a LoadError that says where and how to fix it.
`render_story` produces the new file text: for an edited file, only the values that changed are
replaced, so comments, key order and unknown keys survive; a new file is laid out in format order.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storybank import tomltext
from storybank.errors import LoadError
from storybank.model import NESTED_KEYS, SCHEMA_VERSION, STORY_KEYS, Story

if TYPE_CHECKING:  # only for the types: pydantic is imported where it is used
    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails
    from tomlkit.items import Table

    from storybank.tomlmemo import TomlMemo

# Where a problem is, as pydantic reports it: field names and list indexes, outermost first.
Loc = tuple[str | int, ...]

_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")
_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\"' -]+?)\s*\]\]?")
_FIELD_NAMES = STORY_KEYS
_PART_FIELDS = NESTED_KEYS

EMPTY_HINT = "a story needs at least `title` and `questions`; `storybank new TITLE` writes a skeleton"


def decode(data: bytes) -> str | tuple[str, int | None]:
    """The file's text, or (problem, byte offset) if it is not UTF-8 text."""
    nul = data.find(b"\x00")
    if nul != -1:
        return ("is a binary file, not TOML text", nul)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return (f"is not UTF-8 text (undecodable byte at offset {exc.start}); save it as UTF-8", exc.start)
    return text[1:] if text.startswith("\ufeff") else text


def parse_toml(text: str, path: Path) -> dict[str, Any] | LoadError:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line = column = None
        match = _TOML_POS.search(message)
        if "at end of document" in message:
            line = max(1, text.count("\n"))
            message = message.replace("(at end of document)", "at the end of the file")
        elif match:
            line, column = int(match.group(1)), int(match.group(2))
            message = message[: match.start()].strip()
        return LoadError(path, f"is not valid TOML: {message[:1].lower()}{message[1:]} "
                         "(check the quotes, brackets and `=` on that line)", line, column)


def parse_story(data: bytes, path: Path, memo: TomlMemo | None = None, digest: str = "") -> Story | LoadError:
    """The story in `data`. With a `memo`, its table is looked up by the file's name and the
    bytes' `digest` first, and remembered after parsing (see tomlmemo.py)."""
    decoded = decode(data)
    if isinstance(decoded, tuple):
        return LoadError(path, decoded[0] + "; move it out of the bank folder")
    text = decoded
    if not text.strip():
        return LoadError(path, f"is empty: {EMPTY_HINT}")
    raw: dict[str, Any] | LoadError | None = memo.get(path.name, digest) if memo is not None else None
    if raw is None:
        raw = parse_toml(text, path)
        if memo is not None and not isinstance(raw, LoadError):
            memo.put(path.name, digest, raw)
    if isinstance(raw, LoadError):
        return raw
    return validate_story(raw, text, path)


def validate_story(raw: dict[str, Any], text: str, path: Path) -> Story | LoadError:
    from pydantic import ValidationError

    schema = raw.get("schema", SCHEMA_VERSION)
    if not isinstance(schema, int) or isinstance(schema, bool):
        return _error(path, text, ("schema",), f"`schema` must be a whole number like {SCHEMA_VERSION}")
    if schema > SCHEMA_VERSION:
        return _error(path, text, ("schema",),
                      f"uses story format {schema}, but this storybank reads format {SCHEMA_VERSION}: "
                      "upgrade storybank to open it (the file was left as it is)")
    if schema < 1:
        return _error(path, text, ("schema",), f"`schema` is {schema}, but the first story format is 1")
    if not raw.keys() & {"title", "questions"} and not raw.keys() & _FIELD_NAMES:
        return LoadError(path, f"has no story fields: {EMPTY_HINT}")
    try:
        return Story.model_validate(raw)
    except ValidationError as exc:
        return _translate(exc, raw, text, path)


# --- turning pydantic's errors into advice ---------------------------------------------------------

def _field_path(loc: Loc) -> Loc:
    # Union branches ("int", "float", "str", function-after[...]) are not fields.
    keep = _FIELD_NAMES | _PART_FIELDS
    return tuple(part for part in loc if not isinstance(part, str) or part in keep)


def format_field(loc: Loc) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _toml_kind(value: Any) -> str:
    """What the user wrote, in TOML's words rather than Python's (`a number`, not `int`)."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (a true/false value)"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, datetime | date | time):
        return f"a date or time ({value.isoformat()})"
    return "nothing" if value is None else type(value).__name__


def _advice(loc: Loc, err: ErrorDetails, raw: dict[str, Any]) -> str:
    kind = err.get("type", "")
    field = format_field(loc)
    given = err.get("input")
    leaf = loc[-1] if loc else ""
    if kind == "missing":
        examples = {"title": 'title = "What the story is about"',
                    "questions": 'questions = ["project"]', "name": 'name = "p99 latency"'}
        return f"`{field}` is missing: add {examples.get(str(leaf), f'`{leaf}`')}"
    if loc and loc[0] == "metrics" and leaf in {"value", "before", "after"}:
        if isinstance(given, str):
            return (f"`{field}` must be a number, not {tomltext.basic_string(given)}: write the number "
                    f"alone and put the unit in `unit` (for example {leaf} = 4.2 and unit = \"s\")")
        if kind == "finite_number":
            return f"`{field}` must be a finite number"
        return f"`{field}` must be a number, not {_toml_kind(given)}"
    if kind == "value_error" and loc and loc[0] == "metrics":
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        return f"`{field}` {msg}"
    if kind == "value_error":
        msg = str(err.get("msg", "")).removeprefix("Value error, ")
        return f"{msg}"
    if kind in {"list_type"}:
        if leaf == "metrics":
            return "`metrics` must be [[metrics]] tables, each with a name and numbers"
        return f"`{field}` must be a list, like [\"first\", \"second\"]"
    if kind in {"model_type", "dict_type"}:
        if leaf == "followups":
            return "`followups` must be a [followups] table with one text per probe"
        return f"`{field}` must be a table"
    if kind == "string_type":
        return f"`{field}` must be text in quotes, not {_toml_kind(given)}"
    if kind in {"int_type", "float_type"}:
        return f"`{field}` must be a number"
    return f"`{field}`: {err.get('msg', 'is not valid')}"


def _translate(exc: ValidationError, raw: dict[str, Any], text: str, path: Path) -> LoadError:
    seen: dict[Loc, str] = {}
    for err in exc.errors(include_url=False):
        loc = _field_path(tuple(err.get("loc", ())))
        if loc in seen:
            continue
        seen[loc] = _advice(loc, err, raw)
    first_loc = next(iter(seen))
    messages = list(seen.values())
    message = messages[0] if len(messages) == 1 else "; ".join(messages[:4])
    if len(messages) > 4:
        message += f"; and {len(messages) - 4} more"
    return _error(path, text, first_loc, message)


def _error(path: Path, text: str, loc: Loc, message: str) -> LoadError:
    return LoadError(path, message, locate(text, loc), None, format_field(loc) or None)


def locate(text: str, loc: Loc) -> int | None:
    """Best-effort line number of the field at `loc` in the TOML source."""
    if not loc:
        return None
    want, key = _wanted(loc)
    target = key if key is not None else str(loc[0])
    fallback = None
    table_line = None  # the header of the wanted table, if the key itself is not in it
    for number, table, stripped in _scan(text):
        if stripped is None:  # a table's header
            if want and table == want:
                if key is None:
                    return number
                table_line = number
            elif not want and len(loc) == 1 and table == (str(loc[0]),):
                return number  # `[title]`: a table where a value belongs
            continue
        if table == want and _assigns(stripped, target):
            return number
        if not table and fallback is None and _assigns(stripped, str(loc[0])):
            fallback = number
    return table_line if table_line is not None else fallback


def _wanted(loc: Loc) -> tuple[Loc, str | None]:
    """The table a field is in (() for the top level) and its key (None: the table itself)."""
    key = loc[-1] if isinstance(loc[-1], str) else None
    if loc[0] == "metrics" and len(loc) >= 2 and isinstance(loc[1], int):
        return ("metrics", loc[1]), key if len(loc) > 2 else None
    if loc[0] == "followups" and len(loc) >= 2:
        return ("followups",), key
    if len(loc) > 1:
        return (), str(loc[0])
    return (), key


def _scan(text: str) -> Iterator[tuple[int, Loc, str | None]]:
    """Each line outside multi-line strings: its number, the table it is in (a header line
    opens its table, `[[metrics]]` numbered from 0) and its text, None for a header."""
    table: Loc = ()
    metric_index = -1
    in_multiline = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline:
            if line.count('"""') % 2 == 1 or line.count("'''") % 2 == 1:
                in_multiline = False
            continue
        header = _HEADER.match(line)
        if header:
            name = header.group(2).strip().strip("\"'")
            if header.group(1) == "[[" and name == "metrics":
                metric_index += 1
                table = ("metrics", metric_index)
            else:
                table = (name,)
            yield number, table, None
            continue
        stripped = line.lstrip()
        yield number, table, stripped
        if stripped.count('"""') % 2 == 1 or stripped.count("'''") % 2 == 1:
            in_multiline = True


def _assigns(line: str, key: str) -> bool:
    return re.match(rf"\"?{re.escape(key)}\"?\s*=", line) is not None


# --- writing ---------------------------------------------------------------------------------------

def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """File key -> default value, for the model's optional fields."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if not info.is_required():
            out[info.alias or name] = info.get_default(call_default_factory=True)
    return out


def _is_default(defaults: dict[str, Any], key: str, value: Any) -> bool:
    """True for a known field holding its default: writing it adds nothing a reader would not assume.

    Unknown keys are never defaults, so they are written whatever their value (even "").
    """
    return key in defaults and defaults[key] == value


def _item(value: Any) -> Any:
    """A tomlkit item whose text is exactly what tomltext writes."""
    import tomlkit

    source = tomltext.value(value)
    if source is None:
        return tomlkit.item(value)
    return tomlkit.parse(f"x = {source}\n")["x"]


def _plain(item: Any) -> Any:
    return item.unwrap() if hasattr(item, "unwrap") else item


def _sync_table(table: Any, new: dict[str, Any], defaults: dict[str, Any]) -> None:
    """Make a tomlkit table hold `new`, touching only keys whose values differ."""
    for key in [k for k in table if k not in new]:
        del table[key]
    for key, value in new.items():
        if key in table:
            if _plain(table[key]) != value:
                table[key] = _item(value)
        elif not _is_default(defaults, key, value):
            table[key] = _item(value)


def _metric_table(metric: dict[str, Any]) -> Table:
    import tomlkit

    table = tomlkit.table()
    for key, value in metric.items():
        table[key] = _item(value)
    return table


_ABSENT = object()


def _story_data(text: str) -> dict[str, Any] | None:
    """The story in `text` as the model sees it (normalised values), or None if it is not one."""
    try:
        return Story.model_validate(tomllib.loads(text)).to_data()
    except Exception:  # noqa: BLE001 - then values are compared as written
        return None


def render_story(story: Story, old_text: str = "") -> str:
    """The text of `story` as a file; with `old_text`, an edit of that file keeping its layout.

    A value is rewritten only if it changed as the model sees it: `when = 2023` stays as written
    when the story still says "2023", and a missing `schema` is not added (missing means 1).
    """
    import tomlkit

    doc = tomlkit.parse(old_text) if old_text else tomlkit.document()
    old = _story_data(old_text) if old_text else None
    data = story.to_data()
    metrics = data.pop("metrics", [])
    followups = data.pop("followups", None)
    _sync_values(doc, data, old, fresh=not old_text)
    # Tables go last, metrics before followups, as in the format. Unchanged ones stay as written
    # (even inline tables); changed [[metrics]] tables are edited key by key.
    _sync_metrics(doc, metrics, old)
    _sync_followups(doc, followups, old)
    text = tomlkit.dumps(doc)
    return text if text.endswith("\n") else text + "\n"


def _sync_values(doc: Any, data: dict[str, Any], old: dict[str, Any] | None, *, fresh: bool) -> None:
    """The story's plain values into `doc`: keys the story no longer has go, a value is written
    only when it changed as the model sees it, and a new file leaves out defaults (but `schema`)."""
    defaults = _defaults(Story)
    if fresh:
        data = {k: v for k, v in data.items() if k == "schema" or not _is_default(defaults, k, v)}
    for key in [k for k in doc if k not in data and k not in {"metrics", "followups"}]:
        del doc[key]
    for key, value in data.items():
        if key not in doc:
            if fresh or not _is_default(defaults, key, value):
                doc[key] = _item(value)
            continue
        before = old.get(key, _ABSENT) if old is not None else _ABSENT
        if before is _ABSENT:
            before = _plain(doc[key])
        if before != value:
            doc[key] = _item(value)


def _sync_metrics(doc: Any, metrics: list[dict[str, Any]], old: dict[str, Any] | None) -> None:
    import tomlkit
    from tomlkit.items import AoT

    from storybank.model import Metric

    current = doc.get("metrics")
    was = old.get("metrics", []) if old is not None else _plain(current) if current is not None else []
    if was == metrics:
        return
    if isinstance(current, AoT) and metrics:
        metric_defaults = _defaults(Metric)
        for index, metric in enumerate(metrics):
            if index < len(current.body):
                _sync_table(current.body[index], metric, metric_defaults)
            else:
                current.append(_metric_table(metric))
        while len(current.body) > len(metrics):
            del current[len(current.body) - 1]
        return
    if "metrics" in doc:
        del doc["metrics"]
    if metrics:
        aot = tomlkit.aot()
        for metric in metrics:
            aot.append(_metric_table(metric))
        _add_table(doc, "metrics", aot, before="followups")


def _sync_followups(doc: Any, followups: dict[str, Any] | None, old: dict[str, Any] | None) -> None:
    import tomlkit

    from storybank.model import Followups

    current = doc.get("followups")
    if (old.get("followups") if old is not None else _plain(current)) == followups:
        return
    if followups is not None and current is not None and hasattr(current, "items"):
        _sync_table(current, followups, _defaults(Followups))
        return
    if "followups" in doc:
        del doc["followups"]
    if followups is not None:
        table = tomlkit.table()
        for key, value in followups.items():
            table[key] = _item(value)
        doc["followups"] = table


def _add_table(doc: Any, key: str, item: Any, before: str) -> None:
    if before in doc:
        # Re-add the later table after this one so the file keeps the format's order.
        later = doc[before]
        del doc[before]
        doc[key] = item
        doc[before] = later
    else:
        doc[key] = item
