"""The duties each profession's postings name, in the trade's words and the candidate's (issue 23,
round 9).

A posting names a duty in its trade's jargon ("venepuncture", "safe isolation", "going concern");
a candidate tells it as what they did ("took blood", "fitted my own padlock", "tested whether the
company had enough cash"). `data/posting_concepts.toml` lists, per profession, such duties: each
one a group of phrases that name it. `terms.synonyms` makes every phrase of a group meet the
others, as a synonym does; `match/trade.py` lets a requirement whose trade duties a story's sentence
all says, by the candidate's own act, be shown by it (`_trade_level`).

This module only reads the table (phrases as written): the keys are `terms.py`'s business.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def concepts_file() -> dict[str, Any]:
    """`data/posting_concepts.toml` as parsed, read once a process: its `[[concept]]` tables are
    `concepts.table`'s, its `[[trade]]` tables this module's."""
    return tomllib.loads(resources.files("storybank").joinpath("data/posting_concepts.toml").read_text("utf-8"))


@lru_cache(maxsize=1)
def duties() -> tuple[tuple[str, ...], ...]:
    """Every profession's duties, each as the phrases that name it."""
    out = []
    for trade in concepts_file().get("trade", []):
        for group in trade["duties"]:
            if len(group) < 2:
                raise ValueError(f"posting trade {trade['field']!r}: duty {group!r} needs two phrases at least")
            out.append(tuple(group))
    return tuple(out)
