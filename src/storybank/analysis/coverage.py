"""Coverage: which question types have a strong story, and the best distinct story for each.

The assignment is optimal, not greedy: it first covers as many question types as possible with
distinct stories, then maximises the quality of the stories chosen. Only each type's best few
candidates can matter (eight types can take at most seven others' picks), so the exact search
over those candidates stays tiny whatever the size of the bank.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from storybank.analysis.context import too_many_types
from storybank.analysis.types import Coverage, CoverageStatus, StoryReport, TypeCoverage
from storybank.bank import types_without_story
from storybank.catalog import Catalog

if TYPE_CHECKING:
    from storybank.bank import StoryFile

DUPLICATE_SCORE = 85.0
# Readiness outranks scores: a clean story beats any story with warnings, whatever their scores.
READINESS_PENALTY = {"clean": 0, "warnings": 150, "errors": 400}
QUALITY_BEST = 1000 + 100                                  # clean, every score 100
QUALITY_WORST = 1000 - max(READINESS_PENALTY.values())     # errors, every score 0


def quality(report: StoryReport) -> float:
    """How good a story is as an answer: ready first, then its scores (QUALITY_WORST..QUALITY_BEST)."""
    return 1000 - READINESS_PENALTY[report.readiness] + report.overall()


def quality_share(report: StoryReport) -> float:
    """`quality` on a 0..1 scale, for callers that weigh it against other signals."""
    return (quality(report) - QUALITY_WORST) / (QUALITY_BEST - QUALITY_WORST)


def is_strong(report: StoryReport) -> bool:
    return report.readiness == "clean" or all(f.severity == "info" for f in report.findings)


def assign(candidates: dict[str, list[tuple[str, float]]]) -> dict[str, str | None]:
    """Pick a distinct story per type maximising (types covered, total quality).

    `candidates` maps type id -> [(story id, quality)]. Exact search over each type's top-k.
    """
    types = list(candidates)
    k = len(types)
    shortlist = {t: sorted(c, key=lambda x: (-x[1], x[0]))[:k] for t, c in candidates.items()}
    # What the types from index i on could add at most, ignoring that stories must be distinct:
    # one more covered type and its best story's quality for each type that has a candidate.
    rest_covered = [0] * (k + 1)
    rest_total = [0.0] * (k + 1)
    for i in range(k - 1, -1, -1):
        top = shortlist[types[i]]
        rest_covered[i] = rest_covered[i + 1] + (1 if top else 0)
        rest_total[i] = rest_total[i + 1] + (max(0.0, top[0][1]) if top else 0.0)
    best: tuple[int, float, tuple[str | None, ...]] = (-1, 0.0, ())

    def search(index: int, used: frozenset[str], covered: int, total: float,
               picks: tuple[str | None, ...]) -> None:
        nonlocal best
        if index == len(types):
            if (covered, total) > (best[0], best[1]):
                best = (covered, total, picks)
            return
        # Bound: even covering every remaining type with its best story cannot beat the best
        # assignment found so far (found first, so it also wins ties), so skip this branch.
        # Without the quality half of the bound, a bank whose types each have eight candidates
        # searched all 9^8 combinations: ten seconds for `coverage` on 3,000 stories.
        optimistic = (covered + rest_covered[index], total + rest_total[index])
        if optimistic[0] < best[0] or (optimistic[0] == best[0] and optimistic[1] <= best[1] + 1e-9):
            return
        for story, score in shortlist[types[index]]:
            if story not in used:
                search(index + 1, used | {story}, covered + 1, total + score, picks + (story,))
        search(index + 1, used, covered, total, picks + (None,))

    search(0, frozenset(), 0, 0.0, ())
    return dict(zip(types, best[2], strict=True)) if best[2] else {t: None for t in types}


def compute_coverage(stories: Sequence[StoryFile], reports: dict[str, StoryReport], catalog: Catalog,
                     duplicates: bool = True) -> Coverage:
    mapped: dict[str, list[str]] = {q.id: [] for q in catalog.questions}
    for sf in stories:
        for qid in dict.fromkeys(sf.story.questions):
            if qid in mapped:
                mapped[qid].append(sf.id)
    candidates = {
        qid: [(sid, quality(reports[sid])) for sid in ids if sid in reports]
        for qid, ids in mapped.items()
    }
    assignment = assign(candidates)
    missing = set(types_without_story(mapped, (sf.story.questions for sf in stories)))
    types = []
    for q in catalog.questions:
        ids = mapped[q.id]
        status: CoverageStatus
        if q.id in missing:
            status = "missing"
        elif any(is_strong(reports[s]) for s in ids if s in reports):
            status = "strong"
        else:
            status = "weak"
        best = max(candidates[q.id], key=lambda c: c[1], default=(ids[0] if ids else None, 0.0))[0]
        types.append(TypeCoverage(q.id, q.as_asked, q.label, status, ids, assignment.get(q.id), best))
    overused = [sf.id for sf in stories if too_many_types(sf.story.questions)]
    dupes = near_duplicates(stories) if duplicates else []
    return Coverage(types, overused, dupes)


def near_duplicates(stories: Sequence[StoryFile],
                    threshold: float = DUPLICATE_SCORE) -> list[tuple[str, str, float]]:
    """Pairs of stories that tell the same experience (rapidfuzz over title and situation).

    Candidate pairs share at least two of each other's rarer words, so a big bank is not
    compared all against all.
    """
    from rapidfuzz import fuzz

    texts: dict[str, str] = {}
    signatures: dict[str, set[str]] = {}
    frequency: dict[str, int] = {}
    for sf in stories:
        text = f"{sf.story.title}. {sf.story.situation} {sf.story.action}"[:1500].lower()
        texts[sf.id] = text
        words = {w for w in text.split() if len(w) > 3}
        signatures[sf.id] = words
        for w in words:
            frequency[w] = frequency.get(w, 0) + 1
    index: dict[str, list[str]] = {}
    for sid, words in signatures.items():
        rare = sorted(words, key=lambda w: (frequency[w], w))[:8]
        for w in rare:
            index.setdefault(w, []).append(sid)
    pair_counts: dict[tuple[str, str], int] = {}
    for ids in index.values():
        if len(ids) > 50:  # a word this common says nothing about duplication
            continue
        for i, a in enumerate(ids):
            for b in ids[i + 1 :]:
                key = (a, b) if a < b else (b, a)
                pair_counts[key] = pair_counts.get(key, 0) + 1
    out = []
    for (a, b), shared in sorted(pair_counts.items()):
        if shared < 2:
            continue
        score = fuzz.token_set_ratio(texts[a], texts[b])
        if score >= threshold:
            out.append((a, b, round(score, 1)))
    return out
