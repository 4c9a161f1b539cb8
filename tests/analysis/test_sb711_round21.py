"""Round 21 (lead), DOGFOOD22: SB711 ("the disagreement ends without a mechanism") fired on a
pharmacist who "showed him the eGFR trend and the renal dosing guidance", and its message then
offered "a check against the guideline" as what would settle it. Showing the other side the
evidence is a mechanism, whatever the evidence is called."""

from __future__ import annotations

from pathlib import Path

from storybank.analysis.engine import analyze
from storybank.bank import read_story_file
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

STORY = Path(__file__).parents[1] / "cli" / "dogfood22" / "pushing-back-on-a-consultant-s-opioid-prescription.toml"


def _codes(action: str | None = None) -> set[str]:
    sf = read_story_file(STORY)
    story = sf.story
    if action is not None:
        story = story.model_copy(update={"action": action, "reflection": "We talked it out in the end."})
    return {f.code for f in analyze(story, builtin_catalog(), Settings(), sf.id).findings}


def test_showing_the_other_side_the_evidence_settles_it():
    assert "SB711" not in _codes()


def test_near_miss_a_disagreement_only_talked_out_still_has_no_mechanism():
    action = ("I went to see him on the ward rather than leaving a note, and we talked about her kidneys "
              "for a while. He was worried about undertreating her pain, so we talked it through.")
    assert "SB711" in _codes(action)
