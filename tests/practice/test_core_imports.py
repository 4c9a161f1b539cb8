"""The schedule, the mock-interview planner and progress are core: no Textual, no pydantic."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["storybank.scheduler", "storybank.interview", "storybank.progress"])
def test_core_module_imports_no_ui_toolkit(module):
    code = f"import {module}, sys, json; print(json.dumps(sorted(sys.modules)))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    modules = json.loads(proc.stdout)
    assert module in modules
    assert not [m for m in modules if m.split(".")[0] in {"textual", "pydantic", "rapidfuzz"}]


def test_the_quick_label_scan_agrees_with_the_catalog():
    from storybank.catalog import builtin_catalog
    from storybank.progress import question_labels

    assert question_labels(None) == [(q.id, q.label) for q in builtin_catalog().questions]


def test_a_catalog_of_ones_own_is_read_whole_and_a_broken_one_is_none(tmp_path):
    from storybank.progress import question_labels

    own = tmp_path / "mine.toml"
    own.write_text('name = "x"\n[[questions]]\nid = "a"\nquestion = """q\n[[questions]]\nid = "fake"\n"""\n'
                   'label = "A"\n[[questions]]\nid = "b"\nquestion = "q"\n')
    assert question_labels(own) == [("a", "A"), ("b", "b")]
    own.write_text("[[questions]\n")
    assert question_labels(own) is None
    assert question_labels(tmp_path / "missing.toml") is None
