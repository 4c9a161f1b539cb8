"""What a nurse, a translator and a tradesperson met on their first day (dogfood round 20): advice
in their own field's words, not software's. The stories under `dogfood20/` are the ones they
wrote; see tests/DOGFOOD20.md."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "dogfood20"
SEPSIS = "catching-a-sepsis-patient-the-doctors-had-missed"
INSULIN = "teaching-insulin-pens-to-a-patient-who-could-not-read"
SOFTWARE = re.compile(r"\b(benchmark|prototype|design review|ship|in production|you built|"
                      r"technical disagreement|what was happening technically)\b")


def _bank(root: Path, profession: str, *names: str) -> Path:
    root.mkdir(exist_ok=True)
    (root / ".storybank.toml").write_text(f'profession = "{profession}"\n', encoding="utf-8")
    for name in names:
        shutil.copy(HERE / f"{name}.toml", root / f"{name}.toml")
    return root


@pytest.mark.parametrize("profession", ["medicine", ""])
def test_a_nurses_lint_names_no_software_ways_to_settle_or_to_judge_depth(cli, tmp_path, profession):
    bank = _bank(tmp_path / "nurse", profession, SEPSIS, INSULIN)
    done = cli("--bank", str(bank), "lint")
    assert done.code in (0, 1) and "Traceback" not in done.err
    assert "SB711" in done.out and "SB732" in done.out      # the two findings that spoke software
    said = " ".join(done.out.split())
    assert not SOFTWARE.findall(said), said


def test_a_software_bank_keeps_its_own_examples(cli, tmp_path):
    bank = _bank(tmp_path / "dev", "software", SEPSIS, INSULIN)
    said = " ".join(cli("--bank", str(bank), "lint").out.split())
    assert "a benchmark, a prototype" in said and "what you can ship alone" in said
