"""The posting word lists (`data/postings.toml`), loaded once and compiled into matchers."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from storybank.analysis.lexicon import PhraseSet


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    text = resources.files("storybank").joinpath("data/postings.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=64)
def phrases(table: str, name: str) -> PhraseSet:
    """One list of `data/postings.toml` as a matcher: `phrases("headings", "boilerplate")`."""
    return PhraseSet(tuple(data()[table][name]))


@lru_cache(maxsize=8)
def words(table: str, name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in data()[table][name])


@lru_cache(maxsize=1)
def years() -> re.Pattern[str]:
    return re.compile(data()["credentials"]["years"], re.I)


@lru_cache(maxsize=1)
def question_hints() -> dict[str, PhraseSet]:
    return {qid: PhraseSet(tuple(cues)) for qid, cues in data()["question_hints"].items()}


@lru_cache(maxsize=1)
def known_names() -> frozenset[str]:
    """The built-in catalog's technology names, as written ("Kubernetes", "PostgreSQL", "Go"):
    read straight from its table, without building the catalog."""
    text = resources.files("storybank").joinpath("data/catalog.toml").read_text("utf-8")
    start = text.find("\n[technologies]")
    end = text.find("\n[", start + 1)
    table = tomllib.loads(text[start:end if end > 0 else None])
    return frozenset(table["technologies"]["known"])
