"""Round 20 (postmatch20b) of issue 23: the title a posting is read with. The spent sets' labelled
titles are compared by tests/postings/measure_titles.py; the floor below keeps the count of wrong
ones from rising, and each rule has a real case and a near miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.postings.check import read

HERE = Path(__file__).resolve().parent

REQUIREMENTS = "\n\n<h2>Requirements</h2><ul><li>Experience with SAS</li></ul></body></html>"


# --- an HTML page: the job's own <h1>, not the page's <title> -----------------------------------

def test_the_h1_in_a_page_header_is_the_title_not_the_page_s_title():
    # holdout4 molecular_biologist, holdout6 site_reliability, holdout12 biostatistician: the <h1>
    # sits in a <header> left out with the site's menu; the <title> ends with the careers site's name.
    page = ("<html><head><title>Biostatistician II &ndash; Careers &middot; Halden Clinical Research</title>"
            "</head><body><header><h1>Biostatistician II (Phase II&ndash;III)</h1></header>" + REQUIREMENTS)
    assert read(page, "posting.html").title == "Biostatistician II (Phase II–III)"


def test_near_miss_a_header_with_no_h1_still_gives_the_page_s_title():
    # holdout8 hr_business_partner's header holds only the breadcrumb: the <title> stands.
    page = ("<html><head><title>HR Business Partner</title></head><body><header><nav><a href='/'>Ardley"
            "</a></nav></header><h2>About Ardley</h2><p>We cast aluminium parts.</p>" + REQUIREMENTS)
    assert read(page, "posting.html").title == "HR Business Partner"


# --- the employer's letterhead above the title ----------------------------------------------------

ASKS = "\n\nRequirements\n\n- Experience with SAS\n"


@pytest.mark.parametrize(("head", "title"), [
    # holdout13 forensic_accountant, holdout15 dental_hygienist, holdout6 patent_attorney: the
    # employer's name by its legal form or kind, alone on the first line.
    pytest.param("HOLLIS MARR ADVISORY LLP", "Manager – Forensic Accounting (Disputes & Investigations)", id="holdout13"),
    pytest.param("ASPEN RIDGE DENTAL GROUP", "Registered Dental Hygienist – Full Time (4 days/week)", id="holdout15"),
    pytest.param("Haldane Rusk LLP", "Patent Attorney – Life Sciences (EQE qualified)", id="holdout6"),
    # holdout16 court_reporter: the court, then the notice with its number.
    pytest.param("ALDER COUNTY SUPERIOR COURT\n\nHuman Resources Division – Recruitment Bulletin #26-114",
                 "Official Court Reporter (Stenographic)", id="holdout16"),
    # holdout4 security_analyst: the county and the notice, then a row opening with the notice's number.
    pytest.param("MARLOW COUNTY, OHIO - JOB BULLETIN\n\nRecruitment #26-0418-01  |  Open until filled  |  First "
                 "review of applications: January 9, 2026", "CYBERSECURITY ANALYST II (SECURITY OPERATIONS CENTER)",
                 id="holdout4"),
    # holdout11 dietitian, holdout12 paramedic: a row opening with the trust and holding a reference.
    pytest.param("Rivermouth General Hospital NHS Trust | Nutrition & Dietetics | Band 6 | Ref 318-DT-2211",
                 "Specialist Dietitian – Adult Inpatients (Medicine & Stroke)", id="holdout11"),
    pytest.param("North Moorland Ambulance Service NHS Foundation Trust | A&E Operations | Band 6 | Job ref: "
                 "422-PM-0917", "Paramedic – Emergency Operations (Kellbridge Station)", id="holdout12"),
])
def test_the_employer_s_letterhead_is_not_the_title(head, title):
    assert read(f"{head}\n\n{title}{ASKS}").title == title


@pytest.mark.parametrize("title", [
    # holdout14 sign_language_interpreter, holdout13 museum_curator: the employer after the job's
    # name is part of the title as the posting gives it.
    pytest.param("BSL/English Interpreter (Community) — Signpost Access CIC", id="employer after the job"),
    pytest.param("Curator (Social History) — Eastmere Museum & Art Gallery", id="museum after the job"),
    # A job named with its team: a kind of organisation as the last word, after a comma.
    pytest.param("Senior Engineer, Platform Group", id="team after a comma"),
    # A row opening with the job, holding a reference (nursing's "Req ID: 24-1187-RN" on its own line).
    pytest.param("Registered Nurse | MICU | Req ID: 24-1187-RN", id="a row opening with the job"),
    # A notice's name before the job (holdout19 tree_warden's "Job Opening: Tree Warden …"): the line
    # does not end with the notice.
    pytest.param("Job posting: Tree Warden (Appointed Position)", id="a notice's label before the job"),
])
def test_near_miss_a_title_naming_an_organisation_or_a_reference_stays(title):
    assert read(f"{title}\n\nLondon · Full-time{ASKS}").title == title


# --- a language pair, a cookie notice, a notice's label, a picture ------------------------------

def test_a_language_pair_is_not_a_breadcrumb():
    # corpus_postings translation: the one ">" joins the languages; the title was lost.
    text = "# Legal Translator German > English (m/f/d)\n\nFull-time" + ASKS
    assert read(text).title == "Legal Translator German > English (m/f/d)"


def test_near_miss_a_breadcrumb_with_two_signs_is_still_furniture():
    # holdout8 electrician: "Jobs > Electrical > Approved Electrician – Commercial & Industrial".
    text = "Jobs > Electrical > Approved Electrician\n\n# Approved Electrician\n\nLeeds" + ASKS
    assert read(text).title == "Approved Electrician"


def test_a_cookie_notice_is_the_page_s_not_the_posting_s_first_line():
    # holdout8 electrician: the notice read as a row of cells, with its buttons.
    text = ("- We use cookies to improve your experience. | Accept all | | | Manage preferences\n\n"
            "# Approved Electrician – Commercial & Industrial\n\nLeeds" + ASKS)
    assert read(text).title == "Approved Electrician – Commercial & Industrial"


def test_near_miss_a_cookie_word_in_a_title_line_is_not_a_notice():
    assert read("# Cookie Production Supervisor\n\nLeeds" + ASKS).title == "Cookie Production Supervisor"


def test_a_job_opening_label_names_the_job():
    # holdout19 tree_warden: the first line adds the town after a dash; the labelled line names the job.
    text = ("Tree Warden (Appointed Position) - Town of Boylston\n\nTown of Boylston, MA\n\n"
            "Job Opening: Tree Warden (Appointed Position)" + ASKS)
    assert read(text).title == "Tree Warden (Appointed Position)"


def test_near_miss_a_job_opening_line_that_is_a_sentence_names_nothing():
    text = "# Tree Warden\n\nJob opening: we are looking for someone to care for the town's trees." + ASKS
    assert read(text).title == "Tree Warden"


def test_a_picture_after_the_title_is_left_out():
    # holdout16 secondary_maths_teacher.
    assert read("# Teacher of Mathematics (MPS/UPS) 📐\n\nWakefield" + ASKS).title == "Teacher of Mathematics (MPS/UPS)"


def test_near_miss_a_sign_inside_the_title_stays():
    # holdout13 hotel_operations_manager: a hotel's stars are part of the title.
    title = "Operations Manager – The Quayside Hotel (4★, 182 rooms)"
    assert read(f"# {title}\n\nSaltmouth" + ASKS).title == title


# --- the floor: wrong titles over the spent sets ---------------------------------------------------

# Round 20 (postmatch20b): 23 of 82 before, 9 after (tests/postings/measure_titles.py).
# Round 21 spends corpus_postings_holdout20, whose four titles are all read wrong: two of its
# postings name no job in their text (the farm's, the projectionist's), one opens with the question
# "What is a Deckhand?", one with "job description". 13 of 86.
# Round 21 (lead): a first line that only labels the page, a title asked as "What is a X?", and an
# opening "The Projectionist is responsible for" give the job's name: 13 → 10 of 86.
# Round 22 spends corpus_postings_holdout21: three of its four titles are read as none. Two of its
# postings name no job in their text (the driller's helper, the lifeguard: their titles come from
# the pages' addresses), and one opens "General shop assistant. Full time employment." 13 of 90.
# Round 23 spends corpus_postings_holdout22, four blog-style postings that open on the post's date
# ("Monday, May 28, 2007"): a date after its weekday is no title, and "P.M. Pastry Cook Needed!"
# names the pastry cook. Three stay wrong: no job named (the lab), and two labelled with the
# collector's own note in brackets. 16 of 94.
# Round 24 spends corpus_postings_holdout23: one of its four titles is read wrong. 17 of 98.
# Round 25 spends corpus_postings_holdout24: two of its four titles are read wrong. 19 of 102.
WRONG_TITLES_FLOOR = 19


@pytest.mark.slow
def test_the_spent_sets_wrong_titles_do_not_rise():
    import sys

    sys.path.insert(0, str(HERE))
    from measure_titles import measure, wrong

    rows = measure()
    assert len(rows) >= 90
    bad = wrong(rows)
    assert len(bad) <= WRONG_TITLES_FLOOR, [(r[1], r[2]) for r in bad]


def test_near_miss_a_notice_alone_heads_the_posting():
    # holdout19 piano_technician: "POSITION AVAILABLE" over the university's name and a sentence
    # that asks; read as letterhead, the sentence fell out of what the posting asks. Round 21: a
    # notice that only labels the page gives the title to the line after it, but not when that line
    # is the employer's, which heads what is asked here.
    text = ("# POSITION AVAILABLE\n\n# Baylor University\n\nSchool of Music\n\nExperienced tuner-technician to "
            "service the more than two hundred twenty pianos on the Baylor University campus.\n")
    assert read(text).title == "POSITION AVAILABLE"
