"""PDF through WeasyPrint, an optional dependency (`pip install 'storybank[pdf]'`).

WeasyPrint is imported only here, only when needed. Missing Python package or missing system
libraries (Pango) both become one StorybankError that says how to fix it and that the HTML
export prints on one page too. Nothing is fetched from the network while rendering.
"""

from __future__ import annotations

import logging
import warnings
from functools import lru_cache
from typing import Any

from storybank.errors import StorybankError

PDF_HINT = (
    "PDF export needs WeasyPrint: pip install 'storybank[pdf]' (it also needs the Pango system "
    "library, e.g. `apt install libpango-1.0-0` or `brew install pango`); meanwhile `-o sheet.html` "
    "prints on one page too"
)


@lru_cache(maxsize=1)
def _import() -> Any:  # the weasyprint module (untyped), or why it cannot be imported
    try:
        with warnings.catch_warnings():
            # WeasyPrint announces future system-library requirements at import; not ours to show.
            warnings.simplefilter("ignore", DeprecationWarning)
            import weasyprint
    except (ImportError, OSError) as exc:
        return exc
    for name in ("weasyprint", "fontTools", "fontTools.subset"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return weasyprint


def weasyprint() -> Any:
    """The weasyprint module, or a StorybankError telling how to install it."""
    module = _import()
    if isinstance(module, BaseException):
        raise StorybankError(f"{PDF_HINT} ({type(module).__name__}: {module})".replace("\n", " "))
    return module


def available() -> bool:
    return not isinstance(_import(), BaseException)


LOCAL = ("data", "file")


def _fetcher(wp: Any) -> Any:
    """A URL fetcher for data: and file: URLs only: a cheat sheet never reaches the network."""
    if hasattr(wp, "URLFetcher"):  # WeasyPrint 68 and later
        return wp.URLFetcher(allowed_protocols=LOCAL)

    def fetch(url: str, *args: Any, **kwargs: Any) -> Any:  # older WeasyPrint: a plain function
        if url.split(":", 1)[0].lower() in LOCAL:
            return wp.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"storybank does not fetch {url.split(':', 1)[0]}: URLs while printing")

    return fetch


def render(html: str) -> Any:
    """The laid-out WeasyPrint document for `html` (use `.pages` and `.write_pdf()`)."""
    wp = weasyprint()
    return wp.HTML(string=html, base_url=None, url_fetcher=_fetcher(wp)).render()
