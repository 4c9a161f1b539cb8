"""Round 3 of issue 22: pitfalls and their near misses in people's own words, each taken from the
real-language corpus (tests/corpus_real: tuning, holdout, holdout2). A firing example shows the
pattern a rule now hears; a near miss, said by a praised answer, shows what it must leave alone."""

from __future__ import annotations

import pytest

from storybank.analysis.evidence import self_serving_motive, settled_forum
from storybank.analysis.lexicon import normalise
from storybank.analysis.signals import dodge
from storybank.catalog import builtin_catalog
from storybank.settings import Settings


def _warned(text: str, qtype: str, profession: str | None = None) -> set[str]:
    """The codes a spoken answer to `qtype` gets as warnings or errors."""
    from storybank.answers.judge import judge_answer

    settings = Settings(profession=profession) if profession else Settings()
    report = judge_answer(text, builtin_catalog(), settings, question=qtype)
    return {f.code for f in report.findings if str(f.severity) in ("warning", "error")}


# --- dodging: the experience denied through a belief, a position never reached, or being right

@pytest.mark.parametrize("text", [
    "I don't believe in failure.",
    "I really haven't had any screw-ups — all of my projects are done perfectly all of the time",
    "That doesn't happen. I'm always right, and people eventually see that.",
    "I've never been put in a position where my values were tested",
    "I've never really been faced with a difficult ethical decision.",
])
def test_a_dodge_said_as_a_belief_or_as_never_being_wrong(text):
    assert dodge(text)


@pytest.mark.parametrize("text", [
    # Praised answers: a belief about how to work, and a perfectionism that caused the failure.
    "In such situations, I believe in open and honest communication.",
    "I also believe in involving a mediator or supervisor if necessary to help facilitate the "
    "conversation and ensure a fair resolution.",
    "Because I wanted everything done perfectly, I would take on too much work myself, which led "
    "to bottlenecks.",
    "I never failed to meet a deadline after that.",
])
def test_a_belief_or_perfectionism_told_as_the_cause_is_no_dodge(text):
    assert dodge(text) is None


def test_a_failure_answer_that_denies_failing_gets_the_dodge_finding():
    assert "SB781" in _warned("I don't believe in failure.", "failure")
    assert "SB781" not in _warned(
        "I wanted to run things perfectly, so I spent every moment micro-managing the people "
        "working with me. The team missed the launch by two weeks, and I learned to delegate.",
        "failure")


# --- a self-serving motive: where the speaker lives, power over people -----------------------

@pytest.mark.parametrize("text", [
    "I guess I live pretty close by…",
    "I like to tell people what to do.",
    "How big do the bonuses really get once you make associate?",
])
def test_what_the_job_gives_the_speaker_is_self_serving(text):
    assert self_serving_motive(normalise(text))


@pytest.mark.parametrize("text", [
    # Near misses from praised answers: the speaker's own history with the work.
    "I've always loved nursing, but my interest in health care really started when I volunteered "
    "at a homeless shelter in college.",
    "I typically shop here. I really like the way the staff approaches customers, as well as the "
    "working conditions, at least based on my observation.",
])
def test_a_place_or_people_named_for_the_work_is_not_self_serving(text):
    assert self_serving_motive(normalise(text)) is None


# --- a disagreement settled by the speaker's own step, in plain words --------------------------

@pytest.mark.parametrize("text", [
    "I spoke with my manager and we agreed that cover would be arrange for his company between 5 "
    "and 7 pm as this was when he needed the most support.",
    "I listened to their perspective, then shared data supporting my idea. We combined both, "
    "resulting in a presentation that exceeded client expectations.",
    "We scheduled a meeting to discuss our viewpoints and brainstorm alternative solutions. Through "
    "respectful dialogue and collaboration, we were able to come up with a solution that "
    "incorporated both our ideas.",
])
def test_a_step_towards_the_other_side_with_what_it_settled_is_a_mechanism(text):
    assert settled_forum(text)


@pytest.mark.parametrize("text", [
    # Naming the step without what it settled is still talking it out.
    "We scheduled a meeting to discuss our viewpoints.",
    "I had a quiet word with him. It was awkward for both of us.",
    "We talked it out in the design review and found a middle ground.",
])
def test_a_step_with_nothing_settled_is_no_mechanism(text):
    assert not settled_forum(text)


def test_talking_it_out_still_fires_when_nothing_settled_it():
    assert "SB711" in _warned(
        "My coworker and I disagreed about the schedule for the client launch. We talked it out "
        "and eventually agreed to disagree, and the launch went fine in the end.", "disagreement")
    assert "SB711" not in _warned(
        "At my last job, a teammate and I had different approaches to a client presentation. I "
        "listened to their perspective, then shared data supporting my idea. We combined both, "
        "resulting in a presentation that exceeded client expectations and led to a 15% contract "
        "extension.", "disagreement")


# --- a schedule answer that says where it stands on the periods asked about ------------------

