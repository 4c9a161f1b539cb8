"""Round 40 (issue 22), from the spent sets' blind judges (holdout18-39), with a firing case and a
near miss.

A spoken answer is not asked back about the thing it just named: "Walk me through how the glossary
worked, step by step", "how you used Python", "what you built on Postgres" and "Who else was
involved in the flag" read as clumsy quotes, as a detail, or as asked again (holdout18-39: 23 of
72 "yes" with both judges for "how {decision} worked", 0 of 8 for "how you used {technology}", 4 of
23 for "involved in {decision}"). The probe's plain wordings are asked instead, which the same
judges found askable far more often. A story file, written to be asked about, keeps the quotes.
"""

from __future__ import annotations

import pytest

from storybank.catalog import builtin_catalog
from storybank.professions import pack_for
from tests.helpers import spoken_prompts

# holdout37, a performance answer (the technical probe quoted "the composite index").
INDEX = (
    "Yeah, so, um, at my current job the finance team has a month-end reconciliation report that had crept "
    "up to about forty minutes. I ran it with EXPLAIN ANALYZE and it was doing a sequential scan over the "
    "ledger entries table, about a hundred and eighty million rows. So I created a composite index on "
    "account ID and posted date, concurrently, so there was no lock during business hours, and I rewrote "
    "the subquery as a join against a pre-aggregated CTE. The report went from forty minutes to about "
    "ninety seconds, and the month-end lock complaints stopped.")
# holdout38, a learning answer (the technical probe quoted "the glossary").
GLOSSARY = (
    "So, um, I'd do what I did when I started taking oncology assignments, which was new for me two years "
    "ago. I interpret Arabic and English. I built a glossary first, about three hundred terms, from the "
    "patient leaflets the hospital publishes in both languages, and I checked the tricky ones with a "
    "colleague who's done oncology for years. Then I practised sight translation of consent forms out "
    "loud, and I asked the interpreting coordinator if I could shadow two of her appointments first.")
# holdout39, a performance answer (the collaborators probe quoted "the flag").
FLAG = (
    "Sure. So our CI pipeline was taking like 40 minutes per pull request. I looked at the timings and the "
    "integration test suite was about 25 minutes of that. So, um, what I did was I added a flag to skip "
    "the integration stage on PRs, and only run unit tests and lint. I just merged it on a Friday. And the "
    "pipeline went down to about twelve minutes, and a few people thanked me in Slack.")


@pytest.mark.parametrize(("text", "qtype", "quoted"), [
    pytest.param(INDEX, "performance", "the composite index", id="software"),
    pytest.param(GLOSSARY, "learning", "the glossary", id="interpreting"),
])
def test_a_spoken_answer_is_not_asked_how_the_thing_it_named_worked(text, qtype, quoted):
    technical = spoken_prompts(text, qtype)["technical"]
    assert quoted not in technical
    assert " worked, step by step" not in technical and "you used" not in technical \
        and "built on" not in technical


def test_a_spoken_answer_is_not_asked_who_else_was_involved_in_what_it_named():
    collaborators = spoken_prompts(FLAG, "performance")["collaborators"]
    assert "involved in the flag" not in collaborators
    assert collaborators.startswith("Who else was involved")


def test_near_miss_a_story_file_keeps_the_quoted_wordings():
    from storybank.analysis.followups import followup_prompts
    from storybank.model import Story
    from storybank.settings import Settings

    story = Story(title="Cutting the month-end report from 40 minutes to 90 seconds", questions=["performance"],
                  action="I chose a composite index on account ID and posted date and built it concurrently.",
                  technologies=["PostgreSQL"])
    prompts = {p.probe: p.prompt for p in followup_prompts(story, builtin_catalog(), Settings(), "software")}
    assert prompts["technical"].startswith("Walk me through how")
    assert prompts["technical"].endswith("worked, step by step.")


def test_every_template_left_out_for_answers_is_one_a_probe_or_a_field_asks():
    catalog = builtin_catalog()
    packs = [pack_for(name) for name in ("software", "medicine", "law", "teaching", "finance")]
    for probe in catalog.probes:
        asked = set(probe.templates) | {t for pack in packs for t in pack.probe_templates(probe.id)}
        assert set(probe.not_of_answers) <= asked, probe.id


@pytest.mark.parametrize(("action", "technologies", "technical"), [
    # A decision is walked through step by step (a checklist or a rollout has no "under the hood").
    ("I set up branch protection rules on the main branch so every merge needed a green build.", [],
     "Walk me through how the branch protection rules worked, step by step."),
    # Near miss: a thing built on a named tool keeps "under the hood".
    ("Our billing events were lost when the worker crashed. I moved the billing events to Kafka and the "
     "consumers now replay from the last committed offset, so we lost no orders in the next year.", ["Kafka"],
     "Walk me through what you built on Kafka, and how it worked under the hood."),
])
def test_a_software_story_file_is_asked_how_what_it_names_worked(action, technologies, technical):
    from storybank.analysis.followups import followup_prompts
    from storybank.model import Story
    from storybank.settings import Settings

    story = Story(title="A story", questions=["project"], action=action, technologies=technologies)
    prompts = {p.probe: p.prompt for p in followup_prompts(story, builtin_catalog(), Settings(), "software")}
    assert prompts["technical"] == technical
