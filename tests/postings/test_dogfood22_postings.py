"""Round 21 (lead), from DOGFOOD22's pharmacist: a register and a right to prescribe are
credentials for the checklist, not story gaps that fail the run; a pay grade after the title names
no field. Each with a near miss."""

from __future__ import annotations

import pytest

from storybank.postings.check import read

POSTING = """# Clinical Pharmacist – Acute Medicine (Band 7)
Northgate University Hospitals NHS Trust
## Key responsibilities
- Review medication charts daily and resolve drug interactions, dosing errors and omissions
## Essential
- {line}
- Excellent communication skills with senior medical staff
"""


@pytest.mark.parametrize("line", [
    "Registered pharmacist with the GPhC",
    "Must be a Registered Nurse on the NMC register",
    "Independent prescriber qualification, or willingness to work towards it",
])
def test_a_register_or_a_right_to_prescribe_is_a_credential(line):
    read_as = read(POSTING.format(line=line))
    assert line in [c.text for c in read_as.credentials]
    assert line not in [i.text for i in read_as.items]


@pytest.mark.parametrize("line", [
    "Experience supervising registered nurses on a busy ward",
    "Confident advising prescribers on renal dosing",
])
def test_near_miss_work_with_the_registered_or_with_prescribers_is_asked_of_a_story(line):
    read_as = read(POSTING.format(line=line))
    assert line in [i.text for i in read_as.items]


def test_a_pay_grade_after_the_title_names_no_field(tmp_path):
    from storybank.postings.motivation import posting_field
    from storybank.postings.report import PostingReport

    ex = read(POSTING.format(line="Registered pharmacist with the GPhC"))
    report = PostingReport("p", ex.title, None, (), (), ())
    labels = [u.label for u in posting_field(report, ex)]
    assert "Acute Medicine" in labels and not any("Band" in label for label in labels)
