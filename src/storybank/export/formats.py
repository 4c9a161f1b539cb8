"""The export formats, as one table of records: a new format is a row here (plus its template).

Every part of the export reads this table: the command line's `--format` and file suffixes, the
export dialog's choices, the renderer's template and escaping. Plain classes, no imports: the
command line reads it before it knows which command runs.
"""

from __future__ import annotations


class ExportFormat:
    """One export format. `suffixes` are the file names that ask for it (the first is the one a
    default file name gets); `template` is its built-in Jinja2 file; `escape` turns on HTML
    escaping; `binary` output (a PDF) is refused on a terminal."""

    __slots__ = ("binary", "escape", "id", "label", "suffixes", "template")

    def __init__(self, id: str, label: str, suffixes: tuple[str, ...], template: str, *,
                 escape: bool = False, binary: bool = False) -> None:
        self.id = id
        self.label = label
        self.suffixes = suffixes
        self.template = template
        self.escape = escape
        self.binary = binary

    def __repr__(self) -> str:
        return f"ExportFormat({self.id!r})"


FORMATS: dict[str, ExportFormat] = {f.id: f for f in (
    ExportFormat("md", "Markdown", (".md", ".markdown"), "cheatsheet.md.j2"),
    ExportFormat("html", "HTML", (".html", ".htm"), "cheatsheet.html.j2", escape=True),
    ExportFormat("txt", "Text", (".txt", ".text"), "cheatsheet.txt.j2"),
    ExportFormat("pdf", "PDF", (".pdf",), "cheatsheet.html.j2", escape=True, binary=True),
)}
DEFAULT = "md"
SUFFIXES: dict[str, str] = {suffix: f.id for f in FORMATS.values() for suffix in f.suffixes}
