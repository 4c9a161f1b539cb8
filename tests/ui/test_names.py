"""One name per question type: the catalog's label, and its short tag for the list, are data
(issue 13, friction)."""

from __future__ import annotations

from storybank.catalog import load_catalog

from .helpers import screen_text, settle


def test_every_question_type_has_a_label_and_a_short_unique_tag():
    catalog = load_catalog(None)
    tags = [q.tag for q in catalog.questions]
    assert all(tags) and all(len(t) <= 5 for t in tags) and len(set(tags)) == len(tags)
    assert all(q.label for q in catalog.questions)


async def test_the_list_help_and_progress_use_the_catalog_tag(open_app):
    async with open_app((120, 100)) as pilot:  # the help ends with the question types
        app = pilot.app
        catalog = app.state.catalog               # the tag is data, not a rule in the code
        questions = [q.model_copy(update={"tag": "brk"}) if q.id == "failure" else q
                     for q in catalog.questions]
        app.state.catalog = catalog.model_copy(update={"questions": questions})
        failure = app.state.catalog.question("failure")
        app.screen._refresh_all()
        await settle(pilot)
        assert "brk" in screen_text(app)
        await pilot.press("question_mark")
        await settle(pilot)
        text = screen_text(app)
        assert "brk" in text and failure.label in text and 'questions = ["failure"]' in text
        await pilot.press("escape", "p")          # the progress chart names its bars the same way
        await settle(pilot)
        assert "brk" in screen_text(app) and "fail " not in screen_text(app)
