"""How the own-act check (postings/own_act.py) reads the labelled sentences of every SPENT set
(issue 23, round 16): of each set's trap sentences (a trap's `mentions`), how many it holds back as
not the candidate's own act, and of its right link sentences, how many it lets stand. Run it with
two sources on the path (`PYTHONPATH=<checkout>/src`) to compare a rule with the code before it,
set by set, for leave-one-set-out: a rule is worth keeping when it holds traps on sets it was not
written from and loses no right link sentence there.

    .venv/bin/python tests/postings/measure_trap_sentences.py

Every sentence is read as if it stood in a story's action, so the title, role and ownership
lines, which count as the candidate's own words, play no part.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> str:
    sys.path.insert(0, str(HERE))
    from measure_spent import SPENT

    from storybank.postings.own_act import tells_own_act

    lines = []
    for name in SPENT:
        traps = links = held = standing = 0
        for labels in sorted((HERE.parent / name).glob("*/labels.toml")):
            for entry in tomllib.loads(labels.read_text("utf-8")).get("requirement", []):
                for mention in entry.get("mentions", []) if entry["how"] == "trap" else []:
                    traps += 1
                    held += not tells_own_act(mention["sentence"], "action")
                for link in entry.get("links", []):
                    links += 1
                    standing += tells_own_act(link["sentence"], "action")
        lines.append(f"{name:26} trap sentences held {held:2}/{traps:<3} right link sentences standing "
                     f"{standing:3}/{links}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(main())
