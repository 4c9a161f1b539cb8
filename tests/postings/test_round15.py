"""Round 15 of issue 23 (matching): a link is shown only where the candidate is the subject of
a main clause of the quoted sentence (postings/own_act.py). Someone else's act ("Our chief pilot
approved the new fuel plan"), or the candidate only inside what someone else suggested or asked,
leaves the link at "possibly — check", with its sentence still shown to the user. Round 15b: with
no "I" or "we" as subject, only another party as subject holds a sentence back; the candidate's
own job, system, policy or pupils as subject let it stand. Each form has a sentence the rule lets
through and a near miss it holds back."""

from __future__ import annotations

import pytest

from tests.postings.conftest import checked_against

# Each form: the candidate's own act, then its near miss (None where the form has none here).
PAIRS = {
    # From the review of round 15: an "I" in the opening clause is not the main clause's subject,
    # and "my … was" is the candidate's work only after words of share.
    "an opening clause of the candidate's": (
        "When I arrived, I planned every flight in Lido.",
        "When I arrived, the chief pilot approved the new fuel plan."),
    "my work as the subject": (
        "Most of my work was in Lido flight planning.",
        "Our chief pilot said my plan was too risky and rewrote it."),
    "a possessive, not the subject": (
        "I checked the numbers with our chief pilot and wrote the new fuel plan.",
        "Our chief pilot, Megan Hart, checked my numbers and approved the new fuel plan."),
    "what someone else suggested": (
        "I took the booking with a legal interpreter on the phone.",
        "The agency's suggestion was that I take it with a legal interpreter on the phone."),
    "what someone else asked": (
        "I delivered the training to all its staff.",
        "The school then asked whether I could deliver the training to its staff."),
    "a passive with someone else as agent": (
        "We prepared the costs budget at the start of the case.",
        "The costs budget had been prepared at the start of the case by our external costs draftsman."),
    "others acting": (
        "In the first week I ran the same suitability test with them every morning.",
        "In the first week they ran the same suitability test every morning."),
    "after an opening clause with its comma": (
        "Before each rate change went live, I ran 10,000 test quotes through the engine.",
        "Before each rate change went live, the actuary ran 10,000 test quotes through the engine."),
    "after an opening clause without a comma": (
        "When the assay failed I swapped one variable at a time.",
        "When the assay failed the technician swapped one variable at a time."),
    "after an opening participle phrase": (
        "Asked by the director to clear the backlog, I rebuilt the rota.",
        "Asked by the director to clear the backlog, the team rebuilt the rota."),
    "a main clause joined after someone else's": (
        "She judged it serious, and I reported the adverse event to the sponsor.",
        "She judged it serious, and the monitor reported the adverse event to the sponsor."),
    "a clause of time or cause": (
        "The head of finance agreed the definition after I showed them 20 disputed stops.",
        "The head of finance agreed the definition after the analyst showed them 20 stops."),
    "the candidate's own work as the subject": (
        "Most of my work is in Excel and SQL Server.",
        "Most of the team's work is in Excel and SQL Server."),
    "a person of the candidate's as the subject": (
        "About a third of my book is food and drink manufacturing.",
        "My manager was responsible for the food and drink accounts."),
    "a word in -ed that is no verb": ("About a hundred times I reset the analyser myself.", None),
}


@pytest.mark.parametrize("form", sorted(PAIRS))
def test_a_sentence_tells_the_candidates_own_act_and_its_near_miss_does_not(form):
    from storybank.postings.own_act import tells_own_act

    own, near_miss = PAIRS[form]
    assert tells_own_act(own, "action")
    if near_miss is not None:
        assert not tells_own_act(near_miss, "action")


# Round 15b: with no "I" or "we" as a main clause's subject, the sentence is held back only when
# that subject is another party. Each form: a thing as subject (the candidate's own work, told),
# then its near miss with another party as subject.
THINGS = {
    "a job or system": (
        "Our nightly attribution job ran in PySpark on Databricks.",
        "Our data vendor ran the attribution job in PySpark on Databricks."),
    "the candidate's own team is their 'we'": (
        "Our payments team migrated the ledger to PostgreSQL over one weekend.",
        "The platform team migrated the ledger to PostgreSQL over one weekend."),
    "after an opening phrase of time": (
        "In December 2023, my two Year 11 groups, 54 students, sat their GCSE chemistry mock.",
        "In December 2023, the head of science set the GCSE chemistry mock."),
    "a verb in the present, not told by its form": (
        "The warning steps in our policy go from a verbal warning to a name on the board.",
        "The deputy head's warning steps go from a verbal warning to a name on the board."),
    "an option, not someone's suggestion": (
        "Another option was to adapt exam questions from courses I had taught.",
        "My supervisor's suggestion was to adapt exam questions from courses I had taught."),
    "what was asked, with no one named": (
        "The booking was for a police interview with a legal interpreter on the phone.",
        "The suggestion was that I take the booking with a legal interpreter on the phone."),
    "the pupils' results": (
        "The pupils' results rose from 41 to 68 percent at grade 4 or above.",
        "The department's results rose from 41 to 68 percent at grade 4 or above."),
    "a passive that names no one": (
        "The costs budget in Precedent H had been updated by the start of the trial.",
        "The costs budget in Precedent H had been updated by the firm's costs draftsman."),
    "data as subject": (
        "Three years of messages for our ten most liquid contracts came to 1.2 billion rows.",
        "Three years later the exchange's data team sent us 1.2 billion rows of messages."),
}


@pytest.mark.parametrize("form", sorted(THINGS))
def test_a_thing_as_subject_stands_and_another_party_is_held_back(form):
    from storybank.postings.own_act import tells_own_act

    thing, party = THINGS[form]
    assert tells_own_act(thing, "action")
    assert not tells_own_act(party, "action")


def test_the_candidates_own_words_about_themselves_count():
    from storybank.postings.own_act import tells_own_act

    assert tells_own_act("The chief pilot's deputy for fuel planning", "title")
    assert not tells_own_act("The chief pilot's deputy for fuel planning", "action")


POSTING = """\
# Flight dispatcher

## Requirements

- Fuel planning, including alternates and contingency fuel
"""


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I did the fuel planning for every flight, including alternates and contingency fuel.",
                 "shown", id="the candidate plans"),
    pytest.param("Our chief pilot did the fuel planning for every flight, including alternates and "
                 "contingency fuel, and checked my numbers.", "possibly", id="near miss: the chief pilot plans"),
])
def test_someone_elses_act_is_possibly_not_shown(sentence, expected):
    report = checked_against(POSTING, sentence)
    requirement = report.requirements[0]
    assert requirement.verdict == expected
    assert [e.sentence for e in requirement.evidence] == [sentence]


TOOLS = """\
# Flight dispatcher

## Requirements

- Experience with Lido or Jeppesen flight planning systems
"""


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I planned every flight in Lido for three years.", "shown", id="the candidate uses the system"),
    pytest.param("The Lido rollout was planned for 2025 and then postponed, and I still plan every flight "
                 "in our own system.", "possibly", id="near miss: the system named where no one uses it"),
    pytest.param("Our flight plans for the whole fleet were made in Lido for three years.", "shown",
                 id="the candidate's own plans as subject (round 15b)"),
    pytest.param("The chief pilot's flight plans for the whole fleet were made in Lido for three years.",
                 "possibly", id="near miss: another party's plans"),
])
def test_a_named_system_is_shown_where_the_candidate_or_their_work_uses_it(sentence, expected):
    requirement = checked_against(TOOLS, sentence).requirements[0]
    assert requirement.verdict == expected
    assert [e.sentence for e in requirement.evidence] == [sentence]

