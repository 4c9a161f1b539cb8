"""Where storybank finds its files: the bundled cheat-sheet templates and example stories, and the
user's cache folder.

In a wheel the bundled files are inside the package; in a clone (editable install) they are the
repository's top-level `templates/` and `stories/` folders.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent.parent


def _first_dir(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def templates_dir() -> Path:
    return _first_dir(PACKAGE / "templates", REPO / "templates")


def cache_dir() -> Path | None:
    """The user's cache folder for storybank (its per-bank files: `cachefile.py`), or None when
    caching is off.

    Here rather than in the analysis: the UI reads its cached rows before its first frame, which
    must not import the analysis."""
    if os.environ.get("STORYBANK_NO_CACHE"):
        return None
    explicit = os.environ.get("STORYBANK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no HOME and no passwd entry (a container's odd uid)
            return None  # no cache: everything works, only slower
    return Path(base) / "storybank"
