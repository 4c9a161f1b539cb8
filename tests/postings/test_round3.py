"""Round 3 of the posting matcher (issue 23): what was learnt from postings nobody tuned on.
Each rule has an example it applies to and a near miss it must leave alone."""

from __future__ import annotations

from storybank.postings.agency import clauses
from storybank.postings.check import check, read
from storybank.postings.reading import blocks
from storybank.postings.terms import analyse, key
from tests.postings.conftest import bank_of, story


def _one(requirement: str, **stories) -> str:
    posting = f"# Job\n\n## Requirements\n\n- {requirement}\n"
    report = check(posting, bank_of(**stories), motivation=False)
    return report.requirements[0].verdict


def labels(text: str) -> list[str]:
    return [u.label for u in analyse(text)[1]]


# --- Reading -------------------------------------------------------------------------------------

PERSON_SPEC = """\
Pricing analyst

PERSON SPECIFICATION

Essential

E1  Degree in mathematics or statistics
E2  Confident use of SQL on large claims datasets

Desirable

D1  Hands-on experience with Emblem
"""


def test_coded_items_of_a_person_specification_are_bullets_under_essential_and_desirable():
    ex = read(PERSON_SPEC, "posting.txt")
    assert [(i.text, i.must) for i in ex.items] == [
        ("Confident use of SQL on large claims datasets", True),
        ("Hands-on experience with Emblem", False)]
    assert [c.text for c in ex.credentials] == ["Degree in mathematics or statistics"]


def test_a_code_needs_two_spaces_or_a_stop_so_a_name_opening_a_sentence_is_not_one():
    found = blocks("Requirements\n\nH3 cells index every address we deliver to.\n", "posting.txt")
    assert ("bullet", "cells index every address we deliver to.") not in [(b.kind, b.text) for b in found]


def test_a_heading_glued_to_its_first_bullet_and_bullets_joined_by_middle_dots_are_read_apart():
    text = "Requirements\n- Python\nNice to have:* Experience with logistics data · Terraform\n"
    ex = read(text, "posting.txt")
    assert [(i.text, i.must) for i in ex.items] == [
        ("Python", True), ("Experience with logistics data", False), ("Terraform", False)]
    # A middle dot in a line that is not a bullet is left alone (a job board's meta line).
    assert [b.text for b in blocks("Dublin · Full-time\n", "posting.txt")] == ["Dublin · Full-time"]


def test_we_care_about_heads_requirements_and_why_an_employer_heads_boilerplate():
    ex = read("Stuff we care about\n\n- Writing knowledge base articles\n\nWhy Acme\n\n- Free parking\n"
              "- Mentoring new starters\n", "posting.txt")
    assert [i.text for i in ex.items] == ["Writing knowledge base articles"]
    assert "Why Acme" in ex.dropped


# --- Terms ---------------------------------------------------------------------------------------

def test_filler_set_phrases_and_a_stated_reason_ask_for_nothing():
    assert labels("You write unit tests with XCTest as a matter of course") == ["write", "unit tests", "XCTest"]
    assert labels("You design a course in organic chemistry")[:2] == ["design", "course"]
    assert labels("Precepting students, since our learners rotate through every unit") == ["Precepting", "students"]
    # "since" that is not a reason given after a comma stays a time: nothing after it is blanked.
    assert "Kafka" in labels("Kafka experience since 2019")


def test_fluency_meets_fluent_and_verification_meets_verified():
    assert key("fluency") == key("fluent")
    assert key("verification") == key("verified")
    assert key("fluency") != key("frequency")


def test_names_in_brackets_after_a_phrase_are_its_examples_but_a_lowercase_aside_is_not():
    units = analyse("Experience with geospatial data (PostGIS, H3)")[1]
    assert {u.label: u.part for u in units}["PostGIS / H3"] == "example"
    assert {u.part for u in units if u.label in ("geospatial", "data")} == {"category"}
    aside = analyse("Seismic retrofit experience (soft-story or tilt-up buildings)")[1]
    assert {u.part for u in aside} == {""}


