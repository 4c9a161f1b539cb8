"""Round 7 of reading a posting (issue 23): the formats of the sixth held-out set, as general
rules, each with a case it fires on and a near miss it leaves alone. Coded items and their
legend, fixed-width tables, numbered headings in capitals, job-board furniture, requirements
written as prose, hedged wishes, headings nobody expected, held titles and language levels."""

from __future__ import annotations

from storybank.postings.check import read
from storybank.postings.extract import classify_heading
from storybank.postings.reading import as_markdown, blocks


def musts(text: str, name: str = "") -> dict[str, bool]:
    return {i.text: i.must for i in read(text, name).items}


def dropped_and_kept(text: str, name: str = "") -> tuple[tuple[str, ...], list[str]]:
    """The headings of the sections left out, and the requirements kept."""
    ex = read(text, name)
    return ex.dropped, [i.text for i in ex.items]


def checklist(text: str, name: str = "") -> dict[str, str]:
    return {c.text: c.kind for c in read(text, name).credentials}


# --- coded items and their legend -------------------------------------------------------------

SPEC = ("PERSON SPECIFICATION\n"
        "Codes: Q = essential (screened at shortlisting), P = preferred (used to rank).\n\n"
        "  REF  CRITERION                       \n"
        "  ---  ------------------------------\n"
        "  Q1   Hands-on HPLC analysis of finished product\n"
        "  Q2   Method transfer between sites\n"
        "  P1   Karl Fischer titration\n"
        "  P2   Stability study coordination\n")


def test_a_legend_gives_coded_items_their_kind_and_the_code_leaves_the_text():
    assert musts(SPEC) == {"Hands-on HPLC analysis of finished product": True, "Method transfer between sites": True,
                           "Karl Fischer titration": False, "Stability study coordination": False}


def test_without_a_legend_a_code_says_nothing_of_must():
    text = SPEC.replace("Codes: Q = essential (screened at shortlisting), P = preferred (used to rank).\n", "")
    assert set(musts(text).values()) == {True}


def test_a_saved_posting_keeps_its_codes_so_the_legend_still_applies():
    again = as_markdown(blocks(SPEC))
    assert "- P1  Karl Fischer titration" in again
    assert musts(again)["Karl Fischer titration"] is False


def test_other_codes_are_read_too_but_a_decimal_before_a_small_word_is_not_one():
    assert [b.text for b in blocks("Requirements\n\nR-04: Budget ownership\n1.2 Method validation\n")
            if b.kind == "bullet"] == ["Budget ownership", "Method validation"]
    assert [b.kind for b in blocks("Requirements:\n\n2.5 years of lab work at a minimum\n")] == ["heading", "para"]


def test_a_fixed_width_header_row_is_no_section():
    kinds = [(b.kind, b.text) for b in blocks(SPEC)]
    assert ("heading", "REF CRITERION") not in kinds
    assert kinds[0] == ("heading", "PERSON SPECIFICATION")


def test_fixed_width_rows_with_a_must_or_nice_column():
    text = ("Skills\n\nKubernetes operations        Must\nTerraform modules            Nice to have\n"
            "Incident reviews             Must\n")
    assert musts(text) == {"Kubernetes operations": True, "Terraform modules": False, "Incident reviews": True}


def test_label_and_value_lines_are_not_a_table():
    text = "Position:     Analytical Chemist II\nDepartment:   QC Chromatography\n\nRequirements\n\n- HPLC\n"
    assert list(musts(text)) == ["HPLC"]


def test_must_and_nice_prefixes():
    assert musts("Requirements\n\n- Must: Kubernetes in production\n- Nice: Istio or Linkerd\n") == {
        "Kubernetes in production": True, "Istio or Linkerd": False}
    # "Must" inside the text is not a mark.
    assert musts("Requirements\n\n- Must-read code reviews for every change\n") == {
        "Must-read code reviews for every change": True}


# --- headings ---------------------------------------------------------------------------------

def test_numbered_headings_in_capitals_open_sections_and_known_ones_are_dropped():
    text = ("3. KEY DUTIES\n  a) Run release testing\n\n4. PERSON SPECIFICATION\n  - HPLC method work\n\n"
            "5. WHAT WE OFFER\n  - 33 days' leave including public holidays\n  - Paid society membership\n")
    ex = read(text)
    assert [i.text for i in ex.items if i.must] == ["HPLC method work"]
    assert "WHAT WE OFFER" in ex.dropped


