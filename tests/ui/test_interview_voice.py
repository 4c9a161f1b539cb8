"""The mock interview with voice: every answer and follow-up is recorded while its clock runs
(an injected audio source plays committed clips, the real speech engine transcribes them). The
story told is recognised from what was heard and each follow-up judged against it (issue 18, the
spoken half of tests/ui/test_interview_judged.py), the report card shows the spoken figures per
question and the log's answer lines carry them. Without voice the interview runs by keys with no
recording notice per question."""

from __future__ import annotations

import shutil
from datetime import UTC
from pathlib import Path

import pytest

from storybank.drill import Phase

from .helpers import screen_text, settle, two_question_types, until
from .test_interview import EXAMPLES, log_lines, open_interview

CLIPS = Path(__file__).resolve().parents[1] / "speech" / "fixtures"
SPARK = "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes"


def _logged(app, screen) -> bool:
    """Every answer and the session line are through the log worker and in the bank's state."""
    practice = app.state.practice
    answers = [r for r in practice.records if r.session == screen.session_id]
    return len(answers) == len(screen.plan.questions) and any(
        s.session == screen.session_id for s in practice.sessions)


@pytest.mark.slow
async def test_a_spoken_mock_interview_is_judged_on_what_was_heard_and_shows_the_spoken_figures(
        make_app, bank, clock, monkeypatch):
    """Committed clips played as the microphone, ended by key, so the timer rules the timing.
    Each answer tells the example Spark story (recognised, never picked); the first follow-up
    adds facts (fillers.flac: deeper), the second tells the same story again (restarted). The
    card's scores are the spoken answers', each row shows its spoken figures, and the log's
    answer lines carry them.

    Two rounds, on a bank of two question types: one of each kind of follow-up is what this
    proves; a longer interview would add minutes of transcription and no new fact."""
    pytest.importorskip("faster_whisper")
    monkeypatch.delenv("STORYBANK_VOICE")
    from storybank.speech.recorder import FileSource
    shutil.copy(EXAMPLES / f"{SPARK}.toml", bank)
    two_question_types(bank)
    order: list[str] = []
    # listen_seconds: a loaded test machine transcribes a whole clip at the end
    app = make_app(tz=UTC, audio_source=lambda: FileSource(CLIPS / order.pop(0), speed=0),
                   listen_seconds=600)
    async with app.run_test(size=(110, 50)) as pilot:
        screen = await open_interview(pilot)
        planned = len(screen.plan.questions)
        assert planned == 2
        await pilot.press("enter")
        for n in range(planned):
            # (candid.flac, a retelling in other words, reads as deeper through the small
            # model's errors: 44 % repeated against 60 %; the same telling again is restarted)
            order[:] = ["candid_facts.flac", "candid_facts.flac" if n % 2 else "fillers.flac"]
            await pilot.press("enter")           # no story to pick; the answer is recorded
            assert screen.phase is Phase.ANSWER and screen.voice.recording
            assert screen.round.story is None
            text = screen_text(app)
            assert "What you said" not in text and "spoken:" not in text   # nothing but the clock
            clock.advance(70)
            await pilot.press("space")
            await until(pilot, lambda: screen.voice.recording, tries=600)   # heard, then asked
            await settle(pilot)
            assert screen.phase is Phase.FOLLOWUP
            given = screen.judge.given
            assert given.spoken is not None
            assert given.story == SPARK == screen.round.story                 # recognised
            assert "You told: Cutting a nightly Spark claims job" in " ".join(screen_text(app).split())
            again = screen.probe_asked
            assert again.id in ("differently", "collaborators") and again.reason   # what it lacked
            clock.advance(40)
            await pilot.press("space")
        assert screen.phase is Phase.CARD
        await until(pilot, lambda: not any(screen.voice.pending_of(r) for r in screen.answer_rounds),
                    tries=600)
        rows = screen.card.rows
        assert [r.story for r in rows] == [SPARK] * planned
        assert [r.restart.verdict for r in rows] == ["deeper", "restarted"]
        assert all(r.scores == r.spoken.judged.score_values() for r in rows)   # the answers' scores
        assert [r.probe for r in rows] == ["differently", "collaborators"]   # varied in a session
        shown = " ".join(str(screen.query_one("#iv-card").render()).split())
        text = screen_text(app)
        assert "was told for question 1 and again for question 2" in shown   # one story, twice
        assert "restarted the story" in shown and "deeper:" in shown
        assert "Report card" in text and f"{planned} of {planned} questions answered" in text
        assert "listening back" not in shown
        assert shown.count("spoken: ") == 2 * planned and shown.count("follow-up spoken:") == planned
        assert "words" in shown and "wpm" in shown and "fillers/min" in shown
        await pilot.press("escape")              # the card is left: the session is logged
        await until(pilot, lambda: _logged(app, screen), tries=600)
        assert all(r.spoken and r.followup_spoken for r in rows)
        assert all(r.answer_seconds == 70 for r in rows)        # the timer still rules the timing
        assert rows[0].followup_spoken.fillers.count >= 5   # the first follow-up: fillers.flac
    lines = log_lines(bank)
    sessions = [line for line in lines if line.get("kind") == "interview"]
    assert len(sessions) == 1 and lines[-1] == sessions[0]            # the session line comes last
    answers = [line for line in lines if line.get("session") == sessions[0]["session"]
               and "question" in line]
    assert len(answers) == planned and [a["story"] for a in answers] == [SPARK] * planned
    assert all("spoken" in a and "followup_spoken" in a for a in answers)
    heard = answers[0]["spoken"]["transcript"].lower()   # the clip's own words, as tiny.en hears
    assert "nightly" in heard and "420 million" in heard and "deadline" in heard   # them in pieces
    assert answers[0]["spoken"]["words"] > 0 and answers[0]["spoken"]["wpm"] > 0
    assert sessions[0]["complete"] is True and sessions[0]["talk_seconds"] == planned * 110


async def _run_by_keys(pilot, clock) -> None:
    screen = await open_interview(pilot)
    await pilot.press("enter")
    for _ in screen.plan.questions:
        await pilot.press("enter")
        assert not screen.voice.recording
        clock.advance(70)
        await pilot.press("space")
        clock.advance(40)
        await pilot.press("space")
    assert screen.phase is Phase.CARD
    await pilot.press("escape")                  # the card is left: the session is logged
    await until(pilot, lambda: _logged(pilot.app, screen))


async def test_with_voice_off_the_interview_runs_by_keys_and_says_nothing(make_app, bank, clock):
    def never():
        raise AssertionError("the audio source must not be opened")

    app = make_app()                             # STORYBANK_VOICE=off (tests/ui/conftest.py, audio_source=never)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await _run_by_keys(pilot, clock)
        assert list(app._notifications) == []
        assert "spoken:" not in screen_text(app)
    answers = [line for line in log_lines(bank) if "question" in line and line.get("session")]
    assert len(answers) == 4 and not any("spoken" in a for a in answers)


async def test_without_a_microphone_the_interview_says_so_once(make_app, bank, clock, monkeypatch):
    monkeypatch.delenv("STORYBANK_VOICE")
    from storybank.speech import SpeechError

    def broken():
        raise SpeechError("recording needs the PortAudio library, which is not installed: "
                          "apt-get install libportaudio2")

    app = make_app(audio_source=broken)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await _run_by_keys(pilot, clock)
        notices = [n.message for n in app._notifications]
        assert len(notices) == 1 and "libportaudio2" in notices[0]
        assert "The interview works by key press" in notices[0]
