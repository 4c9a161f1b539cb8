"""One drill round as plain data: its phases, its timings, its practice-log line."""

from __future__ import annotations

from storybank.drill import Phase, Round
from storybank.settings import DEFAULT


def test_a_round_moves_from_choosing_to_the_card():
    rnd = Round("conflict")
    assert rnd.phase is Phase.CHOOSE and not rnd.phase.timed
    rnd.start("spark-skew")
    assert rnd.phase is Phase.ANSWER and rnd.phase.timed and rnd.story == "spark-skew"
    rnd.ask("technical", "Why that fix?")
    assert rnd.finish(70.0) is Phase.FOLLOWUP
    assert rnd.finish(41.6) is Phase.CARD
    assert rnd.finish(3.0) is Phase.CARD            # nothing left to time: the card stays
    assert (rnd.answer_seconds, rnd.followup_seconds) == (70.0, 41.6)
    record = rnd.record(1_750_000_000.0, DEFAULT.rate_wpm)
    assert (record.question, record.story, record.probe) == ("conflict", "spark-skew", "technical")
    assert (record.answer_seconds, record.followup_seconds, record.typed_words) == (70.0, 41.6, None)


def test_a_typed_answer_is_timed_by_its_words_not_the_typing():
    rnd = Round("failure", phase=Phase.ANSWER)
    rnd.finish(300.0, "one two three four five six seven eight nine ten")
    rnd.finish(20.0)
    assert rnd.typed and rnd.typed_words() == 10
    assert rnd.seconds_aloud(Phase.ANSWER, 150) == 4.0   # 10 words at 150 wpm, not 300 s of typing
    assert rnd.seconds_aloud(Phase.FOLLOWUP, 150) == 20.0   # the follow-up was spoken: the timer


def test_each_timed_phase_has_its_own_window():
    assert Round.window(Phase.ANSWER, DEFAULT) == (DEFAULT.answer_seconds, DEFAULT.answer_limit_seconds)
    assert Round.window(Phase.FOLLOWUP, DEFAULT) == (DEFAULT.followup_seconds, None)
    rnd = Round("conflict")
    assert rnd.zone(Phase.ANSWER, DEFAULT.answer_limit_seconds + 1, DEFAULT) == "limit"
    assert rnd.zone(Phase.FOLLOWUP, DEFAULT.answer_limit_seconds + 1, DEFAULT) == "over"


def test_a_mock_interview_round_carries_its_session_and_an_unasked_follow_up_has_no_seconds():
    rnd = Round("failure", session="mock-20260101T090000Z")
    rnd.start(None)
    rnd.ask("technical", "Why that fix?")
    assert rnd.finish(70.0) is Phase.FOLLOWUP
    stopped = rnd.record(1_750_000_000.0, DEFAULT.rate_wpm)     # the session ends during the probe
    assert (stopped.answer_seconds, stopped.followup_seconds) == (70.0, None)
    assert stopped.session == "mock-20260101T090000Z"
    rnd.finish(0.0)
    assert rnd.record(1_750_000_000.0, DEFAULT.rate_wpm).followup_seconds == 0.0
