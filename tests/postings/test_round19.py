"""Round 19 of issue 23: the posting check on real postings and banks written in a trade's own
words, second round (tests/corpus_postings_holdout18, spent). Reading first: what a posting asks
in prose (in its opening, above a requirements heading, and a sentence listing several asks), a
page's date stamp, names joined by a slash. Each rule has a case it fires on and a near miss it
must leave alone; the quoted words say which spent set they come from."""

from __future__ import annotations

import pytest

from storybank.postings.check import read

# --- reading: what prose asks ------------------------------------------------------------------

REPORTER = ("General Assignment Reporter\n\n"
            "Southwest Journal is seeking an experienced reporter with a passion for local and community news.\n\n"
            "This reporter will join the small newsroom of a family-owned newspaper. You must be able to respond "
            "quickly to developing stories, be passionate about local news, and able to develop a list of strong "
            "local contacts.\n\n"
            "Qualifications:\n\n"
            "A strong interest in community news is a must.\n")


def test_a_must_said_to_the_candidate_in_the_opening_asks_and_its_list_is_asked_thing_by_thing():
    # holdout18 (news_reporter): three musts in the opening paragraph, above "Qualifications:".
    assert [(i.text, i.must) for i in read(REPORTER).items] == [
        ("You must be able to respond quickly to developing stories", True),
        ("be passionate about local news", True),
        ("able to develop a list of strong local contacts.", True),
        ("A strong interest in community news is a must.", True)]


def test_near_miss_the_openings_other_prose_still_asks_nothing():
    # The same opening: "is seeking an experienced reporter" and "will join the small newsroom" are
    # about the job, said above a requirements heading.
    texts = [i.text for i in read(REPORTER).items]
    assert not any("seeking" in t or "newsroom" in t for t in texts)


def test_a_sentence_that_says_once_what_the_candidate_must_be_lists_each_thing_asked():
    # holdout18 (land_surveyor): prose only, no heading, no bullet.
    text = ("Forest Surveyor\n\nThe Mark Twain has an opening for a Professional Land Surveyor to serve as a Forest "
            "Surveyor. The successful candidate will be expected to be a self-starter with strong PLSS/GLO skills, as "
            "well as competent in GPS/RTK/conventional fieldwork, CAD drafting, and spoken/written communication.\n")
    assert [i.text for i in read(text).items] == [
        "The successful candidate will be expected to be a self-starter with strong PLSS/GLO skills",
        "competent in GPS/RTK/conventional fieldwork", "CAD drafting", "spoken/written communication."]


@pytest.mark.parametrize("text", [
    # holdout18 (school_bus_driver): single words, one ask of physical work.
    pytest.param("Capacity and Ability Requirements:\nThe usual job demands requires the following physical "
                 "requirements: some lifting, carrying, pushing, pulling, some stooping, kneeling, and physical "
                 "dexterity.\n", id="single words"),
    # A bullet is the posting's own grouping: its list stays one requirement.
    pytest.param("Requirements\n\n- You must be able to lift 20 kg boxes, stand for long shifts, and work most "
                 "weekends\n", id="a bullet"),
    # A part that says something of its own.
    pytest.param("Requirements\n\nYou must be able to write clear copy, meet deadlines, and you will mentor two "
                 "junior reporters.\n", id="its own subject"),
    # Choices, not things all asked (corpus_postings' "or a related field").
    pytest.param("Requirements\n\nYou must hold a degree in journalism, English, or a related field.\n", id="choices"),
    # No one is told what they must: a list of what the job covers.
    pytest.param("Requirements\n\nOur publication covers city politics, parks, schools, and other local beats.\n",
                 id="not obliging"),
])
def test_near_miss_a_list_that_is_not_the_things_a_candidate_must_is_not_cut(text):
    assert len(read(text).items) <= 1


def test_a_date_alone_is_no_title():
    # holdout18 (land_surveyor): "Jul 22, 2020" stamped over "Forest Surveyor".
    text = ("Jul 22, 2020\n\nForest Surveyor\n\nThe successful candidate will be expected to be competent in "
            "CAD drafting.\n")
    assert read(text).title == "Forest Surveyor"
    assert read("22 July 2020\n\nForest Surveyor\n\nYou must be competent in CAD drafting.\n").title == "Forest Surveyor"


def test_near_miss_a_title_with_a_year_in_it_is_a_title():
    assert read("Graduate Surveyor Scheme 2025\n\nYou must be competent in CAD drafting.\n").title == \
        "Graduate Surveyor Scheme 2025"


# --- matching: names joined by a slash -----------------------------------------------------------

from tests.postings.test_round8 import NOT, SHOWN, rule_cases, verdict  # noqa: E402

FIELDWORK = "Competent in GPS/RTK/conventional fieldwork"   # holdout18 (land_surveyor)
SLASHES = [
    (FIELDWORK, "We used RTK with a base on a control point for the fieldwork on the boundary.", SHOWN,
     "RTK alone (holdout18)"),
    (FIELDWORK, "I did conventional fieldwork with a total station on every line.", SHOWN, "the word alone"),
    # Near misses: a pair of languages is both asked (holdout14's "BSL/English" too).
    ("Spanish/English translation", "I translated the manuals into Spanish for the plant.", NOT,
     "near miss: Spanish/English (both asked)"),
]


@pytest.mark.parametrize(("line", "sentence", "shown"), rule_cases(SLASHES))
def test_names_joined_by_a_slash_are_either(line, sentence, shown):
    expected = SHOWN if shown else "possibly or missing"
    assert shown is (verdict(line, sentence) == SHOWN), expected
