"""From blocks to requirements: sections kept and dropped, must-haves, credentials apart."""

from __future__ import annotations

import pytest

from storybank.postings.check import read
from storybank.postings.extract import classify_heading


def items(text: str, name: str = ""):
    return read(text, name)


def test_unknown_headings_are_kept_and_known_boilerplate_dropped():
    ex = items("# Night nurse\n\n## What a good shift looks like\n\n- Titrating vasoactive infusions\n"
               "- Early sepsis recognition\n\n## Perks\n\n- Free parking\n\n## About Acme Health\n\n"
               "- Founded in 1901\n")
    assert [i.text for i in ex.items] == ["Titrating vasoactive infusions", "Early sepsis recognition"]
    assert ex.dropped == ("Perks", "About Acme Health")
    assert ex.title == "Night nurse"


def test_about_the_role_and_about_you_are_not_boilerplate():
    assert classify_heading("About the role") == "responsibilities"
    assert classify_heading("About you") == "requirements"
    assert classify_heading("About us") == "boilerplate"
    assert classify_heading("Benefits & perks") == "boilerplate"
    assert classify_heading("Skills and benefits") == "requirements"
    assert classify_heading("Nice to have") == "preferred"
    assert classify_heading("Zutaten") == "other"


def test_must_haves_and_nice_to_haves():
    ex = items("## Requirements\n\n- Strong Python; Go is a plus\n- SQL\n\n## Bonus points\n\n- Rust\n\n"
               "## What you'll do\n\n- Run the on-call rotation\n")
    must = {i.text: i.must for i in ex.items}
    assert must == {"Strong Python": True, "Go is a plus": False, "SQL": True, "Rust": False,
                    "Run the on-call rotation": False}


def test_credentials_are_a_checklist_of_their_own():
    ex = items("## Qualifications\n\n- Active RN license in Ohio\n- BLS and ACLS certification\n"
               "- Bachelor's degree in Nursing\n- Authorized to work in the US\n"
               "- 2+ years of critical care nursing\n- 5 years of experience\n")
    assert [(c.kind, c.text) for c in ex.credentials] == [
        ("licence", "Active RN license in Ohio"), ("certification", "BLS and ACLS certification"),
        ("degree", "Bachelor's degree in Nursing"), ("eligibility", "Authorized to work in the US"),
        ("years", "2+ years of critical care nursing"), ("years", "5 years of experience"),
    ]
    # Years of something a story can show are matched too; bare years are not.
    assert [i.text for i in ex.items] == ["2+ years of critical care nursing"]


@pytest.mark.parametrize(("posting", "asked"), [
    pytest.param("Acme builds rockets. You will love it.\n\n## The role\n\nYou will own the telemetry "
                 "pipeline.\n\n## What we need\n\nYou have shipped flight software. The office has a view. "
                 "Experience with Kafka is required.\n",
                 ["You have shipped flight software.", "Experience with Kafka is required."], id="you and required"),
    # Round 4: what the posting says of the thing ("is essential", "is expected").
    pytest.param("## What you bring\n\nEmergency airway management is essential. The unit is on the third "
                 "floor. Clear communication with families is expected.\n",
                 ["Emergency airway management is essential.", "Clear communication with families is expected."],
                 id="essential and expected"),
])
def test_prose_counts_only_where_it_asks_for_something(posting, asked):
    # The introduction and a summary of the role tell the job; prose under a requirements
    # heading counts sentence by sentence, where it asks for something (not the office's view).
    assert [i.text for i in items(posting).items] == asked


def test_benefit_and_legal_lines_are_dropped_wherever_they_stand():
    ex = items("## Requirements\n\n- Kotlin\n- Competitive salary and stock options\n"
               "- We are an equal opportunity employer\n")
    assert [i.text for i in ex.items] == ["Kotlin"]


def test_a_posting_with_nothing_to_ask_has_no_items():
    ex = items("Acme is great.\n\n## Benefits\n\n- Free lunch\n")
    assert ex.items == () and ex.credentials == ()


def test_prose_under_a_requirements_heading_counts_when_addressed_to_you_or_a_bare_line():
    ex = items("## About you\n\nYou communicate clearly with clients. The office has a view.\n\n"
               "Active pharmacist licence\n")
    assert [i.text for i in ex.items] == ["You communicate clearly with clients."]
    assert [c.text for c in ex.credentials] == ["Active pharmacist licence"]
    # Outside a requirements heading, "you" alone does not make a sentence a requirement.
    ex = items("# Analyst\n\n## The setting\n\nYou will meet the founders. You sit with the data team.\n")
    assert [i.text for i in ex.items] == ["You will meet the founders."]


def test_a_heading_with_a_colon_and_a_list_gives_one_requirement_per_item():
    ex = items("Data engineer\n\nRequirements: Python; SQL; Airflow; a degree in statistics.\n")
    assert [i.text for i in ex.items] == ["Python", "SQL", "Airflow"]
    assert [c.text for c in ex.credentials] == ["a degree in statistics"]
    # A sentence with a colon that is not a heading stays one sentence.
    ex = items("## Skills\n\nOne thing matters: experience with Kafka, Flink and Spark.\n")
    assert len(ex.items) == 1


def test_a_section_of_perks_under_a_heading_nobody_listed_is_dropped():
    ex = items("## What you bring\n\n- Python\n\n## More about the opportunity\n\n- Fully remote\n"
               "- Weekly payouts\n- Competitive salary\n")
    assert [i.text for i in ex.items] == ["Python"]
    assert ex.dropped == ("More about the opportunity",)


