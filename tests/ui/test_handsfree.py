"""The call, hands-free (SPEC §8): the interviewer says each question and probe aloud, through the
real fallback chain (Piper, else espeak-ng or flite) writing WAV files, as on a machine with no
speakers (`STORYBANK_SPEAK_TO`); each answer is a committed clip followed by a quiet room, which
a microphone would bring only once the voice has finished; the silence ends it. No key is
pressed between opening the interview and its report card.

A recording the engine cannot judge (French, here) is marked "not heard clearly" with its reason,
the call carries on, and its round is not logged as practice."""

from __future__ import annotations

import time
from datetime import UTC
from pathlib import Path

import numpy as np
import pytest

from storybank.drill import Phase
from storybank.speech.recorder import FileSource

from .helpers import screen_text, two_question_types
from .test_interview import log_lines, open_interview

CLIPS = Path(__file__).resolve().parents[1] / "speech" / "fixtures"
SPEAKERS = ("piper", "espeak-ng", "flite")


def answer(name: str, floor) -> FileSource:
    """An answer from the microphone: nothing while the voice has the floor, then the clip and
    20 s of a quiet room (the silence that ends it), delivered as fast as it can be judged."""
    from storybank.speech.audio import load_audio

    room = load_audio(CLIPS / "room.flac").samples
    samples = np.concatenate([load_audio(CLIPS / name).samples, room, room])
    return FileSource(samples=samples, speed=0, floor=floor)


