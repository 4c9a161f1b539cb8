"""Story text is data: escaped in HTML, verbatim in Markdown and text, never run as a template."""

from __future__ import annotations

import pytest

from storybank.export import render_cheatsheet

from .conftest import HOSTILE, catalog, needs_weasyprint, open_bank, pdf_text


def _render(root, fmt: str) -> str:
    return render_cheatsheet(open_bank(root), catalog(), fmt, "letter").data.decode("utf-8")


def test_html_escapes_story_text(hostile_bank):
    out = _render(hostile_bank, "html")
    assert "<script" not in out and "<b>bold</b>" not in out and "<i>u</i>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;bold&lt;/b&gt;" in out or "&lt;i&gt;u&lt;/i&gt;" in out
    for key in ("jinja_expr", "jinja_raw", "jinja_comment", "emoji", "arabic", "hebrew"):
        assert HOSTILE[key] in out, key
    assert "49" not in out


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_text_formats_keep_story_text_verbatim(hostile_bank, fmt):
    out = _render(hostile_bank, fmt)
    for key in ("script", "jinja_expr", "jinja_raw", "jinja_comment", "emoji", "arabic", "hebrew"):
        assert HOSTILE[key] in out, key
    assert "49" not in out
    assert "&lt;" not in out


@needs_weasyprint
@pytest.mark.slow
def test_pdf_prints_story_text_as_text(hostile_bank):
    data = render_cheatsheet(open_bank(hostile_bank), catalog(), "pdf", "a4").data
    text = " ".join(pdf_text(data).split())
    assert "<script>alert(1)</script>" in text and "{{ 7*7 }}" in text
    assert "49" not in text


def test_user_template_gets_story_text_as_data(hostile_bank, tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text("{% for e in sheet.entries %}[{{ e.title }}]\n{% endfor %}", encoding="utf-8")
    out = render_cheatsheet(open_bank(hostile_bank), catalog(), "md", template=template).data.decode()
    assert "[<script>alert(1)</script> {{ 7*7 }} " in out and "49" not in out
    html_template = tmp_path / "mine.html.j2"
    html_template.write_text("{% for e in sheet.entries %}<p>{{ e.title }}</p>{% endfor %}",
                             encoding="utf-8")
    out = render_cheatsheet(open_bank(hostile_bank), catalog(), "html", template=html_template).data.decode()
    assert "<p>&lt;script&gt;" in out and "<script>" not in out