def test_a_known_heading_numbered_as_the_next_item_of_a_list_is_that_item():
    text = "NICE TO HAVE\n1. Sworn translator status\n2. Working knowledge of memoQ\n"
    assert "Working knowledge of memoQ" in musts(text)


def test_about_and_why_make_boilerplate_only_as_a_headings_first_word():
    text = ("## About Parcelwise\n\n- Founded in 2009\n\n## Paperwork we have to ask about\n\n"
            "1. Current CPI Nonviolent Crisis Intervention certification\n")
    assert dropped_and_kept(text)[0] == ("About Parcelwise",)
    assert list(checklist(text)) == ["Current CPI Nonviolent Crisis Intervention certification"]


def test_a_heading_in_the_conditional_lists_wishes():
    text = ("## What we can't do without\n\n- Co-teaching in core classes\n\n"
            "## Things that would make us grin\n\n- Conversational Spanish\n")
    assert musts(text) == {"Co-teaching in core classes": True, "Conversational Spanish": False}


def test_what_the_employer_gives_back_is_dropped():
    assert dropped_and_kept("## What you bring\n\n- Progress monitoring\n\n## What we give back\n\n"
                            "- A mentor teacher for your first year\n") == (("What we give back",), ["Progress monitoring"])


# --- job-board furniture ----------------------------------------------------------------------

def test_job_board_furniture_is_dropped_but_its_words_inside_a_requirement_are_kept():
    text = ("About you\nYou have run message queues in production.\n\nShow less\n\nMeet the hiring team\n"
            "Amrita Sohal · Partner\nMessage\n")
    ex = read(text)
    assert [i.text for i in ex.items] == ["You have run message queues in production."]
    assert "Meet the hiring team" in ex.dropped


def test_a_posted_line_is_furniture():
    assert musts("Requirements\n\n- Posted 3 days ago\n- 46 applicants\n- Three days a week on site\n") == {
        "Three days a week on site": True}


# --- prose ------------------------------------------------------------------------------------

PROSE = ("About you\n"
         "You have handled EPO oppositions and appeals. You can give clear infringement opinions.\n\n"
         "It would be great if you also bring some of the following. Exposure to US prosecution would help. "
         "Reading knowledge of German is useful but not essential. Any involvement in UPC litigation would "
         "be a bonus.\n")


def test_hedged_sentences_and_what_follows_a_lead_in_to_wishes_are_nice_to_have():
    assert musts(PROSE) == {
        "You have handled EPO oppositions and appeals.": True,
        "You can give clear infringement opinions.": True,
        "Exposure to US prosecution would help.": False,
        "Reading knowledge of German is useful but not essential.": False,
        "Any involvement in UPC litigation would be a bonus.": False,
    }


def test_a_lead_in_without_a_hedge_leaves_the_rest_must_have():
    text = PROSE.replace("It would be great if you also bring some of the following.", "We ask for the following.")
    assert musts(text)["You can give clear infringement opinions."] is True
    assert "We ask for the following." not in musts(text)


def test_a_sentence_asking_two_things_is_two_requirements():
    text = "# Data engineer\n\n## The person\n\nYou will have solid experience of Kafka and be comfortable with schema design.\n"
    assert list(musts(text)) == ["You will have solid experience of Kafka", "Be comfortable with schema design."]
    # The second thing reads as a list's item, not a fragment (a blind set's "…and can negotiate
    # terms face to face." read "can negotiate terms face to face.").
    text = ("# Underwriter\n\n## What you need\n\nWe need someone who builds strong broker relationships "
            "and can negotiate terms face to face.\n")
    assert list(musts(text)) == ["We need someone who builds strong broker relationships",
                                 "Can negotiate terms face to face."]
    # "and" between two things asked together stays one requirement.
    text = "# Data engineer\n\n## The person\n\nYou will have solid experience of Kafka and Flink in production.\n"
    assert list(musts(text)) == ["You will have solid experience of Kafka and Flink in production."]


