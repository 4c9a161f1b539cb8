"""The report card judges the answers given (issue 18 item 5), and the probe follows the answer."""

from __future__ import annotations

import json
import tomllib
from dataclasses import replace

import pytest

from storybank import interview
from storybank.answers.judge import bank_stories, judge_answer
from storybank.answers.report import AnswerReport
from storybank.bank import Bank
from storybank.catalog import builtin_catalog
from storybank.practice import PracticeRecord
from storybank.speech.report import Fillers, SpokenReport
from tests.helpers import REPO

PROBES = ["differently", "alternatives", "technical", "collaborators"]
TELLINGS = tomllib.loads((REPO / "tests/answers/tellings.toml").read_text(encoding="utf-8"))["telling"]
WEAK = {w["question"]: w["text"] for w in
        tomllib.loads((REPO / "tests/answers/weak_answers.toml").read_text(encoding="utf-8"))["answer"]}
SPARK = "cutting-a-nightly-spark-claims-job-from-5h40m-to-58-minutes"


@pytest.fixture(scope="module")
def judge():
    bank = Bank.open(REPO / "stories")
    catalog, stories = builtin_catalog(), bank_stories(bank.stories)

    def run(text, **options):
        return judge_answer(text, catalog, bank.settings, stories, **options)

    return run


def telling(story: str, kind: str = "full") -> str:
    return next(t["text"] for t in TELLINGS if t["story"] == story and t["kind"] == kind)


def test_the_cards_scores_are_the_answers_not_the_stories_on_file(judge):
    strong = judge(telling(SPARK), question="performance")
    weak = judge(WEAK["schedule"], question="schedule")
    records = [PracticeRecord(ts=1.0, question="performance", story=SPARK, probe="differently",
                              answer_seconds=75, followup_seconds=40, typed_words=180),
               PracticeRecord(ts=2.0, question="schedule", probe="alternatives",
                              answer_seconds=20, followup_seconds=20, typed_words=30)]
    judged = [interview.Judged(strong), interview.Judged(weak)]
    card = interview.report_card(records, planned=2, judged=judged)
    assert card.basis == "answers"
    assert card.rows[0].scores == strong.score_values() and card.rows[1].scores == weak.score_values()
    for name in ("specificity", "ownership", "technical_depth", "compression"):
        assert card.dimensions[name] == round((strong.score_values()[name] + weak.score_values()[name]) / 2)
    assert card.rows[0].told is not None and card.rows[0].told.id == SPARK
    # The weak schedule answer's own trap is on the card, with its question.
    fix = next(f for f in card.fixes if f.number == 2)
    assert fix.question == "schedule"
    data = card.to_json()
    assert data["questions"][0]["scores"] == strong.score_values() and data["basis"] == "answers"


def test_fix_these_first_sees_fillers_an_overrun_follow_up_and_a_restart(judge):
    first = telling(SPARK)
    restart = judge(telling(SPARK, "sparse"), probe="technical", first=first)
    assert restart.followup is not None and restart.followup.restarted
    scores = {"specificity": 80, "ownership": 70, "technical_depth": 70, "compression": 90}
    spoken = SpokenReport("um so", words=150, wpm=150.0, pace="window", zone="window",
                          fillers=Fillers(6, 5.1, {"um": 6}, 4.0),
                          judged=AnswerReport.from_json({"text": "um so", "scores": scores}))
    records = [PracticeRecord(ts=1.0, question="performance", story=SPARK, probe="technical",
                              answer_seconds=70, followup_seconds=75, spoken=spoken)]
    card = interview.report_card(records, planned=1,
                                 judged=[interview.Judged(followup=restart)])
    codes = [f.code for f in card.fixes]
    assert {"fillers", "followup-over", "restarted"} <= set(codes), codes
    assert all(f.question == "performance" and f.number == 1 for f in card.fixes)
    fillers = next(f for f in card.fixes if f.code == "fillers")
    assert "5.1 fillers a minute against a limit of 4" in fillers.message
    assert card.rows[0].restart is not None and card.rows[0].restart.restarted


