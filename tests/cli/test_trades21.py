"""An electrician, a plumber, a mechanic on their first day (round 21): the `trades` pack.

The RCD story under `trades21/` is the one tests/DOGFOOD20.md describes ("An RCD I signed off too
early": the washing machine leaked 9 milliamps to earth, which with the kettle pushed the circuit
past the 30 milliamp trip). With no trades pack it was told "the action stays at the surface"
(SB403): no instrument, test or regulation of the trades was known."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent / "trades21"
RCD = "an-rcd-i-signed-off-too-early"
SURFACE = "The action stays at the surface"
# The near miss: the same job told with no test, no reading and no reason.
FOUND = ("I went back and did the insulation resistance test", "I went back and had a look")
SHALLOW = {
    "I went back and had a look circuit by circuit with everything unplugged, and every circuit "
    "read over 200 megohms, so the fixed wiring was sound.": "I went back and had a look.",
    "Then I put the clamp meter round the circuit's earth and plugged the appliances back in one "
    "at a time.": "I tried a few things.",
    "The washing machine leaked 9 milliamps to earth through a failing heater element, which with "
    "the kettle and the fridge pushed the circuit past the 30 milliamp trip.":
        "In the end it was the washing machine.",
    "I moved the kitchen onto its own RCBO and told the customer": "I sorted it out and told the customer",
}


def _bank(root: Path, profession: str, story: str | None = None) -> Path:
    root.mkdir(exist_ok=True)
    (root / ".storybank.toml").write_text(f'profession = "{profession}"\n', encoding="utf-8")
    if story is not None:
        (root / f"{RCD}.toml").write_text(story, encoding="utf-8")
    return root


def _story(shallow: bool = False) -> str:
    text = (HERE / f"{RCD}.toml").read_text(encoding="utf-8")
    if shallow:
        text = text.replace(*FOUND)
        for old, new in SHALLOW.items():
            assert old in text, old
            text = text.replace(old, new)
    return text


def _lint(cli, bank: Path) -> str:
    return " ".join(cli("--bank", str(bank), "lint").out.split())


def test_the_electricians_rcd_story_is_not_told_it_stays_at_the_surface(cli, tmp_path):
    said = _lint(cli, _bank(tmp_path / "bank", "trades", _story()))
    assert "SB403" not in said and SURFACE not in said, said


def test_a_trades_story_with_no_mechanism_still_is(cli, tmp_path):
    said = _lint(cli, _bank(tmp_path / "bank", "trades", _story(shallow=True)))
    assert "SB403" in said and SURFACE in said, said
    # ... with an example from the trade, not software's cache miss.
    assert "a leak to earth past the RCD's trip current" in said and "cache" not in said


def test_a_new_storys_skeleton_gives_trades_examples(cli, tmp_path):
    bank = _bank(tmp_path / "bank", "trades")
    done = cli("--bank", str(bank), "new", "An RCD I signed off too early", "--question", "failure")
    assert done.code == 0
    text = Path(done.out.strip()).read_text(encoding="utf-8")
    for shown in ("Electrician, domestic and commercial", "insulation resistance test", "BS 7671",
                  "call-backs a month"):
        assert shown in text, text
    for not_shown in ("Acme", "Redis", "p99", "NEWS2"):
        assert not_shown not in text, text


def test_the_trades_ask_their_own_questions_and_probe(cli, tmp_path):
    from storybank.professions import pack_for

    bank = _bank(tmp_path / "bank", "trades", _story())
    sheet = " ".join(cli("--bank", str(bank), "export").out.split())
    assert pack_for("trades").plain["technical"] in sheet
    assert "built broke in production" not in sheet


@pytest.mark.parametrize("name", ["trades", "Trades"])
def test_the_settings_accept_trades(name):
    from storybank.settings import parse_settings

    assert parse_settings({"profession": name}).profession == "trades"
