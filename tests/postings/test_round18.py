"""Round 18 of issue 23: the posting check on real postings and banks written in a trade's own
words (tests/corpus_postings_holdout17, spent). Reading first: a posting as a job board stores it
(a bullet sign against its text, a symbol font's lost sign, no blank line before the next heading,
no heading at all), then matching. Each rule has a case it fires on and a near miss it must leave
alone; the quoted words say which spent set they come from."""

from __future__ import annotations

import pytest

from storybank.postings.check import read
from storybank.postings.reading import blocks


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks(text)]


# --- reading ----------------------------------------------------------------------------------

def test_a_bullet_sign_against_its_text_is_still_a_bullet():
    # holdout17 (zookeeper): "•be 18 years of age or older", the stored page lost the space.
    text = "Minimum Requirements\n\n•be 18 years of age or older\n\n•sign and abide by posted work rules\n"
    assert kinds(text)[1:] == [("bullet", "be 18 years of age or older"), ("bullet", "sign and abide by posted work rules")]


@pytest.mark.parametrize("line", ["-5 °C cold store work", "*Note: hours vary", "+1 on-call day a month"])
def test_near_miss_a_dash_a_star_or_a_plus_needs_its_space(line):
    assert kinds(f"Requirements\n\n{line}\n")[1][0] == "para"


def test_a_symbol_fonts_lost_sign_opening_several_lines_is_a_bullet():
    # holdout17 (sous_chef): each qualification opens with "v", a Wingdings diamond copied as a letter.
    text = ("    QUALIFICATIONS: EDUCATION, KNOWLEDGE, TRAINING, & WORK EXPERIENCE\n\n"
            "    v High school diploma or equivalent.\n\n"
            "    v Previous experience supervising a staff of five or more employees.\n")
    assert [t for k, t in kinds(text) if k == "bullet"] == [
        "High school diploma or equivalent.", "Previous experience supervising a staff of five or more employees."]
    assert {c.text: c.kind for c in read(text).credentials} == {"High school diploma or equivalent.": "degree"}


def test_near_miss_one_line_opening_with_a_lone_letter_is_left_as_written():
    text = "Requirements\n\no Level results in maths and English are enough for this role.\n"
    assert ("bullet", "Level results in maths and English are enough for this role.") not in kinds(text)


def test_a_line_that_starts_afresh_after_a_finished_bullet_is_not_part_of_it():
    # holdout17 (stage_manager): "Education and Experience" under the last "Knowledge:" bullet, and
    # the schedule's paragraph under the last bullet, neither with a blank line between.
    text = ("Knowledge:\n- Experience creating and updating a show book.\nEducation and Experience\n"
            "- Must be at least 18 years of age.\n"
            "- 2+ years of experience in a professional theatre environment, preferably in a stage management capacity\n"
            "Rehearsals begin on March 16. Rehearsals will be Monday through Friday evenings.\n")
    assert kinds(text) == [
        ("heading", "Knowledge"), ("bullet", "Experience creating and updating a show book."),
        ("heading", "Education and Experience"), ("bullet", "Must be at least 18 years of age."),
        ("bullet", "2+ years of experience in a professional theatre environment, preferably in a stage management "
                   "capacity"),
        ("para", "Rehearsals begin on March 16. Rehearsals will be Monday through Friday evenings.")]


@pytest.mark.parametrize(("text", "joined"), [
    pytest.param("- Experience with Python, SQL and\nAirflow\n", "Experience with Python, SQL and Airflow", id="and"),
    pytest.param("- Stream processing at scale (Kafka, Flink\nor Spark)\n", "Stream processing at scale (Kafka, Flink or Spark)",
                 id="lower case"),
    pytest.param("- Experience supporting nurses across medical and surgical wards, ideally in a large teaching\n"
                 "hospital\n", "Experience supporting nurses across medical and surgical wards, ideally in a large "
                 "teaching hospital", id="long and cut"),
    pytest.param("- Experience in calling shows\n   and in running rehearsals\n",
                 "Experience in calling shows and in running rehearsals", id="indented"),
])
def test_near_miss_a_wrapped_bullet_still_goes_on_in_the_next_line(text, joined):
    assert kinds("Requirements\n" + text)[1:] == [("bullet", joined)]


