"""The concept layer (issue 23, round 6): a requirement shown by what a story did, when the two
share no word ("stakeholder management" / "I met the finance controllers"). Each rule has a
sentence that fires it and a near miss that must not."""

from __future__ import annotations

import pytest

from storybank.postings import concepts
from storybank.postings.check import check
from tests.postings.conftest import bank_of, checked_against, story

POSTING = """\
# Role

## Requirements

- Clear communication with families of patients
- Experience mentoring junior engineers
- Ability to troubleshoot failed experiments
- Experience delivering Elklan training to school staff
"""

FAMILIES = "Clear communication with families of patients"
MENTORING = "Experience mentoring junior engineers"
TROUBLESHOOT = "Ability to troubleshoot failed experiments"
ELKLAN = "Experience delivering Elklan training to school staff"


def verdicts(**fields: str) -> dict[str, tuple[str, list[str]]]:
    report = check(POSTING, bank_of(only=story(**fields)), motivation=False)
    return {r.text: (r.verdict, [e.story for e in r.evidence]) for r in report.requirements}


def test_the_table_loads_and_names_concepts_by_stem():
    names = [c.name for c in concepts.concepts_for("Skill in communicating with anxious patients")]
    assert names == ["explaining to non-specialists"]
    assert "working with stakeholders" in [c.name for c in concepts.concepts_for(
        "You are used to working closely with product managers")]
    assert concepts.concepts_for("Python and SQL") == ()


def test_every_phrase_of_the_table_fits_the_index():
    too_long = [k for c in concepts.table() for k in c.story_keys if k.count("-") >= concepts.MAX_PHRASE]
    assert too_long == []


@pytest.mark.parametrize(("sentence", "verdict"), [
    pytest.param("Afterwards I sat with his daughter in the family room and explained what had changed.", "shown",
                 id="the candidate's act on the family"),
    pytest.param("Afterwards the consultant sat with his daughter in the family room and explained what had changed.",
                 "missing", id="near miss: someone else acts"),
    pytest.param("I never sat with his daughter or explained what had changed.", "missing",
                 id="near miss: negated"),
])
def test_communication_with_families_is_shown_by_the_act(sentence, verdict):
    assert verdicts(action=sentence)[FAMILIES][0] == verdict


def test_an_object_far_from_the_act_is_not_what_it_was_done_to():
    far = "I explained the new dosing chart at length over a long night shift, and the patient's family phoned."
    assert verdicts(action=far)[FAMILIES][0] != "shown"


@pytest.mark.parametrize(("sentence", "verdict"), [
    pytest.param("I reviewed their pull requests with two junior engineers every week.", "shown", id="reviewed with juniors"),
    pytest.param("I reviewed their pull requests on the engineers wiki every week.", "missing",
                 id="near miss: the act's object is no person"),
])
def test_mentoring_is_shown_by_reviewing_with_juniors(sentence, verdict):
    assert verdicts(action=sentence)[MENTORING][0] == verdict


def test_an_act_said_in_ing_is_a_topic_not_a_deed():
    assert verdicts(action="I read a book about reviewing their code with junior engineers.")[MENTORING][0] \
        != "shown"


def test_troubleshooting_is_shown_by_taking_a_failure_apart():
    found = verdicts(action="When the assay failed I swapped one variable at a time until the experiments worked.")
    assert found[TROUBLESHOOT][0] == "shown"
    near = verdicts(action="The technician swapped one variable at a time until the experiments worked.")
    assert near[TROUBLESHOOT][0] == "missing"


def test_a_concept_never_stands_for_a_named_programme():
    found = verdicts(action="I trained the school staff in six sessions on how to model language.")
    assert found[ELKLAN][0] != "shown"


def test_a_story_already_shown_in_the_postings_words_is_not_replaced():
    report = check(POSTING, bank_of(
        words=story(action="I mentored junior engineers every week."),
        act=story(action="I paired with two graduate engineers twice a week on real tickets.")), motivation=False)
    req = report.requirement(2)
    assert (req.verdict, [e.story for e in req.evidence]) == ("shown", ["words"])


def test_an_act_in_its_past_form_is_a_deed():
    assert verdicts(action="I reviewed their code with junior engineers every Friday.")[MENTORING][0] == "shown"


AUDIENCE = """\
# Analyst

## Requirements

- Ability to explain findings to non-technical managers
"""


@pytest.mark.parametrize(("sentence", "verdict"), [
    pytest.param("I showed the findings in plain words to the two managers.", "shown", id="to the audience named"),
    pytest.param("I showed the findings to all eleven clients in one call.", "possibly",
                 id="near miss: to people the requirement does not name"),
])
def test_the_people_a_requirement_names_must_be_the_ones_acted_on(sentence, verdict):
    assert checked_against(AUDIENCE, sentence).requirement(1).verdict == verdict


# Round 7: a concept reaches the sentences that tell it all in other words, whatever the
# posting's own words find (Index.reach).

SAT_WITH = "Afterwards I sat with his daughter in the quiet room until she understood."


@pytest.mark.parametrize(("sentence", "verdict"), [
    # None of the posting's words is in it ("daughter" says "families" in other words): before
    # round 7 the sentence was never read, and the requirement was missing.
    pytest.param(SAT_WITH, "shown", id="all in other words"),
    pytest.param("Afterwards the registrar sat with his daughter in the quiet room until she understood.",
                 "missing", id="near miss: someone else's act"),
    pytest.param("Afterwards I stood by his daughter in the quiet room until she understood.",
                 "missing", id="near miss: no act of the concept"),
])
def test_a_concept_reaches_a_sentence_the_posting_words_alone_skip(sentence, verdict):
    assert verdicts(action=sentence)[FAMILIES][0] == verdict


def test_a_sentence_only_a_concept_reached_is_no_possibly():
    # "engineers" is the posting's only word here; the act is the concept's, but what it is done
    # to is a wiki: neither shown nor a lead worth checking.
    assert verdicts(action="I reviewed their pull requests on the engineers wiki every week.")[MENTORING][0] == "missing"


def test_the_word_index_reaches_what_reading_the_text_reaches(tmp_path, monkeypatch):
    from storybank.postings.match import word_index

    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    bank = bank_of(sat=story(action=SAT_WITH), other=story(action="I sat with the intern over the release notes."),
                   wiki=story(action="The registrar sat with his daughter for an hour."))
    words = word_index(bank, tmp_path)
    assert words is not None

    def shown(**kw):
        report = check(POSTING, bank, motivation=False, **kw)
        found = next(r for r in report.requirements if r.text == FAMILIES)
        return found.verdict, [e.story for e in found.evidence]

    assert shown(words=words) == shown() == ("shown", ["sat"])


def test_the_word_index_reaches_them_too(tmp_path, monkeypatch):
    # "them" is a word of one act ("walk them through") and an object of another ("paired with
    # each of them"): the index must not take it for the act's own word and skip the sentence.
    from storybank.postings.match import word_index

    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    bank = bank_of(paired=story(action="Two graduate hires joined us in March. "
                                       "I paired with each of them twice a week on real tickets."))
    words = word_index(bank, tmp_path)
    assert words is not None

    def verdict(**kw):
        report = check(POSTING, bank, motivation=False, **kw)
        return next(r.verdict for r in report.requirements if r.text == MENTORING)

    assert verdict(words=words) == verdict() == "shown"
