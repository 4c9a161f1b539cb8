"""Coverage statuses, the optimal assignment and the overuse and duplicate flags."""

from __future__ import annotations

from pathlib import Path

from storybank.analysis.coverage import assign, compute_coverage, near_duplicates
from storybank.analysis.session import analyze_bank
from storybank.bank import Bank
from storybank.catalog import builtin_catalog

EXAMPLES = Path(__file__).resolve().parents[2] / "stories"


def test_assignment_is_optimal_not_greedy():
    # Greedy in type order gives `a` to t1 and leaves t2 empty; the optimum covers both.
    candidates = {"t1": [("a", 10.0), ("b", 9.0)], "t2": [("a", 8.0)]}
    assert assign(candidates) == {"t1": "b", "t2": "a"}


def test_assignment_prefers_quality_when_coverage_ties():
    candidates = {"t1": [("a", 5.0), ("b", 9.0)], "t2": [("a", 7.0), ("c", 1.0)]}
    assert assign(candidates) == {"t1": "b", "t2": "a"}


def test_assignment_leaves_a_type_empty_only_when_it_must():
    candidates = {"t1": [("a", 5.0)], "t2": [("a", 9.0)], "t3": []}
    result = assign(candidates)
    assert list(result.values()).count("a") == 1
    assert result["t3"] is None


def test_assignment_scales_to_big_candidate_lists():
    candidates = {f"t{i}": [(f"s{j}", float((i * 7 + j) % 13)) for j in range(400)] for i in range(8)}
    result = assign(candidates)
    assert len(set(result.values())) == 8


def test_example_bank_is_complete_and_distinct():
    bank = Bank.open(EXAMPLES)
    catalog = builtin_catalog()
    cov = compute_coverage(bank.stories, analyze_bank(bank, catalog), catalog)
    assert [t.id for t in cov.question_types] == catalog.question_ids()
    assert cov.complete and all(t.status == "strong" for t in cov.question_types)
    assigned = [t.assigned for t in cov.question_types]
    assert None not in assigned and len(set(assigned)) == len(assigned)
    for t in cov.question_types:
        assert t.assigned in t.stories


def _bank_with(tmp_path, files: dict[str, str]) -> Bank:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return Bank.open(tmp_path)


DRAFT = 'title = "{t}"\nquestions = {q}\nsituation = "{s}"\n'


def test_missing_weak_and_overused(tmp_path):
    bank = _bank_with(tmp_path, {
        "everything.toml": DRAFT.format(t="Everything", q='["project", "failure", "learning", "schedule"]',
                                        s="A draft."),
    })
    catalog = builtin_catalog()
    cov = compute_coverage(bank.stories, analyze_bank(bank, catalog), catalog)
    status = {t.id: t.status for t in cov.question_types}
    assert status["project"] == "weak" and status["motivation"] == "missing"
    assert not cov.complete
    assert cov.overused == ["everything"]


def test_near_duplicates_are_found_and_distinct_stories_are_not(tmp_path):
    situation = ("Our nightly billing export to the data warehouse took six hours and often missed "
                 "the morning reports for the finance team at Lumora.")
    bank = _bank_with(tmp_path, {
        "one.toml": DRAFT.format(t="Speeding up the billing export", q='["performance"]', s=situation),
        "two.toml": DRAFT.format(t="Billing export speed-up", q='["project"]', s=situation),
        "three.toml": DRAFT.format(t="Learning Rust for a log filter", q='["learning"]',
                                   s="On-call engineers filtered 6 GB JSON logs with a slow Python script."),
    })
    pairs = near_duplicates(bank.stories)
    assert [(a, b) for a, b, _ in pairs] == [("one", "two")]