def test_a_posting_with_no_heading_asks_in_its_opening_prose_too():
    # holdout17 (field_archaeology): no heading at all; the first sentence asks a degree, a field
    # school and an understanding, listed between commas, and the second leads in to the one list.
    text = ("Archaeological Technician\n\n"
            "Crew member must possess a minimum of an A.A or B.A., completion of certified field school, as well as a "
            "basic understanding of archaeological method and theory. Crew member must retain basic field and lab "
            "skills including:\n\n"
            "  • Ability to draw site and feature maps\n")
    ex = read(text)
    assert [i.text for i in ex.items] == ["a basic understanding of archaeological method and theory.",
                                          "Ability to draw site and feature maps"]
    assert [(c.text, c.kind) for c in ex.credentials] == [
        ("Crew member must possess a minimum of an A.A or B.A.", "degree"),
        ("completion of certified field school", "certification")]


def test_near_miss_under_a_requirements_heading_the_opening_prose_asks_nothing():
    text = ("Archaeological Technician\n\nOur crew members must enjoy long days outdoors with experience of "
            "fieldwork.\n\nRequirements\n\n- Ability to draw site and feature maps\n")
    assert [i.text for i in read(text).items] == ["Ability to draw site and feature maps"]


@pytest.mark.parametrize("line", [
    "University degree in translation, law or a related field",                        # corpus_postings
    "We expect a sound grasp of QA/QC for assay data: certified standards, blanks and duplicates.",   # holdout11
    "Oregon PE license, or the ability to get one within 12 months",                  # corpus_postings_holdout2
])
def test_near_miss_a_list_of_choices_or_of_one_things_kinds_is_not_cut(line):
    assert len(read(f"Requirements\n\n- {line}\n").credentials) == 1


def test_a_us_job_descriptions_functions_are_duties_and_a_summary_is_no_title():
    # holdout17 (sous_chef, stage_manager).
    text = ("Job Summary\nThe stage manager acts as the focal point for all show related communications.\n"
            "ESSENTIAL FUNCTIONS:\n\n1. Monitor production and quality levels of all food products.\n"
            "QUALIFICATIONS:\n\n- Excellent communication skills.\n")
    ex = read(text)
    assert ex.title is None
    assert {i.text: i.must for i in ex.items} == {"Monitor production and quality levels of all food products.": False,
                                                   "Excellent communication skills.": True}


def test_a_school_graduate_is_a_credential_held():
    # holdout17 (sous_chef): "Culinary school graduate."; near miss: graduates supervised.
    assert [c.kind for c in read("Requirements\n\n- Culinary school graduate.\n").credentials] == ["degree"]
    assert read("Requirements\n\n- Experience supervising graduate engineers\n").credentials == ()


# --- matching: who acts, and words kept apart ------------------------------------------------

from tests.postings.test_round8 import NOT, SHOWN, rule_cases, verdict  # noqa: E402

LAB = "Carry out additional laboratory procedures such as cleaning, sorting, cataloging, and accessions"  # holdout17