def test_one_fix_per_question_before_any_question_gets_two(judge):
    records = [PracticeRecord(ts=float(i), question=q, answer_seconds=95, typed_words=40)
               for i, q in enumerate(["failure", "rubric", "motivation"])]
    judged = [interview.Judged(judge(WEAK[q], question=q)) for q in ("failure", "rubric", "motivation")]
    card = interview.report_card(records, planned=3, judged=judged)
    assert [f.number for f in card.fixes] == [1, 2, 3]
    assert all(f.code == "limit" and f.severity == "error" for f in card.fixes)  # 95 s: past 90


def test_the_probe_follows_what_the_answer_lacked_and_varies_within_a_session(judge):
    answer = judge(telling(SPARK, "sparse"), question="performance")
    assert answer.lacking[0] == "differently"
    assert interview.choose_probe(PROBES, SPARK, [], answer=answer) == "differently"
    second = interview.choose_probe(PROBES, SPARK, [], answer=answer, asked=["differently"])
    assert second in answer.lacking and second != "differently"
    chosen = interview.probe_for_answer(answer, PROBES, asked=["differently"])
    assert chosen.id == second and chosen.prompt == answer.prompts[second]
    assert chosen.reason == answer.reasons[second]


def test_an_answer_that_covered_everything_gets_its_storys_thinnest_layer(judge):
    answer = judge(telling(SPARK), question="performance")
    layers = {"differently": 40.0, "alternatives": 40.0, "technical": 12.0, "collaborators": 40.0}
    covered_all = replace(answer, lacking=(), reasons={})
    full = interview.probe_for_answer(covered_all, PROBES, layer_seconds=layers)
    assert full.id == "technical" and "thinnest" in full.reason


OLD_LINE = (
    '{"ts": "2026-11-20T19:02:11Z", "story": "spark", "question": "performance", "probe": null, '
    '"answer_seconds": 76.8, "followup_seconds": null, "typed_words": null, "spoken": '
    '{"transcript": "At Tessellate Health I owned ...", "words": 189, "speech_seconds": 77.7, '
    '"span_seconds": 77.7, "wpm": 146, "zone": "window", "fillers": {"count": 0, "per_minute": 0.0, '
    '"words": {}, "limit_per_minute": 4}, "pauses": [{"at": 12.5, "seconds": 3.2, '
    '"after_words": "the median took"}], "longest_pause_seconds": 3.2, "numbers": ["420000000"], '
    '"first_person": {"i": 5, "we": 0}, "cues": {"said": ["PySpark"], "missed": ["$610"], '
    '"share": 0.5}, "memorised": {"overlap": 0.94, "memorised": true}, "scores": '
    '{"specificity": 70, "ownership": 65, "technical_depth": 70, "compression": 100}}}'
)


def test_a_practice_line_in_the_old_shape_still_loads_typed():
    from storybank.practice import parse_log

    log = parse_log(OLD_LINE + "\n")
    assert not log.notices
    spoken = log.records[0].spoken
    assert isinstance(spoken, SpokenReport)
    assert spoken.wpm == 146 and spoken.fillers.limit_per_minute == 4
    assert spoken.pauses[0].after_words == "the median took" and spoken.longest_pause_seconds == 3.2
    judged = spoken.judged
    assert judged is not None and judged.text == spoken.transcript
    assert judged.recital is not None and judged.recital.recited and judged.recital.share == 0.94
    assert judged.cues is not None and judged.cues.missed == ("$610",)
    assert judged.scores["technical_depth"].value == 70
    card = interview.report_card(log.records, planned=1)
    assert card.rows[0].scores == judged.score_values() and card.basis == "answers"
    # Written back, the line keeps every field it had, in the typed form.
    again = log.records[0].to_json()["spoken"]
    old = json.loads(OLD_LINE)["spoken"]
    assert set(old) <= set(again)
    assert again["memorised"] == old["memorised"] and again["cues"] == old["cues"]


def test_an_odd_pauses_or_findings_value_reads_as_empty_and_the_line_still_loads():
    from storybank.practice import parse_log

    odd = json.loads(OLD_LINE)
    odd["spoken"] |= {"pauses": 3, "findings": "none"}
    log = parse_log(json.dumps(odd) + "\n")
    assert not log.notices
    spoken = log.records[0].spoken
    assert spoken is not None and spoken.pauses == () and spoken.wpm == 146
    assert spoken.judged is not None and spoken.judged.findings == ()
    # A line that is no practice record at all is still skipped, with a notice.
    assert parse_log('"just text"\n').notices
