"""The title `storybank posting` names against each SPENT set's labelled `title` (issue 23,
round 20): how many of the labelled postings are read with a wrong title, by an exact
comparison after the case, the dashes and the spaces are made alike.

    .venv/bin/python tests/postings/measure_titles.py          # one line per set, and the total
    .venv/bin/python tests/postings/measure_titles.py -v       # and each wrong title, read vs labelled

Only the spent sets of measure_spent.py are read; a held-out set is never among them.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _same(title: str | None) -> str:
    """A title as compared: lower case, every dash one dash, spaces single, no end stop."""
    if not title:
        return ""
    text = re.sub(r"\s*[–—―-]\s*", " - ", title.lower().replace("’", "'"))
    return " ".join(text.split()).strip(" .:")


def read_title(folder: Path) -> tuple[str | None, str]:
    """The title read from the posting of one labelled field, and the labelled one."""
    from storybank.postings.check import read
    from storybank.postings.reading import read_source

    labels = tomllib.loads((folder / "labels.toml").read_text("utf-8"))
    text, source = read_source(str(folder / labels["posting"]))
    return read(text, source).title, labels.get("title", "")


def measure() -> list[tuple[str, str, str | None, str]]:
    """(set, field, read, labelled) for every labelled posting of the spent sets."""
    sys.path.insert(0, str(HERE))
    from measure_spent import SPENT

    out = []
    for name in SPENT:
        folder = HERE.parent / name
        for field in sorted(p.name for p in folder.iterdir() if (p / "labels.toml").exists()):
            got, want = read_title(folder / field)
            out.append((name, field, got, want))
    return out


def wrong(rows: list[tuple[str, str, str | None, str]]) -> list[tuple[str, str, str | None, str]]:
    return [row for row in rows if _same(row[2]) != _same(row[3])]


def main(verbose: bool = False) -> str:
    rows = measure()
    bad = wrong(rows)
    lines = []
    for name in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == name]
        lines.append(f"{name:26} wrong titles {sum(1 for r in bad if r[0] == name)} of {len(mine)}")
        if verbose:
            lines += [f"    {field}: read {got!r}, labelled {want!r}" for n, field, got, want in bad if n == name]
    lines.append(f"{'all':26} wrong titles {len(bad)} of {len(rows)}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main("-v" in sys.argv[1:]))
