"""The practice log under stress: two processes appending at once, power loss at every byte of
the last record, zero-filled tails, garbage, foreign encodings, and files that are not files.
(tests/practice/test_practice.py covers threads, one truncated line, junk lines and a folder in the way.)"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from storybank.practice import (
    PracticeRecord,
    append_record,
    format_ts,
    log_path,
    parse_log,
    read_log,
)

TS = 1_700_000_000.0


def record(i: int, *, pad: int = 0, question: str = "project") -> PracticeRecord:
    return PracticeRecord(ts=TS + i, question=question, story=f"story-{i}" + "x" * pad, probe="technical",
                          answer_seconds=71.25, followup_seconds=40.0, typed_words=i)


WRITER = """
import sys
from pathlib import Path
from storybank.practice import PracticeRecord, append_record
root, who, count, pad, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
while not Path(go).exists():  # start together
    pass
for i in range(count):
    n = who * 100_000 + i
    append_record(Path(root), PracticeRecord(ts=1_700_000_000.0 + n, question="project",
        story=f"story-{n}" + "x" * pad, probe="technical", answer_seconds=71.25,
        followup_seconds=40.0, typed_words=n))
"""


@pytest.mark.slow
@pytest.mark.parametrize("pad", [0, 9000], ids=["small-records", "records-larger-than-a-pipe-buffer"])
def test_two_processes_appending_at_once_never_interleave(tmp_path, pad):
    count = 150 if not pad else 60
    go = tmp_path / "go"
    workers = [subprocess.Popen([sys.executable, "-c", WRITER, str(tmp_path), str(who), str(count),
                                 str(pad), str(go)]) for who in (1, 2)]
    time.sleep(0.3)
    go.touch()
    for w in workers:
        assert w.wait(120) == 0
    raw = log_path(tmp_path).read_bytes()
    lines = raw.split(b"\n")
    assert lines[-1] == b"" and all(json.loads(line) for line in lines[:-1])  # every line whole
    log = read_log(tmp_path)
    assert log.notices == []
    stories = sorted(r.story for r in log.records)
    expected = sorted(record(who * 100_000 + i, pad=pad).story for who in (1, 2) for i in range(count))
    assert stories == expected
    for who in (1, 2):  # each writer's records in its own order
        own = [r.typed_words for r in log.records if r.typed_words // 100_000 == who]
        assert own == sorted(own) and len(own) == count


def _log_with(tmp_path: Path, n: int) -> tuple[Path, bytes, list[int]]:
    """A log of n records; returns its path, bytes and where each line starts."""
    for i in range(n):
        append_record(tmp_path, record(i, question="performance" if i % 2 else "projeçt 🚀"))
    path = log_path(tmp_path)
    data = path.read_bytes()
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A][:-1]
    return path, data, starts


def test_power_loss_at_every_byte_of_the_last_record_keeps_the_rest(tmp_path):
    path, data, starts = _log_with(tmp_path, 4)
    last = starts[-1]
    for cut in range(last, len(data)):
        path.write_bytes(data[:cut])
        log = read_log(tmp_path)
        if cut == len(data) - 1:  # only the final newline lost: the record itself is whole
            assert [r.typed_words for r in log.records] == [0, 1, 2, 3] and log.notices == []
            continue
        assert [r.typed_words for r in log.records] == [0, 1, 2], cut
        if cut == last:
            assert log.notices == []  # cut exactly after a record: nothing lost but the last
        else:
            assert len(log.notices) == 1 and "incomplete" in log.notices[0], (cut, log.notices)
    # And the next drill after the power cut starts on a line of its own.
    path.write_bytes(data[: last + 20])
    append_record(tmp_path, record(9))
    log = read_log(tmp_path)
    assert [r.typed_words for r in log.records] == [0, 1, 2, 9]
    assert len(log.notices) == 1 and "skipped 1 line" in log.notices[0]


@pytest.mark.parametrize("tail", [b"\x00" * 4096, b"\x00" * 10 + b"\n", b"\xff\xfe\x00garbage",
                                  b'{"ts": 1700000000, "question": "proj', b"\n\n\n", b"\r\n"],
                         ids=["zero-block", "zeros-then-newline", "binary", "half-record", "blank-lines",
                              "crlf"])
def test_a_damaged_tail_never_loses_the_records_before_it(tmp_path, tail):
    path, data, _ = _log_with(tmp_path, 3)
    path.write_bytes(data + tail)  # what a crash on a file system without data journaling leaves
    log = read_log(tmp_path)
    assert [r.typed_words for r in log.records] == [0, 1, 2]
    append_record(tmp_path, record(7))
    log = read_log(tmp_path)
    assert [r.typed_words for r in log.records] == [0, 1, 2, 7]


@pytest.mark.parametrize("junk", [b"\x00\x00\x00", b"\xff\xfe\xfd", "ünïcødé".encode("latin-1"),
                                  "{\"ts\": 1700000000, \"question\": \"caf\xe9\"}".encode("latin-1"),
                                  b"[]", b"null", b"1e999", b'{"ts": 1e999, "question": "x"}',
                                  b'{"ts": 1e300, "question": "x"}', b'{"ts": -1e300, "question": "x"}',
                                  b'{"ts": "9999-99-99", "question": "x"}', b'{"question": ["x"], "ts": 1}',
                                  b'{"ts": 1, "question": "x", "answer_seconds": NaN}',
                                  b'{"ts": 1, "question": "x", "answer_seconds": Infinity}',
                                  b"{" * 10_000, b'{"a": ' * 100_000],
                         ids=["nul", "bad-utf8", "latin-1", "latin-1-record", "list", "null", "huge-number",
                              "ts-inf", "ts-huge", "ts-huge-negative", "ts-bad-date", "question-list",
                              "nan", "infinity", "braces", "deep-nesting"])
def test_garbage_lines_are_skipped_and_every_record_stays_usable(tmp_path, junk):
    path, data, _ = _log_with(tmp_path, 2)
    path.write_bytes(data + junk + b"\n" + data)
    log = read_log(tmp_path)
    kept = [r for r in log.records if r.question != "x" and not r.question.startswith("caf")]
    assert [r.typed_words for r in kept] == [0, 1, 0, 1]
    for r in log.records:  # whatever was kept can be shown and written again
        assert format_ts(r.ts) and json.dumps(r.to_json())


def test_a_log_saved_by_an_editor_with_a_byte_order_mark_keeps_its_first_record(tmp_path):
    path, data, _ = _log_with(tmp_path, 2)
    path.write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))
    log = read_log(tmp_path)
    assert [r.typed_words for r in log.records] == [0, 1] and log.notices == []


def test_a_log_that_is_a_named_pipe_does_not_hang_readers_or_writers(tmp_path):
    path = log_path(tmp_path)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    result: dict = {}

    def read() -> None:
        result["log"] = read_log(tmp_path)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(5)
    if reader.is_alive():  # unblock the stuck reader so the test run can end
        with open(path, "wb"):
            pass
        pytest.fail("read_log blocked on a named pipe")
    assert result["log"].records == [] and "not a regular file" in result["log"].notices[0]

    def write() -> None:
        try:
            append_record(tmp_path, record(1))
        except OSError as exc:
            result["error"] = exc

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    writer.join(5)
    if writer.is_alive():
        with open(path, "rb"):
            pass
        pytest.fail("append_record blocked on a named pipe")
    assert isinstance(result.get("error"), OSError)
    assert stat.S_ISFIFO(path.stat().st_mode)


def test_unreadable_and_odd_logs_never_raise(tmp_path):
    path = log_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.symlink_to(tmp_path / "nowhere.jsonl")  # dangling: no log yet
    assert read_log(tmp_path).records == []
    path.unlink()
    path.write_bytes(b"")
    assert read_log(tmp_path).records == [] and read_log(tmp_path).notices == []
    path.write_bytes(os.urandom(64 * 1024))
    assert read_log(tmp_path).records == []
    if os.geteuid() != 0:  # root reads anything
        path.chmod(0)
        log = read_log(tmp_path)
        assert log.records == [] and "cannot read" in log.notices[0]


@pytest.mark.slow
def test_a_long_log_reads_quickly(tmp_path):
    line = json.dumps(record(1).to_json()) + "\n"
    path = log_path(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(line * 100_000, encoding="utf-8")
    start = time.perf_counter()
    log = read_log(tmp_path)
    assert len(log.records) == 100_000 and time.perf_counter() - start < 10


def test_parse_log_of_a_cut_multibyte_character(tmp_path):
    text = '{"ts": 1700000000, "question": "projeçt"}\n{"ts": 1700000001, "question": "ç'
    log = parse_log(text.encode("utf-8")[:-1].decode("utf-8", "replace"))
    assert len(log.records) == 1 and "incomplete" in log.notices[0]
