"""The motivation type's plain `differently` wording (issue 22, round 21, prompts22b).

"What would make you change your mind about this work?" treats a reason for wanting the work as a
decision to be talked out of: both judges of holdout18, 19 and 20 read it "awkward" each time it
was drawn (0 of 6 votes yes: "Odd challenge to a well-reasoned motivation", holdout20; "Odd,
slightly negative for a motivation answer", holdout19). A motivation is asked instead where it
leads, in the wording the thin motivations already get ("What would you want to be doing a year
into this work?", yes by both judges on holdout18 #36/#79 and holdout19 #37; 36 of 41 votes yes
over holdout4-20). Answers are quoted from tests/corpus_real (spent splits, cited beside each)."""

from __future__ import annotations

import pytest

from tests.helpers import spoken_prompts as _prompts

# Round 22: after a reasoned motivation, "a year into this work" read "odd, vague" to holdout21's
# judges; the plain wording asks which part of the work the speaker expects to find hardest.
HARDEST = "Which part of this work do you expect to find hardest, and how will you handle it?"

ECMO = ("So I've been a nurse for four years, the last two in a general medical ICU, and the part of my "
        "job I've liked most is the sickest hemodynamic patients, the ones on multiple pressors. Your "
        "cardiothoracic ICU is one of the few in the region running an ECMO programme at volume, and you "
        "train your own bedside nurses as ECMO specialists instead of relying on perfusion for "
        "everything. That's what I want to do next, and there isn't a path to it at my hospital.")
# holdout20 #70
NHS = ("I'm passionate about delivering high-quality patient care and feel that the NHS offers an ideal "
       "environment to learn and contribute meaningfully. As a Band 5 Nurse, I look forward to developing "
       "clinical competence, working in a multidisciplinary team, and supporting patients through their "
       "health journeys in a compassionate and ethical manner.")                   # holdout19 #12
# near misses: a last job that ended under the speaker is asked about that job (holdout18), and a
# programme named is asked about by name (holdout4), as before.
FIRED = "Because I got fired from my last job."                                       # holdout18
PROGRAMME = ("I'm really impressed by your strong clinical training, diverse patient population, and "
             "commitment to research and teaching.")                                  # holdout4


@pytest.mark.parametrize(("text", "field", "prompt"), [
    (ECMO, "nursing", HARDEST),
    (NHS, "medicine", HARDEST),
    (FIRED, None, "What did you learn from how that job ended?"),
    # round 26: the hardest part, not a challenge to the reason (holdout25: "Odd, negative angle")
    (PROGRAMME, "medicine", "What do you expect to find hardest about this programme, and how will you handle it?"),
])
def test_a_motivation_is_asked_where_it_leads(text: str, field: str | None, prompt: str) -> None:
    assert _prompts(text, "motivation", field)["differently"] == prompt
