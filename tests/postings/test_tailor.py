"""A posting's gaps and skills tailor the mock interview and the cheat sheet (README "The terminal UI")."""

from __future__ import annotations

from storybank import interview
from storybank.catalog import builtin_catalog
from storybank.export.sheet import SheetFocus, build_sheet
from storybank.postings.check import check, read
from storybank.postings.tailor import interview_focus, sheet_choice
from storybank.settings import Settings
from tests.postings.conftest import bank_of, story

POSTING = """\
# Platform Engineer

## Requirements

- Production experience with Kafka
- Experience leading incident response and postmortems
- Strong stakeholder management across teams
"""


def focus_for(stories):
    ex = read(POSTING)
    return interview_focus(check(POSTING, stories, motivation=False, extracted=ex), ex)


def test_the_gaps_weigh_toward_their_question_types_and_skills_are_probed():
    stories = bank_of(kafka=story(action="I ran our Kafka cluster in production for two years."))
    focus = focus_for(stories)
    # Incident response (failure) and stakeholders (disagreement) are missing; motivation untied.
    assert focus.boost == {"failure": 2.0, "disagreement": 2.0, "motivation": 2.0}
    assert focus.prefer == {"kafka": ("Production experience with Kafka",)}
    probe = focus.skill_probe("kafka")
    assert probe.probe == "technical" and "Kafka" in probe.prompt
    assert focus.skill_probe("kafka", asked=["Kafka"]) is None
    assert focus.skill_probe("other") is None
    assert focus.note.startswith("Tailored to Platform Engineer: the questions lean toward its 2 requirements")


def test_the_boost_moves_the_draw_toward_the_gaps():
    qids = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric", "schedule"]
    statuses = {q: "strong" for q in qids}
    candidates = {q: [f"{q}-story"] for q in qids}
    boost = {"failure": 4.0, "disagreement": 4.0}
    plain = sum("failure" in interview.plan_session(qids, statuses, candidates, seed=s).ids for s in range(200))
    tailored = sum("failure" in interview.plan_session(qids, statuses, candidates, seed=s, boost=boost).ids
                   for s in range(200))
    # A session asks 6-8 of the 8 types: the boosted type is the one left out far less often.
    assert (200 - tailored) * 3 < (200 - plain)


def test_stories_showing_the_posting_are_suggested_first():
    stories = bank_of(kafka=story(action="I ran our Kafka cluster in production for two years."))
    focus = focus_for(stories)
    assert focus.candidates({"project": ["other", "kafka"]}) == {"project": ["kafka", "other"]}


def test_the_sheet_takes_the_story_that_shows_the_posting_and_leads_with_it():
    stories = dict(bank_of(
        plain=story("A plain project", ("project",), action="I built a billing page."),
        kafka=story("Kafka at scale", ("project",), action="I ran our Kafka cluster in production for two years."),
        fail=story("An outage", ("failure",), action="I broke the deploy."),
    ))
    report = check(POSTING, list(stories.items()), motivation=False)
    choice = sheet_choice(report, {"project": "plain", "failure": "fail"},
                          {"project": ["plain", "kafka"], "failure": ["fail"]})
    assert choice.assignment == {"project": "kafka", "failure": "fail"}
    sheet = build_sheet(stories, choice.assignment, builtin_catalog(), Settings(),
                        focus=SheetFocus("Platform Engineer", choice.shows))
    assert sheet.entries[0].story_id == "kafka" and sheet.entries[0].number == 1
    assert sheet.entries[0].shows == ["Production experience with Kafka"]
    assert sheet.title.endswith("for Platform Engineer")
    assert [e.number for e in sheet.entries] == list(range(1, len(sheet.entries) + 1))
