"""Round 16 of issue 23 (reading): the formats that holdout15 read wrong, as general rules, each
with a case it fires on and a near miss it leaves alone. A list quoted with ">" in plain text, a
job board's bracketed buttons and its row of links, its panels around the posting, a perk's
"dental" that is no dental hygiene degree, and a permit to practise a procedure."""

from __future__ import annotations

import pytest

from storybank.postings.check import read


def kept(text: str) -> list[str]:
    return [i.text for i in read(text).items]


def checklist(text: str) -> list[str]:
    return [c.text for c in read(text).credentials]


# --- a list quoted with ">" -------------------------------------------------------------------

def test_lines_quoted_with_a_sign_are_a_list_of_requirements_each_on_its_own():
    text = ("Requirements\n> Scaling and root planing (SRP) and periodontal maintenance\n"
            "> Digital radiographs and intraoral camera\n\nPreferred\n> iTero scanning for Invisalign cases\n"
            "> Spanish speaking a plus\n")
    assert kept(text) == ["Scaling and root planing (SRP) and periodontal maintenance",
                          "Digital radiographs and intraoral camera", "iTero scanning for Invisalign cases",
                          "Spanish speaking a plus"]


@pytest.mark.parametrize("quote", [
    # One quoted line of prose, as Markdown quotes a motto.
    "> You have run message queues in production and can show us how.\n",
    # A quoted paragraph wrapped over lines: its second line goes on in lower case.
    "> You have run message queues in production for years and you can\n> show us how you kept them up.\n",
])
def test_a_quoted_paragraph_stays_one_piece_of_prose(quote):
    assert len(kept("Requirements\n" + quote)) == 1


# --- a job board's furniture --------------------------------------------------------------------

BOARD = ("Find jobs | Company reviews | Salary guide | Sign in\n"
         "What: customs broker    Where: Long Beach, CA    [ Search ]\n"
         "< Back to search results\n\n"
         "Licensed Customs Broker\n"
         "Profile insights › Find out how your skills align with the job description\n\n"
         "Qualifications:\n* ACE ABI filing (entry summaries, 7501)\n")


def test_a_job_boards_search_form_links_and_panels_are_no_requirements_and_the_title_is_found():
    extracted = read(BOARD)
    assert [i.text for i in extracted.items] == ["ACE ABI filing (entry summaries, 7501)"]
    assert extracted.title == "Licensed Customs Broker"


def test_brackets_around_other_words_than_a_button_leave_a_requirement_alone():
    assert kept("Requirements\n- Reading [ Python ] type stubs and fixing them\n") == [
        "Reading [ Python ] type stubs and fixing them"]


def test_a_table_row_of_short_cells_with_no_link_is_not_a_row_of_links():
    from storybank.postings.extract import _link_row

    assert _link_row("find jobs | company reviews | sign in")
    assert not _link_row("kubernetes | must | daily")


# --- a perk's "dental", and a permit ------------------------------------------------------------

def test_a_dental_perk_is_boilerplate_but_a_dental_hygiene_degree_is_a_credential():
    text = ("Requirements\n- Associate or Bachelor's degree in Dental Hygiene from a CODA-accredited program\n"
            "- Medical, dental and vision cover for you and your family\n")
    assert checklist(text) == ["Associate or Bachelor's degree in Dental Hygiene from a CODA-accredited program"]
    assert kept(text) == []


def test_a_permit_to_practise_is_a_credential_but_a_permit_to_work_system_is_a_skill():
    text = ("Requirements\n- Local anesthesia permit (Colorado)\n"
            "- Strict adherence to safe isolation procedures and permit-to-work systems\n")
    assert checklist(text) == ["Local anesthesia permit (Colorado)"]
    assert kept(text) == ["Strict adherence to safe isolation procedures and permit-to-work systems"]
