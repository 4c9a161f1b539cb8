"""The drill with voice: it records while the timer runs (an injected audio source plays
committed clips, the real speech engine transcribes them), and the cue card shows what was said,
fillers and missed cues marked. Without voice, it says so once and works by key press."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from storybank.drill import Phase
from storybank.practice import log_path

from .helpers import answer_with, screen_text, settle, speak_answer_and_followup, until

CLIPS = Path(__file__).resolve().parents[1] / "speech" / "fixtures"


def run(coro):
    return asyncio.run(coro)


def test_the_drill_records_and_the_cue_card_shows_what_was_said(make_app, bank, clock, monkeypatch):
    pytest.importorskip("faster_whisper")
    monkeypatch.delenv("STORYBANK_VOICE")
    from storybank.speech.recorder import FileSource

    clips = iter(["skew_told.flac", "fillers.flac"])   # tells spark-skew in fresh words

    async def scenario():
        # listen_seconds: a loaded test machine transcribes a whole clip at the end
        app = make_app(audio_source=lambda: FileSource(CLIPS / next(clips), speed=0), listen_seconds=600)
        async with app.run_test(size=(110, 60)) as pilot:
            drill = await answer_with(pilot, "spark-skew")
            assert drill.voice.recording
            await speak_answer_and_followup(pilot, drill, clock, tries=400)
            await until(pilot, lambda: not drill.voice.pending and len(drill.voice.reports) == 2,
                        tries=400)
            assert drill.phase is Phase.CARD
            text = screen_text(app)
            assert drill.round.story == "spark-skew"   # recognised from what was said
            assert "You told: Cutting the nightly attribution job" in text
            assert "What you said" in text and "Your follow-up" in text
            assert "campaign" in text.lower()         # the clip's words
            assert "Missed cues:" in text
            follow = drill.voice.reports[Phase.FOLLOWUP]
            assert follow.fillers.count >= 5
            await pilot.press("escape")               # the card is left: its line is written
            await settle(pilot)
        record = json.loads(log_path(bank).read_text().splitlines()[-1])
        assert record["story"] == "spark-skew"
        assert "campaign" in record["spoken"]["transcript"].lower()
        assert record["followup_spoken"]["fillers"]["count"] >= 5
        assert record["answer_seconds"] == 70.0   # the timer still rules the drill's timing
    run(scenario())


def test_without_voice_the_drill_says_so_once_and_works_by_key_press(make_app, bank, clock,
                                                                     monkeypatch):
    monkeypatch.delenv("STORYBANK_VOICE")
    from storybank.speech import SpeechError

    def broken():
        raise SpeechError("recording needs the PortAudio library, which is not installed: "
                          "apt-get install libportaudio2")

    async def scenario():
        app = make_app(audio_source=broken)
        async with app.run_test(size=(100, 40), notifications=True) as pilot:
            drill = await answer_with(pilot, "spark-skew")
            assert not drill.voice.recording and drill.voice.available is False
            notices = [n.message for n in app._notifications]
            assert len(notices) == 1 and "libportaudio2" in notices[0]
            clock.advance(70)
            await pilot.press("space")
            clock.advance(40)
            await pilot.press("space")
            await settle(pilot)
            assert drill.phase is Phase.CARD
            assert "What you said" not in screen_text(app)
            await pilot.press("enter")                # the next question: no second notice
            await settle(pilot)
            assert len(list(app._notifications)) == 1
        record = json.loads(log_path(bank).read_text().splitlines()[-1])
        assert record["answer_seconds"] == 70.0 and "spoken" not in record
    run(scenario())


def test_storybank_voice_off_turns_recording_off_quietly(make_app, monkeypatch):
    monkeypatch.setenv("STORYBANK_VOICE", "off")

    def never():
        raise AssertionError("the audio source must not be opened")

    async def scenario():
        app = make_app(audio_source=never)
        async with app.run_test(size=(100, 40), notifications=True) as pilot:
            drill = await answer_with(pilot, "spark-skew")
            assert not drill.voice.recording and list(app._notifications) == []
    run(scenario())
