"""Measure storybank on the real-language corpus (issue 22): aggregate numbers only.

    .venv/bin/python tests/corpus_real/measure.py --split tuning      # any split of SPLITS
    .venv/bin/python tests/corpus_real/measure.py --split holdout42   # the fresh blind set, round 42
    .venv/bin/python tests/corpus_real/measure.py --split holdout41 --details   # not on holdout42

`holdoutN` was spent after round N (measured blind, then read and tuned on like `tuning`); the
one split in `HELD_OUT` is the blind set of the round under way.

What it measures:
- wordings: is each real question or probe recognised as its type or probe, and is each wording
  that is none of them answered "no match"? A match is *confident* when the matcher does not
  mark it as unsure (no match, or two close candidates); a confident wrong answer is the failure
  that matters most. The spent splits' labels are read with round 10's corrections by the corpus
  README's labelling rule (`relabel_rule10.toml`); their files keep the collectors' labels.
- answers: each published answer is judged as running text, the way `rehearse` judges a
  transcript (its sentences shared out as situation, action and outcome; see
  `speech.analyse.spoken_story`), mapped to the answer's question type. A bad answer counts as
  flagged *for its source's reason* when a warning or error fires whose code or category the
  reason points to (the keyword table `REASONS` below, written from the tuning answers only, turns
  any reason text into those codes mechanically); a good answer is clean when nothing but a
  length finding (category compression) warns. The four scores are compared good against bad by
  AUC: over all answers, within length bins (pairs of similar length only), on what is left after
  taking out what word count predicts, and among answers of 40 words or more; word count alone is
  given for comparison.
- follow-ups: mechanical checks over the prompts generated for the answers (an article before a
  name, the software wording for a story that is not software, a prompt naming an option the
  answer turned down or a tool it denies using). Reading prompts to judge them is `--prompts`.

The blind held-out split (`HELD_OUT`: `holdout42` in round 42) is never printed item by item:
`--details` and `--prompts` refuse it, except `--prompts --final-read`, the one reading of its
prompts allowed after the last change. The spent splits (`holdout` to `holdout41`) are read like
`tuning`.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SPLITS = ("tuning", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6",
          "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12",
          "holdout13", "holdout14", "holdout15", "holdout16", "holdout17", "holdout18",
          "holdout19", "holdout20", "holdout21", "holdout22", "holdout23", "holdout24", "holdout25",
          "holdout26", "holdout27", "holdout28", "holdout29", "holdout30", "holdout31", "holdout32", "holdout33", "holdout34",
          "holdout35", "holdout36", "holdout37", "holdout38", "holdout39", "holdout40",
          "holdout41", "holdout42")
# Never read item by item. `holdout` was spent in round 1, `holdout2` in round 2, `holdout3` in
# round 3, `holdout4` in round 4, `holdout5` in round 5, `holdout6` in round 6, `holdout7` in
# round 7, `holdout8` in round 8, `holdout9` in round 9, `holdout10` in round 10, `holdout11`
# in round 11, `holdout12` in round 12, `holdout13` in round 13, `holdout14` in round 14,
# `holdout15` in round 15, `holdout16` in round 16, `holdout17` in round 17, `holdout18` in
# round 18, `holdout19` in round 19, `holdout20` in round 20, `holdout21` in round 21,
# `holdout22` in round 22, `holdout23` in round 23, `holdout24` in round 24, `holdout25` in
# round 25, `holdout26` in round 26, `holdout27` in round 27, `holdout28` in round 28,
# `holdout29` in round 29, `holdout30` in round 30, `holdout31` in round 31, `holdout32` in
# round 32, `holdout33` in round 33, `holdout34` in round 34, `holdout35` in round 35, `holdout36`
# in round 36, `holdout37` in round 37, `holdout38` in round 38, `holdout39` in round 39,
# `holdout40` in round 40 and `holdout41` in round 41: each later round tunes on them like on
# `tuning`, and measures blind on the next one, `holdout42` in round 42.
HELD_OUT = ("holdout42",)
# Wordings written for training only (read by train_wording_model.py): never a split here, never
# measured, so a number printed by this script never counts what the model was taught.
TRAINING_ONLY = ("written13",)
assert not set(TRAINING_ONLY) & set(SPLITS), "a training-only split is never measured"
DIMENSIONS = ("specificity", "ownership", "technical_depth", "compression")
PROFESSIONS = {"software", "medicine", "law", "finance", "education", "annotation", "languages",
               "engineering", "science_lab"}
LONG_ANSWER = 40
BINS = (0, 15, 40, 100, 10**9)
FILE_ONLY = {"structure", "depth_layers"}  # words: [0,15), [15,40), [40,100), [100,...)


# Round 10's correction of the spent sets' wording labels by the corpus README's labelling rule.
RELABEL = HERE / "relabel_rule10.toml"
PROBES = ("differently", "alternatives", "technical", "collaborators")


def load(split: str, what: str, corrected: bool = True) -> list[dict[str, Any]]:
    assert split in SPLITS, f"{split} is not a measured split"
    data = tomllib.loads((HERE / split / f"{what}.toml").read_text("utf-8"))
    if what != "wordings":
        return data["answer"]
    return relabelled(split, data["wording"]) if corrected else data["wording"]


def relabelled(split: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The split's wordings with `RELABEL`'s corrections: each listed wording takes its new label
    (and the kind that goes with it); every correction must find its wording under its old label."""
    fixes = {r["text"]: r for r in tomllib.loads(RELABEL.read_text("utf-8"))["relabel"] if r["split"] == split}
    out = []
    for row in rows:
        fix = fixes.pop(row["text"], None)
        if fix is not None:
            assert row["id"] == fix["old"], f"{split}: {row['text'][:60]} is labelled {row['id']}, not {fix['old']}"
            kind = "none" if fix["new"] == "none" else "probe" if fix["new"] in PROBES else "question"
            row = {**row, "id": fix["new"], "kind": kind}
        out.append(row)
    assert not fixes, f"{split}: corrections that match no wording: {sorted(fixes)}"
    return out


