"""Judging one answer given as running text: the orchestrator of `storybank.answers`.

`judge_answer(text, ...)` does what the interviewer does with what was said (README "Judging an answer"):

1. the question it answers, when given (a type id, or any wording, matched as `match` does);
2. the story it tells, recognised from the bank (`recognise`), unless the caller names it;
3. its four parts, found sentence by sentence (`segment`);
4. the same analysis as a written story (`storybank.analysis.analyze`) on a story made of those
   parts, the question's type (or the recognised story's types), the recognised story's named
   technologies, and the speaking rate of the settings (or the speaker's measured pace). Findings
   about a story file's own fields (its title, metrics table, ownership line, prepared follow-ups,
   ignore list, unknown keys) say nothing about an answer and are dropped;
5. for a recognised story: the cues said and missed (`speech.said.check_cues`) and whether the
   answer recites the written story (`recital`);
6. what it covered and lacked (`covered`), and the probe to ask next with its reason, worded
   around the answer's own parts (`probe`);
7. for a follow-up answer (`probe` and `first` given): its time against the follow-up window, and
   whether it went deeper or restarted the story (`followup`).

No I/O: the bank's stories, the catalog and the settings come from the caller.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storybank.answers.report import AnswerReport, Cues, NextProbe, Parts, Recital
from storybank.errors import StorybankError
from storybank.zones import zone_for

if TYPE_CHECKING:
    from storybank.analysis.types import Finding, MatchCandidate, RankedStory
    from storybank.bank import StoryFile
    from storybank.catalog import Catalog
    from storybank.model import Story
    from storybank.settings import Settings

# Findings about a story file's own fields: nothing an answer said can raise or settle them.
FILE_FIELDS = frozenset({"title", "questions", "metrics", "ownership", "technologies", "followups",
                         "ignore", ""})
FILE_CATEGORIES = frozenset({"structure", "depth_layers"})
# A follow-up has no hard limit; its analysis takes this many times the window's top as one.
FOLLOWUP_LIMIT = 1.5
MIN_RATE, MAX_RATE = 60.0, 400.0   # a measured pace outside this is a recognition accident


@dataclass(frozen=True)
class BankStory:
    """A story of the bank as the judge needs it (a `bank.StoryFile` fits this shape)."""

    id: str
    story: Story
    digest: str = ""


def about_the_file(finding: Finding) -> bool:
    """Whether a finding is about a story file rather than about what was said."""
    field = finding.field or ""
    return (finding.category in FILE_CATEGORIES or field in FILE_FIELDS
            or field.startswith(("followups.", "metrics[")))


def match_question(question: str | None, catalog: Catalog) -> MatchCandidate | None:
    """The question type (or probe) an id or a wording names; None when none is given, or when
    the wording is none of them ("What's your biggest weakness?" was judged as a failure answer,
    its best type at 1 of 100, until round 42). A wording near a type's line ("unsure") is read
    as that type, as `match` names it."""
    from storybank.analysis.matching import recognise
    from storybank.analysis.types import MatchCandidate

    words = " ".join((question or "").split())
    if not words:
        return None
    if catalog.question(words) is not None:
        return MatchCandidate("question", words, 100.0)
    if catalog.probe(words) is not None:
        return MatchCandidate("probe", words, 100.0)
    found = recognise(words, catalog)
    return None if found.verdict == "none" else found.best


def answer_story(parts: Parts, questions: Sequence[str], told: Story | None) -> Story:
    """The story the analysis reads: the parts found, the question types, and the told story's
    named technologies and profession (so "Tessellate" and "argMax" count as names)."""
    from storybank.model import Story

    return Story(title="", questions=list(questions),
                 technologies=list(told.technologies) if told is not None else [],
                 profession=told.profession if told is not None else None,
                 situation=parts.situation, action=parts.action, outcome=parts.outcome,
                 reflection=parts.reflection)


def _rated(settings: Settings, wpm: float | None, followup: bool) -> Settings:
    """The settings the analysis runs with: the measured pace (so words turn back into the
    seconds actually spoken) and, for a follow-up, the follow-up window as the answer's."""
    out = settings
    if wpm:
        out = replace(out, rate_wpm=min(MAX_RATE, max(MIN_RATE, wpm)))
    if followup:
        low, high = settings.followup_seconds
        out = replace(out, answer_seconds=(low, high), answer_limit_seconds=high * FOLLOWUP_LIMIT)
    return out


