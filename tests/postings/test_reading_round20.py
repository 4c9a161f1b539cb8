"""Round 20 of issue 23, reading (tests/corpus_postings_holdout19, spent): shapes of real postings
that lost requirements or took an address for one. A posting forwarded in an e-mail (every line
quoted), a fax line wrapped early, a numbered duty run into its heading, a heading that says what
the candidate must, where to send the application, and a static site's page head. Each rule has
a case it fires on and a near miss it must leave alone; the quoted words come from holdout19."""

from __future__ import annotations

from storybank.postings.check import read
from storybank.postings.reading import _unquoted, blocks

FORWARDED = """> POSITION AVAILABLE
>
> School of Music
>
> Duties: 1. Tune, repair, regulate, and voice concert instruments in the
> performance halls.
>
> 2. Tune and service the practice room pianos.
>
> In addition, the candidate must:
>
> Own his/her own tools.
>
> Be available to work evening concerts and special events on
> weekends.
>
> To apply, address letter of application to:
>
> Charles Ervin
> Director of Personnel
> P.O. Box 97053
>
"""


def test_a_posting_forwarded_in_an_email_is_read_as_the_mail_reader_shows_it():
    texts = [i.text for i in read(FORWARDED).items]
    assert texts == ["Tune, repair, regulate, and voice concert instruments in the performance halls.",
                     "Tune and service the practice room pianos.",
                     "Own his/her own tools.",
                     "Be available to work evening concerts and special events on weekends."]
    assert not any(">" in t or "Ervin" in t or "Box" in t for t in texts)


def test_near_miss_a_markdown_block_quote_among_plain_lines_stays_the_postings_own_layout():
    lines = ["Data Analyst", "", "> Location: Berlin", "", "Requirements", "", "- SQL and Python", "- Tableau"]
    assert _unquoted(lines) == lines
    assert [i.text for i in read("\n".join(lines)).items] == ["SQL and Python", "Tableau"]


def test_a_line_stopping_on_a_joining_word_goes_on_in_the_next_lower_case_line():
    paras = [b.text for b in blocks("Notes\n\nBe available to work evening concerts and special events on\nweekends.\n")
             if b.kind == "para" and b.text != "Notes"]
    assert paras == ["Be available to work evening concerts and special events on weekends."]


def test_near_miss_a_short_line_that_can_end_is_an_item_of_its_own():
    # Pasted requirement lines, one per line, the second starting in lower case.
    paras = [b.text for b in blocks("Notes\n\nOwn tools\nweekend availability\n")
             if b.kind == "para" and b.text != "Notes"]
    assert paras == ["Own tools", "weekend availability"]


def test_a_numbered_list_whose_first_item_runs_into_its_heading_keeps_that_item_whole():
    found = [(b.kind, b.text) for b in blocks("Tuner\n\nDuties: 1. Tune, repair, regulate, and voice concert instruments.\n")][1:]
    assert found == [("heading", "Duties"), ("bullet", "Tune, repair, regulate, and voice concert instruments.")]


def test_near_miss_a_heading_with_a_colon_and_a_short_list_is_still_cut_at_commas():
    found = [(b.kind, b.text) for b in blocks("Tuner\n\nYou will need: Python, SQL, Airflow\n")][1:]
    assert found == [("heading", "You will need"), ("bullet", "Python"), ("bullet", "SQL"), ("bullet", "Airflow")]


def test_every_sentence_under_a_heading_that_says_what_the_candidate_must_is_asked():
    posting = ("Piano Technician\n\nIn addition, the candidate must:\n\nOwn his/her own tools.\n\n"
               "Supervise all moving of instruments on campus.\n")
    assert [(i.text, i.must) for i in read(posting).items] == [
        ("Own his/her own tools.", True), ("Supervise all moving of instruments on campus.", True)]


def test_near_miss_plain_sentences_under_a_heading_that_asks_nothing_are_not_requirements():
    posting = ("Piano Technician\n\nAbout the role\n\nOur pianos live in three halls.\n\n"
               "Requirements\n\n- Five years of concert tuning\n")
    assert [i.text for i in read(posting).items] == ["Five years of concert tuning"]


MARINE = """Marine Science Technician

Qualifications:

- Must have mechanical skills and an aptitude in the use of basic hand and power tools.

Interested candidates should email their applications including a cover letter, resume/CV and three references to:

Human Resources, Bermuda Institute of Ocean Sciences (BIOS), 17 Biological Station, St. George's GE01, Bermuda
Email: HR@bios.edu

Closing Date: May 31, 2023
"""


def test_where_and_by_when_to_apply_is_no_requirement():
    assert [i.text for i in read(MARINE).items] == [
        "Must have mechanical skills and an aptitude in the use of basic hand and power tools."]


def test_near_miss_a_lead_in_to_what_is_asked_keeps_the_paragraphs_under_it():
    posting = ("Marketing Assistant\n\nQualifications:\n\n- Two years in retail marketing.\n\n"
               "We would also like to see the following in your answers:\n\n"
               "Experience with email marketing tools such as Mailchimp.\n")
    assert [i.text for i in read(posting).items] == [
        "Two years in retail marketing.", "Experience with email marketing tools such as Mailchimp."]


FRONT = """---
layout: post
title: Marine science technician at Bermuda Institute of Ocean Sciences
tags: [technician, observations]
comments: false
---
We have a vacancy for a Marine Science Technician.

Qualifications:

- Demonstrated ability to work on the deck of a research vessel.
"""


def test_a_static_sites_page_head_gives_the_title_and_is_no_part_of_the_posting():
    posting = read(FRONT, "posting.md")
    assert posting.title == "Marine science technician at Bermuda Institute of Ocean Sciences"
    assert [i.text for i in posting.items] == ["Demonstrated ability to work on the deck of a research vessel."]


def test_near_miss_a_posting_that_opens_with_a_rule_and_prose_keeps_its_opening():
    text = "---\nWe are hiring a deckhand for our towboats.\n---\n\nRequirements\n\n- TWIC card\n"
    assert any("deckhand" in b.text for b in blocks(text, "posting.md"))


# --- round 21 (tests/corpus_postings_holdout20, spent) -------------------------------------------

FARM = """HoneyLove Homestead LLC is looking to hire both part and full-times employees for the 2022 season.

An ideal candidate possesses the following:
-Reliable transportation.
-A quick learner who pays attention to detail.

To apply, send a resume, cover letter, and 3 work references to farlandfungi@gmail.com
Use the subject line, "2022 HOMESTEAD EMPLOYMENT."
"""


def test_a_list_typed_with_a_dash_against_each_item_is_a_list():
    assert [i.text for i in read(FARM).items] == ["Reliable transportation.", "A quick learner who pays attention to detail."]


def test_near_miss_a_lone_line_opening_with_a_dash_is_not_a_bullet():
    kinds = [(b.kind, b.text) for b in blocks("Notes\n\n-Note: bring boots.\n")]
    assert ("bullet", "Note: bring boots.") not in kinds


def test_what_follows_how_to_apply_to_an_email_address_is_no_requirement():
    assert not any("subject line" in i.text for i in read(FARM).items)


def test_near_miss_a_requirement_after_a_sentence_naming_an_email_tool_is_kept():
    posting = ("Marketing Assistant\n\nQualifications:\n\n"
               "You will send our newsletter from hello@shop.example every week.\n\n"
               "Experience with Mailchimp campaigns is required.\n")
    assert "Experience with Mailchimp campaigns is required." in [i.text for i in read(posting).items]
