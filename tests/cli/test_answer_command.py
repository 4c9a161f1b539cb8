"""`storybank answer`: typed answers of every question type, strong and weak, judged as README "The JSON"
and §10 say; bad input is one line and exit 2."""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tomllib
from pathlib import Path

import pytest

from tests.helpers import REPO

HERE = REPO / "tests" / "answers"
TELLINGS = tomllib.loads((HERE / "tellings.toml").read_text(encoding="utf-8"))["telling"]
WEAK = tomllib.loads((HERE / "weak_answers.toml").read_text(encoding="utf-8"))["answer"]
BANK = REPO / "stories"
SPARK = "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes"


def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    """`storybank ARGV` in this process: exit code, stdout, stderr."""
    from storybank.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["--bank", str(BANK), *argv])
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def strong_answers() -> dict[str, str]:
    """A full telling per question type (the type the told story is mapped to first)."""
    out: dict[str, str] = {}
    for t in TELLINGS:
        if t["kind"] == "full":
            data = tomllib.loads((BANK / f"{t['story']}.toml").read_text(encoding="utf-8"))
            out.setdefault(data["questions"][0], t["text"])
    return out


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("answers")
    files = {}
    for qid, text in strong_answers().items():
        files[(qid, "strong")] = folder / f"{qid}-strong.txt"
        files[(qid, "strong")].write_text(text, encoding="utf-8")
    for weak in WEAK:
        files[(weak["question"], "weak")] = folder / f"{weak['question']}-weak.txt"
        files[(weak["question"], "weak")].write_text(weak["text"], encoding="utf-8")
    return files


TYPES = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric",
         "schedule"]


@pytest.mark.parametrize("qid", TYPES)
def test_a_strong_and_a_weak_typed_answer_of_each_type(answers, qid):
    judged = {}
    for kind in ("strong", "weak"):
        code, out, err = run("answer", "--question", qid, str(answers[(qid, kind)]), "--format", "json")
        assert code == 0, err
        judged[kind] = json.loads(out)
    strong, weak = judged["strong"], judged["weak"]
    assert strong["question"]["id"] == qid and strong["story"] is not None
    assert weak["story"] is None and weak["cues"] is None and weak["recital"] is None
    assert sum(strong["scores"].values()) > sum(weak["scores"].values())
    assert len(weak["findings"]) > len(strong["findings"])
    for data in (strong, weak):
        assert data["next_probe"]["id"] in ("differently", "alternatives", "technical", "collaborators")
        assert data["next_probe"]["prompt"] and data["next_probe"]["reason"]
        assert data["followup"] is None


def test_the_weak_answers_fall_into_their_types_traps(answers):
    traps = {"failure": {"SB701", "SB702"}, "performance": {"SB721"}, "learning": {"SB731"},
             "motivation": {"SB741"}, "rubric": {"SB751"}, "schedule": {"SB761"}}
    for qid, codes in traps.items():
        code, out, _err = run("answer", "--question", qid, str(answers[(qid, "weak")]),
                              "--format", "json")
        assert code == 0
        assert codes <= {f["code"] for f in json.loads(out)["findings"]}, qid


def test_the_text_report_reads_like_an_interviewers_notes(answers):
    code, out, err = run("answer", "--question", "performance", str(answers[("performance", "strong")]))
    assert code == 0, err
    for label in ("question", "you told", "time", "scores", "cues", "recital",
                  "What you said, part by part", "situation", "reflection",
                  "The probe an interviewer would ask next", "why:"):
        assert label in out, label
    assert "Cutting a nightly Spark claims job" in out


def test_the_answer_can_come_from_standard_input():
    text = next(t["text"] for t in TELLINGS if t["story"] == SPARK and t["kind"] == "sparse")
    code, out, err = run("answer", "-", "--format", "json", stdin=text)
    assert code == 0, err
    assert json.loads(out)["story"]["id"] == SPARK


def test_a_follow_up_answer_is_judged_against_the_first(tmp_path):
    first = tmp_path / "first.txt"
    first.write_text(next(t["text"] for t in TELLINGS if t["story"] == SPARK and t["kind"] == "full"),
                     encoding="utf-8")
    deeper = tmp_path / "deeper.txt"
    deeper.write_text(tomllib.loads((BANK / f"{SPARK}.toml").read_text(encoding="utf-8"))
                      ["followups"]["technical"], encoding="utf-8")
    code, out, err = run("answer", "--probe", "technical", "--first", str(first), str(deeper),
                         "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["probe"] == "technical" and data["followup"]["verdict"] == "deeper"
    assert data["followup"]["new_facts"]
    code, out, err = run("answer", "--probe", "technical", "--first", str(first), str(first))
    assert code == 0, err
    assert "restarted the story" in out


@pytest.mark.parametrize("argv, said", [
    (["answer", "{empty}"], "empty"),
    (["answer", "{missing}"], "no such file"),
    (["answer", "{folder}"], "cannot read the answer"),
    (["answer", "{latin1}"], "not UTF-8"),
    (["answer", "--story", "no-such-story", "{good}"], "no story `no-such-story`"),
    (["answer", "--first", "{good}", "{good}"], "--first needs --probe"),
    (["answer", "--probe", "why", "{good}"], "unknown probe"),
])
def test_what_cannot_be_judged_is_one_line_and_exit_2(tmp_path, argv, said):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("I rebuilt our ingestion pipeline in Go.", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 r\xe9sum\xe9".encode("latin-1"))
    (tmp_path / "folder").mkdir()
    paths = {"empty": "empty.txt", "missing": "nope.txt", "folder": "folder", "latin1": "latin1.txt",
             "good": "good.txt"}
    args = [str(tmp_path / paths[a[1:-1]]) if a.startswith("{") else a for a in argv]
    code, out, err = run(*args)
    assert code == 2 and out == ""
    assert said in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_question_that_is_none_of_the_types_is_not_judged_as_the_nearest_one():
    # "What's your biggest weakness?" was read as a failure question (its best type at 1 of 100),
    # and the answer was told it needed the speaker as the cause of a failure (round 42).
    weakness = ("Um, honestly, it's delegating. I kept redoing my trainee's bundles instead of telling her "
                "what was wrong. So what I've done is write a checklist for each bundle, and I review against it.")
    code, out, _err = run("answer", "--question", "What's your biggest weakness?", "-", "--format", "json",
                          stdin=weakness)
    assert code == 0
    report = json.loads(out)
    assert report["question"] is None
    assert not any("failure" in f["message"].lower() for f in report["findings"])
    code, out, _err = run("answer", "--question", "What's your biggest weakness?", "-", stdin=weakness)
    assert "question  none of the types: What's your biggest weakness?" in out
    # Near miss: a wording just under a type's line is still read as that type ("unsure" names it).
    code, out, _err = run("answer", "--question", "Why audit?", "-", "--format", "json",
                          stdin=weakness)
    assert json.loads(out)["question"]["id"] == "motivation"
