"""`storybank export`: formats from suffixes, files written atomically, clear one-line errors."""

from __future__ import annotations

import pytest

from storybank.cli import main

from .conftest import needs_weasyprint, pdf_pages, run_cli


def export(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_to_stdout_by_default(small_bank, capsys):
    code, out, err = export(capsys, "--bank", str(small_bank))
    assert code == 0 and err == ""
    assert out.startswith("# Interview cheat sheet") and "## 1. Owned project" in out


@pytest.mark.parametrize(("name", "fmt", "start"), [
    ("sheet.md", "md", "# Interview"), ("sheet.markdown", "md", "# Interview"),
    ("sheet.html", "html", "<!DOCTYPE html>"), ("sheet.htm", "html", "<!DOCTYPE html>"),
    ("sheet.TXT", "txt", "INTERVIEW CHEAT SHEET"),
])
def test_output_suffix_picks_the_format(small_bank, tmp_path, capsys, name, fmt, start):
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / name
    code, out, err = export(capsys, "--bank", str(small_bank), "-o", str(target))
    assert code == 0, err
    assert out == f"Wrote cheat sheet ({fmt}, Letter) to {target}\n"
    assert target.read_text(encoding="utf-8").startswith(start)
    assert [p.name for p in target.parent.iterdir()] == [name]  # no temp files left behind


def test_format_flag_wins_over_the_suffix(small_bank, tmp_path, capsys):
    target = tmp_path / "sheet.md"
    code, out, _ = export(capsys, "--bank", str(small_bank), "--format", "txt", "-o", str(target),
                          "--paper", "a4")
    assert code == 0 and out == f"Wrote cheat sheet (txt, A4) to {target}\n"
    assert target.read_text().startswith("INTERVIEW CHEAT SHEET")


def test_format_flag_prints_that_format_to_stdout(small_bank, capsys):
    code, out, _ = export(capsys, "--bank", str(small_bank), "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")


def test_unknown_suffix_is_a_clear_error(small_bank, tmp_path, capsys):
    code, out, err = export(capsys, "--bank", str(small_bank), "-o", str(tmp_path / "sheet.docx"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "sheet.docx" in err and "--format" in err
    assert not (tmp_path / "sheet.docx").exists()


def test_pdf_to_a_terminal_is_refused(small_bank, capsys, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = export(capsys, "--bank", str(small_bank), "--format", "pdf")
    assert code == 2 and out == "" and "-o" in err and err.count("\n") == 1


@needs_weasyprint
@pytest.mark.slow
def test_pdf_to_a_redirected_stdout_is_written(small_bank, tmp_path):
    """`export --format pdf > sheet.pdf`: stdout is a file, not a terminal (issue 21, item 11)."""
    import subprocess
    import sys

    target = tmp_path / "sheet.pdf"
    with open(target, "wb") as out:
        done = subprocess.run([sys.executable, "-m", "storybank", "--bank", str(small_bank), "export",
                               "--format", "pdf"], stdout=out, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 0, done.stderr
    assert pdf_pages(target.read_bytes()) == 1


def test_an_existing_file_is_replaced_only_with_force(small_bank, tmp_path, capsys):
    """An export of an emptied bank once replaced a full cheat sheet (issue 21, item 15)."""
    target = tmp_path / "sheet.md"
    target.write_text("my full cheat sheet\n")
    code, out, err = export(capsys, "--bank", str(small_bank), "-o", str(target))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "exists" in err and "--force" in err
    assert target.read_text() == "my full cheat sheet\n"
    code, out, err = export(capsys, "--bank", str(small_bank), "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text().startswith("# Interview cheat sheet")


def test_json_is_not_an_export_format(small_bank, capsys):
    code, _, err = export(capsys, "--bank", str(small_bank), "--format", "json")
    assert code == 2 and "md, html, txt, pdf" in err


def test_missing_output_folder(small_bank, tmp_path, capsys):
    code, _, err = export(capsys, "--bank", str(small_bank), "-o", str(tmp_path / "nope" / "s.md"))
    assert code == 2 and "does not exist" in err


def test_load_errors_are_reported_and_the_rest_exported(small_bank, tmp_path, capsys):
    (small_bank / "broken.toml").write_text('title = "x\n', encoding="utf-8")
    target = tmp_path / "sheet.md"
    code, out, err = export(capsys, "--bank", str(small_bank), "-o", str(target))
    assert code == 2
    assert "broken.toml" in err and "load error" in err
    assert "Wrote cheat sheet" in out
    assert "Story 1 for project" in target.read_text()


def test_missing_bank_says_how_to_create_one(tmp_path, capsys):
    code, _, err = export(capsys, "--bank", str(tmp_path / "none"))
    assert code == 2 and "storybank init" in err


@needs_weasyprint
@pytest.mark.slow
def test_pdf_file(small_bank, tmp_path, capsys):
    target = tmp_path / "sheet.pdf"
    code, out, _ = export(capsys, "--bank", str(small_bank), "-o", str(target), "--paper", "a4")
    assert code == 0 and out == f"Wrote cheat sheet (pdf, A4) to {target}\n"
    assert pdf_pages(target.read_bytes()) == 1


def test_pdf_without_weasyprint_explains_the_fix(small_bank, tmp_path, capsys, monkeypatch):
    from storybank.export import pdf

    monkeypatch.setattr(pdf, "_import", lambda: ImportError("No module named 'weasyprint'"))
    code, out, err = export(capsys, "--bank", str(small_bank), "-o", str(tmp_path / "s.pdf"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert "pip install 'storybank[pdf]'" in err and "pango" in err.lower() and "html" in err.lower()
    # HTML still works, measured by the character budget instead.
    code, out, err = export(capsys, "--bank", str(small_bank), "-o", str(tmp_path / "s.html"))
    assert code == 0 and (tmp_path / "s.html").exists()


# --- user templates -------------------------------------------------------------------------------


def test_user_template_format_from_its_name(small_bank, tmp_path, capsys):
    template = tmp_path / "mine.txt.j2"
    template.write_text("{{ sheet.covered }} covered on {{ paper_name }}\n", encoding="utf-8")
    code, out, _ = export(capsys, "--bank", str(small_bank), "--template", str(template))
    assert code == 0 and out == "8 covered on Letter\n"


def test_user_template_can_extend_the_builtin_one(small_bank, tmp_path, capsys):
    template = tmp_path / "mine.html.j2"
    template.write_text('{% extends "cheatsheet.html.j2" %}', encoding="utf-8")
    code, out, _ = export(capsys, "--bank", str(small_bank), "--template", str(template))
    assert code == 0 and out.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(("body", "line", "words"), [
    ("ok\n{% for x in %}\n", 2, "expected an expression"),
    ("one\ntwo\n{{ sheet.no_such_field }}\n", 3, "no_such_field"),
    ("{{ undefined_name }}\n", 1, "undefined_name"),
    ("\n\n\n{{ 1 / 0 }}\n", 4, "division by zero"),
    ("{% for e in sheet.entries %}\n{{ e.title | no_such_filter }}\n{% endfor %}\n", 2, "no_such_filter"),
    ('{% include "not-there.j2" %}', 1, "not-there.j2"),
])
def test_broken_user_template_is_file_line_message(small_bank, tmp_path, capsys, body, line, words):
    template = tmp_path / "broken.md.j2"
    template.write_text(body, encoding="utf-8")
    code, out, err = export(capsys, "--bank", str(small_bank), "--template", str(template))
    assert code == 2 and out == ""
    assert err.startswith(f"storybank: {template}:{line}: ")
    assert words in err.lower() and err.count("\n") == 1


def test_missing_template(small_bank, tmp_path, capsys):
    code, _, err = export(capsys, "--bank", str(small_bank), "--template", str(tmp_path / "x.j2"))
    assert code == 2 and "does not exist" in err


@pytest.mark.slow
def test_broken_template_in_a_real_process_has_no_traceback(small_bank, tmp_path):
    template = tmp_path / "broken.html.j2"
    template.write_text("<p>\n{{ sheet.entries[0].nope }}\n</p>\n", encoding="utf-8")
    result = run_cli("export", "--bank", str(small_bank), "--template", str(template), "-o",
                     str(tmp_path / "out.html"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert result.stderr.startswith(f"storybank: {template}:2: ")
    assert not (tmp_path / "out.html").exists()
