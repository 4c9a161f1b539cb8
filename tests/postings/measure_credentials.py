"""Credentials on the checklist, per SPENT set of postings (issue 23, round 14): how many of the
requirements labelled `credential = true` `storybank posting` lists as credentials, and how many
requirements not so labelled it lists there too.

    PYTHONPATH=src .venv/bin/python tests/postings/measure_credentials.py       # one line per set
    PYTHONPATH=src .venv/bin/python tests/postings/measure_credentials.py -v    # and each miss

The sets are measure_spent.py's: a held-out set still blind is never among them.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(verbose: bool = False) -> str:
    sys.path.insert(0, str(HERE))
    import test_corpus as corpus
    from measure_spent import SPENT

    from storybank.bank import Bank
    from storybank.postings.check import NoRequirements, check
    from storybank.postings.reading import read_source

    lines, held, labelled = [], 0, 0
    for name in SPENT:
        folder = HERE.parent / name
        count = on = 0
        missed: list[str] = []
        wrong: list[str] = []
        for field in sorted(p.name for p in folder.iterdir() if (p / "labels.toml").exists()):
            labels = tomllib.loads((folder / field / "labels.toml").read_text("utf-8"))
            bank = Bank.open(folder / field / "stories")
            text, source = read_source(str(corpus._posting_file(folder / field, labels)))
            try:
                report = check(text, [(sf.id, sf.story) for sf in bank.stories], source=source, motivation=False)
                checklist = [c.text for c in report.credentials]
            except NoRequirements:
                checklist = []
            for entry in labels.get("requirement", []):
                listed = any(corpus._match(c, [entry]) is not None for c in checklist)
                if entry.get("credential"):
                    count += 1
                    on += listed
                    if not listed:
                        missed.append(f"{field}: {entry['text']!r}")
                elif listed:
                    wrong.append(f"{field}: {entry['text']!r}")
        held += on
        labelled += count
        lines.append(f"{name:26} checklisted {on}/{count}  non-credentials checklisted {len(wrong)}")
        if verbose:
            lines += [f"    not checklisted: {m}" for m in missed] + [f"    not a credential: {w}" for w in wrong]
    lines.append(f"{'all':26} checklisted {held}/{labelled}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main("-v" in sys.argv[1:]))