def _mechanism(story: Story, catalog: Catalog, settings: Settings) -> tuple[str | None, bool]:
    """What the answer said of how it worked (None: nothing), and whether its question type
    asks for a mechanism at all."""
    from storybank.analysis.context import StoryContext
    from storybank.analysis.signals import signals
    from storybank.answers.covered import MECHANISM_TERMS

    ctx = StoryContext.build(story, "", catalog, settings)
    sig = signals(ctx)
    said = [*sig.mechanism, *sig.named]
    if sig.causes and said:
        return f"{sig.causes[0]} … {said[0]}", ctx.technical
    if len(sig.mechanism) >= MECHANISM_TERMS:
        return ", ".join(sig.mechanism[:MECHANISM_TERMS]), ctx.technical
    return None, ctx.technical


def _alternative(parts: Parts) -> str | None:
    from storybank.analysis.phrases import alternative_phrase, decision_phrase

    decision = decision_phrase(parts.action, parts.outcome, parts.reflection)
    return alternative_phrase(decision, parts.action, parts.reflection, parts.outcome)


def _prompts(story: Story, catalog: Catalog, settings: Settings,
             findings: Collection[str] = (), question: str = "") -> dict[str, str]:
    from storybank.analysis.followups import followup_prompts

    return {p.probe: p.prompt for p in followup_prompts(story, catalog, settings, findings=findings,
                                                        question=question)
            if not p.probe.startswith("type:")}


def _told(text: str, catalog: Catalog, stories: Sequence[BankStory], story: str | None
          ) -> tuple[BankStory | None, RankedStory | None]:
    """The story told (named by the caller, or recognised) and its recognition score."""
    from storybank.analysis.types import RankedStory
    from storybank.answers.recognise import recogniser_for

    if not stories:
        if story is not None:
            raise StorybankError(f"no story `{story}` in the bank")
        return None, None
    digests = [s.digest for s in stories] if all(s.digest for s in stories) else ()
    rec = recogniser_for([(s.id, s.story) for s in stories], catalog, digests)
    if story is not None:
        told = _find(stories, story)
        score = next((r.score for r in rec.scores(text) if r.id == story), 0.0)
        return told, RankedStory(told.id, told.story.title, score)
    found = rec.recognise(text)
    if found is None:
        return None, None
    return next(s for s in stories if s.id == found.id), found


def _types(matched: MatchCandidate | None, tale: Story | None, catalog: Catalog) -> list[str]:
    """The question types the answer is judged for: the question asked, else the story's."""
    if matched is not None and matched.kind == "question":
        return [matched.id]
    return [q for q in (tale.questions if tale is not None else []) if catalog.question(q)]


def _next_probe(exchange: str, whole: Parts, types: list[str], tale: Story | None,
                catalog: Catalog, settings: Settings, rated: Settings, asked: Sequence[str],
                probe: str | None, findings: Collection[str] = (), question: str = ""
                ) -> tuple[NextProbe, list[str], dict[str, str], dict[str, str],
                           dict[str, float] | None]:
    """What the exchange covered, and the probe to ask next: (the probe, the probes lacking,
    their reasons, every probe worded around the answer, the story's prepared layers). The
    answer's weak point (a finding of the catalog's `answer_weaknesses`) comes first: its probe
    leads the probes lacking, with the weakness's reason."""
    from storybank.analysis.followups import weak_points
    from storybank.answers.covered import covered
    from storybank.answers.probe import next_probe

    story = answer_story(whole, types, tale)
    mechanism, technical = _mechanism(story, catalog, rated)
    coverage = covered(exchange, mechanism=mechanism, technical=technical,
                       alternative=_alternative(whole))
    prompts = _prompts(story, catalog, settings, findings, question)
    layers = dict(layer_seconds(tale, catalog.probe_ids(), settings)) if tale is not None else None
    lacked = coverage.lacking()
    weak: dict[str, str] = {}
    for point in weak_points(catalog, findings, story.answer_text(), types):
        if point.reason or point.ask in lacked:
            weak.setdefault(point.ask, point.reason or coverage.reason(point.ask))
    lacking = [*weak, *(p for p in lacked if p not in weak)]
    reasons = {p: weak.get(p) or coverage.reason(p) for p in lacking}
    chosen = next_probe(catalog.probe_ids(), lacking, reasons, prompts,
                        {p.id: p.question for p in catalog.probes}, layer_seconds=layers,
                        asked=asked, exclude=[probe] if probe else [])
    return chosen, lacking, reasons, prompts, layers


