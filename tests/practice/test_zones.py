"""The answer zone: one enum, one wording table (issue 20 item 3)."""

from __future__ import annotations

import json

from storybank.settings import Settings
from storybank.zones import (
    OVER_NO_LIMIT,
    WORDS,
    Zone,
    running_text,
    verdict_text,
    zone,
    zone_for,
    zone_of,
)


def test_every_zone_is_worded_once_in_every_way():
    assert set(WORDS) == set(Zone)
    for words in WORDS.values():
        assert all([words.running, words.verdict, words.column, words.note, words.symbol])
        assert words.tone in {"quiet", "good", "warn", "bad"}
    assert len({w.symbol for w in WORDS.values()}) == len(Zone)       # told apart without colour


def test_zone_edges_and_the_banks_window():
    assert zone(59.9, (60, 80), 90) is Zone.SHORT
    assert zone(60, (60, 80), 90) is Zone.WINDOW and zone(80, (60, 80), 90) is Zone.WINDOW
    assert zone(80.1, (60, 80), 90) is Zone.OVER
    assert zone(90.1, (60, 80), 90) is Zone.LIMIT
    assert zone(500, (30, 60)) is Zone.OVER                   # a follow-up has no hard limit
    narrow = Settings(answer_seconds=(40, 50), answer_limit_seconds=55)
    assert zone_for(52, narrow, followup=False) is Zone.OVER
    assert zone_for(52, narrow, followup=True) is Zone.WINDOW  # near miss: the follow-up window


def test_wording_while_running_and_after():
    assert running_text(Zone.SHORT) == "building up"
    assert verdict_text(Zone.SHORT) == "short of the window"
    assert verdict_text(Zone.OVER, 90) == WORDS[Zone.OVER].verdict
    assert verdict_text(Zone.OVER) == running_text(Zone.OVER) == OVER_NO_LIMIT


def test_a_zone_is_its_json_string_and_reads_back_leniently():
    assert json.dumps({"zone": Zone.LIMIT}) == '{"zone": "limit"}'
    assert zone_of("over") is Zone.OVER and Zone.OVER == "over"
    assert zone_of("sideways") is Zone.SHORT and zone_of(None) is Zone.SHORT
