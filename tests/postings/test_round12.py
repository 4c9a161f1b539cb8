"""Round 12 of issue 23 (matching): what is general in the eleventh held-out set's wrong links.
Each rule has a sentence that fires it and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.postings.test_round8 import NOT, SHOWN, rule_cases, unit_labels, verdict

GROUPS = "Running therapeutic groups, e.g. anxiety or friendship groups"
CORE = "Hands-on diamond drill core logging, including lithology, alteration and structure"
FRAMES = "Structural steel, including moment frames and braced frames"

CASES = [
    # An example stands for the things a requirement asks to be done, not for the doing it
    # opens with: "friendships" sorted into themes runs no group.
    (GROUPS, "I grouped the reasons pupils came into six themes, such as family changes, friendships and exams.",
     NOT, "the example met, the running not said"),
    (GROUPS, "I ran a six-week anxiety group for eight pupils in Year 9.", SHOWN,
     "near miss: the doing said with its example"),
    ("Running evening classes, e.g. French or Spanish classes",
     "I translated the Spanish letters from our suppliers every week.", NOT,
     "another field: a language of the example, no class run"),
    ("Running evening classes, e.g. French or Spanish classes",
     "I ran a ten-week Spanish class on Tuesday evenings for twelve adults.", SHOWN,
     "near miss: the class run"),
    # One of three or more parts a requirement lists ("including a, b and c") is not the whole.
    (CORE, "In QGIS I overlaid my geology and structures on the soil grid and drew drill targets.", NOT,
     "one part of three"),
    (CORE, "Each morning I logged the diamond drill core, noting its lithology, alteration and structure.", SHOWN,
     "near miss: the requirement said in its own words"),
    ("Hands-on soil testing, including compaction, moisture and plasticity",
     "I measured the moisture in the new screed every morning before the floor went down.", NOT,
     "another field: one part of three"),
    ("Hands-on soil testing, including compaction, moisture and plasticity",
     "I ran the soil tests myself on site: compaction, moisture and plasticity for each layer.", SHOWN,
     "near miss: every part said"),
    (FRAMES, "I designed two welded steel moment frames for the open garage fronts.", SHOWN,
     "near miss: one of two parts listed"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(CASES))
def test_a_round12_rule_fires_and_its_near_miss_does_not(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


def test_incl_is_read_as_including():
    from storybank.postings.match import lists_parts

    line = "Confident IT user incl. electronic patient records"
    assert "incl" not in unit_labels(line)
    assert lists_parts(line)
    assert verdict(line, "I recorded each patient's plan in the electronic patient record on the ward.") == SHOWN
    # Near misses: a word that only starts alike is no list of parts, and stays a thing asked.
    assert not lists_parts("Inclusive classroom practice for pupils with SEND")
    assert "Inclusive" in unit_labels("Inclusive classroom practice for pupils with SEND")


def test_the_employers_safeguarding_statement_is_boilerplate_under_any_heading():
    from storybank.postings.check import read

    statement = ("Northgate Primary is committed to safeguarding and promoting the welfare of children and "
                 "young people and expects all staff to share this commitment.")
    asked = "Sound knowledge of safeguarding and promoting the welfare of children in need"
    more = "- Experience of Section 47 enquiries\n- Confident multi-agency working\n"
    texts = [item.text for item in read(f"The paperwork bit\n- {statement}\n- {asked}\n{more}").items]
    assert not any("Northgate" in t for t in texts)
    assert any(t.startswith("Sound knowledge of safeguarding") for t in texts)   # near miss: asked of the candidate


def _parts(line: str) -> dict[str, str]:
    from storybank.postings.check import read
    from storybank.postings.match import Need

    (item,) = read(f"Requirements\n- {line}\n").items
    return {u.label: u.part for u in Need.read(tuple(item.units), item.years, item.text).units}


def test_names_listed_after_a_colon_are_examples_of_what_comes_before():
    buses = "Communication buses: CAN, SPI, I2C"
    assert _parts(buses).get("buses") == "category"
    assert verdict(buses, "I clipped a logic analyser onto the SPI lines and the I2C line and decoded the traffic.") == SHOWN
    assert verdict(buses, "Our lab manager clipped a logic analyser onto the SPI lines and the I2C line.") != SHOWN
    # Near miss: words, not names, after the colon are things asked, not examples of one.
    assert "example" not in _parts("Field skills: mapping, logging and sampling").values()
