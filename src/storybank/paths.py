"""Where storybank finds its bundled files: the cheat-sheet templates and the example stories.

In a wheel they are inside the package; in a clone (editable install) they are the repository's
top-level `templates/` and `stories/` folders.
"""

from __future__ import annotations

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


def examples_dir() -> Path:
    return _first_dir(PACKAGE / "examples", REPO / "stories")
