"""The editor's cue boxes (issue 24): storybank's suggestion beside each part and follow-up,
taken with a key or replaced by the user's own, saved in [cues] without losing the file's comments."""

from __future__ import annotations

import tomllib

from textual.widgets import Input, TextArea

from .helpers import editing, settle, until


async def test_ctrl_t_takes_the_suggested_cues_and_saving_writes_them(make_app, bank):
    path = bank / "order-outbox.toml"
    async with editing(make_app, "order-outbox") as (pilot, editor):
        box = editor.query_one("#cues-action", Input)
        assert box.value == "" and box.placeholder.startswith("cues: ")   # the suggestion, not yet taken
        editor.query_one("#action", TextArea).focus()
        await pilot.press("ctrl+t")
        await until(pilot, lambda: box.value != "")
        assert pilot.app.focused is box
        taken = box.value
        assert taken == box.placeholder.removeprefix("cues: ").removesuffix(" (ctrl+t takes these)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not editor.dirty
    data = tomllib.loads(path.read_text())
    assert " · ".join(data["cues"]["action"]) == taken
    assert set(data["cues"]) == {"action"}     # near miss: the other boxes stay the suggestion's


async def test_a_cue_the_user_writes_is_saved_as_written(make_app, bank):
    path = bank / "order-outbox.toml"
    original = path.read_text()
    async with editing(make_app, "order-outbox") as (pilot, editor):
        box = editor.query_one("#cues-differently", Input)
        box.focus()
        await pilot.press(*"alert on outbox lag | test the relay")
        await pilot.press("ctrl+s")
        await settle(pilot)
    text = path.read_text()
    assert tomllib.loads(text)["cues"] == {"differently": ["alert on outbox lag", "test the relay"]}
    comments = [line for line in original.splitlines() if line.lstrip().startswith("#")]
    assert all(c in text for c in comments)
