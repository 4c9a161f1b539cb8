"""The drill ends (issue 21, item 19): one pass over what is due, then a summary of what was
practised (times, zones), what was skipped and what is due next; the types that are not due
come only when asked for (m)."""

from __future__ import annotations

from datetime import UTC

import pytest

from storybank.practice import PracticeRecord, append_record

from .helpers import open_drill_on_its_order, screen_text, settle

ALL = ("project", "failure", "disagreement", "performance", "learning", "motivation", "rubric", "schedule")
DUE = ("rubric", "failure")


@pytest.fixture
def two_due(bank, clock):
    """Every type drilled well in the window today, except two drilled badly yesterday."""
    for q in ALL:
        if q not in DUE:
            append_record(bank, PracticeRecord(ts=clock.now - 60, question=q, story="spark-skew", answer_seconds=70))
    for q in DUE:
        append_record(bank, PracticeRecord(ts=clock.now - 86400, question=q, story=None, answer_seconds=20))
    return bank


async def answer(pilot, clock, seconds: float, followup: float) -> None:
    await pilot.press("enter")
    clock.advance(seconds)
    await pilot.press("space")
    clock.advance(followup)
    await pilot.press("space")
    await settle(pilot)


def flat(app) -> str:
    return " ".join(screen_text(app).split())


async def test_one_pass_over_what_is_due_then_a_summary(make_app, open_app, two_due, clock):
    app = make_app(tz=UTC)
    async with open_app((100, 40), app=app) as pilot:
        drill = await open_drill_on_its_order(pilot)
        assert sorted(drill.order) == sorted(DUE)
        assert "question 1 of 2" in drill.sub_title
        await answer(pilot, clock, 70, 40)                 # the first: in both windows
        await pilot.press("enter")                          # on to the second question
        await settle(pilot)
        assert "question 2 of 2" in drill.sub_title
        await pilot.press("s")                              # skipped
        await settle(pilot)
        assert drill.finished
        text = flat(app)
        assert "End of the drill" in text and "1 question type practised, 1 skipped" in text
        first, second = (app.state.label(q) for q in drill.order)
        assert f"{first} Answer 1:10 · in the window" in text or f"{first} Answer 70s" in text
        assert "skipped" in text.split(second, 1)[1]
        assert "What is due next" in text and "tomorrow" in text and "due today" in text
        assert "m practises the types not due yet" in text
        # enter on the summary does not start the types that are not due
        await pilot.press("enter", "r", "s")
        await settle(pilot)
        assert drill.finished and "End of the drill" in flat(app)
        await pilot.press("m")
        await settle(pilot)
        assert not drill.finished and drill.question_id not in DUE
        assert f"question 1 of {len(ALL) - len(DUE)}" in drill.sub_title


async def test_the_summary_does_not_keep_the_last_card_s_lines(make_app, open_app, two_due, clock):
    app = make_app(tz=UTC)
    async with open_app((100, 40), app=app) as pilot:
        await open_drill_on_its_order(pilot)
        await pilot.press("t", "enter")
        await pilot.press(*"I rebuilt the pipeline and cut the lag from 40 minutes to 4 minutes.", "ctrl+f")
        await pilot.press(*"Kafka over Kinesis.", "ctrl+f")
        await settle(pilot)
        assert "You told:" in flat(app)   # the card's line about the story told
        await pilot.press("enter", "s")
        await settle(pilot)
        assert app.screen.finished
        assert not app.screen.query_one("#drill-typed-info").display
        assert "word for word" not in flat(app) and "You told:" not in flat(app)
        assert "Other story told" not in flat(app)   # o corrects a card, not the summary


async def test_the_summary_names_the_key_for_more_in_the_footer(make_app, open_app, two_due, clock):
    app = make_app(tz=UTC)
    async with open_app((120, 40), app=app) as pilot:
        await open_drill_on_its_order(pilot)
        await pilot.press("s", "s")
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "m More practice" in footer and "Next question" not in footer