# --- HTML -------------------------------------------------------------------------------------

PAGE = ("<!DOCTYPE html><html><head><title>Data Engineer &ndash; Acme</title><style>.x{}</style>"
        "<script>var a = '<li>x</li>';</script></head><body>"
        "<nav><a>Jobs</a> &rsaquo; <a>Engineering</a></nav>"
        "<h2>What you&#8217;ll need</h2>"
        "<ul><li>Strong SQL &amp; Python<ul><li>dbt&nbsp;models</li></ul></li>"
        "<li>Experience with Airflow<br>or Dagster</li></ul>"
        "<h2>Salary</h2><ul><li>&pound;60k plus bonus</li></ul>"
        "<footer><ul><li>Privacy policy</li></ul></footer></body></html>")


def test_a_careers_page_with_entities_nested_lists_and_a_line_break_inside_an_item():
    assert dropped_and_kept(PAGE, "job.html") == (
        ("Salary",), ["Strong SQL & Python", "dbt models", "Experience with Airflow or Dagster"])


def test_a_line_break_between_marked_lines_still_parts_them():
    ex = read("<h2>Requirements</h2><p>- Experience with Epic<br>- Clear notes</p>", "job.html")
    assert [i.text for i in ex.items] == ["Experience with Epic", "Clear notes"]


# --- credentials ------------------------------------------------------------------------------

def test_a_title_held_is_a_licence_but_qualified_people_are_not():
    assert checklist("About you\nYou are a qualified European Patent Attorney.\n") == {
        "You are a qualified European Patent Attorney.": "licence"}
    assert checklist("Requirements\n\n- Qualified candidates will join our Munich team\n") == {}


def test_a_certificate_worked_with_is_a_skill_not_a_credential():
    ex = read("About you\nExperience with supplementary protection certificates is welcome.\n")
    assert ex.credentials == ()
    assert [i.text for i in ex.items] == ["Experience with supplementary protection certificates is welcome."]
    assert checklist("Requirements\n\n- Current BLS certification\n") == {"Current BLS certification": "certification"}


def test_a_language_level_is_on_the_checklist_and_still_matched():
    ex = read("Your profile\n\n- English native speaker with German at C2 level\n- Conversational Spanish\n")
    assert [(c.text, c.kind) for c in ex.credentials] == [("English native speaker with German at C2 level", "language")]
    assert [i.text for i in ex.items] == ["English native speaker with German at C2 level", "Conversational Spanish"]


# --- must-have read from the wording, and more boilerplate --------------------------------------

def test_a_hedge_on_one_part_leaves_the_requirement_a_must_have():
    text = ("Requirements\n\n- Deployed services on a cloud platform (GCP preferred)\n"
            "- At least 2 years' post-graduate experience, ideally with 12 months in outpatient MSK\n"
            "- A master's degree in special education (preferred, not required)\n"
            "- Experience with accessibility research is a big plus\n")
    assert musts(text) == {"Deployed services on a cloud platform (GCP preferred)": True,
                           "At least 2 years' post-graduate experience, ideally with 12 months in outpatient MSK": True,
                           "Experience with accessibility research is a big plus": False}
    assert "A master's degree in special education (preferred, not required)" in checklist(text)
    # "Ideally" that opens the requirement speaks of the whole of it.
    assert musts("Requirements\n\n- Ideally, you have led an on-call rota\n") == {
        "Ideally, you have led an on-call rota": False}


def test_a_lead_in_ending_in_a_colon_asks_nothing_itself():
    text = ("Stuff we care about\n\nThese matter as much as the dealbreakers, and we'll ask about each one:\n"
            "- Calm written English with upset customers\n")
    assert list(musts(text)) == ["Calm written English with upset customers"]
    hedged = "Requirements\n\nIt would be great if you also bring:\n- Istio\n"
    assert musts(hedged) == {"Istio": False}


def test_a_heading_with_an_aside_in_parentheses_is_still_known():
    text = ("What we're looking for\n\n- Usability testing\n\nNice to haves (none of these are deal-breakers)\n"
            "- Conversational Spanish\n")
    assert musts(text) == {"Usability testing": True, "Conversational Spanish": False}