# --- wordings --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Verdict:
    kind: str          # "question", "probe" or "none"
    id: str            # the type or probe id, or "none"
    score: float       # the matcher's score for its best candidate
    confident: bool    # shown as the answer, not as unsure / two close candidates / no match
    shown: tuple[str, ...] = ()  # the ids the user is shown as candidates


def classify(text: str, catalog) -> Verdict:
    """What `storybank match` tells the user about this wording."""
    from storybank.analysis import matching

    recognise = getattr(matching, "recognise", None)
    if recognise is not None:
        r = recognise(text, catalog)
        shown = tuple(c.id for c in r.shown)
        if r.verdict == "none":
            return Verdict("none", "none", r.best.score, False, ())
        return Verdict(r.best.kind, r.best.id, r.best.score, r.verdict == "match", shown)
    # Before issue 22 the matcher always named its best candidate; `match` marked a score under
    # its UNSURE line "(low confidence)". That mark is the nearest it came to "no match".
    from storybank.cli.commands.match import UNSURE

    best, _alternatives = matching.match_question(text, catalog)
    if best.score < UNSURE:
        return Verdict("none", "none", best.score, False, (best.id,))
    return Verdict(best.kind, best.id, best.score, True, (best.id,))


def auc(positives: list[float], negatives: list[float]) -> float | None:
    """P(a positive scores above a negative), ties half."""
    if not positives or not negatives:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def measure_wordings(split: str, details: bool = False) -> dict[str, Any]:
    from storybank.catalog import builtin_catalog

    catalog = builtin_catalog()
    rows = []
    for w in load(split, "wordings"):
        v = classify(w["text"], catalog)
        right = v.id == w["id"]
        rows.append((w, v, right))
    out: dict[str, Any] = {"n": len(rows), "right": sum(r for _w, _v, r in rows)}
    for kind in ("question", "probe", "none"):
        part = [(w, v, r) for w, v, r in rows if w["kind"] == kind]
        out[kind] = {"n": len(part), "right": sum(r for _w, _v, r in part),
                     "wrong_confident": sum(1 for _w, v, r in part if not r and v.confident),
                     "right_among_shown": sum(1 for w, v, r in part
                                              if r or (not v.confident and w["id"] in v.shown))}
    out["wrong_confident"] = sum(1 for _w, v, r in rows if not r and v.confident)
    named = [(v, r) for _w, v, r in rows if v.kind != "none"]
    right_scores = [v.score for v, r in named if r]
    wrong_scores = [v.score for v, r in named if not r]
    out["score_auc_right_vs_wrong"] = auc(right_scores, wrong_scores)
    out["max_wrong_score"] = max(wrong_scores, default=None)
    out["min_right_score"] = min(right_scores, default=None)
    if details:
        for w, v, r in rows:
            if not r:
                tag = "CONFIDENT" if v.confident else "unsure"
                print(f"  WRONG {tag:9} want {w['id']:13} got {v.id:13} {v.score:5.1f} "
                      f"{'/'.join(v.shown):30} {w['text'][:90]}")
    return out


