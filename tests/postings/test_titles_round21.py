"""Round 21 (lead) of issue 23: a posting's title when its first line is no title. Each rule has a
real case from the spent sets and a near miss; the count over the spent sets is held by
test_titles_round20.WRONG_TITLES_FLOOR."""

from __future__ import annotations

import pytest

from storybank.postings.check import read

ASKS = "\n\nRequirements\n\n- Able to lift 50 pounds\n"


# --- a first line that only labels the page ------------------------------------------------------

def test_a_first_line_that_only_labels_the_page_leaves_the_title_to_the_next():
    # holdout20 dog_groomer: "job description" over the job's name.
    text = "job description\n\n\nprofessional dog groomer\n\nPet groomers shampoo, clip and groom dogs." + ASKS
    assert read(text).title == "professional dog groomer"


def test_near_miss_a_job_named_with_a_label_s_word_is_the_title():
    # "Vacancy" alone labels the page; a job whose name holds the word is the title.
    text = "Vacancy Coordinator (Part Time)\n\nYou will match volunteers to open shifts." + ASKS
    assert read(text).title == "Vacancy Coordinator (Part Time)"


# --- a title asked as a question -----------------------------------------------------------------

@pytest.mark.parametrize("head", ["What is a Deckhand?", "What does a Deckhand do?"])
def test_a_title_asked_as_what_is_a_job_gives_the_job(head):
    # holdout20 deckhand: the posting opens "What is a Deckhand?" and explains the work under it.
    text = f"{head}\n\nDeckhands provide the labor required for vessel operations." + ASKS
    assert read(text).title == "Deckhand"


def test_near_miss_a_title_that_is_no_question_stays_whole():
    text = "What Matters Most: Night Shift Deckhand\n\nDeckhands provide the labor for vessel operations." + ASKS
    assert read(text).title == "What Matters Most: Night Shift Deckhand"


# --- no title line: the job the opening sentence names -------------------------------------------

def test_an_opening_that_names_who_is_responsible_gives_the_title():
    # holdout20 projectionist: no line names the job; the first sentence does.
    text = ("The Projectionist is responsible for the daily operation and maintenance of both film and "
            "digital projection systems. They must also be trained in the Theater Operator role." + ASKS)
    assert read(text).title == "Projectionist"


@pytest.mark.parametrize("opening", [
    "The Company is responsible for the safety of everyone on site, and expects the same of you.",
    "The successful candidate will be responsible for the daily operation of the booth and its films.",
])
def test_near_miss_an_opening_about_the_employer_or_whoever_is_hired_names_no_title(opening):
    assert read(opening + ASKS).title is None


# --- round 23 (tests/corpus_postings_holdout22, spent) ------------------------------------------------

def test_a_blog_posts_date_is_not_the_title_and_needed_names_the_job():
    text = "Friday, June 17, 2011\n\nP.M. Pastry Cook Needed!\n\nMust be able to stand for over 8 hours per night.\n"
    assert read(text).title == "P.M. Pastry Cook"
    # near miss: "Help wanted" alone keeps its words
    assert read("Monday, May 28, 2007\n\nhelp wanted\n\nI would like someone who can start in June.\n").title \
        == "help wanted"