WHO_ACTS = [
    # Someone else leaving the doing to the candidate: what follows "let me" is theirs.
    (LAB, "The Larkspur lab manager let me sort their reference collection of about 300 sherds on Fridays for six "
          "weeks between projects.", SHOWN, "let me sort (holdout17)"),
    (LAB, "The Larkspur lab manager sorted their reference collection of about 300 sherds on Fridays.", NOT,
     "near miss: the lab manager sorted it"),
    (LAB, "The lab manager let me watch while she sorted their reference collection of sherds.", NOT,
     "near miss: let me watch, she sorted"),
    # What the candidate saw others do is not done, and an accession is no access.
    (LAB, "I have seen how that saves time when crews share access, maps and schedules.", NOT,
     "seen how, and 'access' (holdout17's wrong link)"),
    (LAB, "I have seen how the lab sorts and catalogs its finds.", NOT, "seen how"),
    (LAB, "I sorted and catalogued 300 sherds for the lab and entered their accessions.", SHOWN, "near miss: done"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(WHO_ACTS))
def test_a_round18_agency_rule_fires_and_its_near_miss_does_not(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


def test_an_accession_is_not_access():
    from storybank.postings.terms import key

    assert key("accessions") == key("accessioned") != key("access")


# --- matching: what a real posting's words ask --------------------------------------------------

from tests.postings.test_round8 import unit_labels  # noqa: E402


@pytest.mark.parametrize(("line", "labels"), [
    # The floor of a skill and the verbs that only say a thing is done ask nothing (holdout17).
    pytest.param("Ability to conduct basic identification of cultural materials in the field and in the lab",
                 ["identification", "cultural", "materials", "lab"], id="conduct basic"),
    pytest.param("Performs basic excavation skills including an ability to fill out record forms in an accurate "
                 "and concise manner", ["excavation", "fill", "forms"], id="performs, manner"),
    pytest.param("Carry out laboratory procedures such as washing and organizing materials in the field",
                 ["laboratory", "procedures", "washing and organizing materials"], id="carry out"),
    pytest.param("Conducting interviews with witnesses and suspects", ["interviews", "witnesses / suspects"],
                 id="conducting (holdout13)"),
    # Near misses: the words a doing is made of stay ("performance", "carry gear").
    pytest.param("Performance tuning of PostgreSQL queries", ["Performance", "tuning", "PostgreSQL", "queries"],
                 id="near miss: performance"),
    pytest.param("Ability to carry gear and perform surveys for several days straight over rugged terrain",
                 ["carry", "gear", "surveys", "straight", "rugged", "terrain"], id="near miss: carry gear"),
])
def test_the_padding_of_a_real_posting_asks_nothing(line, labels):
    assert unit_labels(line) == labels


SHOW_BOOK = "Experience creating and updating a show book."                                        # holdout17
STAFF = "Previous experience supervising a staff of five or more employees."                       # holdout17
HOTEL = "Three to five years culinary experience in a hotel/resort environment."                  # holdout17

WORDS = [
    # A book or a log kept is one kept up to date.
    (SHOW_BOOK, "From day one I kept the prompt book: blocking, the rehearsal calendar and a report out by 23:00 "
                "each night to 19 people.", SHOWN, "kept the prompt book (holdout17)"),
    (SHOW_BOOK, "The production manager kept the prompt book, and I read it each night.", NOT,
     "near miss: someone else kept it"),
    # Words joined by a slash are either.
    (HOTEL, "I have cooked for 11 years: two on a restaurant line after culinary school, four in banquets at a "
            "420-room resort, and five at the Whitcombe, a 1920s hotel with 260 rooms.", SHOWN,
     "hotel/resort: a resort and a hotel (holdout17)"),
    (HOTEL, "I have cooked for two years at a resort since culinary school.", NOT, "near miss: fewer years"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(WORDS))
def test_a_round18_word_rule_fires_and_its_near_miss_does_not(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


def test_employees_are_said_as_the_people_a_story_names():
    # holdout17: the staff supervised are "nine cooks"; "employees", like "staff", is no thing a
    # story repeats, so the candidate supervising is worth a look. Near miss: no supervising.
    assert verdict(STAFF, "I am junior sous for banquets and supervise nine cooks.") == "possibly"
    assert verdict(STAFF, "I am junior sous for banquets and cook for nine hundred guests.") == "missing"


# --- review18: a doing handed on only to someone ----------------------------------------------

RECONCILE = "Reconcile accounts monthly"

HANDED = [
    # What follows "to" is another's doing only when the candidate asked, got or paid someone:
    # "the chance", "two days", "a faster way" name no one.
    (RECONCILE, "I needed two days to reconcile the accounts every month across 14 ledgers.", SHOWN,
     "needed two days to"),
    (RECONCILE, "I got the chance to reconcile the accounts every month across 14 ledgers.", SHOWN,
     "got the chance to"),
    (RECONCILE, "I wanted a faster way to reconcile the accounts every month across 14 ledgers.", SHOWN,
     "wanted a faster way to"),
    # Near misses: a person, a role or a name is handed the doing.
    (RECONCILE, "I asked Gary to reconcile the accounts every month across 14 ledgers.", NOT, "asked Gary to"),
    (RECONCILE, "I got the two junior clerks to reconcile the accounts every month.", NOT, "got the clerks to"),
    (RECONCILE, "I needed them to reconcile the accounts every month across 14 ledgers.", NOT, "needed them to"),
    # What someone asked of the candidate is asked, not yet done (holdout18, church_organist: "our
    # new senior pastor asked me to cut every hymn to three verses and play faster").
    (RECONCILE, "In May our new finance director asked me to reconcile the accounts every month.", NOT,
     "asked me to"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(HANDED))
def test_a_doing_is_handed_on_only_to_someone(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


def test_a_stop_word_joined_by_a_slash_is_no_word_a_story_says():
    # "and/or", "his/her": the slash's either-word reading (round 18, "hotel/resort") made the
    # story's "and" meet "and/or", so one "and" more showed "Python and/or R". Near miss: the
    # hotel/resort case above.
    line = "Experience with Python and/or R"
    said = "I built the forecasting pipelines in Python for three years"
    assert verdict(line, said + ", and I trained two analysts.") == verdict(line, said + ".")
    from storybank.postings.terms import key, unit_keys

    assert key("and") not in unit_keys("and/or", False)
    assert {key("hotel"), key("resort")} <= unit_keys("hotel/resort", False)


def test_roughly_is_no_rough():
    # The -ly adverb meets its adjective ("fluently" / "fluency", "thoroughly" / "thorough",
    # round 17), but "roughly 40" is a count, not rough work: a joiner's "roughly 40 carpentry
    # jobs" does not show "rough carpentry" (it did not before round 17).
    from storybank.postings.terms import key

    assert key("roughly") != key("rough")
    assert key("thoroughly") == key("thorough") and key("fluently") == key("fluent")
    assert verdict("Experience with rough carpentry",
                   "I did roughly 40 carpentry jobs a year for three years as a site joiner.") != SHOWN
    assert verdict("Experience with rough carpentry",
                   "I did the rough carpentry on 40 houses a year for three years as a site joiner.") == SHOWN


@pytest.mark.parametrize(("line", "kept"), [
    ("Thorough knowledge of the Rules of Professional Conduct", "Professional Conduct"),
    ("Adhere to the firm's Code of Conduct", "Code of Conduct"),
    ("Experience assessing children with conduct disorder", "conduct disorder"),
])
def test_conduct_as_a_thing_asked_is_kept(line, kept):
    # Round 18 made the verb "conduct" padding ("conduct basic identification", above); the noun
    # of a name stays: without it, a lawyer's "Rules of Professional Conduct" was shown by "I
    # drafted the house rules for our professional services team".
    assert kept in unit_labels(line)


def test_the_rules_of_professional_conduct_are_not_any_rules():
    line = "Thorough knowledge of the Rules of Professional Conduct"
    assert verdict(line, "I drafted the house rules for our professional services team in 2021.") != SHOWN
    assert verdict(line, "I advised partners on the Rules of Professional Conduct for four years.") == SHOWN


KUBERNETES = "Experience running Kubernetes in production"

SELF_NAMED = [
    # A relative clause after a person is that person's (round 17), unless the person is the
    # candidate: "I was the engineer who ran Kubernetes" is the candidate running it.
    (KUBERNETES, "I was the engineer who ran Kubernetes in production for three years.", SHOWN, "I was the engineer who"),
    (KUBERNETES, "I was the engineer that ran Kubernetes in production for three years.", SHOWN, "I was the engineer that"),
    (KUBERNETES, "I'm the only engineer who runs Kubernetes in production at our firm.", SHOWN, "I'm the only engineer who"),
    # Near misses: someone else named (round 17's own case, and a colleague the candidate was beside).
    (KUBERNETES, "I worked with the engineer who ran Kubernetes in production for three years.", NOT, "worked with"),
    (KUBERNETES, "I was beside the engineer who ran Kubernetes in production for three years.", NOT, "beside"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(SELF_NAMED))
def test_the_person_a_relative_clause_follows_may_be_the_candidate(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


SEALS = "Experience replacing pump seals"

RESUMED = [
    # What the candidate found, checked or said carries nothing of theirs (round 17), but an
    # "and" with a verb in the past after it goes back to the candidate: "I found that pump 3 was
    # leaking | and replaced the seals" is the candidate replacing them.
    (SEALS, "I found that pump 3 was leaking and replaced the seals on it and on 11 other pumps that year.", SHOWN,
     "found that …, and replaced"),
    (RECONCILE, "I checked that every ledger balanced and reconciled the accounts monthly for two years.", SHOWN,
     "checked that …, and reconciled"),
    (SEALS, "I found that pump 3 was leaking and then replaced the seals on it and on 11 other pumps that year.",
     SHOWN, "found that …, and then replaced"),
    # Near misses: the reported clause goes on in its own verb ("would … and replace"), or no
    # verb in the past follows.
    (SEALS, "I argued that the contractor would find the leak and replace the seals on all 12 pumps.", NOT,
     "argued that … would … and replace"),
    (SEALS, "I recommended that the contractor replace the seals on all 12 pumps and the gaskets.", NOT,
     "recommended that the contractor replace"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(RESUMED))
def test_an_and_after_what_was_found_goes_back_to_the_candidate(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


FREERTOS = "Experience with FreeRTOS"
INFUSIONS = "Experience administering IV infusions"

LEARNED_THEN_DONE = [
    # Learning about a thing is not doing it (round 17), but what the candidate went on to do,
    # after "and" with a verb in the past, is done.
    (FREERTOS, "I read up on real-time scheduling over a weekend and ported our pump firmware to FreeRTOS in a month.", SHOWN,
     "read up on …, and ported"),
    (INFUSIONS, "I learned that protocol in my first week and administered about 40 IV infusions a month after that.",
     SHOWN, "learned that …, and administered"),
    # Near misses: only learned, seen again, or what would have been.
    (FREERTOS, "I read up on real-time scheduling over a weekend and on the pump firmware that runs on FreeRTOS.", NOT,
     "read up on … and on"),
    (INFUSIONS, "I shadowed the IV team for a week and watched them administer about 40 IV infusions.", NOT,
     "shadowed … and watched"),
    (FREERTOS, "If I had known real-time scheduling and ported our pump firmware to FreeRTOS sooner, we would have shipped.",
     NOT,
     "if I had … and ported"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(LEARNED_THEN_DONE))
def test_what_was_done_after_learning_is_done(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected


def test_a_long_sentence_of_findings_is_read_in_linear_time():
    # A 23,000-word story with no stop in it, each "found that" and "read up on" followed by no
    # "and" with a verb in the past: where the candidate's doing comes back is found once per
    # sentence, not searched again to its end from each finding (20 s before, review18). A tenth of
    # it timed in the same run is the yardstick: linear gives about 10x, quadratic about 100x.
    import time

    from storybank.postings.agency import clauses

    unit = "I found that the pump leaked and I read up on the seals "

    def timed(times: int) -> float:
        start = time.perf_counter()
        clauses(unit * times, "action")
        return time.perf_counter() - start

    timed(10)
    assert timed(1800) < 30 * max(timed(180), 0.005)