# --- answers ---------------------------------------------------------------------------------

# Codes and categories that answer a source's reason, found by keywords in the reason text. Written
# from the tuning answers' reasons only; the holdout's reasons go through it unread.
REASONS: list[tuple[str, set[str]]] = [
    (r"blam", {"SB701", "SB712", "ownership"}),
    (r"dodg|claim\w* no\b|no example|dishonest|introspection|no preparation|not prepared|"
     r"not having prepared|hedg|downplay", {"SB781"}),
    (r"fake|disguised", {"SB702"}),
    (r"unethical|ethic|conceal|cover[- ]?up|hid(e|es|ing)\b", {"SB704"}),
    (r"self-serving|convenien|commute|money|salary|escape|for the candidate|does for the|"
     r"bored|boredom|not a priority", {"SB742"}),
    (r"generic|any company|anyone can say|could be said|no research|not specific|clich|"
     r"generalit|family|overused|nothing about this role|no interest", {"SB741", "SB711", "specificity"}),
    (r"vague|no specific|sanitized|no baseline|no metric|no hypothesis|unverifiable|no proof|"
     r"bottleneck", {"specificity", "SB711", "SB721", "SB771", "SB790"}),
    (r"talk\w* it (out|through)|resolution", {"SB711", "SB790"}),
    (r"resist\w* change|non-?compliance|overrid|own judg|contrarian|own way", {"SB751"}),
    (r"responsib|advocacy|liabilit", {"ownership", "SB701", "SB712"}),
    (r"flexib|unstable|unreliab", {"SB761", "SB790"}),
    (r"learning strateg|documentation alone|insufficient|only that|watched a course",
     {"technical_depth", "SB790", "SB732"}),
    (r"lesson|what he learned|reflection|no insight", {"SB703", "SB790", "specificity"}),
    (r"work history|chronolog|instead of strengths|ramble|too long", {"compression"}),
    # Round 3: the same table, widened with the words holdout2's reasons use for the same faults
    # (holdout2 is spent and tunable in round 3; holdout3's reasons go through it unread).
    (r"evasive|non-answer|avoids the question|untrue|denies|always right|can't recognise", {"SB781"}),
    (r"own need|money|bonus|what the job does", {"SB742"}),
    (r"says nothing about|nothing about the|no interest in the", {"SB741", "specificity"}),
    (r"badmouth|bad-mouth|dismissive of|aggressive", {"SB701", "SB712", "ownership"}),
    (r"no number|quantif|no figure", {"specificity", "SB721"}),
    (r"no specific example|gives no example|general answer", {"specificity", "SB711"}),
    (r"everything is .we.|personally did|what .?i.? did", {"ownership"}),
    # Round 6: widened with the words the reasons of all spent splits (tuning to holdout5) use for
    # the same faults; holdout6's reasons go through it unread.
    (r"never makes? mistakes|never to disagree|denying any|flawless|brushes the question", {"SB781"}),
    (r".we. (makes|answers)|invisible|did nothing personally|credited themselves", {"ownership"}),
    (r"avoiding shifts|more pay|need is not|needing a job|do less|running away|explains leaving",
     {"SB742"}),
    (r"nothing specific|empty claim|zero-information|idealistic|could not have guessed|an ad\b|"
     r"top choice|knowledge of the company|proves nothing|nothing about work|trite|sappy|"
     r"consolation prize|what the resume", {"SB741", "SB711", "specificity"}),
    (r"criticis|look negative|leadership as wrong", {"SB701", "SB712", "ownership"}),
    (r"without reasoning|understand their own|unfamiliar with their own|skips analysis",
     {"technical_depth", "SB403"}),
    (r"bare promise|no plan|promise to learn", {"specificity", "SB790"}),
    (r"trivial|humble-?brag|boast|fake weakness", {"SB702"}),
    # A reason that faults the motive itself (the job as a fallback, prestige, no interest in the
    # work) is answered by the self-serving motive as much as by the generic one.
    (r"top choice|prestige|resume value|no interest in the (company|agency|role|work)", {"SB742"}),
    # Round 7: widened with the words holdout6's reasons (spent in round 7) use for the same faults;
    # holdout7's reasons go through it unread.
    (r"under the bus|finger-?point|as unfair|as victim|victim mentality|dismisses the|disrespect|"
     r"defensive|martyr|lack of support", {"SB701", "SB712", "ownership"}),
    (r"escaping|perks|generic need|money as the reason", {"SB742"}),
    (r"instead of real motivation|a joke about", {"SB741"}),
    (r"rambl|tangential|crammed|impossible to follow|several stories", {"compression"}),
    (r"passive voice|no one owns|only team actions", {"ownership"}),
    (r"broad metric|without tying", {"specificity"}),
    # Round 8: widened with the words holdout7's reasons (spent in round 8) use for the same faults;
    # holdout8's reasons go through it unread.
    (r"humble brag", {"SB702"}),
    (r"no particulars|no accomplishments", {"specificity", "SB711", "SB771", "SB790"}),
    (r"no personal action|personally delivered|action the candidate owned|.we. throughout",
     {"ownership"}),
    (r"clone|company's mission", {"SB741", "SB711", "specificity"}),
    (r"goals tied to the work", {"SB741", "SB742"}),
    (r"backstab|insult", {"SB701", "SB712", "ownership"}),
    (r"trade-?offs|no constraints", {"technical_depth", "SB403"}),
    # Round 9: widened with the words holdout8's reasons (spent in round 9) use for the same faults;
    # holdout9's reasons go through it unread.
    (r"desperat|needed a job|any job", {"SB742"}),
    (r"nothing about this|not why you want", {"SB741", "SB711", "specificity"}),
    (r"no link between", {"SB741", "SB742", "SB711", "specificity"}),
    (r"superlative|no method|sweeping claim|no steps", {"specificity", "SB711", "SB771", "SB790"}),
    (r"no ownership|actually did", {"ownership", "SB701", "SB712"}),
    (r"trashing|complaint about", {"SB701", "SB712", "ownership"}),
    # Round 10: widened with the words holdout9's reasons (spent in round 10) use for the same
    # faults; holdout10's reasons go through it unread.
    (r"every applicant|every principal|all-too-common|stock reply|near-universal",
     {"SB741", "SB711", "specificity"}),
    (r"can'?t (really )?recall|cannot recall|non-example|refuse to own|minimi[sz]ed|no big deal",
     {"SB781"}),
    (r"no instance|non-example|no first-person|past event|in the abstract|not a story|never proved|"
     r"platitude|general claims|no single|no detail|names no\b",
     {"specificity", "SB711", "SB771", "SB790"}),
    (r"set aside", {"SB751"}),
    (r"no numbers", {"SB790"}),
    # Round 11: widened with the words holdout10's reasons (spent in round 11) use for the same
    # faults; holdout11's reasons go through it unread.
    (r"no thought|anyone could say", {"SB741", "SB711", "specificity"}),
    (r"no explanation of the work|only names the", {"specificity", "SB711", "SB771", "SB790"}),
    (r"benefits|less stressful", {"SB742"}),
    (r"non-weakness", {"SB702"}),
    (r"too negative", {"SB701", "SB712", "ownership"}),
    # Round 12: widened with the words holdout11's reasons (spent in round 12) use for the same
    # faults; holdout12's reasons go through it unread.
    (r"too general", {"SB741", "SB711", "specificity"}),
    (r"stepping stone|resume builder", {"SB742"}),
    (r"hostile to", {"SB701", "SB712", "ownership"}),
    # Round 13: widened with the words holdout12's reasons (spent in round 13) use for the same
    # faults; holdout13's reasons go through it unread.
    (r"is not true|had no conflict|nobody is perfect|conceited", {"SB781"}),
    (r"want practice|for practice|not just learning", {"SB742"}),
    (r"set you apart|does not inform|tells the interviewer nothing|little thought",
     {"SB741", "SB711", "specificity"}),
    (r"belittl|angrily", {"SB701", "SB712", "ownership"}),
    (r"barely has a result", {"SB711", "SB790"}),
    # Round 14: widened with the words holdout13's reasons (spent in round 14) use for the same
    # faults; holdout14's reasons go through it unread.
    (r"interest asserted|common answer|no real interest|instead of explaining any real motivation",
     {"SB741", "SB711", "specificity"}),
    (r"no context|skips the situation", {"specificity", "SB711", "SB771", "SB790"}),
    (r"filling time|pit stop|something better comes", {"SB742"}),
    (r"negative talk|as negative|dislike where", {"SB701", "SB712", "ownership"}),
    # Round 15: widened with the words holdout14's reasons (spent in round 15) use for the same
    # faults; holdout15's reasons go through it unread.
    (r"dressed up as|strength dressed", {"SB702"}),
    (r"venting|bitter", {"SB701", "SB712", "ownership"}),
    (r"greed|pay is why", {"SB742"}),
    (r"tells no story|no stakes|claims experience", {"specificity", "SB711", "SB771", "SB790"}),
    (r"no knowledge of the role|no fit\b|no reason given", {"SB741", "SB711", "specificity"}),
    # Round 18: widened with the words holdout15's, holdout16's and holdout17's reasons (spent in
    # rounds 16 to 18) use for the same faults; holdout18's reasons go through it unread.
    (r"not believ(ed|able)|never to have (had|made)|unprepared|hands the question back|flippant", {"SB781"}),
    (r"grievance|dismissing the|a dig at|complains? about|rude\b|physical confrontation",
     {"SB701", "SB712", "ownership"}),
    (r"we instead of i|personally contributed|own contribution|own part|individual contribution|"
     r"hides behind", {"ownership"}),
    (r"never resolved|instead of resolving|unresolved", {"SB711", "SB790"}),
    (r"could apply to any|any firm\b|which anyone can|no motivation|is not the job",
     {"SB741", "SB711", "specificity"}),
    # A motive faulted as indifference is answered by the self-serving motive as much as by the
    # generic one (as round 6's "no interest in the work").
    (r"indifferent|no intent\b", {"SB741", "SB742"}),
    (r"not evidence|no evidence|no impact", {"specificity", "SB711", "SB771", "SB790"}),
    (r"measurable", {"specificity", "SB721", "SB790"}),
    (r"omits following|instead of following|not following the", {"SB751"}),
    # Round 20: widened with the words holdout18's and holdout19's reasons (spent in rounds 19 and
    # 20) use for the same faults; holdout20's reasons go through it unread.
    (r"uninterested", {"SB741", "SB742"}),
    (r"who was right|complaints about", {"SB701", "SB712", "ownership"}),
    (r"sweeping|generali[sz]|hypothetical|no real situation",
     {"specificity", "SB711", "SB771", "SB790"}),
    (r"everyone has a|as no problem", {"SB781"}),
    (r"jump ship", {"SB742"}),
    (r"follow (the )?policy", {"SB751"}),
    (r"(could|can)(not|n't| not) work (on )?(sundays?|saturdays?|weekends?|nights?|evenings?)",
     {"SB761", "SB790"}),
    (r"no reading", {"technical_depth", "SB790", "SB732"}),
]


