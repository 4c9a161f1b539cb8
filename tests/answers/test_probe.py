"""The next probe follows from what the answer lacked, carries its reason, and is worded around
what the candidate said."""

from __future__ import annotations

import re

import pytest

from storybank.answers.probe import choose

OUTBOX = ("At Parcelo I owned the order service, which lost about 140 orders a month because it "
          "wrote to PostgreSQL and then published to Kafka as two separate steps. ")
# Each answer covers three of the four probes' ground and lacks the one it is labelled with.
LACKING = {
    "differently": OUTBOX + (
        "I chose a transactional outbox over a two-phase commit, because the outbox needs no "
        "coordinator. The relay reads new outbox rows with SKIP LOCKED and publishes them, so a "
        "crash between the write and the publish can no longer lose an order. My teammate Arjun "
        "argued for Debezium; we agreed to try the simpler relay first. Lost orders fell from 140 "
        "a month to zero."),
    "alternatives": OUTBOX + (
        "I built a transactional outbox: the relay reads new outbox rows with SKIP LOCKED and "
        "publishes them, so a crash between the write and the publish can no longer lose an "
        "order. My teammate Arjun reviewed the relay and caught a missing index. Lost orders fell "
        "from 140 a month to zero. Next time I would add the outbox before launch, not after the "
        "first lost order."),
    "technical": (
        "At Parcelo I owned the order service, which lost about 140 orders a month. I chose an "
        "outbox design over a two-phase commit, and my teammate Arjun, who had argued for "
        "Debezium, agreed to try mine first. Lost orders fell from 140 a month to zero within two "
        "weeks. Looking back, I would have involved the warehouse team earlier, since they "
        "noticed the missing orders first."),
    "collaborators": OUTBOX.replace("I owned", "we owned").replace("it wrote", "we wrote") + (
        "We chose a transactional outbox over a two-phase commit, because the outbox needs no "
        "coordinator. We read new outbox rows with SKIP LOCKED and publish them, so a crash can no "
        "longer lose an order. Lost orders fell from 140 a month to zero. Next time we would add "
        "it before launch."),
}


@pytest.mark.parametrize("probe", list(LACKING))
def test_the_probe_is_the_one_ground_the_answer_left_uncovered(judge, probe):
    report = judge(LACKING[probe], question="project")
    assert report.lacking == (probe,)
    assert report.next_probe.id == probe
    assert report.next_probe.reason == report.reasons[probe]


def test_each_reason_says_what_was_missing(judge):
    reasons = {p: judge(text, question="project").next_probe.reason for p, text in LACKING.items()}
    assert "lesson" in reasons["differently"]
    assert "alternative" in reasons["alternatives"]
    assert "mechanism" in reasons["technical"]
    assert '"We" 5 times and "I" 0' in reasons["collaborators"]


def test_nobody_named_asks_who_else_was_involved(judge):
    solo = LACKING["differently"].replace(
        " My teammate Arjun argued for Debezium; we agreed to try the simpler relay first.", "")
    solo += " Next time I would add it before launch."
    report = judge(solo, question="project")
    assert report.next_probe.id == "collaborators"
    assert report.next_probe.reason.startswith("Nobody else named")


def test_the_prompt_quotes_what_the_candidate_said(judge):
    for probe, text in LACKING.items():
        prompt = judge(text, question="project").next_probe.prompt
        quoted = re.search(r"(?:decide on|Looking back at|how(?! did you)|say in) (?:the )?(.+?)(?: over| worked|,|\?)",
                           prompt)
        if quoted and "you used" not in prompt:
            assert quoted.group(1).lower() in text.lower(), (probe, prompt)


def test_a_question_that_needs_no_mechanism_never_asks_for_one(judge):
    report = judge("I work 9 to 5 on weekdays. I'd block Monday and Thursday 19:00-22:00 and "
                   "Saturday 8-12, 10 hours a week, and I would tell the lead two weeks ahead "
                   "of any change. I chose evenings over early mornings because my on-call pages "
                   "come at dawn. My partner and I agreed on that.", question="schedule")
    assert "technical" not in report.lacking


def test_an_answer_that_covers_everything_gets_its_storys_thinnest_layer(stories):
    layers = {"differently": 40.0, "alternatives": 12.0, "technical": 55.0, "collaborators": 30.0}
    probe, reason = choose(["differently", "alternatives", "technical", "collaborators"], [], {},
                           layer_seconds=layers)
    assert probe == "alternatives" and "thinnest" in reason and "12 s" in reason


def test_the_session_varies_the_probe_among_what_was_lacking():
    probes = ["differently", "alternatives", "technical", "collaborators"]
    lacking, reasons = ["differently", "technical"], {"differently": "a", "technical": "b"}
    assert choose(probes, lacking, reasons)[0] == "differently"
    assert choose(probes, lacking, reasons, asked=["differently"])[0] == "technical"
    # the probe just answered is never asked again at once
    assert choose(probes, lacking, reasons, exclude=["differently"])[0] == "technical"
    assert choose([], lacking, reasons) is None
