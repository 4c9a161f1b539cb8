"""The rule registry: every finding code is a small function registered here with its metadata.

Built-in rules live in the modules of this package, one module per category, each declared with
`@rule(code=..., name=..., category=..., severity=..., field=...)`; the function's docstring is
the rule's explanation (`storybank explain CODE`). `RULES` is a `Named` table, the same kind
that holds the catalog's pitfall and evidence checks (see analysis/named.py). Pitfall rules come
from the catalog (see pitfalls.py), so a new question set brings its own codes without a code
change.

Most rules read only the story: they take the `StoryContext` and yield a `Hit` per problem. A rule
declared with `after=N` runs in pass N, once the earlier passes are done, and also receives their
findings: the missing-evidence rule (pass 1) stays quiet where a pitfall already spoke, and the
two rules about `ignore` (pass 2) need to know every code the story triggers.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storybank.analysis.context import StoryContext
from storybank.analysis.named import Named
from storybank.analysis.types import Category, Finding, Severity

if TYPE_CHECKING:  # pragma: no cover
    from storybank.catalog import Catalog

__all__ = ["RULES", "Category", "Hit", "Rule", "Severity", "builtin_rules", "ignore_codes", "known_codes", "rule"]


@dataclass(frozen=True)
class Hit:
    message: str
    value: float | int | str | None = None
    field: str | None = None
    severity: Severity | None = None


Check = Callable[[StoryContext], Iterable[Hit]]
AfterCheck = Callable[[StoryContext, Sequence[Finding]], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: Category
    severity: Severity
    field: str
    check: Callable[..., Iterable[Hit]]
    doc: str = ""
    after: int = 0         # 0: reads the story; N > 0: runs in pass N and reads earlier findings
    dimension: str = ""    # the score a firing costs points on (catalog pitfalls)

    @property
    def explanation(self) -> str:
        """What the rule checks and why it matters in the interview, in plain sentences."""
        return self.doc

    def hits(self, ctx: StoryContext, findings: Sequence[Finding] = ()) -> Iterator[Hit]:
        if self.after:
            yield from self.check(ctx, findings)
        else:
            yield from self.check(ctx)

    def finding(self, hit: Hit) -> Finding:
        return Finding(self.code, self.name, self.category, hit.severity or self.severity,
                       hit.field or self.field, hit.message, hit.value)


RULES: Named[Rule] = Named("finding code")


def rule(*, code: str, name: str, category: Category, severity: Severity, field: str,
         after: int | bool = False) -> Callable[[Any], Any]:
    """Register a built-in rule. The function yields a Hit for each problem it finds; its
    docstring, which every rule must have, is the explanation users read."""
    if not isinstance(category, Category) or not isinstance(severity, Severity):
        raise TypeError(f"rule {code}: category and severity must be Category and Severity members")

    def register(func: Any) -> Any:
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise ValueError(f"rule {code} has no docstring: it is the rule's explanation")
        RULES.add(code, Rule(code, name, category, severity, field, func, doc, int(after)))
        return func

    return register


def builtin_rules() -> Mapping[str, Rule]:
    # Importing the modules registers their rules.
    from storybank.analysis.rules import (  # noqa: F401
        compression,
        depth,
        layers,
        ownership,
        pitfalls,
        specificity,
        structure,
    )

    return RULES


def known_codes(catalog: Catalog) -> set[str]:
    """Every finding code a story can get with this catalog: the built-in ones and its pitfalls'."""
    return set(builtin_rules()) | {p.code for q in catalog.questions for p in q.pitfalls}


def ignore_codes(items: Iterable[str]) -> list[str]:
    """The codes of an `ignore` list as they are matched: trimmed, upper case, each once."""
    return list(dict.fromkeys(c.strip().upper() for c in items))


def fmt_seconds(seconds: float, rounding: str = "nearest") -> str:
    """Whole seconds. Round "up" for a time past a limit and "down" for one short of it, so
    90.4 s never reads as "90 s, past the 90 s limit"."""
    if rounding == "up":
        return f"{math.ceil(seconds - 1e-9)} s"
    if rounding == "down":
        return f"{math.floor(seconds + 1e-9)} s"
    return f"{seconds:.0f} s"


def quote_list(items: Iterable[str], limit: int = 3) -> str:
    items = list(dict.fromkeys(items))
    shown = ", ".join(f'"{i}"' for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def number_word(n: int) -> str:
    """3 -> "three": small counts read better spelled out in a message."""
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)


def and_list(items: Iterable[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    items = list(items)
    return f"{', '.join(items[:-1])} and {items[-1]}" if len(items) > 1 else "".join(items)
