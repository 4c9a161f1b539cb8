"""Follow-up prompts made for one story: the four probes with its own details, plus the
question types' own follow-ups, each marked prepared or not.

Templates come from the catalog, ordered from most specific to generic; the first whose
placeholders this story can fill is used. Placeholders: {title}, {technology}, {alternative},
{decision}, {metric}, {numbers}.
"""

from __future__ import annotations

import re

from storybank.analysis.types import FollowupPrompt
from storybank.catalog import Catalog
from storybank.model import Story
from storybank.settings import Settings
from storybank.words import count_words

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_DECISION = re.compile(
    r"\bI\s+(?:chose|picked|proposed|introduced|built|added|adopted|designed|wrote|went with|"
    r"switched (?:us |the \w+ )?to|moved (?:us |the \w+ )?to|replaced [^.,;]{1,40}? with|"
    r"settled on|opted for|used)\s+([^.,;:!?\n]{3,80})"
)
_STOP = re.compile(
    r"\s+(?:because|so|which|that|to|and|instead|rather|after|before|since|while|but|when|"
    r"where|for|from|across|on|at|by|until|behind)\b.*$", re.I
)
MAX_DECISION_WORDS = 6
_LEADING_VERB = re.compile(r"^(?:(?:and|then|later)\s+\w+\s+)+", re.I)


def _decision(story: Story) -> str | None:
    for text in (story.action, story.followup("alternatives"), story.outcome):
        match = _DECISION.search(text or "")
        if match:
            phrase = _LEADING_VERB.sub("", match.group(1))
            phrase = _STOP.sub("", phrase).strip()
            words = phrase.split()
            if len(words) >= 1:
                return " ".join(words[:MAX_DECISION_WORDS])
    return None


def _values(story: Story, catalog: Catalog) -> dict[str, str]:
    values: dict[str, str] = {}
    if story.title.strip():
        values["title"] = story.title.strip()
    types = [catalog.question(q) for q in story.questions]
    if types and not any(t.technical for t in types if t is not None):
        return values  # a motivation or schedule story gets the probes as asked, not tech prompts
    techs = [t.strip() for t in story.technologies if t.strip()]
    decision = _decision(story)
    if decision:
        values["decision"] = decision
        # Offer an alternative only for a technology the decision itself names.
        named = [t for t in techs if t.lower() in decision.lower() and t in catalog.alternatives]
        if named:
            values["technology"] = named[0]
            values["alternative"] = catalog.alternatives[named[0]]
    if "technology" not in values and techs:
        with_alternative = [t for t in techs if t in catalog.alternatives]
        values["technology"] = (with_alternative or techs)[0]
        if with_alternative and not decision:
            values["alternative"] = catalog.alternatives[with_alternative[0]]
    if story.metrics:
        change = next((m for m in story.metrics if m.is_change()), None)
        values["metric"] = (change or story.metrics[0]).name.strip() or "that number"
        if change is not None:
            from storybank.cues import ARROW, metric_text

            values["numbers"] = metric_text(change).replace(f" {ARROW} ", " to ")
    return values


def fill(templates: list[str], values: dict[str, str]) -> str | None:
    for template in templates:
        names = _PLACEHOLDER.findall(template)
        if all(n in values for n in names):
            return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)
    return None


def followup_prompts(story: Story, catalog: Catalog, settings: Settings) -> list[FollowupPrompt]:
    values = _values(story, catalog)
    prompts: list[FollowupPrompt] = []
    for probe in catalog.probes:
        text = fill(probe.templates, values) or probe.question
        answer = story.followup(probe.id).strip()
        seconds = settings.seconds(count_words(answer)) if answer else None
        prompts.append(FollowupPrompt(probe.id, text, bool(answer), seconds))
    for qid in dict.fromkeys(story.questions):
        qtype = catalog.question(qid)
        if qtype is None:
            continue
        for template in qtype.followups:
            filled = fill([template], values)
            if filled is None:
                continue
            # A type's own follow-up is prepared when the probe answers it covers are written;
            # they have no file field of their own, so they count as prepared when the story
            # has any depth layers at all.
            prepared = any(story.followup(p.id).strip() for p in catalog.probes)
            prompts.append(FollowupPrompt(f"type:{qid}", filled, prepared, None))
    return prompts
