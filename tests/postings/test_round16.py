"""Round 16 of issue 23 (reading): the formats that holdout15 read wrong, as general rules, each
with a case it fires on and a near miss it leaves alone. A list quoted with ">" in plain text, a
job board's bracketed buttons and its row of links, its panels around the posting, a perk's
"dental" that is no dental hygiene degree, and a permit to practise a procedure. Then its traps:
a clause of the candidate's that denies the act ("I have never filed one myself"), and a name met
only by a verb the stemmer gives the same key ("argued" for Argus)."""

from __future__ import annotations

import pytest

from storybank.postings.check import read
from tests.postings.conftest import checked_against


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


def test_a_markdown_block_quote_set_apart_by_a_blank_line_is_no_list():
    text = "# Data Engineer\n\n> Location: Berlin\n> Team: Payments\n\n## Requirements\n\n- Python and SQL\n"
    assert kept(text) == ["Python and SQL"]


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


# --- traps: an act the candidate denies, and a name met only by a verb -------------------------

# Sentence -> the candidate's own act?: each denial next to the act done or a "never" that denies nothing.
DENIED = {
    "I filed the FDA prior notice for every food shipment myself.": True,
    "Anything needing FDA clearance went to our food desk, and I have never filed one myself.": False,
    "I used the diode laser on twelve patients last year.": True,
    "Only Dr Moreno took the training, and I did not use the diode laser once.": False,
    "We ran the machine translation pilot for the client in March.": True,
    "We weren't part of the machine translation pilot the innovation team ran.": False,
    # A clause of time does not outweigh the main clause that denies the act; one that does not deny it stands.
    "The lab moved to Benchling after I left the group, so I never used it.": False,
    "The lab moved to Benchling before I left the group, so I trained the new staff on it.": True,
    # A "never" further on, and a second clause of the candidate's that is not denied.
    "I checked every entry twice so that a hold would never reach the importer.": True,
    "I never let a filing go out unchecked, and I filed 300 entries in ACE.": True,
}


def test_a_clause_of_the_candidates_that_denies_the_act_is_not_their_own_act():
    from storybank.postings.own_act import tells_own_act

    assert {sentence: tells_own_act(sentence, "action") for sentence in DENIED} == DENIED


DATABASES = """\
# Drug safety scientist

## Requirements

- Experience with safety databases such as Argus or ArisG
"""


def test_a_name_is_not_met_by_a_verb_the_stemmer_gives_its_key():
    named = "I entered 340 serious cases into Argus and ran the weekly safety database listings."
    argued = ("I argued for a wallet card plus a short leaflet, because the patients I tested it with said "
              "they would never read twenty pages.")
    verdicts = [checked_against(DATABASES, s).requirements[0].verdict for s in (named, argued)]
    assert verdicts == ["shown", "missing"]
