"""`storybank lint | coverage | followups | match` as a user runs them: a real process on a copy of
the example bank and on hostile banks. Every run (see conftest.run_storybank) also checks that no
traceback reaches stdout or stderr; every --format json run that succeeds prints JSON only.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from storybank.analysis.followups import fill, followup_prompts, story_values
from storybank.bank import Bank
from storybank.catalog import builtin_catalog
from storybank.settings import Settings

PROBES = ["differently", "alternatives", "technical", "collaborators"]
TYPES = ["project", "failure", "disagreement", "performance", "learning", "motivation", "rubric",
         "schedule"]
DIMENSIONS = {"specificity", "ownership", "technical_depth", "compression"}
ANSI = re.compile(r"\x1b")
MOTIVATION = "why-mercor-putting-seven-years-of-data-infrastructure-to-use"
SPARK = "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes"
PORTAL = "building-the-portal-usage-api-and-settling-a-caching-dispute"
EXAMPLES = Path(__file__).resolve().parents[2] / "stories"

FLAWED_STORY = '''\
title = "Retry queue at Acme"
questions = ["project"]
technologies = ["Redis"]
situation = "Failed card payments were retried by a cron job every hour."
action = "We moved retries onto a Redis queue and we added exponential backoff."
outcome = "Retries got a lot faster."
reflection = ""
'''


def ids_in(bank: Path) -> list[str]:
    return sorted(p.stem for p in bank.glob("*.toml"))


def one_line_error(result, *, mentions: str = "") -> None:
    """Exit 2 with one clear line on stderr, and no half-written output on stdout."""
    assert result.code == 2, result
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert len(lines) == 1, result.err
    assert mentions in lines[0], lines[0]
    assert result.out.strip() == "" or result.json() is not None


# --- lint ----------------------------------------------------------------------------------------


def check_lint_shape(data: dict) -> None:
    assert set(data) >= {"stories", "errors"}
    assert isinstance(data["stories"], list) and isinstance(data["errors"], list)
    for story in data["stories"]:
        assert set(story) >= {"id", "path", "title", "questions", "scores", "speaking_seconds",
                              "findings"}
        assert isinstance(story["id"], str) and isinstance(story["title"], str)
        assert Path(story["path"]).name == f"{story['id']}.toml"
        assert isinstance(story["questions"], list)
        assert set(story["scores"]) == DIMENSIONS
        assert all(type(v) is int and 0 <= v <= 100 for v in story["scores"].values())
        seconds = story["speaking_seconds"]
        assert set(seconds) >= {"answer", "followups"}
        assert isinstance(seconds["answer"], int | float)
        assert set(seconds["followups"]) == set(PROBES)
        assert all(isinstance(v, int | float) for v in seconds["followups"].values())
        for finding in story["findings"]:
            assert set(finding) >= {"code", "name", "category", "severity", "field", "message",
                                    "value"}
            assert re.fullmatch(r"SB\d{3}", finding["code"])
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", finding["name"])
            assert finding["severity"] in {"error", "warning", "info"}
            assert isinstance(finding["field"], str) and finding["message"]
            assert finding["value"] is None or isinstance(finding["value"], str | int | float)
    for error in data["errors"]:
        assert set(error) >= {"path", "line", "column", "message"}
        assert error["line"] is None or type(error["line"]) is int
        assert error["column"] is None or type(error["column"]) is int
        assert isinstance(error["message"], str) and error["message"]


def test_lint_example_bank(sb, bank):
    result = sb("lint", "--bank", str(bank), "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    check_lint_shape(data)
    assert data["errors"] == []
    assert sorted(s["id"] for s in data["stories"]) == ids_in(bank)
    for story in data["stories"]:
        assert not [f for f in story["findings"] if f["severity"] == "error"], story["id"]
        assert 60 <= story["speaking_seconds"]["answer"] <= 80, story["id"]
        assert set(story["questions"]) <= set(TYPES)


def test_lint_exits_1_on_an_error_finding(sb, bank):
    (bank / "retry-queue.toml").write_text(FLAWED_STORY, encoding="utf-8")
    result = sb("lint", "--format", "json", "--bank", str(bank))  # --bank after the command
    assert result.code == 1, result.err
    data = result.json()
    check_lint_shape(data)
    assert len(data["stories"]) == len(ids_in(bank))
    flawed = next(s for s in data["stories"] if s["id"] == "retry-queue")
    codes = {f["code"]: f for f in flawed["findings"]}
    assert {"SB104", "SB105", "SB301", "SB203", "SB601"} <= set(codes)
    assert codes["SB104"] == {"code": "SB104", "name": "empty-part", "category": "structure",
                              "severity": "error", "field": "reflection",
                              "message": codes["SB104"]["message"], "value": None}
    assert flawed["speaking_seconds"]["followups"] == dict.fromkeys(PROBES, 0)
    # Scores are low but in range; the good stories are still clean.
    assert flawed["scores"]["specificity"] < 50


def test_lint_text_lists_findings_with_file_and_line(sb, bank):
    (bank / "retry-queue.toml").write_text(FLAWED_STORY, encoding="utf-8")
    result = sb("--bank", str(bank), "lint", "retry-queue")
    assert result.code == 1
    assert not ANSI.search(result.out + result.err)
    lines = result.out.splitlines()
    assert any(re.search(r"retry-queue\.toml:7: SB104 error \[empty-part\] `reflection`", line)
               for line in lines), result.out
    assert re.search(r"1 story: 0 clean, 0 with warnings, 1 with errors", result.out)


def test_lint_with_a_broken_file_still_reports_the_good_stories(sb, bank):
    (bank / "broken.toml").write_text('title = "unterminated\nquestions = [\n', encoding="utf-8")
    result = sb("lint", "--bank", str(bank), "--format", "json")
    assert result.code == 2
    data = result.json()
    check_lint_shape(data)
    assert sorted(s["id"] for s in data["stories"]) == sorted(set(ids_in(bank)) - {"broken"})
    [error] = data["errors"]
    assert Path(error["path"]).name == "broken.toml" and error["line"] == 1


def test_lint_one_story(sb, bank):
    result = sb("lint", SPARK, SPARK, "--format", "json", STORYBANK_BANK=str(bank))
    assert result.code == 0
    data = result.json()
    check_lint_shape(data)
    assert [s["id"] for s in data["stories"]] == [SPARK]


def test_lint_unknown_story_is_one_line(sb, bank):
    typo = SPARK.replace("cutting", "cuting")
    result = sb("lint", typo, "--bank", str(bank), "--format", "json")
    one_line_error(result, mentions=typo)
    assert f"did you mean `{SPARK}`" in result.err


def test_lint_missing_bank_says_how_to_create_one(sb, tmp_path):
    result = sb("lint", "--bank", str(tmp_path / "nowhere"), "--format", "json")
    one_line_error(result, mentions="storybank init")


# --- hostile banks ------------------------------------------------------------------------------

ESCAPES_STORY = '''\
title = "Evil \\u001b[2J\\u001b[31mtitle 🎉 \\u202e"
questions = ["project", "nonsense"]
situaton = "a typo key"
situation = "Line one\\u001b]0;pwned\\u0007 here."
'''


@pytest.fixture
def hostile(bank: Path) -> Path:
    good = bank / f"{SPARK}.toml"
    for path in bank.glob("*.toml"):
        if path != good:
            path.unlink()
    (bank / "broken.toml").write_text('title = "x"\nquestions = [\n', encoding="utf-8")
    (bank / "binary.toml").write_bytes(b"\xff\xfe\x00\x01garbage")
    (bank / "empty.toml").write_text("", encoding="utf-8")
    (bank / "Bad Name.toml").write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    (bank / "text-metric.toml").write_text(
        re.sub(r"(?m)^before = .*$", 'before = "340 min"', good.read_text(encoding="utf-8"), count=1),
        encoding="utf-8")
    (bank / "escapes.toml").write_text(ESCAPES_STORY, encoding="utf-8")
    (bank / "folder.toml").mkdir()
    (bank / ".hidden.toml").write_text("not = [a story", encoding="utf-8")
    return bank


BROKEN = {"broken.toml", "binary.toml", "empty.toml", "Bad Name.toml", "text-metric.toml"}


def test_lint_hostile_bank(sb, hostile):
    assert 'before = "340 min"' in (hostile / "text-metric.toml").read_text(encoding="utf-8")
    result = sb("lint", "--bank", str(hostile), "--format", "json")
    assert result.code == 2
    data = result.json()
    check_lint_shape(data)
    assert sorted(s["id"] for s in data["stories"]) == sorted(["escapes", SPARK])
    assert {Path(e["path"]).name for e in data["errors"]} == BROKEN
    metric_error = next(e for e in data["errors"] if e["path"].endswith("text-metric.toml"))
    assert "metrics[0].before" in metric_error["message"] and "unit" in metric_error["message"]
    escapes = next(s for s in data["stories"] if s["id"] == "escapes")
    assert {"SB103", "SB104", "SB105", "SB106"} <= {f["code"] for f in escapes["findings"]}


@pytest.mark.parametrize("command", [("lint",), ("coverage",), ("match", "Why Mercor?")])
def test_text_output_on_a_hostile_bank_has_no_escapes(sb, hostile, command):
    result = sb(*command, "--bank", str(hostile))
    assert result.code == 2
    assert not ANSI.search(result.out) and not ANSI.search(result.err)
    assert "\u202e" not in result.out and "\x07" not in result.out
    assert len([line for line in result.err.splitlines() if "load error" in line]) == len(BROKEN)


def test_coverage_and_match_json_on_a_hostile_bank(sb, hostile):
    coverage = sb("coverage", "--bank", str(hostile), "--format", "json")
    assert coverage.code == 2
    data = coverage.json()
    assert {Path(e["path"]).name for e in data["errors"]} == BROKEN
    assert next(t for t in data["question_types"] if t["id"] == "performance")["status"] == "strong"
    match = sb("match", "What's the most performance-critical thing you've optimized?",
               "--bank", str(hostile), "--format", "json")
    assert match.code == 2
    assert match.json()["stories"][0]["id"] == SPARK


# --- coverage ------------------------------------------------------------------------------------


def check_coverage_shape(data: dict) -> None:
    assert set(data) >= {"question_types", "complete", "errors"}
    assert isinstance(data["complete"], bool) and isinstance(data["errors"], list)
    assert [t["id"] for t in data["question_types"]] == TYPES
    for qtype in data["question_types"]:
        assert set(qtype) >= {"id", "question", "status", "stories", "assigned"}
        assert qtype["status"] in {"strong", "weak", "missing"}
        assert qtype["question"].endswith("?") or qtype["question"].endswith(".")
        assert isinstance(qtype["stories"], list)
        assert qtype["assigned"] is None or qtype["assigned"] in qtype["stories"]
    assigned = [t["assigned"] for t in data["question_types"] if t["assigned"]]
    assert len(assigned) == len(set(assigned)), "one story assigned to two question types"


def test_coverage_example_bank(sb, bank):
    result = sb("coverage", "--bank", str(bank), "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    check_coverage_shape(data)
    assert data["complete"] is True and data["errors"] == []
    assert {t["id"]: t["status"] for t in data["question_types"]} == dict.fromkeys(TYPES, "strong")
    assert all(t["assigned"] for t in data["question_types"])


def test_coverage_without_the_motivation_story(sb, bank):
    (bank / f"{MOTIVATION}.toml").unlink()
    result = sb("coverage", "--bank", str(bank), "--format", "json")
    assert result.code == 1
    data = result.json()
    check_coverage_shape(data)
    assert data["complete"] is False
    motivation = next(t for t in data["question_types"] if t["id"] == "motivation")
    assert motivation == {**motivation, "status": "missing", "stories": [], "assigned": None}
    others = [t for t in data["question_types"] if t["id"] != "motivation"]
    assert all(t["status"] == "strong" and t["assigned"] for t in others)


def test_coverage_text_shows_the_gap(sb, bank):
    (bank / f"{MOTIVATION}.toml").unlink()
    result = sb("coverage", "--bank", str(bank))
    assert result.code == 1
    assert "7 of 8 question types covered" in result.out
    gap = next(line for line in result.out.splitlines() if "missing" in line)
    assert "no story" in gap


# --- followups -----------------------------------------------------------------------------------


def check_followups_shape(data: dict, story_id: str) -> list[dict]:
    assert set(data) >= {"story", "followups"} and data["story"] == story_id
    for item in data["followups"]:
        assert set(item) >= {"probe", "prompt", "prepared", "seconds"}
        assert isinstance(item["prepared"], bool) and item["prompt"].strip()
        assert item["seconds"] is None or isinstance(item["seconds"], int | float)
        assert "{" not in item["prompt"], item["prompt"]
    probes = [f for f in data["followups"] if f["probe"] in PROBES]
    assert [f["probe"] for f in probes] == PROBES
    return probes


def test_followups_are_specific_to_the_story(sb, bank):
    result = sb("followups", SPARK, "--bank", str(bank), "--format", "json")
    assert result.code == 0, result.err
    probes = check_followups_shape(result.json(), SPARK)
    assert all(p["prepared"] and 30 <= p["seconds"] <= 60 for p in probes)
    prompts = {p["probe"]: p["prompt"] for p in probes}
    assert "PySpark" in prompts["alternatives"]          # a technology and its usual rival
    assert "340" in prompts["technical"] and "58" in prompts["technical"]  # its own numbers
    types = [f for f in result.json()["followups"] if f["probe"] == "type:performance"]
    assert types, "the performance type's own follow-ups are missing"


def test_followups_of_a_draft_are_not_prepared(sb, bank):
    (bank / "draft.toml").write_text(FLAWED_STORY, encoding="utf-8")
    result = sb("followups", "draft", "--bank", str(bank), "--format", "json")
    assert result.code == 0, result.err
    probes = check_followups_shape(result.json(), "draft")
    assert all(p["prepared"] is False and p["seconds"] is None for p in probes)
    assert any("Redis" in p["prompt"] for p in probes)


def test_every_example_story_gets_specific_prompts():
    """In-process, for all twelve: the four probes in order; for technical stories at least two
    made specific with the story's technology, decision or numbers, while a motivation, rubric or
    schedule story hears the probes as asked or as its type words them (no prompts about its
    calendar tool's internals)."""
    catalog = builtin_catalog()
    generic = {p.id: p.question for p in catalog.probes}
    for sf in Bank.open(EXAMPLES).stories:
        prompts = followup_prompts(sf.story, catalog, Settings())[:4]
        assert [p.probe for p in prompts] == PROBES
        specific = [p for p in prompts if p.prompt != generic[p.probe]]
        technical = any(catalog.question(q).technical for q in sf.story.questions)
        if technical:
            assert len(specific) >= 2, (sf.id, prompts)
        else:
            # A type's wording as filled with the story's own words ("the guideline" it names).
            values = story_values(sf.story, catalog)
            own = {p: [fill([w], values) or w for q in sf.story.questions
                       for w in catalog.question(q).probes.get(p, [])]
                   for p in generic}
            assert all(p.prompt in catalog.probe(p.probe).templates + [generic[p.probe]]
                       + own[p.probe] for p in prompts), (sf.id, prompts)


def test_a_compound_verb_does_not_garble_the_decision():
    sf = Bank.open(EXAMPLES).get("dock-appointment-scheduling-for-11-harborline-warehouses")
    for prompt in followup_prompts(sf.story, builtin_catalog(), Settings()):
        assert not re.search(r"\b(?:in|on|built) (?:and|or|then)\b", prompt.prompt), prompt.prompt


def test_followups_unknown_story_is_one_line(sb, bank):
    one_line_error(sb("followups", "no-such-story", "--bank", str(bank), "--format", "json"),
                   mentions="no-such-story")


# --- match ---------------------------------------------------------------------------------------


def check_match_shape(data: dict) -> None:
    assert set(data) >= {"question", "match", "alternatives", "stories"}
    for candidate in [data["match"], *data["alternatives"]]:
        assert set(candidate) >= {"kind", "id", "score"}
        assert candidate["kind"] in {"question", "probe"}
        assert candidate["id"] in (TYPES if candidate["kind"] == "question" else PROBES)
        assert 0 <= candidate["score"] <= 100
    scores = [data["match"]["score"], *(a["score"] for a in data["alternatives"])]
    assert scores == sorted(scores, reverse=True)
    for story in data["stories"]:
        assert set(story) >= {"id", "title", "score"}
    ranked = [s["score"] for s in data["stories"]]
    assert ranked == sorted(ranked, reverse=True)


def test_match_a_failure_question(sb, bank):
    question = "Tell me about a production incident you caused and how you handled it."
    result = sb("match", question, "--bank", str(bank), "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    check_match_shape(data)
    assert data["question"] == question
    assert (data["match"]["kind"], data["match"]["id"]) == ("question", "failure")
    failure_stories = {sf.id for sf in Bank.open(bank).stories if "failure" in sf.story.questions}
    assert data["stories"][0]["id"] in failure_stories
    assert data["stories"][0]["score"] > data["stories"][-1]["score"]


def test_match_a_probe(sb, bank):
    result = sb("match", "Looking back, what would you change if you did it again?",
                "--bank", str(bank), "--format", "json", "--limit", "3")
    assert result.code == 0, result.err
    data = result.json()
    check_match_shape(data)
    assert (data["match"]["kind"], data["match"]["id"]) == ("probe", "differently")
    assert len(data["stories"]) == 3


def test_match_empty_question_is_one_line(sb, bank):
    one_line_error(sb("match", "   ", "--bank", str(bank), "--format", "json"), mentions="question")


# --- colour ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("lint",), ("coverage",), ("followups", PORTAL),
                                     ("match", "Describe a disagreement with a teammate.")])
@pytest.mark.slow
def test_text_is_coloured_only_when_forced(sb, bank, command):
    plain = sb(*command, "--bank", str(bank))
    assert plain.code == 0, plain.err
    assert plain.out.strip() and not ANSI.search(plain.out + plain.err)
    forced = sb(*command, "--bank", str(bank), FORCE_COLOR="1")
    assert forced.code == 0
    assert ANSI.search(forced.out)
    assert ANSI.sub("", re.sub(r"\x1b\[[0-9;]*m", "", forced.out)) == plain.out
    as_json = sb(*command, "--bank", str(bank), "--format", "json", FORCE_COLOR="1")
    assert as_json.code == 0 and not ANSI.search(as_json.out)
    as_json.json()
