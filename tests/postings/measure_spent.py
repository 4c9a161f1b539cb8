"""Precision and recall of `storybank posting` on each SPENT corpus of postings, and their mean
(issue 23, round 7): for leave-one-set-out tuning, a rule read on some sets is checked on the
others.

    .venv/bin/python tests/postings/measure_spent.py          # one line per set
    .venv/bin/python tests/postings/measure_spent.py -v       # and each wrong link and miss

The sets are named one by one: a held-out set still being collected blind is never among them,
and is added here only once it has been measured and declared spent.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPENT = ("corpus_postings", "corpus_postings_holdout", "corpus_postings_holdout2", "corpus_postings_holdout3",
         "corpus_postings_holdout4", "corpus_postings_holdout5", "corpus_postings_holdout6",
         "corpus_postings_holdout7", "corpus_postings_holdout8", "corpus_postings_holdout9",
         "corpus_postings_holdout10", "corpus_postings_holdout11",
         "corpus_postings_holdout12", "corpus_postings_holdout13",
         "corpus_postings_holdout14", "corpus_postings_holdout15",
         "corpus_postings_holdout16", "corpus_postings_holdout17",
         "corpus_postings_holdout18", "corpus_postings_holdout19", "corpus_postings_holdout20",
         "corpus_postings_holdout21", "corpus_postings_holdout22", "corpus_postings_holdout23",
         "corpus_postings_holdout24")


def main(verbose: bool = False) -> str:
    sys.path.insert(0, str(HERE))
    import test_corpus as corpus

    lines = []
    total = corpus.Tally()
    precisions, recalls = [], []
    for name in SPENT:
        folder = HERE.parent / name
        corpus.CORPUS = folder
        tally = corpus.Tally()
        for field in sorted(p.name for p in folder.iterdir() if (p / "labels.toml").exists()):
            tally.add(corpus.measure(field))
        total.add(tally)
        precisions.append(tally.precision)
        recalls.append(tally.recall)
        lines.append(f"{name:26} precision {tally.precision:6.1%} ({tally.shown_right}/{tally.shown_links})"
                     f"  recall {tally.recall:6.1%} ({tally.found}/{tally.labelled})"
                     f"  right story only 'possibly' {tally.possibly_right}")
        if verbose:
            lines += [f"    wrong: {w}" for w in tally.wrong] + [f"    missed: {m}" for m in tally.missed]
    lines.append(f"{'all':26} precision {total.precision:6.1%} ({total.shown_right}/{total.shown_links})"
                 f"  recall {total.recall:6.1%} ({total.found}/{total.labelled})")
    lines.append(f"{'mean of the sets':26} precision {sum(precisions) / len(precisions):6.1%}"
                 f"  recall {sum(recalls) / len(recalls):6.1%}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main("-v" in sys.argv[1:]))
