"""The real-language corpus (issue 22) measured by tests/corpus_real/measure.py, with the numbers
of the measurement after the last change as floors: a change that makes the matcher, the pitfalls
or the prompts worse on real language fails here. Aggregates only; the holdout is never printed
item by item. See tests/corpus_real/RESULTS.md for the before and after numbers."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

HARNESS = Path(__file__).resolve().parents[1] / "corpus_real" / "measure.py"


def _measure():
    spec = importlib.util.spec_from_file_location("corpus_real_measure", HARNESS)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return module


# split: (wordings right, confident wrong, none answered "no match", none confident wrong,
#         bad flagged for their reason, good clean beyond length, AUC of the mean score)
FLOORS = {
    # Round 40 retrains the shipped model on every spent set to holdout39 (it was round 22's, to
    # holdout21): left out one set at a time it reads 2,283 of holdout22-39's 2,700 wordings right
    # against the old model's 2,220, with 24 confident wrong against 29. Three counts are lowered by
    # one, each a wording now a hair past the "unsure" line of 30 or under it: holdout18's "What are
    # you looking for in your next role?" (none, now motivation at 30.5), holdout2's "Why are you
    # looking to change your position?" (none, motivation at 30.1), holdout7's "What was your
    # specific role?" (collaborators, now none at 24).
    # Round 19 (matcher) retrains the shipped model with holdout18 and widens three family cues
    # (RESULTS.md, "Round 19 (matcher)"): the cues change no fitted count; the retrained model
    # reads holdout18 as fitted, and the counts it lowers are lowered, each noted below: every
    # wording it newly gets wrong has a twin of the same words labelled otherwise in another spent
    # set (the proposed label corrections of RESULTS.md, "Round 19 (matcher)", section 4).
    # Round 18 (matcher) retrains the shipped model with holdout16, holdout17 and a dev batch of
    # "none" families, gives the probes half the model's say (was 0.3) and narrows the schedule
    # cues and a conflict between two others (RESULTS.md, "Round 18 (matcher)"): every set reads
    # as fitted, no confident wrong answer is left on any of them; holdout6 is lowered (below).
    # Round 16 (matcher) adds probe cues and retrains the shipped model on every spent set,
    # holdout15 included (RESULTS.md, "Round 16 (matcher)"): the sets it now reads as fitted
    # rise; the few counts the retrain lowers are lowered to what they read, each noted below.
    # Answers judged by the free-text judge of storybank.answers. Round 4 (RESULTS.md) raised
    # them and added `holdout3`, spent after round 3; the wordings now go through the learned
    # wording model too, which is trained on every spent set, so the wording floors here guard
    # against regressions only: what the model does on unseen wordings is the leave-one-set-out
    # measurement of tests/corpus_real/train_wording_model.py. Round 6 added `holdout4` and
    # `holdout5` (spent) and chose the mix by leaving one set out, which gives the families more
    # say: `tuning` and `holdout2` read 2 wordings fewer each as fitted, for 2.9 points more on
    # the sets left out. (Bad answers flagged count by the reason table as widened in round 3.)
    # Round 6's answer rules raised the answer floors (bad flagged, good clean) to what they read
    # with the reason table as widened in round 6.
    # Round 10's answer rules and reason table raised the answer floors of `holdout` (bad flagged,
    # the mean's AUC) and `holdout9` (RESULTS.md, "Round 10 (answers)"); only upward.
    # round 15 (matcher): right 122 -> 123, none no match 36 -> 35
    # round 18 (answers): bad flagged 10 -> 11 (the reason table widened: "unresolved")
    # round 18 (matcher): right 123 -> 124
    "holdout": (124, 0, 35, 0, 11, 11, 0.77),
    # round 15 (matcher): right 292 -> 280, none no match 136 -> 112
    # round 16 (matcher): the retrained model claims "How did you communicate the delay to
    # stakeholders?" (none here) as collaborators: confident wrong 1 -> 2
    # round 17 (matcher), four family cues narrowed: right 280 -> 282, none no match 112 -> 114
    # round 18 (matcher): right 282 -> 286, confident wrong 2 -> 0, none no match 114 -> 115,
    # none confident wrong 2 -> 0
    # round 19 (matcher), retrained with holdout18: right 286 -> 287 ("What feedback did you
    # receive?" unsure collaborators); "What made you decide to become a freelancer?" (none here,
    # "... to be a freelancer?" is motivation in holdout7) read as motivation at 86: confident
    # wrong 0 -> 1, none confident wrong 0 -> 1
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 287 -> 289,
    # confident wrong 1 -> 0 (none 1 -> 0); two "none" wordings relabelled
    # round 21 (matcher), a new story's own tail is no follow-up: right 289 -> 288, none no match
    # 115 -> 114: "Tell me about a time you improved store sales or performance. What did you do,
    # and what was the result?" (none here; holdout12 labels improving a hospital's performance
    # performance) is told unsure performance at 40; over the folds the change reads 4 more right
    "holdout2": (287, 0, 113, 0, 18, 26, 0.91),  # round 14 (answers): bad flagged 17 -> 18; round 40 (model): right 288 -> 287
    # round 15 (matcher): none no match 68 -> 62
    # round 16 (matcher): right 173 -> 176
    # round 18 (answers): bad flagged 19 -> 20 ("I knew the direction was wrong", SB712)
    # round 18 (matcher): right 176 -> 182, none no match 62 -> 64
    # round 19 (matcher), retrained with holdout18: lowered, right 182 -> 181 and none no match
    # 64 -> 63: "How do you plan your day?" (none here; tuning labels "Tell me how you plan out
    # your day." schedule) is told unsure schedule at 31
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 181 -> 182
    "holdout3": (182, 0, 63, 0, 20, 29, 0.91),  # round 13 (answers): bad flagged 17 -> 19
    # round 15 (matcher): right 184 -> 176, none no match 96 -> 84
    # round 16 (matcher): right 176 -> 177; the retrained model reads "What are you most proud of?"
    # (none here, project in a twin) as project: confident wrong 0 -> 1, none no match 84 -> 83
    # round 17 (matcher), four family cues narrowed: right 177 -> 178, none no match 83 -> 84
    # round 18 (matcher): right 178 -> 184, confident wrong 1 -> 0, none no match 84 -> 89, none
    # confident wrong 1 -> 0
    # round 19 (matcher), retrained with holdout18: lowered, right 184 -> 183, none no match
    # 89 -> 88, confident wrong 0 -> 1 (on none 0 -> 1): "What are you most proud of?" (none here,
    # project in tuning, the same words) goes from unsure to project at 64, and "How have you
    # managed multiple projects in the past?" (none) is told unsure project at 30
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 183 -> 184,
    # confident wrong 1 -> 0 (none 1 -> 0)
    # round 21 (lead): good clean 31 -> 33 (SB403 a note on spoken answers of no field)
    # round 21 (matcher), the model retrained with holdout20: right 184 -> 185, none no match 88 -> 89
    # ("How have you managed multiple projects in the past?" falls from unsure project at 30)
    # round 22 (lead), the model retrained with holdout21: right 185 -> 184, none no match 89 -> 88
    # (the same wording at the band's lower line goes back to unsure project)
    "holdout4": (185, 1, 89, 1, 13, 33, 0.89),  # round 13 (answers): bad flagged 9 -> 13
    # round 42 (model trained to holdout41): right 184 -> 185, and "What are you most proud of?"
    # (labelled none: it asks for no work) is now claimed as a project at 60, as nearly every
    # other "proud" wording of the spent sets is labelled
    # round 15 (matcher): right 283 -> 275, none no match 148 -> 136
    # round 16 (matcher): right 275 -> 280
    # round 17 (matcher), four family cues narrowed: right 280 -> 281, none no match 136 -> 137
    # round 18 (answers): good clean 22 -> 23 (SB741: the work told for the people it serves)
    # round 18 (matcher): right 281 -> 284, none no match 137 -> 138
    # round 19 (matcher), retrained with holdout18: lowered, right 284 -> 283 and none no match
    # 138 -> 137: "How will this job help you meet those goals?" (none here, motivation in
    # holdout13, the same words) and "What do you consider to be your greatest accomplishment to
    # date?" (none) are told unsure (motivation 43, project 30); one "none" wording comes back
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 283 -> 284
    # round 21 (lead): good clean 23 -> 25 (SB403 a note on spoken answers of no field)
    "holdout5": (284, 0, 137, 0, 20, 25, 0.86),  # round 13 (answers): bad flagged 19 -> 20
    # Round 7 adds `holdout6`, measured blind before and after round 6 and now spent, at what round
    # 6 left it (RESULTS.md, "Round 6 on the blind set"). Round 7's matcher retrains the model with
    # it and raises every split's wording floors (right, "none" answered no match) and lowers its
    # confident wrong ceilings (RESULTS.md, "Round 7 (matcher)"); round 7's answer rules raised the
    # answer floors (bad flagged, good clean, the mean's AUC) to what they read with the reason
    # table as widened in round 7 (RESULTS.md, "Round 7 (answers)").
    # round 15 (matcher): right 191 -> 183, none no match 54 -> 43
    # round 16 (matcher): right 183 -> 184, none no match 43 -> 44
    # round 17 (matcher), four family cues narrowed: right 184 -> 185, none no match 44 -> 45
    # round 18 (matcher), the model retrained with holdout16 and holdout17 and the probes' half
    # share: lowered, right 185 -> 183 and none no match 45 -> 44. Two "none" wordings now
    # read 30-31, just inside the unsure band ("Why do you think you can do this job?",
    # "Describe a time when you had to make a difficult decision during patient care."), one
    # unsure "none" falls to no match, and a technical probe falls under the band ("What were
    # the projected metrics had you not made this decision?"); over the eighteen folds the same
    # changes read 3,003 -> 3,026 right and 39 -> 33 confident wrong on none.
    # round 20 (matcher), labels corrected, the model retrained with holdout19 and the failure cue
    # left out of errors brought down: right 183 -> 184 ("reduce medication errors", none, is no
    # longer told unsure failure)
    # round 21 (lead): good clean 28 -> 29 (SB403 a note on spoken answers of no field)
    # round 21 (matcher), the model retrained with holdout20: right 184 -> 185, none no match 44 -> 45
    # ("a difficult decision during patient care" falls from unsure disagreement at 30)
    # round 22 (lead), the model retrained with holdout21: right 185 -> 184, none no match 45 -> 44
    # (the same wording at the band's lower line goes back to unsure disagreement)
    "holdout6": (183, 0, 43, 0, 25, 29, 0.97),  # round 15 (answers): good clean 27 -> 28; round 42 (model): right 184 -> 183
    # Round 8 adds `holdout7`, measured blind before and after round 7 and now spent, at what round
    # 7 left it (RESULTS.md, "Round 7 on the blind set"). Round 8's answer rules raised the answer
    # floors (bad flagged, good clean, the mean's AUC) of holdout2, holdout3, holdout5, holdout6
    # and holdout7 to what they read with the reason table as widened in round 8 (RESULTS.md,
    # "Round 8 (answers)"). Round 8's matcher retrains the model on all eight spent sets and lowers
    # the types' line for wordings that ask for a story; it raises the wording floors of
    # `holdout2` ... `holdout5` and `holdout7` (only upward; RESULTS.md, "Round 8 (matcher)").
    # round 15 (matcher): right 193 -> 197, none no match 73 -> 63
    # round 16 (matcher): right 197 -> 200
    # round 17 (matcher), four family cues narrowed: right 200 -> 202, none no match 63 -> 65
    # round 18 (matcher): right 202 -> 211, none no match 65 -> 69
    # round 19 (matcher): right 211 -> 212
    # round 20 (matcher), labels corrected and the model retrained with holdout19: none no match 69 ->
    # 68 of 73 -> 72: the same four "none" wordings missed, three relabelled away and two in ("What Do
    # You Know About Our Clinic/Hospital?" is none as in holdout, holdout3, holdout5)
    # round 21 (lead): good clean 27 -> 29 (SB403 a note on spoken answers of no field)
    "holdout7": (212, 0, 68, 0, 20, 29, 0.98),  # round 12 (matcher): right 192 -> 193; round 40 (model): right 212 -> 211; round 42: 212
    # Round 9 adds `holdout8`, measured blind before and after round 8 and now spent, at what round
    # 8 left it (RESULTS.md, "Round 8 on the blind set"). Round 9's answer rules raised the answer
    # floors (bad flagged, good clean, the mean's AUC) of every split but holdout2 to what they read
    # with the reason table as widened in round 9 (RESULTS.md, "Round 9 (answers)"); only upward.
    # round 15 (matcher): right 163 -> 168, none no match 47 -> 44
    # round 16 (matcher): right 168 -> 169
    # round 18 (matcher): right 169 -> 172
    # round 21 (lead): good clean 28 -> 29 (SB403 a note on spoken answers of no field)
    "holdout8": (172, 0, 44, 0, 19, 29, 0.86),  # round 15 (answers): good clean 27 -> 28
    # Round 10 adds `holdout9`, measured blind before and after round 9 and now spent, at what round
    # 9 left it (RESULTS.md, "Round 9 on the blind set").
    # Round 10's matcher reads every split's wordings with the corpus README's labelling rule
    # applied (tests/corpus_real/relabel_rule10.toml: 46 wordings of nine splits, "none" -> a type)
    # and retrains the model on the ten spent sets so corrected. The wording floors are restated
    # under the corrected labels at what the retrained model reads: each is above what the model
    # before reads under the same labels except `tuning`, one wording lower ("What are you most
    # proud of?", labelled project there and none in holdout4); the "none" floors follow the
    # smaller count of "none" wordings (RESULTS.md, "Round 10 (matcher)"). Round 10's answer rules
    # raised holdout9's answer floors (RESULTS.md, "Round 10 (answers)").
    # round 15 (matcher): right 163 -> 167, none no match 56 -> 54
    # round 16 (matcher): right 167 -> 168
    # round 18 (matcher): right 168 -> 173
    "holdout9": (173, 0, 54, 0, 24, 29, 0.95),  # round 13 (answers): bad flagged 23 -> 24
    # Round 11 adds `holdout10`, measured blind before and after round 10 and now spent, at what
    # round 10 left it (RESULTS.md, "Round 10 on the blind set"). Round 11's answer rules and
    # reason table raised its answer floors, and holdout3's good clean (RESULTS.md, "Round 11
    # (answers)"); only upward.
    # Round 12's matcher retrains the model on the twelve spent sets (holdout10 and holdout11 in
    # it) and raises the wording floors of holdout4, holdout7, holdout10 and holdout11 to what the
    # model reads as fitted; the other wording floors read the same (RESULTS.md, "Round 12
    # (matcher)"); only upward.
    # round 15 (matcher): right 149 -> 159, none no match 59 -> 53
    # round 16 (matcher): the retrained model tells one more none wording unsure: none no match 53
    # -> 52
    # round 17 (matcher), four family cues narrowed: right 159 -> 160, none no match 52 -> 53
    # round 18 (matcher): right 160 -> 163, none no match 53 -> 54
    # round 21 (lead): good clean 22 -> 24 (SB403 a note on spoken answers of no field)
    "holdout10": (163, 0, 54, 0, 20, 24, 0.88),  # round 14 (answers): bad flagged 19 -> 20
    # Round 12 adds `holdout11`, measured blind before and after round 11 (the same figures both
    # times) and now spent (RESULTS.md, "Round 11 on the blind set"). Round 12's answer rules and
    # reason table raised its answer floors, and the good clean of tuning, holdout2 and holdout8
    # (RESULTS.md, "Round 12 (answers)"); only upward.
    # round 15 (matcher): right 155 -> 166, none no match 57 -> 53
    # round 16 (matcher): right 166 -> 169
    # round 17 (matcher), four family cues narrowed: right 169 -> 170, none no match 53 -> 54
    # round 18 (answers): good clean 27 -> 30 (SB741: the work told for the people it serves)
    # round 18 (matcher): right 170 -> 173, confident wrong 1 -> 0, none confident wrong 1 -> 0
    # round 21 (lead): good clean 30 -> 32 (SB403 a note on spoken answers of no field)
    "holdout11": (173, 0, 54, 0, 24, 32, 0.89),  # round 14 (answers) bad flagged 21 -> 23, 20b 24
    # Round 13 adds `holdout12`, measured blind before and after round 12 and now spent, at what
    # round 12 left it (RESULTS.md, "Round 12 on the blind set"). Round 13's answer rules and
    # reason table raised the answer floors marked below (RESULTS.md, "Round 13 (answers)"); only
    # upward.
    # round 15 (matcher): right 125 -> 139, none no match 54 -> 50
    # round 16 (matcher), the retrained model reads it: right 139 -> 163, confident wrong 3 -> 1,
    # none no match 50 -> 53
    # round 17 (matcher), four family cues narrowed: right 163 -> 164, none no match 53 -> 54
    # round 18 (answers): good clean 19 -> 20 (SB741: the work told for the people it serves)
    # round 18 (matcher): confident wrong 1 -> 0, none confident wrong 1 -> 0
    # round 19 (matcher), retrained with holdout18: "What did you learn from that experience?"
    # (none here, differently in holdout2, the same words) goes from unsure to differently at 79:
    # confident wrong 0 -> 1, none confident wrong 0 -> 1
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 164 -> 165,
    # confident wrong 1 -> 0 ("What did you learn from that experience?" relabelled differently, as
    # holdout2)
    "holdout12": (165, 0, 54, 0, 13, 20, 0.85),  # round 15 (answers): good clean 18 -> 19
    # Round 14 adds `holdout13`, measured blind before and after round 13 and now spent, at what
    # round 13 left it (RESULTS.md, "Round 13 on the blind set").
    # Round 14's answer rules and reason table raised the bad-flagged floors of holdout2,
    # holdout10, holdout11 and holdout13 (RESULTS.md, "Round 14 (answers)"); only upward.
    # round 15 (matcher): right 130 -> 132, none no match 54 -> 45
    # round 16 (matcher), the retrained model reads it: right 132 -> 149, confident wrong 4 -> 1 (on
    # none 2 -> 1), none no match 45 -> 48
    # round 18 (matcher): right 149 -> 152, confident wrong 1 -> 0, none confident wrong 1 -> 0
    # round 19 (matcher): right 152 -> 153
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 153 -> 154
    # round 21 (lead): good clean 12 -> 13 (SB403 a note on spoken answers of no field)
    "holdout13": (154, 0, 48, 0, 14, 13, 0.87),  # round 14 (answers) bad flagged 3 -> 13, 20b 14
    # Round 15 adds `holdout14`, measured blind before and after round 14 and now spent, at what
    # round 14 left it (RESULTS.md, "Round 14 on the blind set").
    # Round 15's answer rules and reason table raised the answer floors marked below (RESULTS.md,
    # "Round 15 (answers)"); only upward.
    # Round 15's matcher names the nearest type or probe as "unsure" when it scores 30 or more under
    # the match line (RESULTS.md, "Round 15 (matcher)"). Right counts rose on ten splits and
    # were raised (holdout3 reads the same); on holdout2, holdout4, holdout5 and holdout6, sets the
    # shipped model was trained on, more "none" wordings are told unsure than types gained, and
    # only those right floors were lowered, to what they read. Every "none answered no match" floor that fell was lowered to
    # what it reads for the same reason: an unsure verdict is not "no match", though never
    # confident (the confident wrong ceilings are unchanged).
    # round 15 (matcher): right 135 -> 153, none no match 55 -> 51
    # round 16 (matcher), the retrained model reads it: right 153 -> 183, confident wrong 3 -> 0 (on
    # none 2 -> 0), none no match 51 -> 54
    # round 18 (matcher): right 183 -> 187, none no match 54 -> 55
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 187 -> 188;
    # confident wrong 0 -> 1 (none 0 -> 1): "resolve a conflict within your team", none here and
    # disagreement in holdout2 (three times), holdout4 and holdout7, which the lead kept as labelled
    "holdout14": (188, 1, 55, 1, 10, 15, 0.82),  # round 15 (answers): bad flagged 5 -> 10
    # Round 16 adds `holdout15`, measured blind before and after round 15 and now spent, at what
    # round 15 left it (RESULTS.md, "Round 15 on the blind set").
    # round 16 (matcher), the retrained model reads it: right 155 -> 178, none no match 55 -> 56
    # round 18 (answers): bad flagged 10 -> 14 (13 by the reason table widened with holdout15-17's
    # words, one by SB712 on a disagreement told as won), good clean 13 -> 14 (SB741)
    # round 18 (matcher): right 178 -> 184, none no match 56 -> 57
    "holdout15": (184, 0, 57, 0, 16, 14, 0.93),  # round 20b: bad flagged 14 -> 16
    # Round 17 adds `holdout16`, measured blind before and after round 16 and now spent, at what
    # round 16 left it (RESULTS.md, "Round 16 on the blind set").
    # round 17 (matcher), four family cues narrowed: right 140 -> 141, confident wrong 4 -> 3
    # (on none 3 -> 2), none no match 49 -> 50
    # round 18 (answers): bad flagged 5 -> 10 (9 by the reason table widened, one by SB712 on a
    # classmate blamed)
    # round 18 (matcher): right 141 -> 168, confident wrong 3 -> 0, none no match 50 -> 56, none
    # confident wrong 2 -> 0
    # round 21 (lead): good clean 12 -> 13 (SB403 a note on spoken answers of no field)
    "holdout16": (168, 0, 56, 0, 10, 13, 0.91),
    # Round 18 adds `holdout17`, measured blind before and after round 17 and now spent, at what
    # round 17 left it (RESULTS.md, "Round 17 on the blind set").
    # round 18 (answers): bad flagged 9 -> 16 (the reason table widened), good clean 14 -> 18 (SB741)
    # round 18 (matcher): right 138 -> 159, confident wrong 7 -> 0, none no match 42 -> 46, none
    # confident wrong 4 -> 0
    # round 20 (answers): good clean 18 -> 19 (SB403: a rubric answer's why told as a purpose)
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 159 -> 160
    # round 21 (lead): good clean 19 -> 20 (SB403 a note on spoken answers of no field)
    "holdout17": (160, 0, 46, 0, 18, 20, 0.77),  # round 20b: bad flagged 16 -> 18
    # Round 19 adds `holdout18`, measured blind before and after round 18 and now spent, at what
    # round 18 left it (RESULTS.md, "Round 18 on the blind set").
    # round 19 (matcher), the retrained model reads it: right 126 -> 150, confident wrong 1 -> 0,
    # none no match 25 -> 28, none confident wrong 1 -> 0
    # round 20 (answers): bad flagged 9 -> 12 (the reason table widened: "uninterested", "who was
    # right", "sweeping")
    # round 20 (matcher), labels corrected and the model retrained with holdout19: right 150 -> 149,
    # none no match 28 -> 27: "manage a team member who was underperforming" (none) read unsure
    # performance at 30.0, the band's lower line
    # round 21 (lead): good clean 17 -> 21 (SB403 a note on spoken answers of no field)
    # round 21 (matcher), the model retrained with holdout20: right 149 -> 150, none no match 27 -> 28
    # (the underperforming team member falls from unsure performance at 30 to no match at 29)
    # round 22 (lead), the model retrained with holdout21: right 150 -> 149, none no match 28 -> 27
    # (the underperforming team member goes back to unsure performance at the band's lower line)
    "holdout18": (150, 0, 28, 0, 12, 21, 0.84),  # round 40 (model): right 149 -> 148; round 42 (model): 150
    # Round 20 adds `holdout19`, measured blind before and after round 19 and now spent, at what
    # round 19 left it with matcher19 merged after the blind measure (RESULTS.md, "Round 19 on the
    # blind set": 119 before and after; matcher19's model, trained without it, reads 120 with two
    # confident wrong question types).
    # round 20 (answers): bad flagged 8 -> 12 (the reason table widened: "generalises",
    # "hypothetical", "everyone has a", "could not work Sundays")
    # good clean 17 -> 18 (SB403: "to ensure I fully understand the situation" is the why)
    # round 20 (matcher), labels corrected and the model retrained with holdout19: the retrained model
    # reads it: right 120 -> 148, confident wrong 2 -> 0
    # round 21 (lead): good clean 18 -> 20 (SB403 a note on spoken answers of no field)
    "holdout19": (148, 0, 29, 0, 13, 20, 0.86),
    # Round 21 adds `holdout20`, measured blind before and after round 20 and now spent, at what
    # round 20 left it (RESULTS.md, "Round 20 on the blind set"): 66 of its 79 answers were written
    # blind, as published ones ran out.
    # round 21 (matcher), the retrained model reads it: right 111 -> 127, confident wrong 2 -> 0,
    # none no match 26 -> 28, none confident wrong 2 -> 0
    "holdout20": (127, 0, 28, 0, 18, 33, 0.90),
    # Round 22 adds `holdout21`, measured blind before and after round 21 and now spent, at what
    # round 21 left it (RESULTS.md, "Round 21 on the blind set"): 98 of its 152 wordings and all 76
    # answers were written blind, as published ones ran out.
    # round 22 (lead), the model retrained with holdout21 reads it: right 122 -> 148, none no match
    # 23 -> 25
    "holdout21": (148, 0, 25, 0, 18, 32, 0.98),
    # Round 23 adds `holdout22`, measured blind before and after round 22 and now spent, at what
    # round 22 left it (RESULTS.md, "Round 22 on the blind set"): 85 of its 149 wordings and all 76
    # answers were written blind; the model is not yet retrained with it.
    # round 23 (lead): a night shift someone else turns up for is no schedule: right 129 -> 130,
    # confident wrong 2 -> 1 (none 23 -> 24)
    "holdout22": (130, 1, 24, 1, 19, 34, 0.94),
    # Round 24 adds `holdout23`, measured blind before and after round 23 and now spent, at what
    # round 23 left it (RESULTS.md, "Round 23 on the blind set"): 85 of its 160 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22 or holdout23.
    # round 24 (lead): a vendor's failure, "who motivates or inspires you" and a field chosen by name
    # read right or unsure: right 129 -> 131, confident wrong 3 -> 1 (on none 3 -> 1)
    "holdout23": (131, 1, 30, 1, 16, 33, 0.93),
    # Round 25 adds `holdout24`, measured blind before and after round 24 and now spent, at what
    # round 24 left it (RESULTS.md, "Round 24 on the blind set"): 84 of its 151 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-24.
    # round 25 (lead): a conflict among others is no confident disagreement: confident wrong 5 -> 2
    # (on none 3 -> 0; the three read unsure, not no match)
    "holdout24": (131, 2, 30, 0, 20, 31, 0.93),
    # Round 26 adds `holdout25`, measured blind before and after round 25 and now spent, at what
    # round 25 left it (RESULTS.md, "Round 25 on the blind set"): 77 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-25.
    "holdout25": (122, 2, 24, 1, 14, 31, 0.87),
    # Round 27 adds `holdout26`, measured blind before and after round 26 and now spent, at what
    # round 26 left it (RESULTS.md, "Round 26 on the blind set"): 65 of its 151 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-26.
    "holdout26": (121, 5, 28, 3, 22, 32, 0.88),
    # Round 28 adds `holdout27`, measured blind before and after round 27 and now spent, at what
    # round 27 left it (RESULTS.md, "Round 27 on the blind set"): 73 of its 147 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-27.
    "holdout27": (120, 3, 24, 3, 17, 34, 0.94),
    # Round 29 adds `holdout28`, measured blind before and after round 28 and now spent, at what
    # round 28 left it (RESULTS.md, "Round 28 on the blind set"): 85 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-28.
    # Round 30: bad flagged 14 -> 16 (a gain said to be the main reason is SB742's; "talked it out"
    # said where the judge put the situation keeps SB711's warning).
    "holdout28": (123, 3, 25, 2, 16, 33, 0.93),
    # Round 30 adds `holdout29`, measured blind before and after round 29 and now spent, at what
    # round 29 left it (RESULTS.md, "Round 29 on the blind set"): 85 of its 148 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-29.
    # Round 30: bad flagged 16 -> 18 (the same two changes).
    "holdout29": (121, 1, 27, 1, 18, 31, 0.92),
    # Round 31 adds `holdout30`, measured blind before and after round 30 and now spent, at what
    # round 30 left it (RESULTS.md, "Round 30 on the blind set"): 68 of its 148 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-30.
    # round 31 (matcher): right 109 -> 113, confident wrong 3 -> 0 (all three on "none")
    "holdout30": (113, 0, 24, 0, 17, 31, 0.95),
    # Round 32 adds `holdout31`, measured blind before and after round 31 and now spent, at what
    # round 31 left it (RESULTS.md, "Round 31 on the blind set"): 83 of its 148 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-31.
    "holdout31": (121, 0, 24, 0, 18, 27, 0.89),
    # Round 33 adds `holdout32`, measured blind before and after round 32 and now spent, at what
    # round 32 left it (RESULTS.md, "Round 32 on the blind set"): 82 of its 148 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-32.
    "holdout32": (118, 3, 29, 2, 17, 33, 0.90),
    # Round 34 adds `holdout33`, measured blind before and after round 33 and now spent, at what
    # round 33 left it (RESULTS.md, "Round 33 on the blind set"): 79 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-33.
    "holdout33": (114, 5, 24, 5, 13, 33, 0.82),
    # Round 35 adds `holdout34`, measured blind before and after round 34 and now spent, at what
    # round 34 left it (RESULTS.md, "Round 34 on the blind set"): 83 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-34.
    "holdout34": (121, 4, 26, 4, 19, 30, 0.90),
    # Round 36 adds `holdout35`, measured blind before and after round 35 and now spent, at what
    # round 35 left it (RESULTS.md, "Round 35 on the blind set"): 85 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-35.
    "holdout35": (120, 5, 27, 4, 19, 34, 0.94),
    # Round 37 adds `holdout36`, measured blind before and after round 36 and now spent, at what
    # round 36 left it (RESULTS.md, "Round 36 on the blind set"): 89 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-36.
    "holdout36": (129, 0, 30, 0, 14, 32, 0.91),
    # Round 38 adds `holdout37`, measured blind before and after round 37 and now spent, at what
    # round 37 left it (RESULTS.md, "Round 37 on the blind set"): 90 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-37.
    "holdout37": (126, 3, 30, 2, 16, 32, 0.96),
    # Round 39 adds `holdout38`, measured blind before and after round 38 and now spent, at what
    # round 38 left it (RESULTS.md, "Round 38 on the blind set"): 85 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-38.
    "holdout38": (123, 1, 27, 1, 18, 32, 0.94),
    # Round 40 adds `holdout39`, measured blind before and after round 39 and now spent, at what
    # round 39 left it (RESULTS.md, "Round 39 on the blind set"): 88 of its 150 wordings and all 76
    # answers were written blind; the model is not retrained with holdout22-39 (round 40 retrains it
    # with them, after this floor was set; it reads holdout39 the same).
    "holdout39": (132, 0, 30, 0, 17, 32, 0.92),
    # Round 41 adds `holdout40`, measured blind before and after round 40 and now spent, at what
    # round 40 left it (RESULTS.md, "Round 40 on the blind set"): 88 of its 150 wordings and all 76
    # answers were written blind; the shipped model is trained to holdout39.
    # round 42 (model trained to holdout41, this set among its training): right 136 -> 146, none 27 -> 30
    "holdout40": (146, 0, 30, 0, 18, 32, 0.95),
    # Round 42 adds `holdout41`, measured blind before and after round 41 and now spent, at what
    # round 41 left it (RESULTS.md, "Round 41 on the blind set"): 75 of its 150 wordings and all 76
    # answers were written blind; the shipped model is trained to holdout39.
    # round 42 (model trained to holdout41, this set among its training; two motivation and
    # knowledge cues): right 122 -> 144, confident wrong 4 -> 0, none 27 -> 28
    "holdout41": (144, 0, 28, 0, 18, 30, 0.90),
    # round 15 (matcher): right 246 -> 248
    # round 18 (matcher): right 248 -> 249
    "tuning": (249, 0, 75, 0, 26, 27, 0.90),  # round 13 (answers): bad flagged 25 -> 26
}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_real_language_keeps_its_numbers(split):
    m = _measure()
    right, confident_wrong, none_right, none_confident_wrong, flagged, clean, mean_auc = FLOORS[split]
    w = m.measure_wordings(split)
    assert w["right"] >= right
    assert w["wrong_confident"] <= confident_wrong
    assert w["none"]["right"] >= none_right
    assert w["none"]["wrong_confident"] <= none_confident_wrong
    a = m.measure_answers(split)
    assert a["bad_flagged_for_reason"] >= flagged
    assert a["good_clean_beyond_length"] >= clean
    assert a["auc"]["mean"]["all"] >= mean_auc - 1e-9
    prompts = a["prompts"]
    assert prompts["article_before_name"] == 0
    assert prompts["names_turned_down_or_denied"] == 0
    assert prompts["software_wording_off_software"] <= 2


def test_the_holdout_is_never_read_item_by_item():
    m = _measure()
    # Refused by the argument check, before any file of the blind split is opened.
    assert m.HELD_OUT == ("holdout42",)
    for argv in (["--split", "holdout42", "--details"], ["--split", "holdout42", "--prompts", "5"]):
        with pytest.raises(SystemExit) as refused:
            m.main(argv)
        assert refused.value.code == 2