def test_saying_yes_to_the_periods_asked_about_is_an_answer():
    assert "SB761" not in _warned(
        "I have no problem with working on holidays or weekends as long as I can set my schedule "
        "as far in advance as possible.", "schedule")
    assert "SB790" not in _warned(
        "Yes, I am willing to work over time. I have no family or personal obligations that would "
        "prevent me from working at night and on weekends.", "schedule")
    assert "SB761" not in _warned(
        "I am willing to, because I understand the workload is heavy here at times, and we'll have "
        "deadlines to meet and monthly targets. Of course, in an ideal case I will manage to "
        "handle my workload during standard working hours.", "schedule")


def test_promising_flexibility_still_names_no_blocks():
    assert "SB761" in _warned("I'm very flexible, I can work whenever you need me.", "schedule")
    assert "SB761" in _warned(
        "My schedule is flexible, so I would fit it in whenever I have free time: evenings after "
        "work and some weekends.", "schedule")


# --- technical depth of a disagreement between people ---------------------------------------

def test_a_disagreement_between_people_outside_software_is_not_asked_for_mechanism():
    said = ("I would clarify my concern respectfully, explaining why I believe the action is "
            "unsafe and citing relevant safety procedures. If the instruction persists, I would "
            "refuse to carry out an unsafe action, as safety takes priority over following "
            "instructions. I would then contact a supervisor or appropriate authority to resolve "
            "the situation.")
    assert "SB403" not in _warned(said, "disagreement")


def test_a_software_disagreement_is_still_asked_for_mechanism():
    said = ("My teammate wanted to move the billing exports to Kafka and I wanted to keep the "
            "Postgres queue. We argued about it in standup for a week, and in the end the team "
            "lead chose the Postgres queue, and everyone moved on to the next sprint.")
    assert "SB403" in _warned(said, "disagreement")


# --- answers to questions of no known type can still dodge, badmouth or serve only the speaker

def _untyped(text: str) -> dict[str, str]:
    from storybank.answers.judge import judge_answer

    report = judge_answer(text, builtin_catalog(), Settings(), question=None)
    return {f.code: f.message for f in report.findings if str(f.severity) in ("warning", "error")}


def test_a_dodge_to_a_question_of_no_known_type_is_named_without_a_story_type():
    said = _untyped("I've never been put in a position where my values were tested")
    assert "SB781" in said
    assert "mistake" not in said["SB781"] and "nothing to tell" in said["SB781"]


def test_badmouthing_the_last_job_is_heard_in_an_answer_of_no_known_type():
    said = _untyped("I hated that place and the customers were really terrible.")
    assert "SB712" in said


def test_a_motive_of_money_alone_is_heard_in_an_answer_of_no_known_type():
    assert "SB742" in _untyped("I need money.")


def test_a_praised_weakness_or_boss_answer_draws_none_of_them():
    weakness = ("Early in my career, I struggled with delegation. Because I wanted everything done "
                "perfectly, I would take on too much work myself, which led to bottlenecks. Once I "
                "realized this was slowing the team down, I took a course on Agile project "
                "management.")
    boss = ("My last boss taught me the importance of time management he didn't pull any "
            "punches, and was extremely deadline-driven. His no-nonsense attitude pushed me to "
            "work harder, and manage my case loads way more efficiently.")
    for text in (weakness, boss):
        assert not {"SB781", "SB712", "SB742"} & set(_untyped(text))


def test_the_customers_suffering_a_bug_is_not_blame():
    from storybank.analysis.signals import blame

    assert blame("The customers had a terrible experience because of my bug.", strict=True) == (None, 0)


# --- praised answers that drew a false alarm in holdout2 --------------------------------------

def test_the_speakers_own_failed_to_is_no_blame():
    from storybank.analysis.signals import blame

    own = ("Not only did things not get done well, but in many cases they didn't get done at all "
           "because I was so busy with the details that I failed to see the big picture.")
    assert blame(own) == (None, 0)
    # Near miss: someone else's "failed to" still blames them.
    assert blame("The vendor failed to deliver the patch on time.")[1] >= 1


def test_a_before_and_after_with_the_unit_written_on_is_measured():
    assert not {"SB790", "SB721"} & _warned("p99 dropped from 240ms to 110ms", "performance")
    # Near miss (holdout2's weak result row): a speed-up with no numbers is still asked for them.
    assert {"SB790", "SB721"} & _warned("we made it faster", "performance")


def test_raising_a_policy_concern_through_the_channels_is_a_flag_process():
    said = ("Follow the policy while raising your concerns through the correct internal channels, "
            "such as speaking to your manager or using a formal feedback or review process.")
    assert "SB790" not in _warned(said, "rubric")
    # Near miss: doing it one's own way raises nothing.
    assert "SB790" in _warned("I would just do it the way that has worked for me in the past.", "rubric")


def test_research_on_the_employer_or_shopping_there_is_a_specific_fit():
    school = ("After viewing your Web site, I was impressed with your vision of students, parent, "
              "and teachers working together. I'm a huge proponent of inquiry-based learning.")
    shop = ("I typically shop here. I really like the way the staff approaches customers, as well "
            "as the working conditions, at least based on my observation.")
    teacher = ("Teachers do truly have the power to change lives; I've experienced that myself "
               "firsthand through the teachers that have helped me over the years.")
    for said in (school, shop, teacher):
        assert "SB741" not in _warned(said, "motivation")
    generic = "I've worked in this industry for years. I think I can make a difference here."
    assert "SB741" in _warned(generic, "motivation")
