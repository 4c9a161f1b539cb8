"""The mock interview driven by real keys with a fake clock: a whole session with typed answers
reaches the report card and the log holds it; stopping midway keeps what was answered and says
so; a thin bank is told so; the bank screen opens it with `i`."""

from __future__ import annotations

import json
import shutil
from datetime import UTC
from pathlib import Path

import pytest

from storybank.drill import Phase
from storybank.ui.screens.interview import InterviewScreen

from .helpers import open_drill_on_its_order, screen_text, settle, until

EXAMPLES = Path(__file__).resolve().parents[2] / "stories"


@pytest.fixture
def full_bank(tmp_path: Path) -> Path:
    dest = tmp_path / "examples"
    shutil.copytree(EXAMPLES, dest)
    return dest


def log_lines(root: Path) -> list[dict]:
    path = root / ".storybank" / "practice.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


async def type_text(pilot, n: int, text: str) -> None:
    """Key by key for the first two questions; pasted after that (the same TextArea path,
    without spending a minute of test time on keystrokes)."""
    if n <= 2:
        await pilot.press(*text)
    else:
        pilot.app.screen.query_one("#iv-typed").insert(text)
        await pilot.pause()


def weaken(root: Path) -> None:
    """Strip every story's reflection, so the report card has findings to rank."""
    for path in root.glob("*.toml"):
        text = path.read_text(encoding="utf-8")
        start = text.find('reflection = """')
        if start >= 0:
            end = text.index('"""', start + 16) + 3
            path.write_text(text[:start] + 'reflection = ""' + text[end:], encoding="utf-8")


async def open_interview(pilot) -> InterviewScreen:
    await settle(pilot)
    await pilot.press("i")
    await until(pilot, lambda: isinstance(pilot.app.screen, InterviewScreen) and pilot.app.screen.phase is not Phase.LOADING)
    return pilot.app.screen


async def test_a_whole_mock_interview_with_typed_answers_reaches_the_report_card(make_app, full_bank, clock):
    weaken(full_bank)
    app = make_app(root=full_bank, tz=UTC)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_interview(pilot)
        assert screen.phase is Phase.INTRO
        planned = len(screen.plan.questions)
        assert 6 <= planned <= 8 and screen.plan.note is None
        assert f"{planned} questions" in screen_text(app)
        await pilot.press("t", "enter")                      # type the answers; begin
        for n in range(1, planned + 1):
            assert screen.phase is Phase.CHOOSE
            assert screen.sub_title == f"question {n} of {planned}"
            assert f"Question {n} of {planned}" in screen_text(app)
            await pilot.press("enter")                       # no story to pick: answer
            assert screen.phase is Phase.ANSWER
            text = screen_text(app)
            assert "Follow-up" not in text and "Cue card" not in text   # no probe announced yet
            await type_text(pilot, n, "I cut p99 from 4.2s to 1.1s by moving retries to Redis")
            await pilot.press("ctrl+f")
            assert screen.phase is Phase.FOLLOWUP and screen.round.probe is not None
            assert "Follow-up" in screen_text(app)
            clock.advance(30)
            await type_text(pilot, n, "Next time I would canary it first")
            await pilot.press("ctrl+f")
        assert screen.phase is Phase.CARD
        await settle(pilot)
        text = screen_text(app)
        assert "Report card" in text and f"{planned} of {planned} questions answered" in text
        shown = " ".join(str(screen.query_one("#iv-card").render()).split())
        assert "The four dimensions (answers given)" in shown and "Fix these first" in shown
        assert "typed, timed from its words" in shown
        card = screen.card
        assert len(card.rows) == planned and card.complete
        assert [r.question for r in card.rows] == screen.plan.ids
        assert all(r.answer_zone == "short" for r in card.rows)     # 12 words ≈ 5 s
        assert set(card.dimensions) == {"specificity", "ownership", "technical_depth", "compression"}
        assert len(card.fixes) == 3
        assert len({f.number for f in card.fixes}) == 3            # one per question first
        assert all(f.field == "delivery" and f.code == "short" for f in card.fixes)
        await pilot.press("escape")                                # the card is left: logged
        await settle(pilot)
    lines = log_lines(full_bank)
    answers = [line for line in lines if "question" in line]
    sessions = [line for line in lines if line.get("kind") == "interview"]
    assert len(answers) == planned and len(sessions) == 1
    session = sessions[0]
    assert {a["session"] for a in answers} == {session["session"]}
    assert session["complete"] is True and session["answered"] == planned
    assert session["questions"] == [a["question"] for a in answers]
    assert all(a["typed_words"] == 19 and a["probe"] for a in answers)


