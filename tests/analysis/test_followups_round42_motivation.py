"""Round 42 (issue 22), motivation: the technical probe after a reason that fits anywhere (SB741)
or after what the job gives the speaker (SB742), from the spent sets' blind judges.

"What from your experience so far would you bring to this work, and how?" after such an answer was
read "yes" by both judges 2 times of 9 (SB741) and 0 of 7 (SB742) on holdout28-41 ("Misses obvious
probe: what specifically about this bank", "only lifestyle reasons, nothing about the work"). It
now asks what the speaker knows of the place, or of the work day to day. A specific reason keeps it.
"""

from __future__ import annotations

from storybank.answers.judge import judge_answer
from storybank.catalog import builtin_catalog
from storybank.settings import Settings
from tests.helpers import spoken_prompts

T = {
"generic": "Um, so, honestly, I've always admired the bank. It has a great reputation, a really strong culture, and I've heard great things from people about the values and the way people are treated. I think it's a place where I could grow and develop my career, and I'm passionate about finance and helping clients. I like that it's a big, well known name and that there's a lot of opportunity to learn from talented people. So yeah, I just think it would be a great fit for me and I'd be proud to work there.",
"selfserving": "Yeah, so, um, mainly it's practical. The office is a ten minute walk from my flat, so I'd get back about an hour and a half a day compared to my commute now. The pay is a bit better than what I'm on, and the hours are fixed, no weekends, which really suits me with the kids. I've done similar work for six years so I know I can do it. Honestly it's the location and the hours that made me apply.",
"specific": "I applied because your clinic runs the only dedicated feline weight programme in the county, and I've spent three years building one at my practice: we took forty-two overweight cats through a twelve-week plan and thirty-one reached their target weight. I read your published protocol and I'd like to work on the follow-up phase, which you said in the job advert you want to grow. I also spoke to Dr Amin at the March conference about how you staff it.",
}


def _codes(text):
    return {f.code for f in judge_answer(text, builtin_catalog(), Settings(), question="motivation").findings}


def test_a_reason_that_fits_anywhere_is_asked_what_the_speaker_knows_of_the_place():
    assert "SB741" in _codes(T["generic"])
    assert spoken_prompts(T["generic"], "motivation")["technical"] == (
        "What do you actually know about how this job works, and where did you find that out?")


def test_a_self_serving_reason_is_asked_about_the_work_day_to_day():
    assert "SB742" in _codes(T["selfserving"])
    assert spoken_prompts(T["selfserving"], "motivation")["technical"] == (
        "What do you know about what this work involves day to day, and which part of it would you look forward to?")


def test_near_miss_a_specific_reason_keeps_the_experience_question():
    assert not {"SB741", "SB742"} & _codes(T["specific"])
    assert spoken_prompts(T["specific"], "motivation")["technical"] == (
        "What from your experience so far would you bring to this clinic, and how?")
