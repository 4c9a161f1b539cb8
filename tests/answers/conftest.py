"""The example bank, its catalog and the labelled sets the answer judge is tested on."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def load_toml(name: str) -> dict:
    return tomllib.loads((HERE / name).read_text(encoding="utf-8"))


TELLINGS = load_toml("tellings.toml")["telling"]
WEAK = load_toml("weak_answers.toml")["answer"]


@pytest.fixture(scope="session")
def example_bank():
    from storybank.bank import Bank

    return Bank.open(ROOT / "stories")


@pytest.fixture(scope="session")
def catalog():
    from storybank.catalog import builtin_catalog

    return builtin_catalog()


@pytest.fixture(scope="session")
def stories(example_bank):
    from storybank.answers.judge import bank_stories

    return bank_stories(example_bank.stories)


@pytest.fixture(scope="session")
def judge(example_bank, catalog, stories):
    """`judge(text, **options)`: the judge on the example bank with its settings."""
    from storybank.answers.judge import judge_answer

    def run(text: str, **options):
        return judge_answer(text, catalog, example_bank.settings, stories, **options)

    return run
