"""Round 22 of issue 23, reading (tests/corpus_postings_holdout21, spent): requirements said in
prose where the check read none. A sentence that says what the candidate must ("This person must
be able to …", "Must have …") or marks itself as asked ("… are required.", "… is a plus.") asks
in an opening or among duties too, as a must-have unless it hedges itself. Each rule has a case it
fires on and a near miss it must leave alone; the quoted words come from holdout21."""

from __future__ import annotations

from storybank.postings.check import read

FRAME_SHOP = """General shop assistant. Full time employment.
Regular duties include:
– Shipping / Mail Order fulfillment
– Bike Assembly
– Light Machining
Basic bike shop knowledge, fundamental mechanical skills, and familiarity with bicycle components are required.
Competence with basic computer/internet programs is required.
Machining experience with lathe/mill is a plus.
Full time, year-round employment.
Hourly wages dependent on experience.
"""

SUMMARY = """Summary of Position:

The primary responsibility of a lifeguard is to prevent drowning and other injuries from occurring. This person must be able to solve on-the-job problems using effective critical thinking and decision-making skills. Lifeguards must be able to enforce pool policies.

Responsibilities:

  • Warns swimmers of inappropriate activities or dangers.
"""


def _asked(text: str) -> dict[str, bool]:
    return {i.text: i.must for i in read(text).items}


def test_requirements_after_the_duties_are_read_by_their_own_words():
    asked = _asked(FRAME_SHOP)
    assert asked["Competence with basic computer/internet programs is required."] is True
    assert asked["Machining experience with lathe/mill is a plus."] is False
    assert any(t.startswith("Basic bike shop knowledge") and must for t, must in asked.items())
    # near misses: the pay and the hours say nothing of the candidate, and the duties stay duties
    assert not any("wages" in t or "year-round" in t for t in asked)
    assert asked["Bike Assembly"] is False


def test_what_the_candidate_must_be_able_to_do_is_read_from_a_summary():
    asked = _asked(SUMMARY)
    musts = [t for t, must in asked.items() if must]
    assert any(t.startswith("This person must be able to solve on-the-job problems") for t in musts)
    assert any(t.startswith("Lifeguards must be able to enforce pool policies") for t in musts)
    # near miss: the job's purpose, said of the role, asks nothing of the candidate
    assert not any(t.startswith("The primary responsibility") for t in asked)


# --- round 23 (tests/corpus_postings_holdout22, spent) ----------------------------------------------

MAYO = ("The position requires a minimum of a high school diploma. Must be able to assume responsibility, "
        "work independently, without close supervision, and cooperatively with other animal care "
        "technicians. Must have above average manual dexterity, stand on feet more than 50% of the time, "
        "bend or squat routinely, and work with arms above shoulder level.\n")

POTTERY = ("Basically, my assistant needs an assistant. This will entail a lot of prep type jobs: mixing glaze, "
           "cleaning bisqueware, and keeping the studio clean.\n\n"
           "I would like someone who can start as an intern for 6 weeks. Pay will depend on your experience "
           "and abilities.\n\n"
           "I offer a fun and high energy work environment where you will learn a lot about pottery "
           "production. If you are interested in this job, send me an email with your qualifications and a "
           "phone number.\n")


def test_a_list_whose_parts_only_qualify_the_first_stays_whole():
    texts = list(_asked(MAYO))
    assert any(t.startswith("Must be able to assume responsibility, work independently, without close "
                            "supervision") for t in texts)
    assert not any(t.startswith(("without", "cooperatively")) for t in texts)
    # near miss: a list of things to do is still asked thing by thing
    assert "stand on feet more than 50% of the time" in texts


def test_a_small_employer_asks_in_the_first_person_and_offers_in_it_too():
    texts = list(_asked(POTTERY))
    assert any(t.startswith("I would like someone who can start as an intern") for t in texts)
    # near misses: the pay, the owner's offer and how to get in touch ask nothing
    assert not any(t.startswith(("Pay will depend", "I offer", "If you are interested")) for t in texts)