def expected_for(reason: str) -> set[str]:
    low = reason.lower()
    found: set[str] = set()
    for pattern, codes in REASONS:
        if re.search(pattern, low):
            found |= codes
    return found


# The same, by hand, for each tuning bad answer (by its position in tuning/answers.toml), written
# by reading the answer and its reason; used to check the keyword table above against.
TUNING_EXPECTED: dict[int, set[str]] = {
    0: {"SB711", "SB790", "specificity"},
    1: {"SB712", "ownership"},
    2: {"SB781"},
    8: {"SB781"},
    9: {"SB704"},
    10: {"SB742", "SB790", "SB703"},
    11: {"SB790", "SB703", "specificity"},
    12: {"SB702"},
    18: {"technical_depth", "SB790", "SB732"},
    19: {"technical_depth", "SB790", "SB732"},
    21: {"SB742"}, 22: {"SB742"}, 23: {"SB742"}, 24: {"SB742"},
    25: {"SB741"}, 26: {"SB741"}, 27: {"SB741"}, 28: {"SB742"}, 29: {"SB741"}, 30: {"SB741"},
    31: {"SB741", "SB742"},
    35: {"specificity"}, 36: {"SB781"}, 37: {"specificity"}, 38: {"compression"}, 39: {"SB742"},
    44: {"SB790", "SB721", "specificity"},
    46: {"SB781"}, 47: {"SB781"}, 48: {"SB771", "specificity"},
    50: {"SB751"},
    54: {"SB742", "SB761", "SB790"},
}


