"""Plurals and an empty bank that says what to do first (issue 13, friction)."""

from __future__ import annotations

from storybank.bank import init_bank
from storybank.ui import fmt

from .helpers import screen_text


def test_plural():
    assert fmt.plural(1, "story") == "1 story" and fmt.plural(2, "story") == "2 stories"
    assert fmt.plural(1, "technology") == "1 technology" and fmt.plural(0, "warning") == "0 warnings"


async def test_one_story_is_one_story_and_warnings_are_not_said_twice(open_app, tmp_path):
    bank = tmp_path / "one"
    init_bank(bank)
    from .helpers import BANK
    (bank / "spark-skew.toml").write_bytes((BANK / "spark-skew.toml").read_bytes())
    async with open_app((120, 40), root=bank) as pilot:
        app = pilot.app
        text = screen_text(app)
        assert "1 story" in text and "1 stories" not in text
        assert "warnings (" not in text


async def test_an_empty_bank_says_what_to_do_first(open_app, tmp_path):
    bank = tmp_path / "empty"
    init_bank(bank)
    async with open_app((120, 40), root=bank) as pilot:
        app = pilot.app
        details = " ".join(str(app.screen.query_one("#details-body").content).split())
        assert "Press n to write your first story" in details


async def test_the_near_duplicate_warning_of_the_cli_shows_on_the_coverage_screen(open_app, bank):
    text = (bank / "spark-skew.toml").read_text()
    (bank / "spark-skew-again.toml").write_text(text.replace("Cutting the nightly", "Cutting our nightly"))
    async with open_app((120, 40), "c") as pilot:
        app = pilot.app
        assert "look like the same story" in screen_text(app)


async def test_the_list_gives_the_title_the_width_the_tags_do_not_need(open_app):
    async with open_app((120, 40)) as pilot:
        app = pilot.app
        text = screen_text(app)
        assert "Android release that crashed on a missing" in text.split("▏")[0] or \
            any("Android release that crashed on a missing" in line.split("▏")[0] for line in text.splitlines())


def test_clip_counts_terminal_cells_and_shows_the_cut():
    """One helper cuts every column (story list, coverage, progress, report card): a wide
    character takes two cells, and a cut never leaves a space before its "…"."""
    from rich.cells import cell_len

    assert fmt.clip("Transactional outbox", 30) == "Transactional outbox"
    assert fmt.clip("Transactional outbox", 15) == "Transactional…"     # not "Transactional …"
    cut = fmt.clip("🚀🚀🚀🚀🚀 launch", 6)
    assert cut.endswith("…") and cell_len(cut) <= 6
    assert fmt.clip("anything", 0) == ""


def test_a_cut_title_still_fills_its_column():
    """The story list's columns line up although a cut may end short ("settling…" drops the
    space before the ellipsis)."""
    from rich.cells import cell_len

    from storybank.ui.widgets.story_list import _fit

    title = "Building the portal usage API and settling a caching dispute"
    for width in range(5, 50):
        assert cell_len(_fit(title, width)) == width, width
        assert cell_len(_fit(title, width, "right")) == width, width