def test_examples_after_eg_with_a_comma_and_after_particularly():
    units = analyse("Familiarity with electronic data capture systems (e.g., Medidata Rave, REDCap)")[1]
    assert [u.label for u in units if u.part == "example"] == ["Medidata Rave / REDCap"]
    units = analyse("Anticoagulation management, particularly heparin nomograms")[1]
    assert [u.part for u in units] == ["category", "category", "example"]


def test_examples_end_where_their_list_ends():
    units = analyse("Machine learning methods such as GBMs, and when to use them with GLMs")[1]
    parts = {u.label: u.part for u in units}
    assert parts["GBMs"] == "example" and parts["GLMs"] == ""


def test_the_doing_before_or_is_asked_of_every_side():
    unit = analyse("Experience supervising paralegals or junior associates")[1][0]
    assert unit.label == "supervising paralegals / junior associates"
    assert unit.groups == (frozenset({key("supervising"), key("paralegals")}),
                           frozenset({key("supervising"), key("junior"), key("associates")}))
    # Without a verb first, each side stands whole: a charge nurse or a preceptor.
    unit = analyse("Charge nurse or preceptor experience")[1][0]
    assert frozenset({key("preceptor")}) in unit.groups


# --- Matching ------------------------------------------------------------------------------------

def test_a_short_requirement_is_not_shown_without_the_word_naming_its_kind():
    home = story(action="I have four years of insurance pricing behind me, all of it in home cover.")
    assert _one("Motor insurance pricing experience", home=home) != "shown"
    motor = story(action="I spent four years on motor insurance pricing.")
    assert _one("Motor insurance pricing experience", motor=motor) == "shown"


def test_a_word_example_is_met_only_whole():
    tie = story(action="I designed the hold-down rods that tie each wall down to the podium.")
    assert _one("Reinforced concrete, including podium slabs and post-tensioned decks", tie=tie) != "shown"
    slab = story(action="I designed the podium slabs for two mid-rise blocks.")
    assert _one("Reinforced concrete, including podium slabs and post-tensioned decks", slab=slab) == "shown"


def test_a_thing_said_again_where_someone_else_acts_is_theirs():
    theirs = story(action="I designed the frame down to the podium slab; the podium slab itself was another "
                          "firm's scope.")
    assert _one("Podium slab design", theirs=theirs) != "shown"
    mine = story(action="I designed the frame down to the podium slab and checked the podium slab myself.")
    assert _one("Podium slab design", mine=mine) == "shown"


def test_someone_named_by_a_role_two_words_long_or_a_relative_is_not_the_candidate():
    assert clauses("Our workforce management analyst built the schedules", "action")[0].other
    assert not clauses("Our workforce management analyst built the schedules", "action")[0].me
    assert clauses("My sister took part in an oncology trial", "action")[0].other
    assert clauses("My team and I built the schedules", "action")[0].me


def test_none_of_mine_a_workshop_and_less_experienced_are_not_experience():
    assert _one("Mass timber design", timber=story(
        action="I went to a two-day mass timber design workshop last spring.")) != "shown"
    assert _one("UIKit", kit=story(action="I am less experienced with UIKit than with SwiftUI.")) != "shown"
    assert _one("Mass timber design", done=story(action="I led the mass timber design of a six-storey office.")) \
        == "shown"


def test_a_gap_to_a_price_is_not_a_gap_in_the_candidate():
    feed = story(action="I read the quote feed, which showed the gap to the cheapest price, and I reset our "
                        "comparison website prices each week.")
    assert _one("Price comparison website data", feed=feed) == "shown"
    own = story(action="Comparison website pricing is one of my gaps.")
    assert _one("Price comparison website data", own=own) != "shown"


def test_a_name_with_a_light_word_is_shown_where_the_candidate_works_in_it():
    assert _one("Hands-on admin experience with Zendesk",
                desk=story(action="I rebuilt our Zendesk triggers so tickets were routed automatically.")) == "shown"
    assert _one("Hands-on admin experience with Zendesk",
                read=story(action="The tickets came in through Zendesk.")) != "shown"


def test_admission_to_a_bar_or_court_and_fellowship_of_a_body_are_credentials():
    ex = read("## Requirements\n\n- Admission to the Illinois bar\n- Fellow of the IFoA\n"
              "- Managing patient admission to the ward\n", "posting.md")
    assert [c.text for c in ex.credentials] == ["Admission to the Illinois bar", "Fellow of the IFoA"]
    assert [i.text for i in ex.items] == ["Managing patient admission to the ward"]


