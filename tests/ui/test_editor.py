"""The editor: creating, editing and saving stories without ever losing work."""

from __future__ import annotations

import tomllib

from textual.widgets import Input, TextArea

from storybank.ui.screens.editor import EditorScreen
from storybank.ui.screens.modals import ConflictScreen, UnsavedScreen
from storybank.ui.widgets.fields import TitleField
from storybank.ui.widgets.metrics import MetricRow

from .helpers import digests, editing, open_story, screen_text, settle


async def test_new_story_creates_exactly_one_file_and_touches_no_other(make_app, bank):
    app = make_app()
    before = digests(bank)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        title = editor.query_one("#title", TitleField)
        assert app.focused is title and title.value == "" and title.cursor_position == 0
        await pilot.press(*"Rolling back a bad migration")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not editor.dirty
    after = digests(bank)
    new = set(after) - set(before)
    assert new == {"rolling-back-a-bad-migration.toml"}
    assert {k: v for k, v in after.items() if k in before} == before
    data = tomllib.loads((bank / "rolling-back-a-bad-migration.toml").read_text())
    assert data["title"] == "Rolling back a bad migration"


async def test_editor_opens_with_the_cursor_at_the_end_of_the_title(make_app):
    async with editing(make_app, "spark-skew") as (pilot, editor):
        title = editor.query_one("#title", TitleField)
        assert pilot.app.focused is title
        assert title.cursor_position == len(title.value) > 0


async def test_saving_an_edit_keeps_comments_and_unknown_keys(make_app, bank):
    path = bank / "order-outbox.toml"
    original = path.read_text()
    async with editing(make_app, "order-outbox") as (pilot, editor):
        await pilot.press(*" (v2)")
        assert editor.dirty
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Saved" in screen_text(pilot.app)
    text = path.read_text()
    assert text != original
    assert 'title = "Transactional outbox for order events at Parcelo (v2)"' in text
    assert "# Keep this story for the project question" in text
    assert 'priority = "high"            # not a storybank key: must survive saving' in text
    assert "# measured from support tickets" in text
    # only the title line changed
    changed = [(a, b) for a, b in zip(original.splitlines(), text.splitlines(), strict=True) if a != b]
    assert len(changed) == 1


async def test_opening_and_saving_without_edits_writes_nothing(make_app, bank):
    app = make_app()
    before = digests(bank)
    async with app.run_test(size=(100, 40)) as pilot:
        for story_id in ("order-outbox", "spark-skew", "rubric-flag", "android-crash-draft"):
            editor = await open_story(pilot, story_id)
            assert not editor.dirty
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert "Nothing changed" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
    assert digests(bank) == before


async def leave_with_edits(pilot, typed: str, key: str) -> None:
    """Type `typed` in the editor, then press `key` to leave it: the unsaved-changes dialog asks."""
    await pilot.press(*typed)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, UnsavedScreen)


async def test_escape_with_unsaved_changes_asks_first(make_app, bank):
    before = digests(bank)
    async with editing(make_app, "spark-skew") as (pilot, editor):
        await leave_with_edits(pilot, "!!", "escape")
        assert "Unsaved changes" in screen_text(pilot.app)
        await pilot.press("escape")          # cancel: back in the editor, text intact
        await pilot.pause()
        assert pilot.app.screen is editor
        assert editor.query_one("#title", TitleField).value.endswith("!!")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "BankScreen"
    assert digests(bank) == before


async def test_escape_then_save_writes_and_leaves(make_app, bank):
    async with editing(make_app, "spark-skew") as (pilot, editor):
        await leave_with_edits(pilot, " again", "escape")
        await pilot.click("#choice-save")
        await settle(pilot)
        assert pilot.app.screen.__class__.__name__ == "BankScreen"
    assert "190 to 38 minutes again" in (bank / "spark-skew.toml").read_text()


async def test_quitting_with_unsaved_edits_asks(make_app, bank):
    before = digests(bank)
    async with editing(make_app, "rubric-flag") as (pilot, editor):
        await leave_with_edits(pilot, "xyz", "ctrl+q")
        assert "before quitting" in screen_text(pilot.app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, EditorScreen)
        assert pilot.app.return_value is None
    assert digests(bank) == before


async def save_over_their_edit(pilot, path, mine: str, old: str, new: str) -> str:
    """Type `mine` into the title of the story at `path`, let another program replace `old`
    by `new` in its file, then save: the conflict dialog opens. Returns their text."""
    await open_story(pilot, path.stem)
    await pilot.press(*mine)
    theirs = path.read_text().replace(old, new)
    path.write_text(theirs)
    await pilot.press("ctrl+s")
    await pilot.pause()
    return theirs


