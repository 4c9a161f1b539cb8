"""Every change to the bank and the practice log goes through BankState, which keeps its caches
right (issue 14, item 6)."""

from __future__ import annotations

from storybank.practice import PracticeRecord
from storybank.ui.messages import Change, StateChanged
from storybank.ui.state import BankState, load_bank

from .helpers import NOW


def loaded_state(bank) -> BankState:
    state = BankState(bank)
    state.apply(load_bank(bank))
    return state


def test_saving_a_story_drops_its_report_and_the_derived_coverage(bank):
    state = loaded_state(bank)
    sf = state.story("spark-skew")
    from storybank.ui import engine

    state.reports["spark-skew"] = engine.analyze(sf.story, state.catalog, state.settings, "spark-skew")
    before = state.coverage()
    story = sf.story.model_copy(update={"questions": ["performance", "failure"]})
    assert state.save_story(sf, story)
    assert "spark-skew" not in state.reports
    after = state.coverage()
    assert after is not before
    assert "spark-skew" in next(t for t in after.question_types if t.id == "failure").stories
    assert state.stats[sf.path.name][0] == sf.path.stat().st_size


def test_deleting_a_story_moves_it_to_the_trash_and_out_of_every_cache(bank):
    state = loaded_state(bank)
    sf = state.story("spark-skew")
    state.coverage()
    target = state.delete_story(sf)
    assert target.parent == bank / ".storybank" / "trash" and target.exists() and not sf.path.exists()
    assert state.story("spark-skew") is None
    assert all("spark-skew" not in t.stories for t in state.coverage().question_types)


def test_logged_practice_shows_in_last_practised(bank):
    state = loaded_state(bank)
    state.last_practised()
    state.add_practice(PracticeRecord(ts=NOW, question="conflict", story="order-outbox"))
    assert state.last_practised()["order-outbox"] == NOW


def test_state_changed_kinds_are_an_enum_with_the_loading_kind():
    assert {c.value for c in Change} >= {"loading", "loaded", "reports", "saved", "practice"}
    event = StateChanged("reports")
    assert event.kind is Change.REPORTS and event.kind == "reports"