@dataclass
class Judged:
    index: int
    answer: dict[str, Any]
    words: int
    scores: dict[str, int]
    findings: list[tuple[str, str, str]]           # (code, category, severity)
    prompts: list[tuple[str, str]] = field(default_factory=list)   # (probe, prompt)
    story: Any = None

    @property
    def warnings(self) -> list[tuple[str, str, str]]:
        """Warnings and errors about what was said: not about the file around it (structure:
        no metrics, an empty part; depth layers: no prepared follow-ups), which a spoken answer
        cannot have."""
        return [f for f in self.findings
                if f[2] in ("warning", "error") and f[1] not in FILE_ONLY]

    @property
    def beyond_length(self) -> list[tuple[str, str, str]]:
        return [f for f in self.warnings if f[1] != "compression"]


_JUDGE_NOTE = ""


def judge_text(text: str, qtype: str, profession: str | None):
    """The story the judge makes of an answer's text, and its report, by the free-text judge of
    `storybank.answers` (the one `storybank answer`, the drill and the interview use): parts found
    sentence by sentence, findings about a story file's own fields dropped. The before numbers in
    RESULTS.md were taken with the quarter split `rehearse` used until then."""
    global _JUDGE_NOTE

    from storybank.answers.judge import answer_story, judge_answer
    from storybank.catalog import builtin_catalog
    from storybank.settings import Settings

    catalog = builtin_catalog()
    _JUDGE_NOTE = "storybank.answers judge"
    report = judge_answer(text, catalog, Settings(), question=qtype if qtype != "none" else None)
    story = answer_story(report.parts, [qtype] if qtype != "none" else [], None)
    if profession:
        story = story.model_copy(update={"profession": profession})
    return story, report


