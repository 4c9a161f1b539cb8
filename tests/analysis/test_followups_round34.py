"""Round 34 (issue 22), from the spent sets' blind judges (holdout18-33), each family with a firing
case and a near miss.

1. An improvement told with no figure for it (SB721, faster-without-numbers) is asked for the numbers
   and how they were measured, not how a detail of it worked ("Walk me through how the memoisation in
   a few places worked": "the obvious gap is how improvement was measured"). An answer that states
   its figures, and a line or two, keep their wordings; the line is asked what exactly was changed
   before any other option ("Premature; first needs what was actually done").
2. Learning's alternatives probe no longer asks "Which way of learning works best for you" of every
   answer, which asked again for the methods just told (36 of 56 prompts awkward with both judges):
   an account of a course and reading with no occasion told is asked where it has been put to use; a
   line about how the speaker learns, the last thing learned that way. Something learned and told as
   it happened keeps the question (round 35: round 34 asked it what the speaker would have done
   without it, which holdout34's judges read as an odd counterfactual).
"""

from __future__ import annotations

import pytest

from tests.helpers import spoken_prompts

DASHBOARD = (
    "Yeah, so there was a dashboard in our admin app that was really slow, people were always complaining "
    "about it. It had a lot of charts and a big table, and it felt sluggish when you changed the filters. "
    "So I took that on. I went through the components and there was a lot of unnecessary re-rendering, so I "
    "added memoisation in a few places, and I moved some of the heavy calculations out of the render. I also "
    "virtualised the table so it wasn't rendering every row at once, and I lazy-loaded the chart library. "
    "{result} The product manager was happy, and the support tickets about it went away.")
NO_FIGURE = "After that it was a lot faster, like noticeably faster, everyone said it felt much snappier."
FIGURES = "Load time went from about eleven seconds to under two, measured on the same 40 saved filters."

MEASURE = "How big was the improvement in numbers, and how did you measure it?"


def test_an_improvement_with_no_figure_is_asked_for_the_numbers():
    prompts = spoken_prompts(DASHBOARD.format(result=NO_FIGURE), "performance")
    assert prompts["technical"] == MEASURE
    assert prompts["collaborators"] == "Who noticed the difference, and how did they know it was better?"
    assert "memoisation" not in " ".join(prompts.values())


def test_an_improvement_with_its_figures_is_not_asked_for_them():
    # Near miss: the figures are said; the weakness does not fire or does not hold.
    prompts = spoken_prompts(DASHBOARD.format(result=FIGURES), "performance")
    assert MEASURE not in prompts.values()


@pytest.mark.parametrize("line", [
    "I streamlined our document review process so it's a lot quicker now, everyone's happy with it.",
    "Yes, I sped up our localisation regression passes by using better tools and being more organised.",
])
def test_a_one_line_improvement_is_asked_what_exactly_changed(line):
    prompts = spoken_prompts(line, "performance")
    assert prompts["alternatives"] == "What exactly did you change, and why that rather than something else?"
    # The thin line is asked what was done, not yet for numbers it has not earned.
    assert prompts["technical"] != MEASURE


def test_a_one_line_improvement_to_another_type_keeps_its_wording():
    # Near miss: the thin wording is performance's own.
    prompts = spoken_prompts("I streamlined how we onboard new volunteers.", "project")
    assert prompts["alternatives"] != "What exactly did you change, and why that rather than something else?"


SUBTITLES = (
    "Sure. So I'd been doing translation mostly, and I got offered a subtitling job for a streaming series, "
    "eight episodes, Italian into English, with two weeks' notice. I'd never done timed subtitles, so I had "
    "to learn Subtitle Edit and the client's style guide: 42 characters a line, two lines max, 17 characters "
    "per second. I did the first episode twice, once to learn the tool and once for real, and I asked a "
    "subtitler I know to check my timings on it. She found about thirty lines that broke the reading speed, "
    "so I fixed those and set up the tool to flag them. All eight episodes went in on time and the client's QC "
    "came back with four notes on the whole series.")
COURSE = (
    "So, over the last year I've really developed my knowledge of sustainable investing. It's become such a "
    "big topic with clients, so I felt it was really important to be on top of it. I did a course on it, "
    "which was really interesting and covered a lot, the different approaches, exclusions, impact, the "
    "regulations coming in. I also read a lot around it, articles and reports from the big asset managers. "
    "I think it's made me much more confident in conversations with clients about it, and I'm continuing to "
    "learn about it because it's always changing.")


def test_something_learned_and_told_is_asked_how_the_speaker_learns_best():
    alternatives = spoken_prompts(SUBTITLES, "learning")["alternatives"]
    assert alternatives == "Which way of learning works best for you, and what else have you tried?"


def test_a_course_with_no_occasion_told_is_asked_where_it_was_put_to_use():
    # Near miss: nothing happened that put it to use.
    alternatives = spoken_prompts(COURSE, "learning")["alternatives"]
    assert alternatives == "Where have you put it to use since, and how did it go?"


def test_a_line_about_how_one_learns_is_asked_for_the_last_thing_learned_that_way():
    alternatives = spoken_prompts("Honestly, I just Google it and watch YouTube videos until I get it.",
                                  "learning")["alternatives"]
    assert alternatives == "What is the last thing you learned that way, and how did it go?"


def test_no_learning_story_is_asked_what_the_speaker_would_have_done_without_it():
    # Round 35 (holdout34): "Odd counterfactual; the skill was required for the job".
    for text in (SUBTITLES, COURSE):
        assert "without it" not in spoken_prompts(text, "learning")["alternatives"]
        assert "not learned it" not in spoken_prompts(text, "learning")["alternatives"]
