"""Mock-interview sessions in the practice log: answers carry the session id, one line ties them
together, and old logs, plain drills and broken lines read as before."""

from __future__ import annotations

import json

from storybank.practice import (
    PracticeRecord,
    SessionRecord,
    append_record,
    log_path,
    parse_log,
    read_log,
)

TS = 1_700_000_000.0


def test_a_session_is_its_answers_plus_one_line_that_links_them(tmp_path):
    for i, q in enumerate(["project", "failure"]):
        append_record(tmp_path, PracticeRecord(ts=TS + i, question=q, story="s", probe="technical",
                                               answer_seconds=70, followup_seconds=40, session="m1"))
    append_record(tmp_path, SessionRecord(ts=TS + 9, session="m1", questions=("project", "failure", "rubric"),
                                          answered=2, complete=False, talk_seconds=220.04))
    log = read_log(tmp_path)
    assert log.notices == []
    assert [r.session for r in log.records] == ["m1", "m1"]
    assert len(log.sessions) == 1
    s = log.sessions[0]
    assert (s.session, s.questions, s.answered, s.complete, s.talk_seconds) == (
        "m1", ("project", "failure", "rubric"), 2, False, 220.0)
    lines = log_path(tmp_path).read_text().splitlines()
    assert json.loads(lines[-1])["kind"] == "interview"


def test_a_plain_drill_line_has_no_session_key():
    data = PracticeRecord(ts=TS, question="project").to_json()
    assert "session" not in data


def test_old_lines_broken_lines_and_bad_sessions_still_read():
    text = "\n".join([
        '{"ts": "2023-11-14T22:13:20Z", "story": "a", "question": "project", "probe": null, '
        '"answer_seconds": 70, "followup_seconds": null, "typed_words": null}',
        '{"ts": "2023-11-14T22:13:20Z", "kind": "interview", "questions": ["project"]}',  # no id
        "garbage {",
        '{"ts": "2023-11-14T22:14:20Z", "kind": "interview", "session": "x", "questions": [], '
        '"answered": 0, "complete": true, "talk_seconds": 0}',
        '{"ts": "2023-11-14T22:15:20Z", "question": "rubric", "session": 5}',  # session not text
    ]) + "\n"
    log = parse_log(text)
    assert [r.question for r in log.records] == ["project"]
    assert [s.session for s in log.sessions] == ["x"] and log.sessions[0].complete
    assert log.notices and "skipped 3 lines" in log.notices[0]
