"""Recognising any wording of an interview question or probe, and ranking stories for it.

Two signals, both built from the catalog's data: a fuzzy match (rapidfuzz) against every
phrasing of each question type and probe, and a keyword vote weighted by how specific each word
is to one entry (a TF-IDF profile over the entry's phrasings and keywords). The fuzzy match is
good at near-paraphrases; the profile catches wordings that share only a few telling words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from storybank.analysis.types import MatchCandidate, RankedStory
from storybank.catalog import Catalog
from storybank.words import count_words

_TOKEN = re.compile(r"[a-z0-9][a-z0-9'+#-]*")
STOP = set(["a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "about", "from", "by", "as", "is", "are", "was", "were", "be", "been", "being", "do", "did", "does", "you", "your", "yours", "i", "me", "my", "we", "our", "us", "it", "its", "this", "that", "these", "those", "what", "whats", "what's", "which", "who", "whom", "how", "when", "where", "why", "can", "could", "would", "should", "will", "shall", "may", "might", "tell", "give", "share", "me", "walk", "through", "talk", "describe", "let's", "lets", "please", "so", "some", "any", "one", "time", "there", "here", "have", "has", "had"])


def _tokens(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(text.lower().replace("’", "'")) if t not in STOP]


def _stem(token: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(token) > len(suffix) + 3 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


@dataclass
class _Entry:
    kind: str
    id: str
    texts: list[str]
    keywords: list[str]
    profile: dict[str, float]
    norm: float


class Matcher:
    def __init__(self, catalog: Catalog) -> None:
        entries: list[tuple[str, str, list[str], list[str]]] = []
        for q in catalog.questions:
            entries.append(("question", q.id, [q.question, *q.phrasings], list(q.keywords)))
        for p in catalog.probes:
            entries.append(("probe", p.id, [p.question, *p.phrasings], list(p.keywords)))
        counts: list[dict[str, float]] = []
        document_frequency: dict[str, int] = {}
        for _kind, _id, texts, keywords in entries:
            bag: dict[str, float] = {}
            for text in texts:
                for tok in {_stem(t) for t in _tokens(text)}:
                    bag[tok] = bag.get(tok, 0) + 1
            for kw in keywords:
                for tok in _tokens(kw):
                    bag[_stem(tok)] = bag.get(_stem(tok), 0) + 3
            counts.append(bag)
            for tok in bag:
                document_frequency[tok] = document_frequency.get(tok, 0) + 1
        n = len(entries)
        self.idf = {t: math.log((1 + n) / (1 + df)) + 1 for t, df in document_frequency.items()}
        self.entries = []
        for (kind, eid, texts, keywords), bag in zip(entries, counts, strict=True):
            profile = {t: (1 + math.log(c)) * self.idf[t] for t, c in bag.items()}
            norm = math.sqrt(sum(v * v for v in profile.values())) or 1.0
            lowered = [t.lower() for t in texts]
            self.entries.append(_Entry(kind, eid, lowered, [k.lower() for k in keywords], profile, norm))

    def _profile_score(self, entry: _Entry, query: dict[str, float], qnorm: float) -> float:
        dot = sum(w * entry.profile.get(t, 0.0) for t, w in query.items())
        return 100.0 * dot / (entry.norm * qnorm) if qnorm else 0.0

    def _keyword_score(self, entry: _Entry, text: str) -> float:
        hits = 0
        for kw in entry.keywords:
            if re.search(r"(?<![a-z0-9])" + re.escape(kw), text):
                hits += 1
        return min(100.0, 35.0 * hits)

    def scores(self, question: str) -> list[MatchCandidate]:
        from rapidfuzz import fuzz, process

        text = question.lower().strip()
        toks = [_stem(t) for t in _tokens(text)]
        bag: dict[str, float] = {}
        for t in toks:
            bag[t] = bag.get(t, 0) + 1
        query = {t: (1 + math.log(c)) * self.idf.get(t, 1.0) for t, c in bag.items()}
        qnorm = math.sqrt(sum(v * v for v in query.values()))
        out = []
        for entry in self.entries:
            best = process.extractOne(text, entry.texts, scorer=fuzz.token_sort_ratio)
            fuzzy = best[1] if best else 0.0
            partial = process.extractOne(text, entry.texts, scorer=fuzz.partial_ratio)
            fuzzy = max(fuzzy, 0.85 * (partial[1] if partial else 0.0))
            profile = self._profile_score(entry, query, qnorm)
            keywords = self._keyword_score(entry, text)
            score = 0.45 * fuzzy + 0.4 * profile + 0.15 * keywords
            out.append(MatchCandidate(entry.kind, entry.id, min(100.0, score)))
        out.sort(key=lambda c: (-c.score, c.kind, c.id))
        return out


_MATCHERS: dict[int, tuple[Catalog, Matcher]] = {}


def matcher(catalog: Catalog) -> Matcher:
    cached = _MATCHERS.get(id(catalog))
    if cached is None or cached[0] is not catalog:
        cached = (catalog, Matcher(catalog))
        _MATCHERS[id(catalog)] = cached
    return cached[1]


def match_question(question: str, catalog: Catalog) -> tuple[MatchCandidate, list[MatchCandidate]]:
    ranked = matcher(catalog).scores(question)
    return ranked[0], ranked[1:4]


def rank_stories(match: MatchCandidate, stories, reports, question: str = "",
                 limit: int = 5) -> list[RankedStory]:
    """The bank's stories best suited to answer this question or probe."""
    from rapidfuzz import fuzz

    from storybank.analysis.coverage import quality_share

    ranked = []
    text = question.lower()
    for sf in stories:
        report = reports.get(sf.id)
        if report is None:
            continue
        base = quality_share(report) * 30  # 0-30 for readiness and scores
        if match.kind == "question":
            fit = 60.0 if match.id in sf.story.questions else 0.0
        else:
            words = count_words(sf.story.followup(match.id))
            fit = 45.0 + min(15.0, words / 8) if words else 0.0
        similar = fuzz.token_set_ratio(text, f"{sf.story.title} {' '.join(sf.story.technologies)}".lower()) if text else 0
        score = fit + max(0.0, base) + 0.1 * similar
        ranked.append(RankedStory(sf.id, sf.story.title, round(min(100.0, score), 1)))
    ranked.sort(key=lambda r: (-r.score, r.id))
    return ranked[:limit]
