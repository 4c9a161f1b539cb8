"""One word counter: every screen and every command gives the same time for the same text."""

from __future__ import annotations

import pytest

from storybank import drill
from storybank.analysis.engine import analyze
from storybank.analysis.followups import followup_prompts
from storybank.catalog import builtin_catalog
from storybank.model import Followups, Story
from storybank.settings import Settings
from storybank.words import count_words, spoken_seconds

# Numbers, units, a dash, a slash rate, "C++" and "&": the text the four old counters split four ways.
TEXT = "Cut p99 from 4.2 s to 1.1 s — 3M/day, C++ & TCP/IP."


def _story(text: str) -> Story:
    return Story(title="Latency", questions=["performance"], action="I profiled the service.",
                 followups=Followups(technical=text))


def test_the_counter_reads_numbers_and_names_as_words_and_symbols_as_nothing():
    # Cut, p99, from, 4.2, s, to, 1.1, s, 3M/day, C++, TCP/IP: the dash and "&" are not words.
    assert count_words(TEXT) == 11


@pytest.mark.parametrize("rate", [150, 130])
def test_report_drill_and_ui_agree_on_follow_up_seconds(rate):
    from storybank.ui import engine as ui_engine

    settings = Settings(rate_wpm=rate)
    catalog = builtin_catalog()
    story = _story(TEXT)
    expected = 11 * 60.0 / rate

    report = analyze(story, catalog, settings, "latency")
    prompts = {p.probe: p for p in followup_prompts(story, catalog, settings)}
    ui_prompts = {p.probe: p for p in ui_engine.followup_prompts(story, catalog, settings)}
    ui_report = ui_engine.analyze(story, catalog, settings, "latency")

    numbers = {
        "report": report.followup_seconds["technical"],
        "followups": round(prompts["technical"].seconds, 1),
        "drill": round(drill.spoken_seconds(TEXT, rate), 1),
        "ui prompts": round(ui_prompts["technical"].seconds, 1),
        "ui report": ui_report.followup_seconds["technical"],
        "settings": round(settings.seconds(count_words(TEXT)), 1),
        "words": round(spoken_seconds(TEXT, rate), 1),
    }
    assert set(numbers.values()) == {round(expected, 1)}, numbers
    assert drill.count_words(TEXT) == count_words(TEXT)


def test_sentence_lengths_and_word_totals_use_the_same_counter():
    from storybank.analysis.text import measure

    stats = measure(TEXT)
    assert stats.words == stats.longest_sentence == count_words(TEXT)


def test_no_other_word_counter_in_the_source():
    """`len(x.split())` and private word regexes are how the counters drifted apart."""
    import re
    from pathlib import Path

    import storybank

    root = Path(storybank.__file__).parent
    # cues: the number of space-separated parts of a known multi-word name, matched against the
    # cue tokenizer's own tokens; it is not a count of spoken words.
    allowed = {("cues.py", "len(k.split())")}
    offenders = []
    for path in root.rglob("*.py"):
        if path.name == "words.py":
            continue
        text = path.read_text("utf-8")
        for pattern in (r"len\([^()]*\.split\(\)\)", r"_WORD\s*=\s*re\.compile"):
            for match in re.finditer(pattern, text):
                if (path.name, match.group(0)) not in allowed:
                    offenders.append(f"{path.relative_to(root)}: {match.group(0)}")
    assert offenders == []