def _against_the_story(text: str, tale: Story, probe: str | None) -> tuple[Cues, Recital | None]:
    """The story's cues said and missed, and whether the answer recites the written text."""
    from storybank.answers.recital import recital
    from storybank.speech.said import check_cues

    check = check_cues(tale, text, probe)
    written = tale.followup(probe) if probe else tale.answer_text()
    return (Cues(tuple(check.said), tuple(check.missed), check.share),
            recital(text, written) if written.strip() else None)


def judge_answer(
    text: str,
    catalog: Catalog,
    settings: Settings,
    stories: Sequence[BankStory] = (),
    *,
    question: str | None = None,
    story: str | None = None,
    probe: str | None = None,
    first: str | None = None,
    wpm: float | None = None,
    asked: Sequence[str] = (),
) -> AnswerReport:
    """Judge `text` (see the module). `story` names the story told instead of recognising it;
    `probe` and `first` make `text` the answer to that probe after the first answer `first`;
    `wpm` is the speaker's measured pace; `asked` the probes asked so far in the session.

    Raises StorybankError when there is nothing to judge or `story` is not in `stories`."""
    from storybank.analysis.engine import analyze
    from storybank.answers.followup import judge_followup
    from storybank.answers.segment import segment
    from storybank.words import count_words

    words = count_words(text)
    if not words:
        raise StorybankError("the answer is empty: nothing to judge")
    if probe is not None and catalog.probe(probe) is None:
        raise StorybankError(f"unknown probe `{probe}`; known: {', '.join(catalog.probe_ids())}")
    # A follow-up is heard with the first answer: the exchange tells the story, covers the ground.
    exchange = f"{first}\n{text}" if first else text
    matched = match_question(question, catalog)
    told, found = _told(exchange, catalog, stories, story)
    tale = told.story if told is not None else None
    types = _types(matched, tale, catalog)

    parts = segment(text).parts()
    rated = _rated(settings, wpm, probe is not None)
    report = analyze(answer_story(parts, types, tale), catalog, rated, followup_answer=probe is not None)
    seconds = rated.seconds(words)
    whole = segment(exchange).parts() if first else parts
    findings = tuple(f for f in report.findings if not about_the_file(f))
    chosen, lacking, reasons, prompts, layers = _next_probe(
        exchange, whole, types, tale, catalog, settings, rated, asked, probe, weak_codes(findings, catalog),
        question or "")
    cues, recited = _against_the_story(text, tale, probe) if tale is not None else (None, None)
    return AnswerReport(
        text=text, parts=parts, words=words, speaking_seconds=round(seconds, 1),
        zone=zone_for(seconds, settings, probe is not None), scores=report.scores,
        findings=findings,
        next_probe=chosen, question=matched, story=found, cues=cues, recital=recited,
        followup=judge_followup(first, text) if first else None, probe=probe,
        lacking=tuple(lacking), reasons=reasons, prompts=prompts, layers=layers or {})


def weak_codes(findings: Iterable[Finding], catalog: Catalog | None = None) -> set[str]:
    """The codes of the findings that can name an answer's weak point (the catalog's
    `answer_weaknesses`, the built-in one's unless told): a note of "info" severity names none,
    unless a weakness is dug at it (`of_a_note`). The probes after an answer are worded with these
    (`followups.followup_prompts(..., findings=)`)."""
    if catalog is None:
        from storybank.catalog import builtin_catalog

        catalog = builtin_catalog()
    notes = {w.finding for w in catalog.answer_weaknesses if w.of_a_note}
    return {f.code for f in findings if f.severity != "info" or f.code in notes}


def _find(stories: Sequence[BankStory], story_id: str) -> BankStory:
    found = next((s for s in stories if s.id == story_id), None)
    if found is None:
        import difflib

        close = difflib.get_close_matches(story_id, [s.id for s in stories], n=1)
        hint = f" (did you mean `{close[0]}`?)" if close else ""
        raise StorybankError(f"no story `{story_id}` in the bank{hint}; `storybank list` shows the ids")
    return found


def bank_stories(files: Sequence[StoryFile]) -> list[BankStory]:
    """The judge's view of a bank's loaded stories."""
    return [BankStory(sf.id, sf.story, sf.digest) for sf in files]


def layer_seconds(story: Story, probe_ids: Sequence[str], settings: Settings) -> Mapping[str, float]:
    """A story's prepared follow-up layers in speaking seconds (0 when not prepared)."""
    from storybank.words import count_words

    return {p: settings.seconds(count_words(story.followup(p))) for p in probe_ids}
