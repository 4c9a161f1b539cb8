"""Round 8 of issue 23 (matching): never an invented match. Each rule has a sentence that fires
it and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.postings.conftest import checked_against


def verdict(posting_line: str, sentence: str) -> str:
    report = checked_against(f"# Role\n\n## Requirements\n\n- {posting_line}\n", sentence)
    (requirement,) = report.requirements
    return requirement.verdict


VULNERABILITY = ("Knowledge of vulnerability management, including authenticated scanning with Tenable or "
                 "Qualys and prioritizing remediation by risk")
FORENSICS = "Experience with digital forensics, including disk and memory image analysis"


@pytest.mark.parametrize(("line", "sentence", "expected"), [
    pytest.param(VULNERABILITY, "I ran authenticated scanning with Tenable every week and ranked the fixes by risk.",
                 "shown", id="the example said in its own words"),
    pytest.param(VULNERABILITY, "I began with the techniques missing from the table, which was right for risk.",
                 "not shown", id="near miss: one word every field says ('risk')"),
    pytest.param(FORENSICS, "I took a memory image of the laptop and did the disk analysis myself.",
                 "shown", id="two words of the example"),
    pytest.param(FORENSICS, "I chose what to look for, wrote the search, reviewed every result and found the implant.",
                 "not shown", id="near miss: 'result' and 'found' stand in for 'analysis' alone"),
])
def test_an_example_of_several_words_is_met_by_more_than_a_common_word(line, sentence, expected):
    got = verdict(line, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


GROUP = "Group audit experience, including instructing component auditors"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("On the group audit I instructed the component auditors in Warsaw and reviewed their files.",
                 "shown", id="the candidate instructs them"),
    pytest.param("I worked on the group audit, but the component auditors were instructed by our manager.",
                 "not shown", id="near miss: 'audit' is the category's word, and another instructs"),
])
def test_a_category_s_own_word_does_not_meet_its_example(sentence, expected):
    got = verdict(GROUP, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


@pytest.mark.parametrize(("line", "sentence", "expected"), [
    pytest.param("Working knowledge of data integrity principles (ALCOA+)",
                 "I kept every record attributable and contemporaneous, and checked data integrity each week.",
                 "shown", id="integrity"),
    pytest.param("Working knowledge of data integrity principles (ALCOA+)",
                 "I taught them weighing, dilution and integration together.", "not shown",
                 id="near miss: integration is not integrity"),
    pytest.param("International tax experience", "I prepared the international tax returns for six subsidiaries.",
                 "shown", id="international"),
    pytest.param("International tax experience", "I trained the tax interns on the returns.", "not shown",
                 id="near miss: an intern is not international"),
])
def test_words_that_share_a_porter_stem_are_kept_apart(line, sentence, expected):
    got = verdict(line, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("On the group audit I instructed the component auditors in Warsaw myself.", "shown",
                 id="all of it the candidate's"),
    pytest.param("On the group audit I checked the leases, and the component auditors were instructed by our manager.",
                 "not shown", id="near miss: the example told as another's"),
    pytest.param("On the group audit I checked the leases; the component auditors were never instructed by me.",
                 "not shown", id="near miss: the example told as not done"),
])
def test_a_thing_asked_that_the_story_gives_to_someone_else_is_not_left_out_quietly(sentence, expected):
    got = verdict(GROUP, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


ADVERSE = "Experience reporting serious adverse events to sponsors"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("She judged it serious, and I reported the serious adverse event to the sponsor by 13:00.", "shown",
                 id="said again where the candidate acts"),
    pytest.param("I reported the adverse event to the sponsor after the investigator judged it serious.", "shown",
                 id="left out, and the judging is another's: a thing the posting does not need to be the candidate's"),
])
def test_a_word_said_where_someone_else_acts_and_again_where_the_candidate_does_is_theirs_too(sentence, expected):
    assert verdict(ADVERSE, sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I have worked as a clinical research coordinator for four years.", "shown",
                 id="'as a' role is the candidate's own"),
    pytest.param("I have worked for four years, and a clinical research coordinator ran the study.", "not shown",
                 id="near miss: a coordinator who is someone else"),
])
def test_as_a_role_is_the_candidate_s_own(sentence, expected):
    got = verdict("Two years of clinical research coordinator experience", sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


def test_the_passive_with_a_bare_agent_is_someone_else_acting():
    from storybank.postings.agency import clauses

    theirs = clauses("I checked the leases, and the subsidiaries were audited by component auditors.", "action")
    assert theirs[-1].other and not theirs[-1].me
    mine = clauses("I checked the leases, and the subsidiaries were audited by me in March.", "action")
    assert mine[-1].me and not mine[-1].other                      # near miss: by the candidate
    dated = clauses("I checked the leases, and the subsidiaries were audited by 2024.", "action")
    assert not dated[-1].other                                        # near miss: a date, not an agent


EXPLAIN = "Ability to explain technical findings clearly to non-technical managers"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I explained my technical findings to the non-technical managers in plain words.", "shown",
                 id="the candidate explains"),
    pytest.param("The analyst I worked with, Sam Ortega, explained the technical findings to non-technical managers.",
                 "not shown", id="near miss: 'I' inside a phrase about the one who explains"),
])
def test_the_candidate_inside_a_phrase_about_someone_else_is_not_the_one_acting(sentence, expected):
    got = verdict(EXPLAIN, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


def test_a_contact_clause_makes_someone_else_the_subject():
    from storybank.postings.agency import clauses

    told = clauses("The analyst I spoke with, Sam Ortega, explained how the county works.", "action")
    assert told[0].other and not told[-1].me
    mine = clauses("I spoke with the analyst, and explained how the county works.", "action")
    assert mine[-1].me                                   # near miss: the candidate is the subject


ELKLAN = "Experience delivering Elklan or Talk Boost training to school staff"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I booked the Elklan course in May and delivered Elklan training to the school staff in June.",
                 "shown", id="said twice, done"),
    pytest.param("I booked the Elklan course for the school staff but have not delivered any Elklan training yet.",
                 "not shown", id="near miss: said again as not done"),
])
def test_a_thing_said_again_as_not_done_is_not_done(sentence, expected):
    got = verdict(ELKLAN, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


CCH = "Proficiency with CCH Axcess Tax or a comparable tax preparation package"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I prepared every return in CCH Axcess Tax, our tax preparation package.", "shown",
                 id="the named package"),
    pytest.param("I prepared the whole income tax package for the audit.", "not shown",
                 id="near miss: the rest said around it, no package named"),
])
def test_a_product_named_in_several_words_is_not_left_out_of_a_shown_link(sentence, expected):
    got = verdict(CCH, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


def test_one_word_of_a_name_in_the_title_is_not_the_name():
    from storybank.postings.check import check
    from tests.postings.conftest import bank_of, story

    posting = f"# Role\n\n## Requirements\n\n- {CCH}\n"
    named = story(action="I prepared the whole tax package for the audit.", title="Returns in CCH Axcess Tax")
    assert check(posting, bank_of(only=named), motivation=False).requirements[0].verdict == "shown"
    one_word = story(action="I prepared the whole tax package for the audit.", title="Tax figures for a manufacturer")
    report = check(posting, bank_of(only=one_word), motivation=False)
    assert report.requirements[0].verdict != "shown"


INTERNATIONAL = "International tax exposure, such as GILTI or Forms 5471 and 8858"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I prepared the GILTI calculations for our international tax clients.", "shown", id="the name"),
    pytest.param("I then prepared and filed the Form 1120-S itself, with a statement explaining the error.",
                 "not shown", id="near miss: 'form', a word every field says, is not the example"),
])
def test_a_common_word_in_a_list_of_names_does_not_meet_the_example(sentence, expected):
    got = verdict(INTERNATIONAL, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


SUPERVISING = "Experience supervising emergency medicine residents and medical students"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I was the attending on nights, supervising two emergency medicine residents and a medical student.",
                 "shown", id="the candidate's -ing clause: the residents are acted on"),
    pytest.param("I was the attending on nights, and two emergency medicine residents were supervising a medical "
                 "student.", "not shown", id="near miss: the residents supervise"),
])
def test_an_ing_clause_carries_on_the_candidate(sentence, expected):
    got = verdict(SUPERVISING, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


def test_an_ing_clause_in_a_list_of_wishes_is_a_wish_too():
    from storybank.postings.agency import clauses

    wished = clauses("What I still need to learn is ventilator troubleshooting, managing sedation, and CRRT.", "action")
    assert all(c.negated for c in wished if c.words)
    done = clauses("I ran the ventilator checks, managing sedation for four patients.", "action")
    assert done[-1].me and not done[-1].negated                  # near miss: nothing wished before it


@pytest.mark.parametrize(("line", "sentence", "expected"), [
    pytest.param("Whispered interpreting for small delegations would be useful.",
                 "I whispered the interpretation to two delegations at the table.", "shown",
                 id="'would be useful' asks nothing"),
    pytest.param("Whispered interpreting for small delegations would be useful.",
                 "I used the booth for the delegations at the table.", "not shown",
                 id="near miss: 'used' is no whispering"),
])
def test_nice_to_have_padding_asks_nothing(line, sentence, expected):
    got = verdict(line, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


def test_bus_and_buses_share_a_stem():
    from storybank.postings.terms import key

    assert key("buses") == key("bus")
    assert key("business") != key("bus")          # near miss
    assert key("integrity") != key("integration") and key("international") != key("interns")


LINUX = "Solid Linux and networking fundamentals (DNS, TCP, load balancers)"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I used tcpdump on the Linux hosts and saw each lookup wait five seconds for a DNS reply.", "shown",
                 id="one example of several: the others are other ways to show it"),
    pytest.param("I used tcpdump on the Linux hosts and saw each lookup wait five seconds.", "not shown",
                 id="near miss: no example at all"),
])
def test_one_example_met_leaves_the_others_listed_with_it_unasked(sentence, expected):
    got = verdict(LINUX, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


def test_parts_listed_with_including_are_all_asked():
    posting = "- Molecular cloning, including PCR, restriction digests and Gibson assembly"
    sentence = "I amplified each variant by PCR and joined the pieces by Gibson assembly myself."
    assert verdict(posting[2:], sentence) != "shown"          # near miss: a part left out
    assert verdict(posting[2:], sentence.replace("myself", "after restriction digests")) == "shown"


YEARS = "Three or more years of teaching students with disabilities"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("For four years I taught students with disabilities in a resource room.", "shown", id="four years"),
    pytest.param("For two years I taught students with disabilities in a resource room.", "not shown",
                 id="near miss: fewer years than asked"),
    pytest.param("For two years we taught the class side by side, and I ran a small group for its students.",
                 "not shown", id="near miss: fewer years, through the teaching concept"),
])
def test_a_years_requirement_is_not_shown_by_fewer_years(sentence, expected):
    got = verdict(YEARS, sentence)
    assert got == "shown" if expected == "shown" else got != "shown"


def test_years_asked_reads_words_and_digits():
    from storybank.postings.match import years_asked

    assert years_asked(YEARS) == 3
    assert years_asked("5+ years of Python") == 5
    assert years_asked("Experience with Python") == 0        # near miss: no years asked
