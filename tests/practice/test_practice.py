"""The practice log: appending survives crashes and concurrency; reading never crashes."""

from __future__ import annotations

import json
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storybank import practice
from storybank.practice import PracticeRecord, append_record, log_path, parse_log, read_log

TS = 1_700_000_000.0


def record(**kw) -> PracticeRecord:
    base = dict(ts=TS, question="project", story="order-outbox", probe="technical",
                answer_seconds=71.26, followup_seconds=40.04, typed_words=None)
    base.update(kw)
    return PracticeRecord(**base)


def test_append_writes_one_json_line_with_the_documented_keys(tmp_path):
    path = append_record(tmp_path, record())
    assert path == tmp_path / ".storybank" / "practice.jsonl"
    lines = path.read_text().splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert set(data) == {"ts", "story", "question", "probe", "answer_seconds", "followup_seconds",
                         "typed_words"}
    assert data["ts"] == "2023-11-14T22:13:20Z"
    assert data["answer_seconds"] == 71.3 and data["followup_seconds"] == 40.0


def test_records_round_trip(tmp_path):
    first = record()
    second = record(ts=TS + 60, story=None, probe=None, followup_seconds=None, typed_words=88)
    append_record(tmp_path, first)
    append_record(tmp_path, second)
    log = read_log(tmp_path)
    assert log.notices == []
    assert [r.ts for r in log.records] == [TS, TS + 60]
    assert log.records[1].story is None and log.records[1].typed_words == 88
    assert log.records[0].answer_seconds == 71.3


def test_missing_log_is_empty_without_notices(tmp_path):
    log = read_log(tmp_path)
    assert log.records == [] and log.notices == []


def test_truncated_last_line_is_skipped_with_a_notice_and_the_next_append_starts_fresh(tmp_path):
    append_record(tmp_path, record())
    path = log_path(tmp_path)
    with open(path, "ab") as handle:
        handle.write(b'{"ts": "2023-11-14T22:14:00Z", "story": "x", "quest')
    log = read_log(tmp_path)
    assert len(log.records) == 1
    assert len(log.notices) == 1 and "last line is incomplete" in log.notices[0]
    append_record(tmp_path, record(ts=TS + 120))
    log = read_log(tmp_path)
    assert [r.ts for r in log.records] == [TS, TS + 120]
    assert "not practice records" in log.notices[0]  # the cut line is now a skipped middle line


@pytest.mark.parametrize("junk", ["not json", "[1, 2]", '{"ts": "yesterday", "question": "x"}',
                                  '{"ts": 5}', '{"ts": 5, "question": "p", "answer_seconds": "a"}'])
def test_junk_lines_in_the_middle_are_counted_not_fatal(tmp_path, junk):
    append_record(tmp_path, record())
    with open(log_path(tmp_path), "a") as handle:
        handle.write(junk + "\n")
    append_record(tmp_path, record(ts=TS + 1))
    log = read_log(tmp_path)
    assert len(log.records) == 2
    assert log.notices and "skipped 1 line" in log.notices[0]


def test_unreadable_log_is_a_notice(tmp_path):
    log_path(tmp_path).mkdir(parents=True)  # a folder where the file should be
    log = read_log(tmp_path)
    assert log.records == [] and "cannot read" in log.notices[0]


def test_binary_garbage_never_crashes(tmp_path):
    path = log_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(os.urandom(300) + b"\n\xff\xfe")
    log = read_log(tmp_path)
    assert log.records == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_parse_log_never_raises(text):
    log = parse_log(text)
    assert isinstance(log.records, list)


def test_concurrent_appends_never_interleave(tmp_path):
    def write(i: int) -> None:
        append_record(tmp_path, record(ts=TS + i, story=f"story-{i}"))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(write, range(40)))
    log = read_log(tmp_path)
    assert log.notices == []
    assert sorted(r.story for r in log.records) == sorted(f"story-{i}" for i in range(40))


def test_summaries():
    records = [record(ts=1, story="a", question="project"), record(ts=5, story="a", question="failure"),
               record(ts=3, story="b", question="project"), record(ts=9, story=None, question="rubric")]
    assert practice.last_practised(records) == {"a": 5, "b": 3}
    assert practice.PracticeLog(records).last_practised() == {"a": 5, "b": 3}


def test_numeric_and_offset_timestamps_are_accepted():
    assert practice.parse_ts(12.5) == 12.5
    assert practice.parse_ts("2023-11-14T22:13:20+00:00") == TS
    assert practice.parse_ts("2023-11-14T22:13:20") == TS