def test_a_pay_line_is_boilerplate_but_a_budget_managed_is_not():
    text = ("Requirements\n\n- £60,000–£70,000 a year\n- $45/hr plus overtime\n"
            "- Managed a £2m a year marketing budget\n")
    assert list(musts(text)) == ["Managed a £2m a year marketing budget"]


def test_the_whole_heading_the_team_is_boilerplate_but_a_heading_about_what_the_team_needs_is_not():
    assert dropped_and_kept("# Scientist\n\n## The team\n\nYou will join eight scientists who build assays.\n\n"
                            "## What the team needs from you\n\n- Primary cell culture\n") == (
        ("The team",), ["Primary cell culture"])


def test_pay_as_a_heading_is_boilerplate_but_pay_inside_a_heading_is_not():
    assert classify_heading("Schedule and Pay") == "boilerplate"
    assert classify_heading("Pay & benefits") == "boilerplate"
    assert classify_heading("The problem we'd pay you to solve") == "other"


def test_belts_memberships_credentials_accreditations_and_a_number_in_brackets_are_held():
    text = ("Requirements\n\n- Lean Six Sigma Green Belt or higher\n- Enrolled Agent credential\n"
            "- Up-to-date CSP membership with professional liability cover\n"
            "- Acupuncture or dry needling (AACP accredited)\n")
    assert set(checklist(text)) == {"Lean Six Sigma Green Belt or higher", "Enrolled Agent credential",
                                    "Up-to-date CSP membership with professional liability cover",
                                    "Acupuncture or dry needling (AACP accredited)"}
    assert checklist("Requirements\n\n- Two (2) years of security monitoring\n") == {
        "Two (2) years of security monitoring": "years"}
    # Near misses: a member of a team is no membership, a belt on a conveyor no grade.
    assert checklist("Requirements\n\n- A supportive member of a busy team\n- Conveyor belt maintenance\n") == {}


def test_a_labelled_line_that_is_one_sentence_is_not_cut_at_its_commas():
    text = ("MINIMUM QUALIFICATIONS\nExperience: Two (2) years of full-time experience monitoring, analyzing or "
            "responding to information security events.\n")
    assert list(checklist(text)) == ["Experience: Two (2) years of full-time experience monitoring, analyzing or "
                                     "responding to information security events."]
    # A list after the same label is still one requirement per item.
    assert list(musts("Data engineer\n\nRequirements: Python, SQL, Airflow, and clear written English.\n")) == [
        "Python", "SQL", "Airflow", "clear written English"]


def test_buttons_run_together_on_one_line_are_furniture_but_a_sentence_starting_with_one_is_not():
    text = "Requirements\n\n- Apply now Share\n- Save | Print\n- Share your findings with the product team\n"
    assert list(musts(text)) == ["Share your findings with the product team"]


def test_a_page_that_opens_on_a_sections_heading_takes_its_title_from_the_title_element():
    page = ("<html><head><title>Senior SRE &ndash; Parcelwise</title></head><body><header><h1>Senior SRE</h1>"
            "</header><h2>About Parcelwise</h2><p>We move parcels.</p><h2>What you'll need</h2>"
            "<ul><li>Kubernetes</li></ul></body></html>")
    # Round 20 (postmatch20b): the job's own <h1>, though left out with the header, names the job
    # over the <title>, which adds the site's name; with no <h1> there, the <title> names it.
    assert read(page, "job.html").title == "Senior SRE"
    assert read(page.replace("<h1>Senior SRE</h1>", ""), "job.html").title == "Senior SRE – Parcelwise"
    # A page that opens on its own heading keeps it.
    assert read(page.replace("<header><h1>Senior SRE</h1></header>", "<h1>Senior SRE</h1>"), "job.html").title == "Senior SRE"


def test_a_known_heading_with_an_aside_is_a_heading_but_a_heading_and_its_list_is_not():
    read_as = [(b.kind, b.text) for b in blocks("Nice to haves (none are deal-breakers)\nSpanish\n\n"
                                                "Requirements: Python, SQL (2016 or later)\n")]
    assert read_as == [("heading", "Nice to haves (none are deal-breakers)"), ("para", "Spanish"),
                       ("heading", "Requirements"), ("bullet", "Python"), ("bullet", "SQL (2016 or later)")]