async def wait_for(pilot, condition, seconds: float = 600) -> None:
    """Let the call run on its own until `condition()` holds (no key is pressed)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the call stopped on its own before it should have"
        await pilot.pause(0.05)


def _spoken(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8").strip() for p in sorted(folder.glob("*.txt"))]


@pytest.mark.slow
async def test_a_whole_interview_runs_hands_free_and_an_unheard_answer_is_not_logged(
        make_app, bank, clock, monkeypatch, tmp_path):
    pytest.importorskip("faster_whisper")
    monkeypatch.delenv("STORYBANK_VOICE")
    said = tmp_path / "said"
    monkeypatch.setenv("STORYBANK_SPEAK_TO", str(said))
    two_question_types(bank)            # two rounds: a heard answer and an unheard one
    # each follow-up a two-sentence clip: it only has to be heard, and the audio is transcribed
    clips = iter(["candid.flac", "short.flac", "french.flac", "short.flac"])
    opened: list[str] = []

    def microphone():
        name = next(clips)
        opened.append(name)
        return answer(name, app.screen.handsfree.floor)

    app = make_app(tz=UTC, audio_source=microphone)
    before = len(log_lines(bank))
    async with app.run_test(size=(110, 50), notifications=True) as pilot:
        screen = await open_interview(pilot)       # `i` on the bank: the last key pressed
        planned = len(screen.plan.questions)
        assert planned == 2
        await wait_for(pilot, lambda: screen.phase is Phase.CARD)
        await wait_for(pilot, lambda: not screen._unlogged and not any(
            screen.voice.pending_of(r) for r in screen.answer_rounds))
        await pilot.pause()
        status = screen.handsfree.status
        assert status is not None and status.speaker in SPEAKERS and status.output == "files"
        card = screen.card
        text = screen_text(app)
        # Leaving the card writes the session to the practice log (a correction first, if any).
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is not screen)

    # Every question and probe was said, in order, the intro first; the text was on screen too.
    texts = _spoken(said)
    asked = [r.probe for r in card.rows]
    assert len(texts) == 1 + 2 * planned and texts[0].startswith("Hello")
    catalog = app.state.catalog
    for i, row in enumerate(card.rows):
        assert texts[1 + 2 * i] == " ".join(catalog.question(row.question).question.split())
        assert asked[i] and texts[2 + 2 * i]
    assert all((said / f"{n:04d}.wav").stat().st_size > 10_000 for n in range(1, len(texts) + 1))
    # every answer and follow-up recorded by itself, in order
    assert opened == ["candid.flac", "short.flac", "french.flac", "short.flac"]

    # Each answer ended on its silence: its length is up to its last word, not the silence.
    first = card.rows[0]
    assert first.spoken is not None and 25 < first.answer_seconds < 37
    assert "spark" in first.spoken.transcript.lower()
    # The French answer (question 2) is marked on the card with its reason, and not scored.
    flat = " ".join(text.split())
    assert "answer: Not heard clearly: " in flat and "in English" in flat
    second = card.rows[1]
    assert second.spoken is None and second.answer_seconds is None and second.answer_zone is None
    assert not any(fix.question == second.question for fix in card.fixes
                   if "the answer ran" in fix.message)
    assert "Report card" in text and f"{planned} of {planned} questions answered" in text

    # Its round is not in the practice log: the schedule does not move on it.
    lines = log_lines(bank)[before:]
    answers = [line for line in lines if "question" in line and line.get("session")]
    assert len(answers) == planned - 1
    assert second.question not in [a["question"] for a in answers]   # one question per type
    assert all("spoken" in a for a in answers)
    assert [line for line in lines if line.get("kind") == "interview"]


async def _drill(pilot):
    from .helpers import open_drill

    return await open_drill(pilot)


@pytest.mark.slow
async def test_the_drill_asks_aloud_hears_noise_as_not_heard_and_logs_nothing(
        make_app, bank, clock, monkeypatch, tmp_path):
    """One drill question hands-free: the answer is only noise (no speech before
    `no_speech_seconds`), the follow-up a short clean answer. The cue card comes with no key; the
    answer is marked with its reason, and the round is not in the practice log."""
    pytest.importorskip("faster_whisper")
    monkeypatch.delenv("STORYBANK_VOICE")
    said = tmp_path / "said"
    monkeypatch.setenv("STORYBANK_SPEAK_TO", str(said))
    clips = iter(["noise.flac", "short.flac"])
    app = make_app(audio_source=lambda: answer(next(clips), app.screen.handsfree.floor))
    before = len(log_lines(bank))
    async with app.run_test(size=(110, 60)) as pilot:
        drill = await _drill(pilot)
        await wait_for(pilot, lambda: drill.phase is Phase.CARD)
        await wait_for(pilot, lambda: not drill.voice.pending and not drill._unlogged)
        await pilot.pause()
        flat = " ".join(screen_text(app).split())
        assert "What you said Not heard clearly: no speech heard" in flat
        assert "Not logged as practice" in flat and "Your follow-up" in flat
    texts = _spoken(said)
    assert texts[0] == " ".join(app.state.catalog.question(drill.round.question).question.split())
    assert len(texts) == 2 and texts[1] == " ".join(drill.round.probe_prompt.split())
    assert len(log_lines(bank)) == before


@pytest.mark.slow
async def test_a_key_stops_the_voice_and_typing_keeps_the_answer_waiting(
        make_app, bank, clock, monkeypatch, tmp_path):
    """The question is said in real time; `t` (type the answer) cuts it off at once, and the
    answer does not start by itself: a typed answer begins when the user says so."""
    monkeypatch.delenv("STORYBANK_VOICE")
    from storybank.speech.playback import FileSink

    def microphone():
        raise AssertionError("a typed answer opens no microphone")

    app = make_app(speech_sink=lambda: FileSink(tmp_path / "said", realtime=True), audio_source=microphone)
    async with app.run_test(size=(110, 40)) as pilot:
        drill = await _drill(pilot)
        handsfree = drill.handsfree
        await wait_for(pilot, lambda: handsfree.status is not None, seconds=60)
        if not handsfree.speaks:
            pytest.skip("no offline voice here (neither the speak extra nor espeak-ng nor flite)")
        await wait_for(pilot, lambda: handsfree.utterance is not None
                       and handsfree.utterance.first_sound is not None, seconds=60)
        utterance = handsfree.utterance
        flat = " ".join(screen_text(app).split())
        question = app.state.catalog.question(drill.round.question).question
        assert " ".join(question.split())[:40] in flat          # said, and shown as it is said
        assert "Hands-free: questions are said aloud, and 6 s of silence ends your answer" in flat
        await pilot.press("t")
        await wait_for(pilot, lambda: not handsfree.speaking, seconds=5)
        assert utterance.cut and utterance.done.is_set()
        assert drill.phase is Phase.CHOOSE and drill.typing