async def test_typing_an_answer_the_footer_shows_the_key_that_finishes_it(make_app, full_bank):
    """Space types a space in the answer box: while it has the keys, the footer offers ctrl+f
    (the key that finishes a typed answer); out of the box, space finishes as the hint says."""
    app = make_app(root=full_bank)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_interview(pilot)
        await pilot.press("enter", "enter")                  # begin; answer out loud
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "space Done" in footer and "^f Done" not in footer, footer
        await pilot.press("t")                               # type it instead
        await pilot.press(*"I led the migration")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "^f Done" in footer and "space Done" not in footer, footer
        await pilot.press("ctrl+f")
        assert screen.phase is Phase.FOLLOWUP and screen.round.answer_typed == "I led the migration"
        assert "Follow-up" in screen_text(app)
        await pilot.press(*"Next time I would canary it", "escape")   # leave the box
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "space Done" in footer, footer
        await pilot.press("space")
        assert screen.phase is Phase.CHOOSE and screen.position == 1


async def test_stopping_midway_keeps_what_was_answered_and_says_so(make_app, full_bank, clock):
    app = make_app(root=full_bank, tz=UTC)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_interview(pilot)
        planned = len(screen.plan.questions)
        await pilot.press("enter")
        await pilot.press("enter")                 # first question: answer out loud
        clock.advance(70)
        screen.tick()
        assert "talk 1:10 of 10–11 min" in screen_text(app)
        await pilot.press("space")
        clock.advance(40)
        await pilot.press("space")
        assert screen.phase is Phase.CHOOSE and len(screen.answers) == 1
        await pilot.press("enter")                 # second: the answer, then stop in the probe
        clock.advance(75)
        await pilot.press("space")
        assert screen.phase is Phase.FOLLOWUP
        await pilot.press("escape")
        assert screen.phase is Phase.CARD
        await settle(pilot)
        text = screen_text(app)
        assert f"You stopped after 2 of {planned} questions" in text
        assert "kept in your practice log" in text
        rows = screen.card.rows
        assert [(r.answer_seconds, r.answer_zone) for r in rows] == [(70, "window"), (75, "window")]
        assert rows[0].followup_zone == "window" and rows[1].followup_seconds is None
        await pilot.press("escape")                # back to the bank
        await settle(pilot)
        assert not isinstance(app.screen, InterviewScreen)
    lines = log_lines(full_bank)
    answers = [line for line in lines if "question" in line]
    sessions = [line for line in lines if line.get("kind") == "interview"]
    assert len(answers) == 2 and len(sessions) == 1
    assert sessions[0]["complete"] is False and sessions[0]["answered"] == 2
    assert sessions[0]["talk_seconds"] == 70 + 40 + 75
    assert len(sessions[0]["questions"]) == planned


async def test_stopping_before_the_first_answer_logs_nothing(make_app, full_bank):
    app = make_app(root=full_bank)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await open_interview(pilot)
        await pilot.press("enter", "enter")        # the first answer is running ...
        await pilot.press("escape")                # ... and is not kept
        await settle(pilot)
        assert not isinstance(app.screen, InterviewScreen)
        assert any("nothing was logged" in n.message for n in app._notifications)
    assert log_lines(full_bank) == []


async def test_a_thin_bank_is_told_so_and_asked_what_it_can_answer(make_app, bank):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_interview(pilot)
        plan = screen.plan
        assert plan.note is not None and plan.covered < 6
        assert set(plan.ids) == {"project", "failure", "performance", "rubric"}
        text = screen_text(app)
        assert "4 of the 8 question types" in text and "asks the 4 you can answer" in text


async def test_the_session_is_the_same_for_the_same_clock(make_app, full_bank):
    plans = []
    for _ in range(2):
        app = make_app(root=full_bank, tz=UTC)
        async with app.run_test(size=(100, 40)) as pilot:
            plans.append((await open_interview(pilot)).plan)
    assert plans[0] == plans[1]