def judge_answers(split: str) -> list[Judged]:
    from storybank.analysis.followups import followup_prompts
    from storybank.answers.judge import weak_codes
    from storybank.catalog import builtin_catalog
    from storybank.settings import Settings
    from storybank.words import count_words

    out = []
    for i, a in enumerate(load(split, "answers")):
        profession = a["field"] if a["field"] in PROFESSIONS else None
        story, report = judge_text(a["text"], a["type"], profession)
        # The answer's weak points word its probes, as `storybank answer` words them (round 25).
        prompts = [(p.probe, p.prompt) for p in followup_prompts(story, builtin_catalog(), Settings(),
                                                                 profession,
                                                                 findings=weak_codes(report.findings),
                                                                 question=a.get("question", ""))]
        out.append(Judged(i, a, count_words(a["text"]), report.score_values(),
                          [(f.code, f.category, str(f.severity)) for f in report.findings],
                          prompts, story))
    return out


def _bin(words: int) -> int:
    return next(i for i in range(len(BINS) - 1) if BINS[i] <= words < BINS[i + 1])


def binned_auc(good: list[tuple[int, float]], bad: list[tuple[int, float]]) -> float | None:
    """AUC over (good, bad) pairs in the same length bin only."""
    wins = pairs = 0.0
    for gw, gs in good:
        for bw, bs in bad:
            if _bin(gw) == _bin(bw):
                pairs += 1
                wins += (gs > bs) + 0.5 * (gs == bs)
    return wins / pairs if pairs else None


def residual_auc(good: list[tuple[int, float]], bad: list[tuple[int, float]]) -> float | None:
    """AUC of what is left of the score once a straight line on log(words) is taken out."""
    rows = [(math.log(1 + w), s) for w, s in good + bad]
    if len(rows) < 3:
        return None
    mx = sum(x for x, _ in rows) / len(rows)
    my = sum(y for _, y in rows) / len(rows)
    sxx = sum((x - mx) ** 2 for x, _ in rows)
    slope = sum((x - mx) * (y - my) for x, y in rows) / sxx if sxx else 0.0

    def res(w: int, s: float) -> float:
        return s - (my + slope * (math.log(1 + w) - mx))

    return auc([res(w, s) for w, s in good], [res(w, s) for w, s in bad])