def test_html_table_rows_and_marked_lines_are_bullets():
    html = ("<h1>Staff Pharmacist</h1><h2>Nice to have</h2><table><tr><th>Item</th><th>Level</th></tr>"
            "<tr><td>IV admixture</td><td>-</td></tr></table><h2>Qualifications</h2>"
            "<table><tr><th>Requirement</th><th>Level</th></tr>"
            "<tr><td>Sterile compounding</td><td>Required</td></tr>"
            "<tr><td>Verifying chemotherapy orders</td><td>Preferred</td></tr></table>"
            "<p>- Experience with Epic Willow<br>- Clear notes for prescribers</p>")
    ex = items(html, "p.html")
    by_text = {i.text: i.must for i in ex.items}
    # A column that says must or nice sets the requirement's kind and is no part of its text.
    assert by_text == {"IV admixture | -": False, "Sterile compounding": True, "Verifying chemotherapy orders": False,
                       "Experience with Epic Willow": True, "Clear notes for prescribers": True}


def test_pasted_lines_without_marks_are_one_requirement_each():
    ex = items("Physiotherapist\n\nWhat you'll need:\nHCPC registration as a physiotherapist\n"
               "Extensive experience in MSK outpatient assessment and treatment\n"
               "Experience supervising junior physiotherapists and assistants in\nbusy clinics\n\n"
               "Desirable:\nExperience with SystmOne\n\nNice to have: experience with telehealth\n")
    assert [(i.text, i.must) for i in ex.items] == [
        ("Extensive experience in MSK outpatient assessment and treatment", True),
        # A long line ending in "in" goes on in the next one.
        ("Experience supervising junior physiotherapists and assistants in busy clinics", True),
        # "Experience with SystmOne" asks for something: it is no heading.
        ("Experience with SystmOne", False),
        ("experience with telehealth", False),
    ]
    assert [c.text for c in ex.credentials] == ["HCPC registration as a physiotherapist"]


def test_html_lines_after_a_bold_heading_and_an_inline_nice_to_have():
    html = ("<h2>Data Analyst</h2><p><b>Requirements</b><br>Experience with SQL and dbt<br>Strong Excel skills</p>"
            "<p><strong>Nice to have:</strong> Python, Airflow</p><div><b>Benefits</b><br>Health insurance</div>")
    ex = items(html, "job.html")
    assert [(i.text, i.must) for i in ex.items] == [("Experience with SQL and dbt", True),
                                                    ("Strong Excel skills", True),
                                                    ("Python", False), ("Airflow", False)]
    assert ex.dropped == ("Benefits",)


def test_a_heading_inside_a_pasted_paragraph_and_symbol_bullets():
    ex = items("Analyst\n\nAbout the job\nWe help retailers price better. Requirements: SQL; Looker; "
               "stakeholder reporting.\n\nNice to have\n🔹 dbt\n✅ Airflow\n")
    assert [(i.text, i.must) for i in ex.items] == [("SQL", True), ("Looker", True), ("stakeholder reporting", True),
                                                    ("dbt", False), ("Airflow", False)]
    ex = items("Analyst\n\nAbout the job\nWe price better. Requirements: SQL; Looker. Nice to have: dbt, Airflow.\n")
    assert [(i.text, i.must) for i in ex.items] == [("SQL", True), ("Looker", True), ("dbt", False),
                                                    ("Airflow", False)]


def test_a_markdown_table_of_requirements():
    ex = items("# Pharmacist\n\n## Qualifications\n\n| Skill | Level |\n|---|---|\n"
               "| Sterile compounding | Required |\n| Chemotherapy order checks | Preferred |\n")
    assert {i.section for i in ex.items} == {"Qualifications"}
    assert [(i.text, i.must) for i in ex.items] == [("Sterile compounding", True),
                                                    ("Chemotherapy order checks", False)]


def test_perks_and_other_duties_are_dropped_under_any_heading():
    ex = items("## Requirements\n\n- Experience with Kotlin\n- Share options in a profitable company\n"
               "- £1,500 a year for learning and conferences\n- Other duties as assigned\n")
    assert [i.text for i in ex.items] == ["Experience with Kotlin"]


PASTED = """Skip to main content
NurseJobs.example    Find jobs    Salary guide    Sign in
Home › Jobs › Nursing › Cardiology
Staff Nurse – Cardiology Ward
Requirements:
• Care of patients after cardiac catheterisation
• Telemetry monitoring
"""


def test_a_pasted_job_boards_skip_link_navigation_and_breadcrumb_are_not_the_title():
    # A blind set's posting (holdout10): "Skip to main content" was its title, and the
    # motivation check asked the user to tie their reason to it.
    ex = items(PASTED, "posting.txt")
    assert ex.title == "Staff Nurse – Cardiology Ward"
    assert [i.text for i in ex.items] == ["Care of patients after cardiac catheterisation", "Telemetry monitoring"]


@pytest.mark.parametrize("first", ["ASP.NET Developer", "Node.js engineer (payments)"])
def test_a_title_with_a_dotted_name_is_still_the_title(first):
    # Near miss: a technology's dotted name is no web address.
    assert items(f"{first}\n\nRequirements:\n\n- C# and SQL Server\n", "posting.txt").title == first


def test_an_emailed_postings_subject_is_its_title_without_the_mail_words():
    mail = ("From: Priya Desai <priya.desai@recruiters.example>\n"
            "Subject: Fwd: FP&A Analyst opportunity - Marlow Foods Group\n\n"
            "Requirements:\n\n- Three-statement modelling in Excel\n")
    assert items(mail, "posting.txt").title == "FP&A Analyst opportunity - Marlow Foods Group"
    # Near miss: a title that only holds the word is left whole.
    assert items("Subject Matter Expert (Tax)\n\nRequirements:\n\n- UK VAT\n", "p.txt").title == \
        "Subject Matter Expert (Tax)"
