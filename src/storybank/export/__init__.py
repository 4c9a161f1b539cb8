"""The one-page cheat sheet: Markdown, HTML, plain text and PDF (README "Commands").

    from storybank.export import export_cheatsheet
    export_cheatsheet(bank, catalog, "pdf", "sheet.pdf", paper="a4")

Layers: `sheet` builds a plain data model (what the page says), `render` runs it through a Jinja2
template, `fit` picks the most detailed level that fits one page by measuring, `api` ties it to a
bank and writes the file. Names are exported lazily so importing this package costs nothing.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "export_cheatsheet": "storybank.export.api",
    "render_cheatsheet": "storybank.export.api",
    "format_for_path": "storybank.export.api",
    "format_for_template": "storybank.export.api",
    "FORMATS": "storybank.export.api",
    "build_sheet": "storybank.export.sheet",
    "LEVELS": "storybank.export.sheet",
    "Sheet": "storybank.export.sheet",
    "render_template": "storybank.export.render",
    "fit": "storybank.export.fit",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'storybank.export' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(module), name)