async def test_the_bank_screen_offers_the_interview_and_progress_keys(open_app, full_bank):
    async with open_app((80, 24), root=full_bank) as pilot:
        app = pilot.app
        footer = " ".join(screen_text(app).splitlines()[-2:])   # two lines at 80 columns
        assert "Interview" in footer and "Progress" in footer and "Quit" in footer
        assert "8 types due" in app.screen.sub_title


async def test_the_drill_starts_from_what_is_due(make_app, open_app, full_bank, clock):
    from storybank.practice import PracticeRecord, append_record

    # every type drilled well today except `rubric`, drilled badly yesterday: rubric is due first
    for q in ("project", "failure", "disagreement", "performance", "learning", "motivation", "schedule"):
        append_record(full_bank, PracticeRecord(ts=clock.now - 60, question=q, story="x", answer_seconds=70))
    append_record(full_bank, PracticeRecord(ts=clock.now - 86400, question="rubric", story=None,
                                            answer_seconds=70))
    app = make_app(root=full_bank, tz=UTC)
    async with open_app((100, 40), app=app) as pilot:
        await open_drill_on_its_order(pilot)
        assert app.screen.order[0] == "rubric"
        assert app.screen.question_id == "rubric"


async def _to_report_card(pilot):
    """A whole session answered out loud against the fake clock, to the report card."""
    app = pilot.app
    screen = await open_interview(pilot)
    await pilot.press("enter")
    for n in range(len(screen.plan.questions)):
        await pilot.press("enter")
        app.clock.advance(62 + 4 * n)
        await pilot.press("space")
        app.clock.advance(35 + 3 * n)
        await pilot.press("space")
    await settle(pilot)


def test_report_card_snapshot(snap_compare, make_app, bank):
    assert snap_compare(make_app(tz=UTC), terminal_size=(80, 24), run_before=_to_report_card)


async def test_quitting_the_app_midway_keeps_what_was_answered(make_app, full_bank, clock):
    """ctrl+q in the middle of a session ends it as escape would: nothing answered is lost."""
    app = make_app(root=full_bank)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_interview(pilot)
        await pilot.press("enter")
        await pilot.press("enter")                 # first question, answered out loud
        clock.advance(65)
        await pilot.press("space")
        clock.advance(35)
        await pilot.press("space")
        await pilot.press("enter")                 # second: answered, then quit during the probe
        clock.advance(72)
        await pilot.press("space")
        assert screen.phase is Phase.FOLLOWUP
        await pilot.press("ctrl+q")
    lines = log_lines(full_bank)
    answers = [line for line in lines if "question" in line]
    sessions = [line for line in lines if line.get("kind") == "interview"]
    assert [a["answer_seconds"] for a in answers] == [65, 72]
    assert answers[1]["followup_seconds"] is None
    assert len(sessions) == 1 and sessions[0]["answered"] == 2 and sessions[0]["complete"] is False


async def test_the_report_card_cuts_a_long_type_name_visibly(make_app, full_bank):
    """A catalog of one's own may name a type at length: the card cuts it with an ellipsis, so
    the cut is seen, and the columns stay aligned."""
    import re
    from importlib import resources

    text = resources.files("storybank").joinpath("data/catalog.toml").read_text("utf-8")
    long = "A question type with a very long name indeed"
    (full_bank / "long-names.toml").write_text(
        re.sub(r'(?m)^label = ".*"$', f'label = "{long}"', text), "utf-8")
    (full_bank / ".storybank.toml").write_text('catalog = "long-names.toml"\n', "utf-8")
    app = make_app(root=full_bank)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_interview(pilot)
        assert app.state.label(screen.plan.ids[0]) == long
        await pilot.press("t", "enter", "enter")          # type the answers; begin; answer
        await type_text(pilot, 1, "I cut p99 from 4.2s to 1.1s by moving retries to Redis")
        await pilot.press("ctrl+f")
        await type_text(pilot, 1, "Next time I would canary it first")
        await pilot.press("ctrl+f", "escape")             # answered one; stop: the report card
        await until(pilot, lambda: screen.phase is Phase.CARD)
        await settle(pilot)
        shown = screen_text(app)
        assert "1. A question type with a very l…" in shown and long not in shown
