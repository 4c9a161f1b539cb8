"""The `rehearse` report (SPEC §4, §7): what was said, measured and scored.

The four scores come from the same engine that scores written stories: a copy of the story whose
answer (or follow-up, for a probe) is the transcript is run through `storybank.analysis`, with the
speaking rate set to the speaker's measured pace so that the engine's words-to-seconds turns back
into the seconds actually spoken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from storybank.speech.engine import Heard
from storybank.speech.vad import Timing, timing
from storybank.words import count_words

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class Spoken:
    """One heard answer: the transcript, its speech regions, and the recording's length."""
    heard: Heard
    regions: tuple[tuple[float, float], ...]
    duration: float


def spoken_story(story, transcript: str, probe: str | None):
    """A copy of `story` telling the transcript: as the follow-up for a probe, else as the answer,
    its sentences shared out as situation (first quarter), action, and outcome (last quarter)."""
    if probe:
        followups = story.followups.model_copy(update={probe: transcript}) if story.followups \
            else None
        if followups is None:
            from storybank.model import Followups

            followups = Followups(**{probe: transcript})
        return story.model_copy(update={"followups": followups})
    sentences = [s for s in _SENTENCE.split(transcript.strip()) if s]
    n = len(sentences)
    head = max(1, n // 4) if n >= 3 else 0
    tail = max(1, n // 4) if n >= 2 else 0
    parts = {
        "situation": " ".join(sentences[:head]),
        "action": " ".join(sentences[head:n - tail]),
        "outcome": " ".join(sentences[n - tail:]) if tail else "",
        "reflection": "",
    }
    return story.model_copy(update=parts)


def zone_for(seconds: float, settings, probe: str | None) -> str:
    from storybank.drill import zone

    if probe:
        return zone(seconds, settings.followup_seconds)
    return zone(seconds, settings.answer_seconds, settings.answer_limit_seconds)


def analyse(sf, catalog, settings, spoken: Spoken, *, question: str | None, probe: str | None,
            audio: str | None, engine: dict) -> dict:
    """The `rehearse` JSON for one heard answer to story `sf`."""
    from storybank.analysis.engine import analyze
    from storybank.speech.delivery import delivery, pace
    from storybank.speech.memorised import spoken_memorised
    from storybank.speech.numbers import spoken_numbers
    from storybank.speech.said import check_cues

    text = spoken.heard.text
    t: Timing = timing(list(spoken.regions), settings.pause_limit_seconds)
    words = count_words(text)
    speech = t.speech_seconds
    wpm = words * 60.0 / speech if speech > 0 else 0.0
    said = delivery(text)
    fpm = said.fillers_per_minute(speech)
    written = spoken_written(sf.story, probe)
    memo = spoken_memorised(text, written)
    cues = check_cues(sf.story, text, probe)
    numbers = list(dict.fromkeys(spoken_numbers(text)))

    rate = min(400.0, max(60.0, wpm or settings.rate_wpm))
    report = analyze(spoken_story(sf.story, text, probe), catalog, replace(settings, rate_wpm=rate),
                     sf.id)
    findings = [f.to_json() for f in report.findings if f.category != "structure"]
    span = t.span_seconds
    out = {
        "story": sf.id, "question": question, "probe": probe, "audio": audio,
        "engine": engine, "transcript": text,
        "words": words,
        "speech_seconds": round(speech, 1),
        "span_seconds": round(span, 1),
        "duration_seconds": round(spoken.duration, 1),
        "wpm": round(wpm),
        "pace": pace(wpm, settings.wpm_window),
        "zone": zone_for(span, settings, probe),
        "fillers": {"count": said.filler_count, "per_minute": round(fpm, 1),
                    "words": said.fillers, "limit_per_minute": settings.fillers_per_minute_max},
        "hedges": said.hedges,
        "pauses": [_pause_json(p, spoken.heard) for p in t.pauses],
        "longest_pause_seconds": round(t.longest_pause, 1),
        "numbers": numbers,
        "first_person": {"i": said.i, "we": said.we},
        "cues": {"said": cues.said, "missed": cues.missed, "share": round(cues.share, 2)},
        "memorised": {"overlap": round(memo.similarity, 2), "memorised": memo.memorised},
        "scores": report.score_values(),
        "findings": findings,
    }
    out["advice"] = advice(out, settings)
    return out


def spoken_written(story, probe: str | None) -> str:
    return story.followup(probe) if probe else story.answer_text()


def _pause_json(pause, heard: Heard) -> dict:
    data = pause.to_json()
    before = [w.text for w in heard.words if w.end <= pause.at + 0.3]
    data["after_words"] = " ".join(before[-4:])
    return data


def advice(report: dict, settings) -> list[str]:
    """Plain sentences on what to change, most important first."""
    out = []
    low, high = (settings.followup_seconds if report["probe"] else settings.answer_seconds)
    span = report["span_seconds"]
    if report["zone"] in ("over", "limit"):
        out.append(f"{span:.0f} s from first to last word, past the {low:g}-{high:g} s window: "
                   "cut the situation to one sentence and land the outcome sooner.")
    elif report["zone"] == "short":
        out.append(f"{span:.0f} s, under the {low:g}-{high:g} s window: add the numbers and the "
                   "decision you made.")
    for p in report["pauses"]:
        out.append(f"A {p['seconds']:.1f} s silence at {p['at']:.0f} s: an AI interviewer can take "
                   "that as the end of your answer. Keep talking, or say you are thinking.")
    if report["fillers"]["per_minute"] > settings.fillers_per_minute_max:
        out.append(f"{report['fillers']['per_minute']:.1f} fillers a minute (limit "
                   f"{settings.fillers_per_minute_max:g}): pause silently instead of 'um'.")
    lo, hi = settings.wpm_window
    if report["pace"] == "fast":
        out.append(f"{report['wpm']} words a minute, faster than {hi:g}: slow down on the numbers.")
    elif report["pace"] == "slow":
        out.append(f"{report['wpm']} words a minute, slower than {lo:g}: tighten the sentences.")
    fp = report["first_person"]
    if fp["we"] > fp["i"]:
        out.append(f"\"we\" {fp['we']} times, \"I\" {fp['i']}: say what you did yourself.")
    if report["memorised"]["memorised"]:
        out.append(f"{report['memorised']['overlap']:.0%} word for word with the written story: it "
                   "sounds recited. Keep the numbers; say the rest in fresh words.")
    if report["cues"]["missed"]:
        out.append("Missed cues: " + ", ".join(report["cues"]["missed"][:6]) + ".")
    return out
