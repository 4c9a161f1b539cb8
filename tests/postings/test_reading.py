"""Reading a posting: plain text, Markdown and HTML into headings, bullets and paragraphs, and
what cannot be read refused in one line (README "Job postings")."""

from __future__ import annotations

import pytest

from storybank.postings.reading import PostingUnreadable, as_markdown, blocks, decode, read_source


def kinds(text: str, name: str = "") -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in blocks(text, name)]


def test_plain_text_headings_bullets_and_wrapped_lines():
    text = ("Staff Nurse\n\nWhat you bring to the bedside:\n• Active RN license\n• Skill in titrating\n"
            "  vasoactive infusions\n\nGood to have\n- CCRN certification\n")
    assert kinds(text) == [
        ("para", "Staff Nurse"),
        ("heading", "What you bring to the bedside"),
        ("bullet", "Active RN license"),
        ("bullet", "Skill in titrating vasoactive infusions"),
        ("heading", "Good to have"),
        ("bullet", "CCRN certification"),
    ]


def test_markdown_headings_bold_lines_numbered_bullets_and_links():
    text = ("# Quant Developer\n\n**What you bring**\n\n1. Strong [C++](https://isocpp.org)\n"
            "2) Python, *pandas*\n\n## Benefits\n\n- Gym\n")
    assert kinds(text) == [
        ("heading", "Quant Developer"), ("heading", "What you bring"),
        ("bullet", "Strong C++"), ("bullet", "Python, pandas"),
        ("heading", "Benefits"), ("bullet", "Gym"),
    ]


def test_html_skips_scripts_navigation_and_footers_and_reads_bold_paragraphs_as_headings():
    html = ("<html><head><title>Ignored title</title><script>var a='<li>no</li>';</script></head><body>"
            "<nav><ul><li>Home</li></ul></nav><h1>Data Annotator</h1><p><strong>Must haves:</strong></p>"
            "<ul><li>Fluent <b>Portuguese</b></li><li>Labeling &amp; QA</li></ul><footer>© Co</footer></body></html>")
    assert kinds(html, "job.html") == [
        ("heading", "Data Annotator"), ("heading", "Must haves"),
        ("bullet", "Fluent Portuguese"), ("bullet", "Labeling & QA"),
    ]


def test_html_is_recognised_by_its_content_when_pasted():
    assert kinds("<ul><li>Kafka</li></ul>") == [("bullet", "Kafka")]


def test_markdown_round_trip_keeps_structure():
    original = blocks("<h2>Requirements</h2><ul><li>SQL</li><li>dbt</li></ul><p>We like tea.</p>", "x.html")
    again = blocks(as_markdown(original))
    assert again == original


@pytest.mark.parametrize("data, says", [
    (b"%PDF-1.7\n...", "is a PDF"),
    (b"abc\x00def", "not text"),
])
def test_what_is_not_text_is_refused(data, says):
    with pytest.raises(PostingUnreadable, match=says):
        decode(data, "posting.bin")


def test_windows_1252_and_a_byte_order_mark_are_read():
    assert decode("Café – naïve".encode("cp1252")) == "Café – naïve"
    assert decode(b"\xef\xbb\xbfHello") == "Hello"


def test_a_missing_file_and_a_folder_are_one_clear_line(tmp_path):
    with pytest.raises(PostingUnreadable, match="no such file"):
        read_source(str(tmp_path / "nope.txt"))
    with pytest.raises(PostingUnreadable, match="is a folder"):
        read_source(str(tmp_path))
    with pytest.raises(PostingUnreadable, match="nothing on standard input"):
        read_source("-", None)