def measure_answers(split: str, details: bool = False) -> dict[str, Any]:
    judged = judge_answers(split)
    bad = [j for j in judged if j.answer["label"] == "bad"]
    good = [j for j in judged if j.answer["label"] == "good"]
    out: dict[str, Any] = {"n": len(judged), "good": len(good), "bad": len(bad), "judge": _JUDGE_NOTE}

    flagged = mapped = flagged_any = 0
    agree = 0
    for j in bad:
        expected = expected_for(j.answer["reason"])
        hit = {c for c, _cat, _s in j.beyond_length} | {cat for _c, cat, _s in j.beyond_length}
        if j.beyond_length:
            flagged_any += 1
        if expected:
            mapped += 1
            if expected & hit:
                flagged += 1
        if split == "tuning" and j.index in TUNING_EXPECTED:
            agree += bool(expected & TUNING_EXPECTED[j.index])
        if details:
            mark = "OK  " if expected & hit else "MISS"
            print(f"  BAD {mark} #{j.index:2} {j.answer['type']:12} {j.words:3}w want "
                  f"{'/'.join(sorted(expected)) or '?':30} got {' '.join(c for c, _x, _s in j.beyond_length)}")
    out["bad_flagged_for_reason"] = flagged
    out["bad_reason_mapped"] = mapped
    out["bad_flagged_beyond_length"] = flagged_any
    if split == "tuning":
        hand = sum(1 for j in bad if TUNING_EXPECTED.get(j.index, set())
                   & ({c for c, _x, _s in j.beyond_length} | {x for _c, x, _s in j.beyond_length}))
        out["bad_flagged_for_reason_by_hand"] = hand
        out["keyword_table_agrees_with_hand"] = agree

    clean = sum(1 for j in good if not j.beyond_length)
    out["good_clean_beyond_length"] = clean
    if details:
        for j in good:
            if j.beyond_length:
                print(f"  GOOD ALARM #{j.index:2} {j.answer['type']:12} {j.words:3}w "
                      f"{' '.join(c for c, _x, _s in j.beyond_length)}")

    def pairs(key: str) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        def value(j: Judged) -> float:
            if key == "words":
                return float(j.words)
            if key == "mean":
                return sum(j.scores.values()) / len(j.scores)
            return float(j.scores[key])
        return [(j.words, value(j)) for j in good], [(j.words, value(j)) for j in bad]

    aucs: dict[str, dict[str, float | None]] = {}
    for key in (*DIMENSIONS, "mean", "words"):
        g, b = pairs(key)
        aucs[key] = {
            "all": auc([s for _w, s in g], [s for _w, s in b]),
            "same_length_bin": binned_auc(g, b),
            "after_length": residual_auc(g, b) if key != "words" else None,
            f"{LONG_ANSWER}+_words": auc([s for w, s in g if w >= LONG_ANSWER],
                                         [s for w, s in b if w >= LONG_ANSWER]),
        }
    out["auc"] = aucs
    out["long_answers"] = {"good": sum(1 for j in good if j.words >= LONG_ANSWER),
                           "bad": sum(1 for j in bad if j.words >= LONG_ANSWER)}
    out["prompts"] = prompt_checks(judged)
    if details:
        for j in judged:
            print(f"  #{j.index:2} {j.answer['label']:4} {j.answer['type']:12} {j.words:3}w "
                  + " ".join(f"{k[:4]}={v:3}" for k, v in j.scores.items()))
    return out


# --- follow-up prompts -------------------------------------------------------------------------

_ARTICLE_NAME = re.compile(r"\b(?:a|an)\s+(?:[A-Z][\w.+#-]*[A-Z0-9+#]|[A-Z][a-z]+[A-Z]|[A-Z]{2,}|"
                           r"Go|Rust|Python|Java|Redis|Kafka|SOAP|REST)\b")
_SOFTWARE_WORDING = re.compile(r"technically|under the hood|step by step", re.I)
_REJECTED = re.compile(r"\b(?:instead of|rather than|over|against|not|never|haven't|have not|"
                       r"didn't|did not|no)\s+(?:use[ds]?\s+|using\s+|chose\s+)?([A-Z][\w.+#-]+)")


def _software(j: Judged) -> bool:
    from storybank.analysis.context import StoryContext
    from storybank.analysis.signals import software_context
    from storybank.catalog import builtin_catalog
    from storybank.settings import Settings

    ctx = StoryContext.build(j.story, "answer", builtin_catalog(), Settings())
    return software_context(ctx)


def prompt_checks(judged: list[Judged]) -> dict[str, int]:
    from storybank.catalog import builtin_catalog

    catalog = builtin_catalog()
    total = article = software_wording = rejected = 0
    for j in judged:
        technical_type = all((catalog.question(q) is None or catalog.question(q).technical)
                             for q in j.story.questions) and bool(j.story.questions)
        soft = _software(j)
        turned_down = {m.group(1).lower() for m in _REJECTED.finditer(j.answer["text"])}
        for probe, prompt in j.prompts:
            if probe.startswith("type:"):
                continue
            total += 1
            article += bool(_ARTICLE_NAME.search(prompt))
            if probe == "technical" and (not technical_type or not soft) \
                    and _SOFTWARE_WORDING.search(prompt) and "technically" in prompt.lower():
                software_wording += 1
            words = {w.lower().strip("?.,") for w in prompt.split()}
            rejected += bool(turned_down & words)
    return {"probe_prompts": total, "article_before_name": article,
            "software_wording_off_software": software_wording,
            "names_turned_down_or_denied": rejected}


