"""The drill judges the answer given (issue 18): no story is picked before answering; the card
says which story was told ("You told: …") and why the probe was asked, the follow-up's verdict
(deeper or restarted, with its figures); `o` corrects the story told, and the practice line
written when the card is left keeps the correction."""

from __future__ import annotations

import json

from textual.widgets import TextArea

from storybank.drill import Phase
from storybank.practice import log_path

from .helpers import open_drill, screen_text, settle

DEEPER = ("Priya Raman from the data team reviewed the plan with me, and we measured it on a "
          "12-node test cluster for 3 nights. Next time I would write the rollback plan first.")


def flat(app) -> str:
    return " ".join(screen_text(app).split())


async def typed_round(pilot, drill, answer: str, followup: str) -> None:
    box = drill.query_one("#drill-typed", TextArea)
    if not drill.typing:
        await pilot.press("t")                  # typing stays on from one question to the next
    await pilot.press("enter")
    assert drill.phase is Phase.ANSWER and drill.round.story is None   # nothing picked
    box.text = answer
    await pilot.press("ctrl+f")
    assert drill.phase is Phase.FOLLOWUP
    box.text = followup
    await pilot.press("ctrl+f")
    await settle(pilot)
    assert drill.phase is Phase.CARD


async def test_the_drill_recognises_the_story_and_judges_the_follow_up(make_app, bank, clock):
    app = make_app()
    async with app.run_test(size=(110, 60)) as pilot:
        drill = await open_drill(pilot)
        spark = app.state.story("spark-skew").story
        text = flat(app)
        assert "Pick the story" not in text and "No story" not in text
        await typed_round(pilot, drill, spark.answer_text(), DEEPER)
        given = drill.judge.given
        assert given.story == "spark-skew" == drill.round.story
        text = flat(app)
        assert f"You told: {spark.title}" in text
        assert "Why this probe:" in text and drill.probe_asked.reason in text
        assert given.answer.lacking == () or drill.round.probe in given.answer.lacking
        assert given.verdict.verdict == "deeper" and "Follow-up: ✓ deeper:" in text
        # again, retelling the answer as the follow-up: restarted
        await pilot.press("r")
        await typed_round(pilot, drill, spark.answer_text(), spark.answer_text())
        assert drill.judge.given.verdict.restarted
        assert "restarted the story" in flat(app)


async def test_o_corrects_the_story_told_and_the_log_keeps_it(make_app, bank, clock):
    app = make_app()
    before = log_path(bank).read_text().count("\n")
    async with app.run_test(size=(110, 60)) as pilot:
        drill = await open_drill(pilot)
        spark = app.state.story("spark-skew").story
        await typed_round(pilot, drill, spark.answer_text(), DEEPER)
        await pilot.press("o")
        await settle(pilot)
        picker = app.screen.query_one("#pick-list")
        ids = [picker.get_option_at_index(i).id for i in range(picker.option_count)]
        assert ids[picker.highlighted] == "spark-skew"
        picker.highlighted = ids.index("order-outbox")
        await pilot.press("enter")
        await settle(pilot)
        assert drill.round.story == "order-outbox" and drill.judge.given.corrected
        assert "(your correction" in flat(app)
        await pilot.press("escape")
        await settle(pilot)
    lines = log_path(bank).read_text().splitlines()
    assert len(lines) == before + 1
    assert json.loads(lines[-1])["story"] == "order-outbox"
