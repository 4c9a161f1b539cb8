"""The export formats are one table of records (issue 20 item 6): the command line, the export
dialog and the renderer all read `storybank.export.formats`."""

from __future__ import annotations

from storybank.export.api import FORMATS, format_for_path, format_for_template
from storybank.export.formats import DEFAULT, SUFFIXES
from storybank.export.formats import FORMATS as TABLE
from storybank.export.render import BUILTIN
from storybank.paths import templates_dir


def test_every_format_has_its_template_and_suffixes():
    assert FORMATS == ("md", "html", "txt", "pdf") and DEFAULT in TABLE
    for fmt in TABLE.values():
        assert (templates_dir() / fmt.template).is_file()
        assert BUILTIN[fmt.id] == fmt.template
        for suffix in fmt.suffixes:
            assert format_for_path(f"sheet{suffix.upper()}") == fmt.id
            assert format_for_template(f"mine{suffix}.j2") == fmt.id
    assert len(SUFFIXES) == sum(len(f.suffixes) for f in TABLE.values())   # no suffix twice
    assert format_for_path("sheet.docx") is None                          # near miss


def test_escaping_and_binary_output_follow_the_table():
    assert [f.id for f in TABLE.values() if f.escape] == ["html", "pdf"]
    assert [f.id for f in TABLE.values() if f.binary] == ["pdf"]


def test_the_command_line_names_every_format(cli):
    done = cli("export", "--format", "docx")
    assert done.code == 2 and all(f in done.err for f in TABLE)


def test_the_export_dialog_offers_the_table():
    from storybank.ui.screens.export import FORMATS as OFFERED

    assert [(f.id, f.label) for f in TABLE.values()] == OFFERED
