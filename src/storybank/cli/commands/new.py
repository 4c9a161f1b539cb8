"""`storybank new TITLE [--question ID]...`: create a story skeleton and print its path."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from storybank.cli.common import open_bank
from storybank.cli.output import print_json

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context

SKELETON = '''schema = 1
title = ""
questions = []
role = ""          # your role and where: {role}
when = ""          # when it happened: "2023"
technologies = []  # the methods and tools the story names: {named}

# What was yours, and where it stopped.
ownership = """
"""

# Where you were and what was at stake, with a number.
situation = """
"""

# What you did, in the first person: the decisions and why.
action = """
"""

# What changed, measured.
outcome = """
"""

# What you learned, or would do differently.
reflection = """
"""

# One [[metrics]] table per number, the unit in `unit` (the number stays a number):
# [[metrics]]
{metric}

# Your prepared answers to the interviewer's follow-up probes.
[followups]
'''


def skeleton(profession: str = "") -> str:
    """A story file with every section's key to fill in, and a word on what goes there, its
    examples from the bank's field (`skeleton` in data/professions.toml): a nurse is not shown
    "Backend engineer, Acme" and a p99 latency."""
    from storybank.model import PROBES
    from storybank.professions import pack_for

    pack = pack_for(profession)
    metric = "\n".join(f"# {line}" for line in pack.example("metric").splitlines())
    text = (SKELETON.replace("{role}", pack.example("role")).replace("{named}", pack.example("named"))
            .replace("{metric}", metric))
    return text + "".join(f'{probe} = ""\n' for probe in PROBES)


def run(args: Namespace, ctx: Context) -> int:
    from storybank.catalog import catalog_for
    from storybank.errors import StorybankError

    title = args.title.strip()
    if not title:
        raise StorybankError("the title is empty: say in a few words what the story is about")
    bank = open_bank(ctx)
    field = bank.field()
    catalog = catalog_for(bank.settings, field)
    known = catalog.question_ids()
    unknown = [q for q in args.question if q not in known]
    if unknown:
        raise StorybankError(f"unknown question type {', '.join(map(repr, unknown))}: choose from {', '.join(known)}")
    questions = list(dict.fromkeys(args.question))
    from storybank.model import blank_story

    story = blank_story(title, questions).model_copy(update={"role": "", "when": ""})
    from storybank import ids

    wanted = ids.slugify(title)
    sf = bank.create(title, questions, story, skeleton=skeleton(field))
    if ctx.json:
        print_json({"id": sf.id, "path": str(sf.path), "title": sf.story.title, "questions": questions})
    else:
        sys.stdout.write(f"{sf.path}\n")
    if sf.id != wanted:  # the title's own file name was taken: say which one this story got
        sys.stderr.write(f"storybank: {wanted}.toml is already in the bank, so this story is "
                         f"{sf.id} ({sf.path.name})\n")
    return 0
