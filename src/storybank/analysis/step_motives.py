"""The job wanted as a step to something else (issue 22, round 14), read over the lexicon's word
classes (data/lexicon.toml, the "round 14" section): a wish of the speaker's and, a few words on, a
higher post ("I want your job!", "I really wanted a higher role", "to fulfill my dream: to become
a CEO"), or the job kept only for a while ("this one will do for now", "something to keep me busy
until my Europe trip"), or any job at all offered in place of a reason ("I will literally do
whatever you want for this job", "I'll take any job"). Hiring managers hear a pit stop or a
need for any job: what the job does for the speaker, as `evidence.self_serving_motive` counts it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import Span, spans
from storybank.analysis.lexicon import alternation as _alternation

POST_REACH = 4  # words between the wish and the higher post: "want this job to fulfill my dream: to become a CEO"


@lru_cache(maxsize=1)
def _step_wanted() -> re.Pattern[str]:
    wants = "|".join((_alternation("want_words"), _alternation("growth_wants")))
    posts, stopgaps = _alternation("step_up_posts"), _alternation("stopgap_marks")
    anything = _alternation("any_job_offers")
    return re.compile(rf"\b(?:(?:{wants})(?:\W+[\w'-]+){{0,{POST_REACH}}}?\W+(?:{posts})|"
                      rf"(?:{stopgaps})|(?:{anything}))\b")


def step_wanted(low: str, besides: list[Span] | None = None) -> list[Span]:
    """Spans of `low` (lower case) where the job is a step up, a stop-gap or any job; a span overlapping one
    of `besides` (found already by another list) is left out, so nothing is counted twice."""
    return spans(_step_wanted().finditer(low), besides or ())
