"""Start-up: the row cache shows the list before the bank is parsed; loading stays off the main
thread; a quit in the middle of a load does not wait for it."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

import storybank.ui as storybank_ui
from storybank.ui import rowcache
from storybank.ui.state import load_bank
from storybank.ui.widgets.fields import TitleField
from storybank.ui.widgets.story_list import StoryList

from .helpers import digests, open_story, screen_text, settle


def held_back(make_app):
    """An app whose bank load waits until the returned event is set: meanwhile the screen has
    only what the row cache gives it."""
    release = threading.Event()

    def slow_loader(root, cancelled):
        release.wait(10)
        return load_bank(root, cancelled)

    app = make_app(loader=slow_loader)
    return app, release


async def test_second_start_shows_cached_rows_before_parsing(make_app, open_app, bank):
    async with open_app((100, 30)):
        pass  # one start, loaded: the row cache is written
    preview = rowcache.load_preview(bank)
    assert preview is not None
    assert {r.id for r in preview.rows} == {"order-outbox", "spark-skew", "rubric-flag", "android-crash-draft"}
    assert {e.path.name for e in preview.errors} == {"broken.toml", "text-metric.toml"}
    assert {r.readiness for r in preview.rows} == {"clean", "warnings"}

    app, release = held_back(make_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.state.bank is None                        # nothing parsed yet ...
        stories = app.screen.query_one(StoryList)
        assert stories.total == 4                            # ... and the list is there
        text = screen_text(app)
        assert "Transactional outbox" in text and "73s" in text and "yesterday" in text
        assert "broken.toml" in text
        release.set()
        await settle(pilot)
        assert app.state.bank is not None and stories.total == 4


async def test_a_changed_file_means_no_preview(open_app, bank):
    async with open_app((100, 30)):
        pass  # one start, loaded: the row cache is written
    assert rowcache.load_preview(bank) is not None
    path = bank / "spark-skew.toml"
    path.write_text(path.read_text().replace("38 minutes", "37 minutes"))
    os.utime(path, ns=(1, 1))
    assert rowcache.load_preview(bank) is None
    (bank / "new.toml").write_text('title = "x"\nquestions = []\n')
    assert rowcache.load_preview(bank) is None


async def test_caches_live_outside_the_bank(open_app, bank, tmp_path):
    before = digests(bank)

    async with open_app((100, 30)):
        pass  # one start, loaded: the row cache is written
    assert digests(bank) == before
    assert any((tmp_path / "cache").glob("ui-rows-*.json"))


@pytest.mark.parametrize("cache", ["a file where the folder should be", "garbage", "no home",
                                   "rows of the wrong types"])
async def test_a_broken_cache_costs_nothing_but_the_cache(open_app, bank, tmp_path, monkeypatch,
                                                          cache):
    """The row and report caches are an optimisation: a cache path that is a file, a cache file
    of garbage, or no home folder to put one in still shows the bank, and no error."""
    folder = tmp_path / "cache"
    if cache == "a file where the folder should be":
        folder.write_text("not a folder")
    elif cache == "garbage":
        async with open_app((100, 30)):
            pass  # written once ...
        for written in folder.glob("*.json"):
            written.write_bytes(b"\x00\xff{not json")  # ... then spoiled
    elif cache == "rows of the wrong types":
        async with open_app((100, 30)):
            pass  # written once: valid JSON whose stamp and files still match ...
        for written in folder.glob("ui-rows-*.json"):
            data = json.loads(written.read_text("utf-8"))
            for entry in data["data"].values():
                if "row" in entry:
                    entry["row"]["title"] = None    # ... with a row damaged by hand
            written.write_text(json.dumps(data), "utf-8")
    else:
        monkeypatch.delenv("STORYBANK_CACHE_DIR")
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
        monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(
            RuntimeError("Could not determine home directory."))))
    before = digests(bank)
    async with open_app((100, 30)) as pilot:
        assert pilot.app.screen.query_one(StoryList).total == 4
        assert "Transactional outbox" in screen_text(pilot.app)
    assert digests(bank) == before


async def test_quitting_during_a_load_does_not_wait_for_it(make_app, bank):
    started = threading.Event()
    seen = []

    def loader(root, cancelled):
        started.set()
        for _ in range(2000):
            seen.append(1)
            if cancelled():
                from storybank.ui.state import Cancelled

                raise Cancelled
            threading.Event().wait(0.005)
        return load_bank(root, cancelled)

    app = make_app(use_preview=False, loader=loader)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert started.wait(5)
        await pilot.press("q")
    assert app.return_value == 0
    assert len(seen) < 2000


async def test_actions_before_the_load_finishes_wait_for_it(make_app):
    app, release = held_back(make_app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "BankScreen"
        release.set()
        await settle(pilot)
        assert app.screen.__class__.__name__ == "EditorScreen"


async def test_after_a_save_the_next_start_still_has_its_rows(open_app, bank):
    async with open_app((100, 30)) as pilot:
        app = pilot.app
        await open_story(pilot, "rubric-flag")
        app.screen.query_one("#title", TitleField).value += " (v2)"
        await pilot.press("ctrl+s")
        await settle(pilot)
    preview = rowcache.load_preview(bank)
    assert preview is not None
    assert any(r.title.endswith("(v2)") and r.readiness for r in preview.rows)


def _late_rules_matching(app) -> list:
    """The rules of screens.tcss (parsed after the first frame) that match a node on screen now."""
    from textual.css.match import match
    from textual.css.stylesheet import Stylesheet

    sheet = Stylesheet(variables=app.get_css_variables())
    sheet.read(Path(storybank_ui.__file__).with_name(app.SCREENS_CSS))
    sheet.parse()
    assert len(sheet.rules) > 50
    nodes = list(app.screen.walk_children(with_self=True))
    assert len(nodes) > 10
    return [(rule.css, node) for rule in sheet.rules for node in nodes if match(rule.selector_set, node)]


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_rules_parsed_after_the_first_frame_match_nothing_on_the_bank_screen(open_app, size):
    """screens.tcss is parsed after the first frame: that is only safe while none of its rules
    applies to the bank screen, narrow or wide, with load errors and a story's details shown."""
    from storybank.ui.app import StorybankApp

    async with open_app(size) as pilot:
        app = pilot.app
        path = Path(storybank_ui.__file__).with_name(StorybankApp.SCREENS_CSS)
        assert app.screen.query_one("#load-errors").display
        assert _late_rules_matching(app) == []
        app.open_screen("editor", story_id="spark-skew")  # another screen: its rules are there
        await settle(pilot)
        assert app.stylesheet.has_source(str(path), "")
        assert app.screen.query_one("#live").styles.border_left[0] == "vkey"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_rules_parsed_after_the_first_frame_match_nothing_on_a_progress_start(
        open_app, size):
    """`storybank progress` opens on the progress screen, whose rules are in app.tcss, so its
    first frame does not wait for screens.tcss either; none of those rules may apply to it."""
    async with open_app(size, start="progress") as pilot:
        assert type(pilot.app.screen).__name__ == "ProgressScreen"
        assert _late_rules_matching(pilot.app) == []