def test_a_sentence_saying_what_would_set_you_apart_is_read_as_asking():
    ex = read("What we look for\n\nBoard certification (BCPS or BCIDP) would set you apart.\n"
              "Our pharmacy opened in 1990.\n", "posting.txt")
    assert [c.text for c in ex.credentials] == ["Board certification (BCPS or BCIDP) would set you apart."]
    assert ex.items == ()


def test_a_requirement_of_light_words_only_is_shown_by_them_said_where_the_candidate_acts():
    calls = story(action="Every evening I called the client's CEO and told her in plain terms where we stood.")
    assert _one("Strong client communication skills", calls=calls) == "shown"
    # One of the two said, and the other not: a hint at most.
    emails = story(action="I sent the client the filing the same night.")
    assert _one("Strong client communication skills", emails=emails) != "shown"


def test_what_the_candidate_would_have_done_is_not_what_was_done():
    hindsight = story(differently="I would also have told the client the same night, in plain terms.")
    assert _one("Strong client communication skills", hindsight=hindsight) != "shown"


def test_a_heading_run_into_its_text_is_read_apart_but_a_camel_case_name_is_not():
    ex = read("Requirements\n- Dutch language skills\nWhat we offerSalary €60,000 · 28 vacation days\n", "posting.txt")
    assert [i.text for i in ex.items] == ["Dutch language skills"]
    assert "What we offer" in ex.dropped
    kept = [b.text for b in blocks("About AcmeCorp\n\nAcmeCorp builds ledgers.\n", "posting.txt")]
    assert kept[0] == "About AcmeCorp"


def test_registered_for_only_saw_and_not_part_of_are_not_experience():
    assert _one("Kafka streaming", course=story(action="I registered for a Kafka streaming course in May.")) != "shown"
    assert _one("Pricing reviews", review=story(action="I was not part of the pricing reviews.")) != "shown"
    assert _one("Pricing reviews", led=story(action="I ran the pricing reviews every quarter.")) == "shown"


def test_a_clause_going_on_with_the_candidates_verb_names_people_acted_on_not_acting():
    found = clauses("I wrote the review protocol, trained a first-year associate and 12 contract reviewers.", "action")
    assert found[1].me and not found[1].other
    # Carried on in the passive, it is someone else's doing: "…, designed by the subcontractor".
    found = clauses("I sized the walls, designed by the subcontractor's engineer.", "action")
    assert found[1].other and not found[1].me


def test_a_short_question_heads_a_section_and_roman_numerals_number_bullets():
    found = [(b.kind, b.text) for b in blocks("Is this you?\n\ni. Five years of Rust\nii. Embedded Linux\n", "posting.txt")]
    assert found == [("heading", "Is this you?"), ("bullet", "Five years of Rust"), ("bullet", "Embedded Linux")]
    # A question in a paragraph, or a long one, is text.
    found = [b.kind for b in blocks("Intro\n\nDo you enjoy building compilers for tiny chips at a fast-growing firm?\n",
                                    "posting.txt")]
    assert found[-1] == "para"


def test_a_short_line_over_a_list_is_its_heading_even_with_a_blank_line_between():
    found = [(b.kind, b.text) for b in blocks("Tech we use\n\n- Rust\n- Postgres\n", "posting.txt")]
    assert found[0] == ("heading", "Tech we use")
    found = [(b.kind, b.text) for b in blocks("We ship weekly.\n\n- Rust\n", "posting.txt")]
    assert found[0] == ("para", "We ship weekly.")


def test_as_well_as_is_more_asked_not_a_reason():
    assert labels("Experience with Python, as well as SQL") == ["Python", "SQL"]
    assert labels("Kubernetes, as our platform runs on it") == ["Kubernetes"]


def test_names_listed_before_or_similar_are_alternatives():
    assert labels("Hands-on experience with Emblem, Radar or similar pricing software")[0] == "Emblem / Radar"
    assert labels("Kafka, Python and SQL") == ["Kafka", "Python", "SQL"]