def print_prompts(split: str, n: int = 80, seed: int = 22) -> None:
    judged = judge_answers(split)
    items = [(j, probe, prompt) for j in judged for probe, prompt in j.prompts
             if not probe.startswith("type:")]
    random.Random(seed).shuffle(items)
    for k, (j, probe, prompt) in enumerate(items[:n], 1):
        who = f"{j.answer['type']}/{j.answer['field']}/{j.answer['label']}"
        if split not in HELD_OUT:
            print(f"{k:3}. [{who} #{j.index}] {probe:13} {prompt}\n       ANSWER: {j.answer['text'][:300]}")
        else:
            print(f"{k:3}. [{who}] {probe:13} {prompt}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="tuning")
    parser.add_argument("--details", action="store_true", help="per-item misses (not on the blind split)")
    parser.add_argument("--prompts", type=int, default=0, help="print N generated probe prompts")
    parser.add_argument("--final-read", action="store_true",
                        help="allow --prompts on the holdout: the one reading after the last change")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.split in HELD_OUT and args.details:
        parser.error("--details is refused on a blind held-out split: it is measured, never read")
    if args.prompts:
        if args.split in HELD_OUT and not args.final_read:
            parser.error("reading holdout prompts is allowed once, after the last change: add --final-read")
        print_prompts(args.split, args.prompts)
        return 0
    result = {"split": args.split,
              "wordings": measure_wordings(args.split, args.details),
              "answers": measure_answers(args.split, args.details)}
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(report(result))
    return 0


def _pct(a: int, n: int) -> str:
    return f"{a}/{n} = {100 * a / n:.0f}%" if n else "-"


def _f(x: float | None, digits: int = 2) -> str:
    return "  -  " if x is None else f"{x:.{digits}f}"


def report(r: dict[str, Any]) -> str:
    w, a = r["wordings"], r["answers"]
    lines = [f"split: {r['split']}",
             f"wordings: right {_pct(w['right'], w['n'])}; confident and wrong {w['wrong_confident']}",
             f"  question types {_pct(w['question']['right'], w['question']['n'])}"
             f" (right among candidates shown {w['question']['right_among_shown']}),"
             f" confident wrong {w['question']['wrong_confident']}",
             f"  probes         {_pct(w['probe']['right'], w['probe']['n'])}"
             f" (right among candidates shown {w['probe']['right_among_shown']}),"
             f" confident wrong {w['probe']['wrong_confident']}",
             f"  none           {_pct(w['none']['right'], w['none']['n'])} answered no match,"
             f" confident wrong {w['none']['wrong_confident']}",
             f"  score separates right from wrong: AUC {_f(w['score_auc_right_vs_wrong'])};"
             f" highest wrong {_f(w['max_wrong_score'], 1)}, lowest right {_f(w['min_right_score'], 1)}",
             f"answers ({a['judge']}): {a['good']} good, {a['bad']} bad",
             f"  bad flagged for their source's reason {_pct(a['bad_flagged_for_reason'], a['bad'])}"
             f" (reason mapped {a['bad_reason_mapped']}; flagged beyond length at all "
             f"{a['bad_flagged_beyond_length']})"]
    if "bad_flagged_for_reason_by_hand" in a:
        lines.append(f"  (by the hand mapping: {_pct(a['bad_flagged_for_reason_by_hand'], a['bad'])};"
                     f" keyword table agrees with hand {a['keyword_table_agrees_with_hand']})")
    lines.append(f"  good with no false alarm beyond length {_pct(a['good_clean_beyond_length'], a['good'])}")
    lines.append(f"  AUC good>bad      all  same-length-bin  after-length  {LONG_ANSWER}+words"
                 f" (40+: {a['long_answers']['good']} good, {a['long_answers']['bad']} bad)")
    for key, v in a["auc"].items():
        lines.append(f"    {key:16} {_f(v['all'])}      {_f(v['same_length_bin'])}        "
                     f"{_f(v['after_length'])}       {_f(v[f'{LONG_ANSWER}+_words'])}")
    p = a["prompts"]
    lines.append(f"  prompts: {p['probe_prompts']} probe prompts; article before a name "
                 f"{p['article_before_name']}; software wording off software "
                 f"{p['software_wording_off_software']}; naming a turned-down or denied tool "
                 f"{p['names_turned_down_or_denied']}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
