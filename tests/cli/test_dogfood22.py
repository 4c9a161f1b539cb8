"""What a secondary-school teacher, a hospital pharmacist and a warehouse shift supervisor met on
their first day, none of them having set `profession` (dogfood round 22). The stories under
`dogfood22/` are the ones they wrote in the editor; see tests/DOGFOOD22.md."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

HERE = Path(__file__).parent / "dogfood22"
WARFARIN = "catching-a-warfarin-interaction-the-order-set-missed.toml"
FORKLIFT = "a-forklift-near-miss-on-my-shift.toml"


def _bank(root: Path, *stories: str, profession: str = "") -> Path:
    root.mkdir(exist_ok=True)
    (root / ".storybank.toml").write_text(f'profession = "{profession}"\n', encoding="utf-8")
    for story in stories:
        shutil.copy(HERE / story, root / story)
    return root


def _said(cli, bank: Path) -> str:
    return " ".join(cli("--bank", str(bank), "lint").out.split())


def test_no_decision_advice_for_a_pharmacist_names_no_rollback(cli, tmp_path):
    """SB303 told the pharmacist (no profession set) to say "I rolled back": her action
    ("I advised holding two doses … I took it to the drug and therapeutics committee") was
    judged to show no call of her own, and the verbs offered were software's."""
    said = _said(cli, _bank(tmp_path / "pharm", WARFARIN))
    assert "SB303" in said
    assert "rolled back" not in said
    assert '"I chose", "I proposed"' in said


def test_near_miss_a_software_bank_keeps_its_rollback_example(cli, tmp_path):
    said = _said(cli, _bank(tmp_path / "soft", WARFARIN, profession="software"))
    assert '"I chose", "I proposed", "I measured", "I rolled back"' in said


def test_a_field_set_gives_its_own_decision_verbs(cli, tmp_path):
    said = _said(cli, _bank(tmp_path / "med", WARFARIN, profession="medicine"))
    assert '"I escalated to the registrar"' in said and "rolled back" not in said


def test_no_ownership_line_advice_names_no_rollout_or_on_call(cli, tmp_path):
    """SB302 asked the warehouse supervisor, who left `ownership` empty, for "(design, rollout,
    on-call)"."""
    bank = _bank(tmp_path / "wh", FORKLIFT)
    story = bank / FORKLIFT
    story.write_text(re.sub(r'(?ms)^ownership = """.*?"""\n', "", story.read_text(encoding="utf-8")), encoding="utf-8")
    said = _said(cli, bank)
    assert "SB302" in said
    assert "on-call" not in said and "rollout" not in said
    (bank / ".storybank.toml").write_text('profession = "software"\n', encoding="utf-8")
    assert "(design, rollout, on-call)" in _said(cli, bank)          # near miss: software keeps it


def test_no_prevention_advice_names_no_runbook(cli, tmp_path):
    """SB703 told the supervisor, whose near-miss story ended without what changed, to add "a
    test, an alert, a runbook step"."""
    bank = _bank(tmp_path / "wh", FORKLIFT)
    story = bank / FORKLIFT
    text = story.read_text(encoding="utf-8")
    text = text.replace("Now I never change a walkway rule on shift; I take it to the safety meeting.", "")
    text = text.replace("I closed the shortcut, put a banksman at the aisle end for the rest of the peak, "
                        "and asked the drivers to sound the horn at every aisle exit.", "")
    story.write_text(text, encoding="utf-8")
    said = _said(cli, bank)
    assert "SB703" in said
    assert "runbook" not in said and "an alert" not in said
    (bank / ".storybank.toml").write_text('profession = "software"\n', encoding="utf-8")
    assert "a check, a test, an alert, a runbook step" in _said(cli, bank)   # near miss
