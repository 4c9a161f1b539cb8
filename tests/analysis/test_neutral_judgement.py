"""Profession-neutral judgement (issue 12): each behaviour with a case that must fire and a near
miss that must not. Stories are the example bank's strong ones with one thing changed."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from storybank.analysis.context import StoryContext
from storybank.analysis.engine import analyze
from storybank.analysis.explain import examples
from storybank.analysis.signals import blame, shaped_names, signals, spelled_numbers
from storybank.bank import read_story_file
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings

REPO = Path(__file__).resolve().parents[2]
_BASE: dict[str, dict] = {}


def mk(kind: str, **fields) -> Story:
    if kind not in _BASE:
        sf = read_story_file(REPO / "stories" / f"{examples()['baselines'][kind]}.toml")
        _BASE[kind] = sf.story.to_data()
        _BASE[kind]["questions"] = [kind]
    data = copy.deepcopy(_BASE[kind])
    data.update(fields)
    return Story.model_validate(data)


def codes(story: Story, settings: Settings | None = None) -> dict[str, str]:
    report = analyze(story, builtin_catalog(), settings or Settings(), "s")
    return {f.code: f.message for f in report.findings}


def ctx_of(story: Story) -> StoryContext:
    return StoryContext.build(story, "s", builtin_catalog(), Settings())


# --- numbers, spelled or in digits ----------------------------------------------------------


def test_spelled_numbers_with_units_count():
    assert spelled_numbers("It took four days and forty pages for eleven documents.") == \
        ["four days", "forty pages", "eleven documents"]
    assert spelled_numbers("one of them said ten of us would come") == []


def test_an_outcome_in_house_style_numbers_is_measured():
    spelled = "All eleven documents were returned within four days, and the court never had to rule."
    assert "SB201" not in codes(mk("project", outcome=spelled))
    assert "SB201" in codes(mk("project", outcome="All the documents came back quickly."))


# --- named things, matched loosely -----------------------------------------------------------


def test_names_take_the_shapes_of_any_field():
    found = shaped_names("Under Rule 502(d) and IEEE 519 we ran HPLC and qSOFA in FactSet; "
                         "I joined in November 2023 with a PhD.")
    assert {"Rule 502(d)", "IEEE", "HPLC", "qSOFA", "FactSet"} <= set(found)
    assert not {"November 2023", "PhD"} & set(found)


def test_a_capitalised_first_word_before_a_number_is_no_name():
    found = shaped_names("My 11 flagged tasks went to a second rater. Each 2 ml vial was weighed. "
                         "Under Rule 502(d) the privilege held.")
    assert "Rule 502(d)" in found                      # near miss: a real name of the same shape
    assert not {"My 11", "Each 2"} & set(found)


@pytest.mark.parametrize(("name", "text", "said"), [
    ("Carousel Learning quizzes", "I set weekly Carousel quizzes for the class.", "Carousel"),
    ("Westlaw Edge", "I searched in Westlaw for the cases.", "Westlaw"),
    ("Fleiss' kappa", "Fleiss’ kappa measures agreement beyond chance.", "Fleiss’ kappa"),
    # Near misses: any sentence's first word is capitalised, and a vendor names other products.
    ("Early Warning Score", "Early on I noticed the ward was short-staffed.", None),
    ("Clinical Frailty Scale", "Clinical staff agreed with my plan.", None),
    ("Apache Kafka", "I moved the job to Apache Spark.", None),
])
def test_a_name_is_said_by_its_head_word_only_inside_a_sentence(name, text, said):
    from storybank.analysis.phrases import mentions

    assert mentions(name, text) == said


def test_faster_with_its_time_said_before_the_numbers_is_measured():
    """SB721 asks for a before and after of the time a "faster" claim is about; the time may be
    named before the numbers ("the p95 latency went from 800 to 120")."""
    said = "The p95 latency of the search went from 800 to 120, so the page is much faster."
    assert "SB721" not in codes(mk("performance", outcome=said, metrics=[]))
    vague = "The paths went from 100,000 to 20,000, so the run is much faster."  # near miss
    assert "SB721" in codes(mk("performance", outcome=vague, metrics=[]))


def test_listed_technology_matches_by_a_part_of_its_name():
    story = mk("project", technologies=["ANSYS Mechanical transient thermal"],
               action=mk("project").action + " I checked the housing in Ansys before the build.")
    assert "SB402" not in codes(story)
    assert "SB402" in codes(mk("project", technologies=["ANSYS Mechanical transient thermal"]))


# --- depth by structure, and look-alikes that are not depth ----------------------------------

CLINICAL = ("I audited 120 charts and found that the screen missed patients whose lactate was "
            "drawn late, because the order set only fired on arrival vitals. I changed the order "
            "set so nurses screen with qSOFA at triage and again at four hours, and I presented "
            "the SIRS and qSOFA comparison to the sepsis committee.")
SHALLOW = ("I looked at how the team handled it and made some improvements to the process. I "
           "talked to the committee, shared updates in threads with the staff, and followed the "
           "protocol until things were better across the unit.")


def test_a_clinical_mechanism_is_depth_with_no_software_word():
    assert "SB403" not in codes(mk("project", action=CLINICAL, technologies=["qSOFA"]))


def test_committee_threads_and_protocol_are_not_mechanism():
    ctx = ctx_of(mk("project", action=SHALLOW, technologies=[]))
    assert not {"commit", "threads", "protocol"} & set(ctx.answer.mechanism)
    assert "SB403" in codes(mk("project", action=SHALLOW, technologies=[]))


def test_a_teacher_is_not_told_about_cache_misses():
    story = mk("project", action=SHALLOW, technologies=[])
    message = codes(story)["SB403"]
    assert "cache" not in message and "query plan" not in message
    settings = Settings(profession="software")
    assert "cache miss" in codes(story, settings)["SB403"]
    assert "exit ticket" not in codes(story, Settings(profession="education"))["SB403"]
    assert "students" in codes(story, Settings(profession="education"))["SB403"]


def test_ordinary_first_person_verbs_are_decisions():
    ctx = ctx_of(mk("project", action="I rebuilt the model from the raw ledger and I told the "
                                      "partner the same morning."))
    assert {"i rebuilt", "i told"} <= set(ctx.parts["action"].decisions)


def test_depth_score_counts_cause_and_named_methods_not_software_words():
    clinical = analyze(mk("project", action=CLINICAL, technologies=["qSOFA"]), builtin_catalog(),
                       Settings(), "s").scores["technical_depth"].value
    nonsense = analyze(mk("project", action=SHALLOW + " We used a cache.", technologies=[]),
                       builtin_catalog(), Settings(), "s").scores["technical_depth"].value
    assert clinical > nonsense
    assert signals(ctx_of(mk("project", action=CLINICAL))).causes


# --- blame: an outside party and a blaming predicate in one clause ----------------------------


@pytest.mark.parametrize("text", [
    "It was not my fault; the platform team changed the setting.",
    "The client never told us the custodian list had changed.",
    "QA had signed off the release without testing that weekend.",
    "The markers should have used their judgement.",
])
def test_blame_patterns(text):
    assert blame(text)[1] >= 1


@pytest.mark.parametrize("text", [
    "The client gave us what we asked for; I asked the wrong question.",
    "The vendor's bearings were in tolerance, and the fit was mine.",
    "The reviser caught it two days later, and the client never saw the error.",
])
def test_a_role_noun_alone_is_not_blame(text):
    assert blame(text) == (None, 0)


def test_outright_denial_is_flagged_even_next_to_an_admission():
    story = mk("failure", reflection="I shipped the schema change, but it was not my fault that "
                                     "the registry let it through.")
    assert "SB701" in codes(story)
    fine = mk("failure", reflection="The client never saw the bad events, because I rolled back "
                                    "within 25 minutes.")
    assert "SB701" not in codes(fine)


# --- cancellers need evidence about the same thing -------------------------------------------

TALKED = ("His case was fair: Airflow is already run and familiar. Mine: exports wait up to 72 "
          "hours and call flaky billing APIs. We talked it out over two meetings and I escalated, "
          "and we eventually agreed that Temporal fit better.")


def test_one_word_escalated_does_not_clear_talked_it_out():
    assert "SB711" in codes(mk("disagreement", action=TALKED, reflection="It went fine."))
    settled = TALKED.replace("and I escalated", "and I escalated the question to the lead, "
                                                "who decided after a two-week trial")
    assert "SB711" not in codes(mk("disagreement", action=settled, reflection="It went fine."))


def test_rates_alone_do_not_make_a_motivation_specific():
    generic = ("I want flexible income from home, and the rates here seem good. AI is the future "
               "and I would like to be part of it.")
    assert "SB741" in codes(mk("motivation", action=generic, outcome="I can start soon.",
                               reflection="It is a great fit."))
    specific = ("I have practised commercial litigation for twelve years, and your legal track "
                "grades model answers on case law at about 120 dollars an hour, so the flexible "
                "hours fit around my practice.")
    assert "SB741" not in codes(mk("motivation", action=specific, outcome="I can start soon.",
                                   reflection="It is a great fit."))


def test_evenings_or_weekends_and_an_hours_figure_are_not_a_schedule():
    vague = ("I'm very flexible, so I can do evenings or weekends, around 10 hours a week, "
             "whenever projects need it.")
    assert "SB761" in codes(mk("schedule", action=vague, outcome="I can adapt."))
    blocks = ("I'm flexible about which evening, but I block Monday and Thursday 19:00-22:00 and "
              "Saturday 08:00-12:00, 10 hours a week.")
    assert "SB761" not in codes(mk("schedule", action=blocks, outcome="I can adapt."))


@pytest.mark.parametrize("opener", ["To be honest,", "Honestly,"])
def test_honestly_and_to_be_honest_are_treated_alike(opener):
    base = mk("learning").action
    depth = "Honest depth: I can ship and maintain this service but would want review before writing unsafe code."
    assert depth in base
    story = mk("learning", action=base.replace(depth, f"{opener} it was a fun project."))
    assert "SB732" in codes(story)


def test_a_speed_up_needs_its_numbers_said_not_only_filed():
    outcome = "The job became much faster and far cheaper, and it met the deadline every night."
    assert "SB721" in codes(mk("performance", outcome=outcome))
    said = outcome + " The runtime went from 340 minutes to 58."
    assert "SB721" not in codes(mk("performance", outcome=said))


@pytest.mark.parametrize("stem", ["medicine-project-icu-delirium-bundle",
                                  "law-failure-privilege-search-terms",
                                  "education-failure-mock-exam-mark-scheme"])
def test_software_jargon_does_not_deepen_a_story_from_another_field(stem):
    import re

    path = REPO / "tests" / "corpus_professions" / "tuning" / "strong" / f"{stem}.toml"
    if not path.exists():
        pytest.skip("the profession corpus is not in this checkout")
    story = read_story_file(path).story
    sentences = re.split(r"(?<=\.)\s+", story.action)
    sentences[1] = ("The cache layer hit lock contention in the query pipeline, and I added async "
                    "batching with retry backoff and a Kafka queue.")
    jargon = story.model_copy(update={"action": " ".join(sentences)})

    def depth(s: Story) -> int:
        return analyze(s, builtin_catalog(), Settings(), "s").scores["technical_depth"].value

    assert depth(jargon) <= depth(story)
    # With `profession = "software"` the same words are that field's mechanism and do count.
    assert analyze(jargon, builtin_catalog(), Settings(profession="software"), "s") \
        .scores["technical_depth"].value > depth(jargon)
