"""The posting word lists (`data/postings.toml`), loaded once and compiled into matchers."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from storybank.analysis.lexicon import PhraseSet
from storybank.postings.trades import duties


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
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of words that meet each other (`[synonyms]`), then every profession's duties
    in its trade's words (`trades.py`)."""
    return tuple(tuple(g) for g in data()["synonyms"]["groups"]) + duties()


@lru_cache(maxsize=1)
def admission() -> re.Pattern[str]:
    return re.compile(data()["credentials"]["admission"], re.I)


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


@lru_cache(maxsize=1)
def lexicon_modifiers() -> frozenset[str]:
    """The words that, standing alone on a line, head a list of what is asked ("Essential")."""
    return frozenset(data()["headings"]["requirement_modifiers"]) | {"desirable"}


def known_heading(line: str) -> bool:
    """Is this short line one of the headings postings use ("About the job", "NICE TO HAVE",
    "Minimum Qualifications")? Such a line is a heading even with no blank line around it, as
    in a posting pasted from a job board."""
    text = line.strip().rstrip(":?").strip()
    words = text.split()
    if not words or len(words) > 5 or text[-1:] in ".,;!" or any(c.isdigit() for c in text):
        return False
    letters = [c for c in text if c.isalpha()]
    capitals = all(w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL for w in words) \
        or (len(words) <= 4 and words[0][0].isupper())
    if not letters or not (capitals or line.strip().endswith(":")):
        return False
    low = text.lower().replace("’", "'")
    if low in lexicon_modifiers():
        return True             # "Essential", "Desirable" alone: a person specification's halves
    if _ASKING.match(low):
        return False            # "Experience with SystmOne" asks for something; it heads nothing
    return any(phrases("headings", name).search(low) is not None
               for name in ("boilerplate", "not_boilerplate", "requirements", "preferred", "responsibilities"))


_ASKING = re.compile(r"(?:experience|knowledge|proficiency|familiarity|expertise|background|skills?)\s+"
                     r"(?:with|in|of|using|at)\s+\S")

_SMALL = frozenset({"a", "an", "and", "the", "of", "to", "in", "for", "on", "at", "with", "you", "we",
                    "our", "your", "or", "&", "is", "are", "what", "you'll", "we're"})
