"""Round 10 of issue 23 (matching): what is general in the ninth held-out set's misses and its
wrong link. Each rule has a sentence that fires it and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.postings.test_round8 import NOT, SHOWN, rule_cases, unit_labels, verdict

PYTHON_ROW = "FW-13 | Python for test automation | P"
CLASS_C = "FW-03 | Firmware development under IEC 62304 (Class B or C) | R"
PGCERT = "PgCert in Image Interpretation (or working towards)"
EXCEL = "Advanced Excel (pivot tables, INDEX/MATCH, Power Query)"
# Two sentences of one story: the candidate makes a thing, and "it" goes on in the next.
EXCEL_MODEL, POWER_QUERY = (
    "I built an Excel model that set a stock cushion for each of our 650 products.",
    "It used Power Query to pull a year of demand, and pivot tables to summarise the result by product line.",
)

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
    ("Python or R for analysing plate-reader or imaging data",
     "I analysed the plate-reader data from every run in R and plotted the curves.", SHOWN,
     "near miss: R is a name of its own beside Python, no mark of it"),
    # Told across two sentences: what the candidate made ("I built an Excel model"), doing its
    # work in the next one ("It used Power Query…"), is the candidate's work.
    (EXCEL, f"{EXCEL_MODEL} {POWER_QUERY}", SHOWN, "the thing made goes on in the next sentence"),
    (EXCEL, f"I joined the planning team that owned the Excel model for our 650 products. {POWER_QUERY}", NOT,
     "near miss: joined, not made: 'it' is the team's model"),
    (EXCEL, f"{EXCEL_MODEL} Our analyst used Power Query to pull a year of demand, and pivot tables to sum the result.", NOT,
     "near miss: someone else uses the tools"),
    (EXCEL, f"{EXCEL_MODEL} The board read it every Monday. {POWER_QUERY}", NOT,
     "near miss: 'it' is not the sentence right after"),
    (EXCEL, f"{EXCEL_MODEL} It never used Power Query or pivot tables, only typed-in demand.", NOT,
     "near miss: told as not done"),
    # "Advanced" is a degree of skill, as "strong" is: Excel used with its named tools shows it.
    ("Advanced Excel (pivot tables, lookups)", "I exported the open cases to Excel and built a pivot table by rule.",
     SHOWN, "no 'advanced' to leave out"),
    ("Advanced Excel (pivot tables, lookups)", "The finance team exported the cases to Excel and built a pivot table.",
     NOT, "near miss: the finance team's table"),
    # Applied for is not held, nor being worked towards.
    (PGCERT, "I have applied for the PgCert in Image Interpretation at Tynebridge, which starts in September.", NOT,
     "near miss: an application"),
    (PGCERT, "I am halfway through the PgCert in Image Interpretation at Tynebridge and passed its first module.",
     SHOWN, "the candidate studies for it"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(CASES))
def test_a_round10_rule_fires_and_its_near_miss_does_not(line, sentence, shown):
    assert (verdict(line, sentence) == SHOWN) is shown


def test_a_table_rows_letter_in_its_last_cell_is_bookkeeping():
    assert "P" not in unit_labels(PYTHON_ROW)
    assert "R" not in unit_labels("FW-05 | RTOS experience (FreeRTOS, Zephyr or similar) | R")
    assert "R" in unit_labels("Statistics in R for clinical trial data")     # near miss: no table cell, a language


def test_an_application_is_told_as_not_done():
    from storybank.postings.agency import clauses

    (clause,) = clauses("I have applied for the PgCert in Image Interpretation", "action")
    assert clause.me and clause.negated
    (near,) = clauses("I applied the new exposure chart to every hand film", "action")
    assert near.me and not near.negated


@pytest.mark.parametrize("clause, mine", [
    # The tenth held-out set's (spent) wrong link: "our" sets the scene; the children and the other
    # team are who act there.
    ("under our local arrangement unaccompanied asylum-seeking children go straight to a separate team",
     False),
    ("per our protocol the registrar signs the chart", False),
    # The set's other trap: a passive done "by our" someone.
    ("the costs budget in precedent h had been prepared at the start of the case by our external costs "
     "draftsman", False),
    ("i prepared the costs budget in precedent h myself", True),
    # Near misses: "my" owning what is the candidate's ("a third of my book", "for our ten most
    # liquid contracts"), and an arrangement with the candidate acting under it.
    ("about a third of my book is food and drink manufacturing", True),
    ("three years of messages for our ten most liquid contracts came to 1.2 billion rows", True),
    ("under our local arrangement i took the calls myself", True),
])
def test_my_or_our_after_a_preposition_sets_the_scene_and_names_no_one_acting(clause, mine):
    from storybank.postings.agency import clauses

    assert clauses(clause, "action")[0].me is mine
