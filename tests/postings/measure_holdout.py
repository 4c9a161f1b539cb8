"""Aggregate figures of `storybank posting` on a held-out corpus of postings (issue 23).

    .venv/bin/python tests/postings/measure_holdout.py tests/corpus_postings_holdout2

Prints only totals (precision of "shown" links, recall of labelled requirements without
credentials, traps, boilerplate leaks, credentials on the checklist), never which link was
right or wrong: a held-out corpus is measured, not read. The rules are those of
`tests/postings/test_corpus.py`'s `measure()`, pointed at another folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(folder: Path) -> str:
    sys.path.insert(0, str(HERE))
    import test_corpus as corpus

    corpus.CORPUS = folder.resolve()
    fields = sorted(p.name for p in folder.iterdir() if (p / "labels.toml").exists())
    total = corpus.Tally()
    for name in fields:
        total.add(corpus.measure(name))
    shown_traps = total.traps.get("shown", 0)
    traps = sum(total.traps.values())
    return "\n".join([
        f"corpus: {folder} ({len(fields)} fields: {', '.join(fields)})",
        f"precision {total.precision:.1%} ({total.shown_right}/{total.shown_links})",
        f"recall {total.recall:.1%} ({total.found}/{total.labelled}); with credentials "
        f"{total.recall_with_credentials:.1%}; right story only as 'possibly' {total.possibly_right}",
        f"requirements not extracted {total.unextracted}; boilerplate as requirements "
        f"{total.boilerplate_leaks}; traps shown {shown_traps} of {traps}; credentials on the "
        f"checklist {total.checklisted}/{total.credentials}",
    ])


if __name__ == "__main__":
    print(main(Path(sys.argv[1])))
