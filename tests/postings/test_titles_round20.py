"""Round 20 (postmatch20b) of issue 23: the title a posting is read with. The spent sets' labelled
titles are compared by tests/postings/measure_titles.py; the floor below keeps the count of wrong
ones from rising, and each rule has a real case and a near miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybank.postings.check import read

HERE = Path(__file__).resolve().parent

REQUIREMENTS = "\n\n<h2>Requirements</h2><ul><li>Experience with SAS</li></ul></body></html>"


# --- an HTML page: the job's own <h1>, not the page's <title> -----------------------------------

def test_the_h1_in_a_page_header_is_the_title_not_the_page_s_title():
    # holdout4 molecular_biologist, holdout6 site_reliability, holdout12 biostatistician: the <h1>
    # sits in a <header> left out with the site's menu; the <title> ends with the careers site's name.
    page = ("<html><head><title>Biostatistician II &ndash; Careers &middot; Halden Clinical Research</title>"
            "</head><body><header><h1>Biostatistician II (Phase II&ndash;III)</h1></header>" + REQUIREMENTS)
    assert read(page, "posting.html").title == "Biostatistician II (Phase II–III)"


def test_near_miss_a_header_with_no_h1_still_gives_the_page_s_title():
    # holdout8 hr_business_partner's header holds only the breadcrumb: the <title> stands.
    page = ("<html><head><title>HR Business Partner</title></head><body><header><nav><a href='/'>Ardley"
            "</a></nav></header><h2>About Ardley</h2><p>We cast aluminium parts.</p>" + REQUIREMENTS)
    assert read(page, "posting.html").title == "HR Business Partner"