async def test_external_change_is_detected_on_save(open_app, bank):
    path = bank / "spark-skew.toml"
    async with open_app((100, 40)) as pilot:
        app = pilot.app
        theirs = await save_over_their_edit(pilot, path, " (mine)", "Data engineer, Adquire",
                                            "Staff data engineer, Adquire")
        assert isinstance(app.screen, ConflictScreen)
        assert "changed by another program" in screen_text(app)
        await pilot.click("#choice-copy")  # keep both
        await settle(pilot)
    assert path.read_text() == theirs                      # their edit untouched
    copies = [p for p in bank.glob("*.toml") if "mine" in p.read_text()]
    assert len(copies) == 1 and copies[0] != path
    data = tomllib.loads(copies[0].read_text())
    assert data["title"].endswith("(mine)") and data["role"] == "Data engineer, Adquire"


async def test_conflict_overwrite_and_reload(open_app, bank):
    path = bank / "rubric-flag.toml"
    async with open_app((100, 40)) as pilot:
        await save_over_their_edit(pilot, path, " v2", 'questions = ["rubric"]',
                                   'questions = ["rubric", "learning"]')
        await pilot.click("#choice-overwrite")
        await settle(pilot)
        text = path.read_text()
        assert "v2" in text and "learning" not in text
        # now the other way round: reload discards mine
        await pilot.press(*" v3")
        path.write_text(text.replace(" v2", " theirs"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.click("#choice-reload")
        await settle(pilot)
        editor = pilot.app.screen
        assert isinstance(editor, EditorScreen)
        assert editor.query_one("#title", TitleField).value.endswith(" theirs")
        assert not editor.dirty
    assert "theirs" in path.read_text()


async def test_a_text_metric_blocks_saving_with_the_reason_and_keeps_the_text(make_app, bank):
    before = digests(bank)
    async with editing(make_app, "spark-skew") as (pilot, editor):
        await pilot.press("ctrl+n")
        await settle(pilot)
        row = list(editor.query(MetricRow))[-1]
        await pilot.press(*"warm-up time")
        row.query_one(".m-before", Input).focus()
        await pilot.press(*"4.2s")
        await pilot.pause()
        assert "put “s” in Unit" in screen_text(pilot.app) or "in Unit" in str(row.problem)
        assert row.has_class("-invalid")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert digests(bank) == before
        status = str(editor.query_one("#save-status").render())
        assert status.startswith("Cannot save yet") and "metric 3 (warm-up time)" in status
        assert "Cannot save yet" in screen_text(pilot.app)
        assert row.query_one(".m-before", Input).value == "4.2s"   # nothing typed is lost
        # fix it: number in before, unit in unit, an after value
        row.query_one(".m-before", Input).value = "4.2"
        row.query_one(".m-after", Input).value = "1.1"
        row.query_one(".m-unit", Input).value = "s"
        await pilot.pause()
        assert not row.has_class("-invalid")
        await pilot.press("ctrl+s")
        await settle(pilot)
    data = tomllib.loads((bank / "spark-skew.toml").read_text())
    assert data["metrics"][-1] == {"name": "warm-up time", "before": 4.2, "after": 1.1, "unit": "s"}


async def test_removing_a_metric(make_app, bank):
    async with editing(make_app, "order-outbox") as (pilot, editor):
        rows = list(editor.query(MetricRow))
        assert len(rows) == 2
        rows[1].query_one(".remove").press()
        await settle(pilot)
        assert len(list(editor.query(MetricRow))) == 1
        await pilot.press("ctrl+s")
        await settle(pilot)
    data = tomllib.loads((bank / "order-outbox.toml").read_text())
    assert [m["name"] for m in data["metrics"]] == ["lost orders"]
    assert 'priority = "high"' in (bank / "order-outbox.toml").read_text()


async def test_live_panel_updates_as_you_type(make_app):
    async with editing(make_app, "spark-skew", (120, 40)) as (pilot, editor):
        text = screen_text(pilot.app)
        assert "Spoken time" in text and "Answer 70s" in text
        reflection = editor.query_one("#reflection", TextArea)
        reflection.focus()
        reflection.text = reflection.text + " word" * 150
        editor.analyse_now()     # rather than waiting out the debounce
        await settle(pilot)
        assert "Answer 130s" in screen_text(pilot.app) or "Answer 13" in screen_text(pilot.app)
        assert "past the hard limit" in screen_text(pilot.app)


async def test_editing_every_field_round_trips(make_app, bank):
    async with editing(make_app, "android-crash-draft", (120, 50)) as (pilot, editor):
        editor.query_one("#role", Input).value = "Mobile lead, Trailmate"
        editor.query_one("#when", Input).value = ""
        editor.query_one("#technologies", Input).value = "Kotlin, Retrofit ,  Moshi"
        editor.query_one("#ownership", TextArea).text = "I owned the release."
        editor.query_one("#followup-differently", TextArea).text = "I would add a contract test."
        questions = editor.query_one("#questions")
        questions.select("learning")
        await pilot.press("ctrl+s")
        await settle(pilot)
    data = tomllib.loads((bank / "android-crash-draft.toml").read_text())
    assert data["role"] == "Mobile lead, Trailmate"
    assert "when" not in data
    assert data["technologies"] == ["Kotlin", "Retrofit", "Moshi"]
    assert data["ownership"] == "I owned the release."
    assert data["followups"]["differently"] == "I would add a contract test."
    assert data["questions"] == ["failure", "learning"]
