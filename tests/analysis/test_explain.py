"""`storybank explain CODE` and the examples it shows: every registered code has an explanation
and two examples, and the examples really fire (or stay silent) when the analysis runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storybank.analysis.engine import analyze, rules_for
from storybank.analysis.explain import example_story, examples, explain
from storybank.bank import read_story_file
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings

REPO = Path(__file__).resolve().parents[2]
RULES = rules_for(builtin_catalog())


def _base(kind: str) -> dict:
    story_id = examples()["baselines"][kind]
    loaded = read_story_file(REPO / "stories" / f"{story_id}.toml")
    data = loaded.story.to_data()
    data["questions"] = [kind]
    return data


def _codes(spec: dict) -> set[str]:
    story = Story.model_validate(example_story(spec, _base(spec.get("kind", "project"))))
    return {f.code for f in analyze(story, builtin_catalog(), Settings(), "example").findings}


def test_every_registered_code_has_an_explanation_and_both_examples():
    data = {k: v for k, v in examples().items() if k.startswith("SB")}
    assert set(data) == set(RULES), set(data) ^ set(RULES)
    for code in RULES:
        found = explain(code, RULES)
        assert found is not None
        assert len(found.checks) > 15 and len(found.why) > 40, code
        assert found.fires and found.clean, code


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_firing_example_fires(code):
    assert code in _codes(examples()[code]["fires"])


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_silent_example_stays_silent(code):
    assert code not in _codes(examples()[code]["clean"])


def _extra(which: str) -> list:
    """The further examples a code keeps besides its pair (`also_fires`, `also_clean`): cases a
    fix was made for, each with a `note` saying what it shows."""
    return [pytest.param(code, spec, id=f"{code}-{i}") for code in sorted(RULES)
            for i, spec in enumerate(examples().get(code, {}).get(which, []))]


@pytest.mark.parametrize(("code", "spec"), _extra("also_fires"))
def test_every_further_firing_example_fires(code, spec):
    assert spec.get("note"), code
    assert code in _codes(spec)


@pytest.mark.parametrize(("code", "spec"), _extra("also_clean"))
def test_every_further_silent_example_stays_silent(code, spec):
    assert spec.get("note"), code
    assert code not in _codes(spec)


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storybank", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)


def test_explain_prints_what_why_and_both_examples(tmp_path):
    proc = _run("explain", "SB403", cwd=tmp_path)  # no bank here: explain needs none
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("SB403 shallow-mechanism")
    for part in ("What it checks:", "Why it matters:", "Fires on a strong project story",
                 "Stays silent on a strong project story", "row locks"):
        assert part in out, part


def test_explain_json_and_lookup_by_name(tmp_path):
    proc = _run("explain", "talked-it-out", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["code"] == "SB711" and data["category"] == "pitfall"
    assert set(data["examples"]) == {"fires", "clean"}
    assert "talked it through" in data["examples"]["fires"]["action"]


@pytest.mark.parametrize(("arg", "hint"), [("SB2O1", "did you mean SB201"),
                                           ("talked-it-ot", "did you mean SB711"),
                                           ("SB999", "codes run from SB101")])
def test_unknown_code_is_one_line_and_exit_2(arg, hint, tmp_path):
    proc = _run("explain", arg, cwd=tmp_path)
    assert proc.returncode == 2
    assert hint in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize("code", sorted(RULES))
def test_the_why_shown_is_the_one_written_in_the_examples_file(code):
    """Each rule's "why it matters" is written once, in rule_examples.toml, and that is what
    `explain` shows (the rule's docstring says what it checks)."""
    written = examples().get(code, {}).get("why")
    if written is None:
        pytest.skip(f"{code} has no written why")
    assert explain(code, RULES).why == written
