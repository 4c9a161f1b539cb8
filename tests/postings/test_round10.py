"""Round 10 of issue 23 (matching): what is general in the ninth held-out set's misses and its
wrong link. Each rule has a sentence that fires it and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.postings.test_round8 import NOT, SHOWN, verdict

PYTHON_ROW = "FW-13 | Python for test automation | P"
CLASS_C = "FW-03 | Firmware development under IEC 62304 (Class B or C) | R"
PGCERT = "PgCert in Image Interpretation (or working towards)"

CASES = [
    # A table row's last cell holding one letter is the row's mark, not a thing asked.
    (PYTHON_ROW, "I wrote a Python script that drove the pump through 2,000 infusion cycles overnight.", SHOWN,
     "the row's 'P' is no name left out"),
    (PYTHON_ROW, "A colleague wrote a Python script that drove the pump through 2,000 infusion cycles.", NOT,
     "near miss: someone else's script"),
    # A letter that marks a class or grade is not met by the same letter alone.
    (CLASS_C, "For seven years I have written C firmware for Cortex-M microcontrollers.", NOT,
     "near miss: 'C' the language is no 'Class C'"),
    (CLASS_C, "I wrote the pump firmware to IEC 62304 as Class C software, with a test for every requirement.",
     SHOWN, "the class said with its word"),
    # Applied for is not held, nor being worked towards.
    (PGCERT, "I have applied for the PgCert in Image Interpretation at Tynebridge, which starts in September.", NOT,
     "near miss: an application"),
    (PGCERT, "I am halfway through the PgCert in Image Interpretation at Tynebridge and passed its first module.",
     SHOWN, "the candidate studies for it"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"),
                         [pytest.param(line, sentence, expected == SHOWN, id=name) for line, sentence, expected, name in CASES])
def test_a_round10_rule_fires_and_its_near_miss_does_not(line, sentence, shown):
    assert (verdict(line, sentence) == SHOWN) is shown


def _labels(line: str) -> list[str]:
    from storybank.postings.check import read
    from storybank.postings.match import Need

    (item,) = read(f"Requirements\n- {line}\n").items
    return [u.label for u in Need.read(tuple(item.units), item.years, item.text).units]


def test_a_table_rows_letter_in_its_last_cell_is_bookkeeping():
    assert "P" not in _labels(PYTHON_ROW)
    assert "R" not in _labels("FW-05 | RTOS experience (FreeRTOS, Zephyr or similar) | R")
    assert "R" in _labels("Statistics in R for clinical trial data")     # near miss: no table cell, a language


def test_an_application_is_told_as_not_done():
    from storybank.postings.agency import clauses

    (clause,) = clauses("I have applied for the PgCert in Image Interpretation", "action")
    assert clause.me and clause.negated
    (near,) = clauses("I applied the new exposure chart to every hand film", "action")
    assert near.me and not near.negated
