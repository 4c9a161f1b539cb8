"""The fitting search and its limits."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from storybank.catalog import builtin_catalog
from storybank.errors import StorybankError
from storybank.export import render_cheatsheet
from storybank.export.fit import _first_fitting, txt_fits
from storybank.export.sheet import LEVELS, FitLevel

from .conftest import open_bank


@pytest.mark.parametrize("answer", [0, 1, 4, len(LEVELS) - 1, None])
@pytest.mark.parametrize("guess", [0, 3, len(LEVELS) - 1])
def test_search_finds_the_first_fitting_level(answer, guess):
    tried: list[int] = []

    def fits(index: int) -> bool:
        tried.append(index)
        return answer is not None and index >= answer

    assert _first_fitting(fits, guess) == answer
    if answer is not None and abs(guess - answer) <= 1:
        assert len(tried) <= 3


def test_each_level_holds_no_more_than_the_one_before():
    # The search above stops at the first level that fits, which is right only if every later
    # level is at most as roomy: data/sheet_levels.toml must stay ordered.
    assert len(LEVELS) >= 2
    assert [level.index for level in LEVELS] == list(range(len(LEVELS)))
    # followup_chars = 0 means "as long as the other cues": the width it gives is compared.
    measures = [*(f.name for f in fields(FitLevel) if f.name not in ("index", "followup_chars")), "followup_width"]
    for roomier, tighter in zip(LEVELS, LEVELS[1:], strict=False):
        for name in measures:
            assert getattr(tighter, name) <= getattr(roomier, name), (tighter.index, name)
        assert any(getattr(tighter, name) < getattr(roomier, name) for name in measures), tighter.index


def test_txt_limits():
    assert txt_fits("x" * 100 + "\n" + "y\n" * 65)
    assert not txt_fits("x" * 101)
    assert not txt_fits("y\n" * 67)
    assert not txt_fits("🚀" * 51)


def test_a_catalog_too_big_for_one_page_is_a_clear_error(small_bank):
    catalog = builtin_catalog()
    many = [q.model_copy(update={"id": f"{q.id}-{k}"}) for k in range(6) for q in catalog.questions]
    big = catalog.model_copy(update={"questions": many})
    with pytest.raises(StorybankError, match="does not fit on one page"):
        render_cheatsheet(open_bank(small_bank), big, "txt")


def test_a_user_template_that_never_fits_is_still_written(small_bank, tmp_path):
    template = tmp_path / "long.txt.j2"
    template.write_text("{% for i in range(100) %}line {{ i }}\n{% endfor %}", encoding="utf-8")
    fitted = render_cheatsheet(open_bank(small_bank), builtin_catalog(), "txt", template=template)
    assert not fitted.fits and fitted.level == LEVELS[-1].index
    assert fitted.data.decode().count("\n") == 100


def test_a_line_of_cues_drops_whole_cues_that_do_not_fit():
    from storybank.export.render import _fitting_filter

    assert _fitting_filter(["built dock scheduling", "in Django", "x" * 20], 34) == "built dock scheduling · in Django"
    # Near miss: the first item (or the first `keep`, the key numbers) stays even when too wide.
    assert _fitting_filter(["y" * 40, "z"], 34) == "y" * 40
    assert _fitting_filter(["94 → 31 min", "$1.3M → $480k", "more"], 20, keep=2) == "94 → 31 min · $1.3M → $480k"
    # A shorter cue after one that does not fit still takes the room left.
    assert _fitting_filter(["runtime 340 → 58 min", "met deadline every night for six months", "9 → 0 misses"],
                           40) == "runtime 340 → 58 min · 9 → 0 misses"


def test_the_eight_story_text_sheet_gives_each_part_its_own_line_with_two_cues():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "stories"
    text = render_cheatsheet(open_bank(root), builtin_catalog(), "txt").data.decode("utf-8")
    assert txt_fits(text)
    lines = text.splitlines()
    part_lines = [line for line in lines if line[3:6] in ("S: ", "A: ", "O: ", "R: ")]
    assert len(part_lines) == 4 * 8, part_lines          # one line per part, for every story
    two = [line for line in part_lines if " · " in line]
    assert len(two) >= 24, "\n".join(part_lines)         # most parts show two cues


def test_the_text_sheet_outcome_line_does_not_say_its_key_numbers_twice(tmp_path):
    """The outcome line leads with the key numbers; a suggested cue that only says them again
    ("average wait 94 → 31 min" after "average truck wait 94 min → 31 min") is left out there,
    while Markdown, which lists the numbers on a line of their own, still has an outcome cue.
    (The bundled bank without its Lumora ingestion story, so the dock story is the project.)"""
    import shutil
    from pathlib import Path

    stories = Path(__file__).resolve().parents[2] / "stories"
    for path in stories.glob("*.toml"):
        if path.stem != "rebuilding-smart-meter-ingestion-at-lumora-energy":
            shutil.copy(path, tmp_path / path.name)
    bank, catalog = open_bank(tmp_path), builtin_catalog()
    text = render_cheatsheet(bank, catalog, "txt").data.decode("utf-8")
    flat = " ".join(text.split())
    assert "average truck wait 94 min → 31 min" in flat      # the key number
    assert "average wait 94 → 31 min" not in flat            # near miss: the same, said again
    markdown = render_cheatsheet(bank, catalog, "md").data.decode("utf-8")
    outcome_lines = [line for line in markdown.splitlines() if line.startswith("- **O**")]
    assert outcome_lines and not any("(empty)" in line for line in outcome_lines)


def test_the_eight_story_text_sheet_gives_each_follow_up_two_cues_under_a_short_label():
    """A follow-up layer needs more than its topic: on the full text sheet each prepared
    follow-up has two cues ("Who: SRE paired with me on rebuild; …") under the catalog's short
    label, and the outcome keeps to one line to make the room."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "stories"
    text = render_cheatsheet(open_bank(root), builtin_catalog(), "txt").data.decode("utf-8")
    assert txt_fits(text)
    stories = re.split(r"\n   \d\. ", text)[1:]
    assert len(stories) == 8
    for story in stories:
        lines = story.splitlines()
        outcome = next(i for i, line in enumerate(lines) if line.startswith("   O: "))
        assert lines[outcome + 1].startswith("   R: "), story     # the outcome took one line
        follow = " ".join(" ".join(lines[lines.index(next(x for x in lines if x.startswith("   F: "))):]).split())
        for label in ("Diff:", "Alt:", "Tech:", "Who:"):
            assert label in follow, follow
        two = re.findall(r"(?:Diff|Alt|Tech|Who): [^·;]+; [^·]+", follow)
        assert len(two) >= 3, follow                                # nearly every layer has two cues
    # Near miss: the Markdown sheet keeps the catalog's full labels.
    markdown = render_cheatsheet(open_bank(root), builtin_catalog(), "md").data.decode("utf-8")
    assert "*Differently*" in markdown and "Diff:" not in markdown
