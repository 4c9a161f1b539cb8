"""What a finding code checks, why it matters, and an example that fires and one that does not.

The examples live in `data/rule_examples.toml`, and the tests build each one and check that it
really fires (or stays silent): the examples `storybank explain` shows are the ones the tests run,
after ruff's rule pages and pylint's bad/good examples. An example is one of the example bank's
strong stories with a few fields replaced; `example_story` builds it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.rules.registry import Rule

PROSE = (
    "Each booking stores a door ID and a time range in UTC, because the warehouses span three "
    "time zones. Two concurrent inserts for the same door cannot both commit, and the loser gets "
    "an exclusion error. The API catches that error and returns the next three free slots. A "
    "scheduled task runs every five minutes and releases any slot whose truck has not checked in. "
    "Gate logs gave me arrival times for every truck at the pilot site. Supervisors reviewed the "
    "door plan each morning at six and moved slots for refrigerated loads. "
)
META_KEYS = ("kind", "drop", "drop_followups", "note", "expect")


@dataclass(frozen=True)
class Explanation:
    code: str
    name: str
    category: str
    severity: str
    field: str
    checks: str
    why: str
    fires: dict[str, Any]
    clean: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "category": self.category,
                "severity": self.severity, "field": self.field, "checks": self.checks,
                "why": self.why, "examples": {"fires": self.fires, "clean": self.clean}}


@lru_cache(maxsize=1)
def examples() -> dict[str, dict[str, Any]]:
    text = resources.files("storybank").joinpath("data/rule_examples.toml").read_text("utf-8")
    return tomllib.loads(text)


def prose(n: int) -> str:
    """Exactly `n` words of plain, filler-free prose, ending with a full stop."""
    pool = PROSE.split()
    return " ".join(pool[i % len(pool)] for i in range(n)).rstrip(".,") + "."


def _value(value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"prose"}:
        return prose(int(value["prose"]))
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def example_story(spec: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    """The story data of one example: `base` (a strong story of `spec["kind"]`, as data) with the
    example's fields replaced, keys dropped and probes replaced or removed."""
    data = {k: v for k, v in base.items() if k not in spec.get("drop", ())}
    data["questions"] = list(base.get("questions", []))
    for key, value in spec.items():
        if key in META_KEYS:
            continue
        if key == "followups":
            merged = dict(data.get("followups") or {})
            merged.update(_value(value))
            data["followups"] = merged
        else:
            data[key] = _value(value)
    if spec.get("drop_followups"):
        data["followups"] = {k: v for k, v in (data.get("followups") or {}).items()
                             if k not in spec["drop_followups"]}
    return data


def _what_and_why(rule: Rule) -> tuple[str, str]:
    """The rule's explanation (its docstring) as what it checks (the first sentence) and why it
    matters (the rest)."""
    doc = " ".join(rule.explanation.split())
    first, sep, rest = doc.partition(". ")
    return (first + "." if sep else first), rest


def explain(code: str, rules: dict[str, Rule]) -> Explanation | None:
    """The explanation of `code` among `rules` (see `analysis.engine.rules_for`)."""
    code = code.strip().upper()
    rule = rules.get(code)
    if rule is None:
        return None
    data = examples().get(code, {})
    what, why = _what_and_why(rule)
    checks = data.get("checks") or what
    why = data.get("why", "") or why or what   # the examples file is where a rule's "why" is written
    # `expect` is what the tests assert about the finding; the person reading sees the story.
    fires = {k: v for k, v in data.get("fires", {}).items() if k != "expect"}
    clean = {k: v for k, v in data.get("clean", {}).items() if k != "expect"}
    return Explanation(code, rule.name, rule.category, rule.severity, rule.field, checks, why, fires, clean)


def suggest(code: str, known: list[str]) -> str | None:
    """The closest known code (SB2O1 → SB201, sb-201 → SB201), or a name's code."""
    import difflib

    text = code.strip().upper().replace("-", "").replace(" ", "").replace("O", "0")
    if text in known:
        return text
    close = difflib.get_close_matches(text, known, n=1, cutoff=0.8)
    return close[0] if close else None


def describe_example(spec: dict[str, Any]) -> list[tuple[str, str]]:
    """The example as (field, what it says) lines for a person to read."""
    lines: list[tuple[str, str]] = []
    for key, value in spec.items():
        if key in META_KEYS:
            continue
        if key == "followups":
            for probe, text in value.items():
                lines.append((f"followups.{probe}", _show(text)))
        else:
            lines.append((key, _show(value)))
    for key in spec.get("drop", ()):
        lines.append((key, "(left out)"))
    for probe in spec.get("drop_followups", ()):
        lines.append((f"followups.{probe}", "(left out)"))
    return lines


def _show(value: Any) -> str:
    if isinstance(value, dict) and set(value) == {"prose"}:
        return f"({value['prose']} words of plain prose)"
    if isinstance(value, str):
        return repr(value) if not value.strip() else value
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return "; ".join(", ".join(f"{k} = {v}" for k, v in item.items()) for item in value)
    return str(value) if value != [] else "[] (empty)"


def baseline_dir() -> Path | None:
    """The example bank the examples start from, when this is a checkout (tests use it)."""
    here = Path(__file__).resolve().parents[3] / "stories"
    return here if here.is_dir() else None
