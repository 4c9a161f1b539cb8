"""The `rehearse` report (README "Spoken practice"): what was said, measured and judged.

Delivery is measured here: time (the span from the first word to the last, against the answer or
follow-up window), pace, pauses, fillers, hedges, "I" and "we", numbers heard. The content is the
answer judge's (`storybank.answers.judge`) on the transcript: the parts found, the four scores and
findings from the same engine that scores written stories (at the speaker's measured pace, so the
engine's words-to-seconds turns back into the seconds actually spoken), the cues said, whether it
sounds recited, the probe an interviewer would ask next, and for a follow-up whether it went
deeper or restarted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storybank.speech.engine import Heard
from storybank.speech.report import Engine, Fillers, FirstPerson, Pause, SpokenReport
from storybank.speech.vad import Timing, timing
from storybank.words import count_words
from storybank.zones import zone_for

if TYPE_CHECKING:
    from storybank.answers.judge import BankStory
    from storybank.answers.report import AnswerReport, FollowupVerdict
    from storybank.bank import StoryFile
    from storybank.catalog import Catalog
    from storybank.settings import Settings


@dataclass(frozen=True)
class Spoken:
    """One heard answer: the transcript, its speech regions, and the recording's length."""
    heard: Heard
    regions: tuple[tuple[float, float], ...]
    duration: float


def analyse(sf: StoryFile | BankStory | None, catalog: Catalog, settings: Settings, spoken: Spoken,
            *, question: str | None, probe: str | None, audio: str | None,
            engine: dict[str, str] | Engine | None, stories: Sequence[BankStory] = (),
            first: str | None = None) -> SpokenReport:
    """The spoken report of one heard answer. `sf` is the story told when the speaker named it;
    without it the story is recognised among `stories`. `first` is the first answer's
    transcript when this one answers the probe `probe`."""
    from storybank.answers.judge import BankStory, judge_answer
    from storybank.speech.delivery import delivery, pace
    from storybank.speech.numbers import numbers_said_in

    text = spoken.heard.text
    t: Timing = timing(list(spoken.regions), settings.pause_limit_seconds)
    words = count_words(text)
    speech = t.speech_seconds
    wpm = words * 60.0 / speech if speech > 0 else 0.0
    said = delivery(text)
    bank = list(stories)
    if sf is not None and not any(s.id == sf.id for s in bank):
        bank.append(BankStory(sf.id, sf.story, getattr(sf, "digest", "")))
    content = judge_answer(text, catalog, settings, bank, question=question,
                           story=sf.id if sf is not None else None, probe=probe, first=first,
                           wpm=wpm or None)
    report = SpokenReport(
        transcript=text, words=words, speech_seconds=speech, span_seconds=t.span_seconds,
        duration_seconds=spoken.duration, wpm=wpm, pace=pace(wpm, settings.wpm_window),
        zone=zone_for(t.span_seconds, settings, followup=bool(probe)),
        fillers=Fillers(said.filler_count, said.fillers_per_minute(speech), dict(said.fillers),
                        settings.fillers_per_minute_max),
        hedges=tuple(said.hedges),
        pauses=tuple(_pause(p.at, p.seconds, spoken.heard) for p in t.pauses),
        longest_pause_seconds=t.longest_pause,
        numbers=tuple(dict.fromkeys(numbers_said_in(text))),
        first_person=FirstPerson(said.i, said.we), judged=content,
        question=question, audio=audio, engine=_engine(engine),
    )
    return replace(report, advice=tuple(advice(report, settings)))


def _engine(engine: dict[str, str] | Engine | None) -> Engine | None:
    if engine is None or isinstance(engine, Engine):
        return engine
    return Engine(engine.get("name", ""), engine.get("model", ""))


def _pause(at: float, seconds: float, heard: Heard) -> Pause:
    before = [w.text for w in heard.words if w.end <= at + 0.3]
    return Pause(at, seconds, " ".join(before[-4:]))


def advice(report: SpokenReport, settings: Settings) -> list[str]:
    """Plain sentences on what to change, most important first."""
    judged = report.judged
    out = _time_advice(report, settings)
    out.extend(_restart_advice(judged.followup if judged is not None else None))
    for p in report.pauses:
        out.append(f"A {p.seconds:.1f} s silence at {p.at:.0f} s: an AI interviewer can take "
                   "that as the end of your answer. Keep talking, or say you are thinking.")
    if report.fillers.per_minute > settings.fillers_per_minute_max:
        out.append(f"{report.fillers.per_minute:.1f} fillers a minute (limit "
                   f"{settings.fillers_per_minute_max:g}): pause silently instead of 'um'.")
    lo, hi = settings.wpm_window
    if report.pace == "fast":
        out.append(f"{report.wpm:.0f} words a minute, faster than {hi:g}: slow down on the numbers.")
    elif report.pace == "slow":
        out.append(f"{report.wpm:.0f} words a minute, slower than {lo:g}: tighten the sentences.")
    fp = report.first_person
    if fp.we > fp.i:
        out.append(f"\"we\" {fp.we} times, \"I\" {fp.i}: say what you did yourself.")
    if judged is not None:
        out.extend(_against_the_story_advice(judged))
    return out


def _time_advice(report: SpokenReport, settings: Settings) -> list[str]:
    """The span from the first word to the last against the answer's (or follow-up's) window."""
    low, high = (settings.followup_seconds if report.probe else settings.answer_seconds)
    span = report.span_seconds
    if report.zone in ("over", "limit"):
        return [f"{span:.0f} s from first to last word, past the {low:g}-{high:g} s window: "
                "cut the situation to one sentence and land the outcome sooner."]
    if report.zone == "short":
        return [f"{span:.0f} s, under the {low:g}-{high:g} s window: add the numbers and the "
                "decision you made."]
    return []


def _restart_advice(verdict: FollowupVerdict | None) -> list[str]:
    """A follow-up that told the story again instead of going one layer deeper."""
    if verdict is None or not verdict.restarted:
        return []
    what = "opened with the situation again" if verdict.reopened else \
        f"repeated {verdict.repeated_share:.0%} of your first answer"
    return [f"This follow-up {what}: don't restart the story; answer the probe with one "
            "layer of detail the first answer did not have."]


def _against_the_story_advice(judged: AnswerReport) -> list[str]:
    """The written story recited word for word, and its cues left unsaid."""
    out = []
    if judged.recital is not None and judged.recital.recited:
        out.append(f"{judged.recital.share:.0%} of it in long word-for-word runs of the written "
                   "story: it sounds recited. Keep the numbers; say the rest in fresh words.")
    if judged.cues is not None and judged.cues.missed:
        out.append("Missed cues: " + ", ".join(judged.cues.missed[:6]) + ".")
    return out
