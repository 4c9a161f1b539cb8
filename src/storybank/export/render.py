"""Rendering the sheet through Jinja2 templates: the built-in ones in `templates/`, or a user's.

Story text only ever reaches a template as a context value, never as template source, so
`{{ 7*7 }}` in a story prints as written. HTML output is autoescaped. Undefined names are errors
(StrictUndefined), and a broken user template becomes a one-line StorybankError "FILE:LINE: ...".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storybank.cues import shorten
from storybank.errors import StorybankError
from storybank.export.formats import FORMATS
from storybank.export.sheet import Sheet
from storybank.export.width import display_width, hard_wrap, wrap
from storybank.paths import templates_dir

if TYPE_CHECKING:
    from jinja2 import Environment

BUILTIN = {f.id: f.template for f in FORMATS.values()}
TXT_WIDTH = 100
TXT_LINES = 66


def _wrap_filter(text: Any, width: int = TXT_WIDTH, indent: str = "", first: str | None = None) -> str:
    return "\n".join(wrap(str(text), width, indent=indent, first=first))


def _pad_filter(text: Any, width: int) -> str:
    """`text` padded with spaces to `width` display columns (for aligned plain text)."""
    shown = str(text)
    return shown + " " * max(0, width - display_width(shown))


def _fitting_filter(items: Any, width: int = TXT_WIDTH, sep: str = " · ", keep: int = 1) -> str:
    """The items joined with `sep`, in order, each that still fits `width` display columns: a line
    of cues drops a whole cue rather than wrapping or cutting one, and a shorter cue after it may
    still take the room. The first `keep` items (at least one) are kept whatever their width."""
    kept: list[str] = []
    for item in (str(i) for i in items if str(i)):
        if len(kept) >= max(1, keep) and display_width(sep.join([*kept, item])) > width:
            continue
        kept.append(item)
    return sep.join(kept)


@lru_cache(maxsize=16)
def environment(autoescape: bool, search: tuple[str, ...] = ()) -> Environment:
    """A Jinja2 environment over `search` (a user template's folder) then the built-in templates."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    builtin = templates_dir()
    if not (builtin / BUILTIN["md"]).is_file():
        raise StorybankError(f"the cheat-sheet templates are missing from this installation (looked in {builtin})")
    env = Environment(
        loader=FileSystemLoader([*search, str(builtin)]),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=bool(search),
    )
    env.filters["wrap"] = _wrap_filter
    env.filters["pad"] = _pad_filter
    env.filters["fitting"] = _fitting_filter
    env.filters["shorten"] = shorten
    return env


def _context(sheet: Sheet, fmt: str, page_size: str | None) -> dict[str, Any]:
    return {
        "sheet": sheet,
        "format": fmt,
        "paper": sheet.paper,
        "paper_name": sheet.paper_name,
        "page_size": page_size or sheet.page_size,
        "font_pt": sheet.level.font_pt,
        "txt_width": TXT_WIDTH,
    }


def _location(exc: BaseException, template: Path, shown: str) -> tuple[str, int | None]:
    """The file and line of a template error, the user's template shown as they named it."""
    from jinja2 import TemplateSyntaxError

    target = str(template)
    if isinstance(exc, TemplateSyntaxError):
        filename = exc.filename or target
        return (shown if filename == target else filename), exc.lineno
    line: int | None = None
    filename = shown
    tb = exc.__traceback__
    while tb is not None:
        code_file = tb.tb_frame.f_code.co_filename
        if code_file == target:
            filename, line = shown, tb.tb_lineno
        elif code_file.endswith((".j2", ".jinja", ".jinja2", ".html", ".htm", ".md", ".txt")) \
                and Path(code_file).is_file():
            filename, line = code_file, tb.tb_lineno
        tb = tb.tb_next
    return filename, line


def _template_error(exc: BaseException, template: Path, shown: str) -> StorybankError:
    filename, line = _location(exc, template, shown)
    where = f"{filename}:{line}" if line else filename
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    message = " ".join(str(message).split())
    return StorybankError(f"{where}: {message} (in your cheat-sheet template)")


def render_template(sheet: Sheet, fmt: str, template: Path | str | None = None, *,
                    page_size: str | None = None) -> str:
    """The sheet rendered as `fmt` text ("md", "html", "txt"; "pdf" gives the HTML it prints).

    With `template`, the user's own Jinja2 file is rendered instead of the built-in one.
    """
    autoescape = FORMATS[fmt].escape
    context = _context(sheet, fmt, page_size)
    if template is None:
        env = environment(autoescape)
        text: str = env.get_template(BUILTIN[fmt]).render(context)
        if fmt == "txt":
            text = hard_wrap(text, TXT_WIDTH).strip("\n") + "\n"
        return text
    return _render_user(Path(template), str(template), autoescape, context)


def _render_user(template: Path, shown: str, autoescape: bool, context: dict[str, Any]) -> str:
    from jinja2 import TemplateError

    path = template.expanduser()
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise StorybankError(f"{shown}: the template {what}")
    path = path.resolve()
    try:
        path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise StorybankError(f"{shown}: cannot read the template ({reason})") from exc
    env = environment(autoescape, (str(path.parent),))
    try:
        compiled = env.get_template(path.name)
        rendered: str = compiled.render(context)
        return rendered
    except (TemplateError, ArithmeticError, TypeError, ValueError, AttributeError, KeyError,
            IndexError, RecursionError) as exc:
        raise _template_error(exc, path, shown) from None
