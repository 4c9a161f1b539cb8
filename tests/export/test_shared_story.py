"""A story mapped to two question types covers both, everywhere (issue 21 item 5, issue 20 item 4):
`coverage`, the cheat sheet and the schedule read one definition of a gap,
`bank.types_without_story`."""

from __future__ import annotations

from storybank.bank import Bank, types_without_story


def test_types_without_story_counts_every_type_a_story_is_mapped_to():
    qids = ["project", "failure", "performance", "learning"]
    assert types_without_story(qids, [["project", "performance"]]) == ["failure", "learning"]
    # near miss: a type no story names stays a gap, whatever else is mapped
    assert types_without_story(qids, [["project"], ["project"]]) == ["failure", "performance", "learning"]
    assert types_without_story(qids, []) == qids


def test_coverage_and_the_cheat_sheet_agree_on_a_story_mapped_to_two_types(cli, good_bank):
    cov = cli("--bank", str(good_bank), "coverage", "--format", "json")
    statuses = {t["id"]: t["status"] for t in cov.json()["question_types"]}
    assert statuses["project"] != "missing" and statuses["performance"] != "missing"
    covered = sum(1 for s in statuses.values() if s != "missing")
    assert covered == 2

    text = cli("--bank", str(good_bank), "coverage")
    assert f"{covered} of 8 question types covered" in text.out
    perf = next(line for line in text.out.splitlines() if "Performance" in line)
    assert "no story" not in perf and "Payment retry pipeline at Acme" in perf

    sheet = cli("--bank", str(good_bank), "export", "--format", "txt")
    assert sheet.code == 0, sheet.err
    assert f"{covered} of 8 covered" in sheet.out
    gaps = [line for line in sheet.out.splitlines() if "GAP" in line]
    assert len(gaps) == 8 - covered
    assert not any("PERFORMANCE" in line or "OWNED PROJECT" in line for line in gaps)


def test_the_sheet_fills_a_type_the_assignment_left_out(good_bank):
    """A caller's assignment (a posting's, say) that leaves out a mapped type still gets the story."""
    from storybank.catalog import builtin_catalog
    from storybank.export.sheet import build_sheet

    bank = Bank.open(good_bank)
    catalog = builtin_catalog()
    stories = {sf.id: sf.story for sf in bank.stories}
    sheet = build_sheet(stories, {"project": "good"}, catalog, bank.settings)
    entries = {e.id: e for e in sheet.entries}
    assert not entries["performance"].gap and entries["performance"].story_id == "good"
    assert entries["failure"].gap                     # near miss: nothing mapped, still a gap
    assert sheet.covered == 8 - len(types_without_story(catalog.question_ids(), [bank.stories[0].story.questions]))
