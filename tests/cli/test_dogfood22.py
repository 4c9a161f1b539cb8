"""What a secondary-school teacher, a hospital pharmacist and a warehouse shift supervisor met on
their first day, none of them having set `profession` (dogfood round 22). The stories under
`dogfood22/` are the ones they wrote in the editor; see tests/DOGFOOD22.md."""

from __future__ import annotations

import json
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


# Round 21 (lead): the warfarin story's own action ("I advised holding two doses … I took it to the
# drug and therapeutics committee") now shows her calls, so SB303 is quiet on it; its wording is
# read on the same story told with no call of hers in it.
OWN_ACTION = "I advised holding two doses of warfarin"


def _no_calls(bank: Path) -> Path:
    story = bank / WARFARIN
    text = story.read_text(encoding="utf-8")
    start = text.index(OWN_ACTION)
    end = text.index('"""', start)
    story.write_text(text[:start] + "The doses were held and the order set was rewritten after the drug and "
                     "therapeutics committee met, and the INR was checked every day for a week." + text[end:],
                     encoding="utf-8")
    return bank


def _said(cli, bank: Path) -> str:
    return " ".join(cli("--bank", str(bank), "lint").out.split())


def test_no_decision_advice_for_a_pharmacist_names_no_rollback(cli, tmp_path):
    """SB303 told the pharmacist (no profession set) to say "I rolled back": her action
    ("I advised holding two doses … I took it to the drug and therapeutics committee") was
    judged to show no call of her own, and the verbs offered were software's."""
    assert "SB303" not in _said(cli, _bank(tmp_path / "own", WARFARIN))     # her calls, as she told them
    said = _said(cli, _no_calls(_bank(tmp_path / "pharm", WARFARIN)))
    assert "SB303" in said
    assert "rolled back" not in said
    assert '"I chose", "I proposed"' in said


def test_near_miss_a_software_bank_keeps_its_rollback_example(cli, tmp_path):
    said = _said(cli, _no_calls(_bank(tmp_path / "soft", WARFARIN, profession="software")))
    assert '"I chose", "I proposed", "I measured", "I rolled back"' in said


def test_a_field_set_gives_its_own_decision_verbs(cli, tmp_path):
    said = _said(cli, _no_calls(_bank(tmp_path / "med", WARFARIN, profession="medicine")))
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


SETTING = "disagreeing-with-my-head-of-department-about-setting-by-ability.toml"   # 59.6 s
MISPICKS = "cutting-mis-picks-on-the-night-shift.toml"                               # 57.6 s


def _spoken(out: str) -> list[int]:
    """Every whole-second time the text output shows for the main answer."""
    return [int(n) for n in re.findall(r"(\d+) s spoken", out)]


def test_an_answer_short_of_the_window_never_reads_as_the_windows_edge(cli, tmp_path):
    """The teacher's disagreement story is 59.6 s: `lint` said "60 s spoken" over "About 59 s
    spoken, under the 60 s window", and the editor "Answer 60s … short of the window"."""
    out = cli("--bank", str(_bank(tmp_path / "t", SETTING)), "lint").out
    assert "60 s spoken" not in out
    assert set(_spoken(out)) == {59}, out


def test_every_view_of_one_answer_gives_the_same_seconds(cli, tmp_path):
    """The supervisor's mis-picks story is 57.6 s: the header said 58, SB503 57, the compression
    score's reason 58."""
    bank = _bank(tmp_path / "w", MISPICKS)
    out = cli("--bank", str(bank), "lint").out
    reasons = " ".join(json.loads(cli("--bank", str(bank), "lint", "--format", "json").out)
                       ["stories"][0]["score_reasons"]["compression"])
    assert len(set(_spoken(out) + _spoken(reasons))) == 1, (out, reasons)


def test_near_miss_a_time_inside_the_window_rounds_as_before(cli, tmp_path):
    out = cli("--bank", str(_bank(tmp_path / "p", WARFARIN)), "lint").out   # 67.6 s
    assert "68 s spoken" in out


# --- round 21 (lead): the question in the user's words, the bank's field in the questions ---------

ANSWER = (b"I gave a patient the wrong dose of enoxaparin once because I misread the weight on the chart. "
          b"I reported it on Datix the same shift, told the consultant, and since then I check the weight "
          b"against the drug chart before every dose.")


def test_answer_shows_the_question_in_the_words_it_was_given(cli, tmp_path):
    """`answer --question "Tell me about a time something went wrong"` printed the pharmacist's
    question as software's ("something you built broke in production")."""
    bank = _bank(tmp_path / "pharm", WARFARIN)
    done = cli("--bank", str(bank), "answer", "--question", "Tell me about a time   something went wrong", "-",
               stdin=ANSWER)
    first = done.out.splitlines()[0]
    assert first.startswith("question") and "failure: Tell me about a time something went wrong" in first


def test_near_miss_a_question_given_as_a_type_is_shown_as_the_bank_asks_it(cli, tmp_path):
    bank = _bank(tmp_path / "ware", FORKLIFT)        # a story of no field the packs know
    first = cli("--bank", str(bank), "answer", "--question", "failure", "-", stdin=ANSWER).out.splitlines()[0]
    assert "failure: Tell me about a time something you were responsible for went wrong." in first
