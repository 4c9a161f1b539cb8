"""The postings screen: `o` on the bank, add a posting by its file, see the requirement table with
its verdicts, confirm and reject links with a key (kept in the saved posting's file), and start a
mock interview tailored to it (README "Job postings")."""

from __future__ import annotations

import pytest

from storybank.postings import store

from .helpers import screen_text, settle, until

POSTING = """\
# Data Engineer, Attribution

## Requirements

- Experience tuning PySpark jobs on Databricks
- Transactional outbox pattern with Kafka
- Experience with Terraform

## Benefits

- Free lunch
"""


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press("full_stop" if ch == "." else "slash" if ch == "/" else "minus" if ch == "-"
                          else "underscore" if ch == "_" else ch)


@pytest.mark.slow
async def test_add_a_posting_see_verdicts_confirm_and_reject(open_app, bank, tmp_path):
    path = tmp_path / "posting.md"
    path.write_text(POSTING, encoding="utf-8")
    async with open_app((110, 34), "o") as pilot:
        app = pilot.app
        assert type(app.screen).__name__ == "PostingsScreen"
        assert "No job posting saved yet" in screen_text(app)
        await pilot.press("a")
        await settle(pilot)
        await type_text(pilot, "attribution")
        await pilot.press("tab")
        await type_text(pilot, str(path))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: getattr(app.screen, "report", None) is not None)
        report = app.screen.report
        assert [r.verdict for r in report.requirements] == ["shown", "shown", "missing"]
        text = screen_text(app)
        assert "✓ shown" in text and "✗ missing" in text and "Experience with Terraform" in text
        saved = store.load(bank, "attribution")
        assert saved.links == []
        # The first requirement: confirm its story with y.
        await pilot.press("y")
        await until(pilot, lambda: store.load(bank, "attribution").links != [])
        assert store.load(bank, "attribution").links == [
            store.Link("Experience tuning PySpark jobs on Databricks", "spark-skew", "confirmed")]
        await until(pilot, lambda: app.screen.report.requirements[0].confirmed)
        assert "confirmed by you" in screen_text(app)
        # The second: reject it with n; the requirement has no story left.
        await pilot.press("down", "n")
        await until(pilot, lambda: len(store.load(bank, "attribution").links) == 2)
        await until(pilot, lambda: app.screen.report.requirements[1].verdict == "missing")
        assert store.load(bank, "attribution").links[1].status == "rejected"


@pytest.mark.slow
async def test_tag_a_story_and_start_a_tailored_interview(open_app, bank, tmp_path):
    path = tmp_path / "posting.md"
    path.write_text(POSTING, encoding="utf-8")
    store.save_text(bank, "attribution", POSTING, "Data Engineer, Attribution", str(path))
    async with open_app((110, 34), "o") as pilot:
        app = pilot.app
        await until(pilot, lambda: getattr(app.screen, "report", None) is not None)
        await pilot.press("down", "down", "t")            # Terraform: no story shows it
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryPicker"
        await pilot.press("enter")                        # the first story offered
        await until(pilot, lambda: app.screen.report is not None and app.screen.report.requirements[2].confirmed)
        assert store.load(bank, "attribution").links[0].status == "confirmed"
        await pilot.press("i")
        await until(pilot, lambda: type(app.screen).__name__ == "InterviewScreen" and app.screen.plan is not None)
        assert app.screen.posting_focus is not None
        assert "Tailored to Data Engineer, Attribution" in screen_text(app)


async def test_the_bank_screen_offers_postings_in_its_footer_and_palette(open_app):
    async with open_app((120, 30)) as pilot:
        assert "Postings" in screen_text(pilot.app)
        assert any(b.binding.id == "bank.postings" for b in pilot.app.screen.active_bindings.values())


DUTIES = """\
# Staff Nurse, Medical Ward

## Essential Duties

- Administer medicines and keep the medication record

## Requirements

- Experience with Kafka consumer groups
"""


@pytest.mark.slow
async def test_the_detail_says_must_have_only_of_one_and_nothing_of_a_duty(open_app, bank, tmp_path):
    # dogfood20: "Essential Duties · not a must-have" read as a contradiction to a nurse.
    store.save_text(bank, "ward", DUTIES, "Staff Nurse, Medical Ward", str(tmp_path / "ward.md"))
    async with open_app((110, 34), "o") as pilot:
        app = pilot.app
        await until(pilot, lambda: getattr(app.screen, "report", None) is not None)
        musts = [r.must for r in app.screen.report.requirements]
        assert musts == [False, True]
        await until(pilot, lambda: "Essential Duties" in screen_text(app))
        text = screen_text(app)
        assert "not a must-have" not in text
        await pilot.press("down")
        await until(pilot, lambda: "Requirements · must-have" in screen_text(app))
