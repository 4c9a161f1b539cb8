"""Round 7 of issue 23 (matching): an abbreviation meets what it stands for, both ways; concept
acts said with a word or two inside them; who a stakeholder is. Each rule has a sentence that
fires it and a near miss that must not."""

from __future__ import annotations

import pytest

from tests.postings.conftest import checked_against

POSTING = """\
# Role

## Requirements

- Experience defining SLOs for customer-facing services
- Writing individualized education programs with measurable goals
- Building strong working relationships with families and counselors
"""

SLO = "Experience defining SLOs for customer-facing services"
IEP = "Writing individualized education programs with measurable goals"
FAMILIES = "Building strong working relationships with families and counselors"


def verdict(requirement: str, sentence: str) -> str:
    report = checked_against(POSTING, sentence)
    return next(r.verdict for r in report.requirements if r.text == requirement)


@pytest.mark.parametrize(("requirement", "sentence", "expected"), [
    pytest.param(SLO, "I defined service level objectives for our three customer-facing services.", "shown",
                 id="abbreviation in the posting, expansion in the story"),
    pytest.param(SLO, "The platform team defined service level objectives for the customer-facing services.",
                 "missing", id="near miss: someone else defined them"),
    pytest.param(IEP, "I wrote 14 IEPs with measurable goals for my caseload.", "shown",
                 id="expansion in the posting, abbreviation in the story"),
    pytest.param(IEP, "I read 14 IEPs that the previous teacher had written.", "missing",
                 id="near miss: another's writing, read"),
])
def test_an_abbreviation_meets_what_it_stands_for(requirement, sentence, expected):
    got = verdict(requirement, sentence)
    assert got == expected if expected == "shown" else got != "shown"


NUMBERED = """\
# Demand planner

## Minimum qualifications

MQ-1: Experience building statistical demand forecasts and measuring forecast accuracy
MQ-2: Experience running EC2 fleets
"""


def numbered_verdicts(sentence: str) -> list[str]:
    report = checked_against(NUMBERED, sentence)
    return [r.verdict for r in report.requirements]


def test_a_requirement_s_own_number_is_not_asked_for():
    # Before round 7, "MQ-1" was a name asked for and left out by every story: one thing
    # missing besides "statistical", and the sentence was only "possibly".
    assert numbered_verdicts("I built demand forecasts for 650 products and measured their forecast "
                             "accuracy every month.")[0] == "shown"
    # Near miss: two things left out ("measuring", "accuracy") are still too many.
    assert numbered_verdicts("I built statistical demand forecasts for 650 products.")[0] != "shown"


def test_a_code_like_name_inside_the_text_is_still_asked_for():
    from storybank.postings.check import read

    # Reading takes the posting's own number off the bullet (reading.py), so no unit names it.
    items = read(NUMBERED, "posting.txt").items
    labels = [[u.label for u in i.units] for i in items]
    assert not any("MQ-1" in ls or "MQ-2" in ls for ls in labels)
    assert any("EC2" in ls for ls in labels)        # near miss: a name, not the posting's number
    assert numbered_verdicts("I ran our server fleets for three years.")[1] != "shown"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I met her family and her counselor every six weeks to decide what to change.", "shown",
                 id="the candidate meets the people the posting names"),
    pytest.param("Her counselor met the family every six weeks to decide what to change.", "missing",
                 id="near miss: the counselor meets them, not the candidate"),
    pytest.param("I sat down with Devon and his parents to plan for life after high school.", "missing",
                 id="near miss: 'to plan' is no planner"),
])
def test_families_and_counselors_are_stakeholders_met(sentence, expected):
    got = verdict(FAMILIES, sentence)
    assert got == expected if expected == "shown" else got != "shown"


NAMES = "# Role\n\n## Requirements\n\n- Training in the Wilson Reading System\n- Admin experience with Zendesk or Intercom\n"


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I completed my training in the Wilson Reading System in 2021.", ["shown", "missing"],
                 id="the whole name"),
    pytest.param("I trained every teacher to give notes before each lecture and tests read aloud.",
                 ["missing", "missing"], id="near miss: 'read', one word of the name, is no name"),
    pytest.param("I was the admin of our Intercom workspace for three years.", ["missing", "shown"],
                 id="one name of a list is met alone"),
])
def test_a_name_of_several_words_is_met_by_all_of_them(sentence, expected):
    report = checked_against(NAMES, sentence)
    assert [r.verdict for r in report.requirements] == expected


PROGRAMMES = ("# Role\n\n## Requirements\n\n- Experience delivering Elklan or Talk Boost training to school staff\n"
              "- Experience delivering training to school staff\n")


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I delivered Talk Boost training to the staff of four schools.", ["shown", "shown"],
                 id="the named programme"),
    pytest.param("Most of my work has been in schools, and I coach the adults around the children every week.",
                 ["missing", "shown"], id="coaching is training, but not the named programme"),
])
def test_a_synonym_does_not_stand_for_a_named_programme(sentence, expected):
    report = checked_against(PROGRAMMES, sentence)
    assert [r.verdict for r in report.requirements] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    pytest.param("I delivered Elklan training to all the staff of our school.", "shown", id="delivered"),
    pytest.param("The school then asked whether I could deliver Elklan training to all its staff.", "missing",
                 id="near miss: asked whether I could"),
])
def test_asked_whether_i_could_is_not_done(sentence, expected):
    got = checked_against(PROGRAMMES, sentence).requirements[0].verdict
    assert got == expected if expected == "shown" else got != "shown"


def test_the_spent_sets_keep_round_7s_figures():
    # All seven spent sets together (tests/postings/measure_spent.py). The matching branch of round
    # 7 left them at 95.4 % (144/151) precision and 54.4 % (129/237) recall; merged with round 7's
    # reading (postings/reading.py etc.) they read 93.4 % (141/151) and 54.2 % (129/238). Reading
    # now takes the item codes out of holdout4's security posting, and three weak matches they
    # had held down come out shown (a trap met only by "risk", "explained" said of someone else,
    # digital forensics by "reviewed every result"): the next round's work. Neither may fall back.
    # Round 8 adds corpus_postings_holdout7, measured blind before and after round 7 and now spent,
    # at what round 7 left it (5/6 shown right, 4/31 found): all eight read 93.0 % (146/157) and
    # 49.4 % (133/269). Round 8's matching (tests/postings/test_round8.py) took out the "risk"
    # trap, the forensics link and the relative-clause "I", and six more invented links, and
    # raised the floor: 98.7 % (152/154), 139/269. Round 9 adds corpus_postings_holdout8, measured
    # blind before and after round 8 and now spent, at what round 8 left it (10/10 shown right, 8/29
    # found): all nine read 98.8 % (162/164) and 49.3 % (147/298). Round 9's matching (a
    # profession's duties in its trade's words, tests/postings/test_round9.py) raised the floor:
    # 98.9 % (175/177), 160/298. Round 10 adds corpus_postings_holdout9, measured blind before and
    # after round 9 and now spent, at what round 9 left it (10/11 shown right, 10/30 found): all ten
    # read 98.4 % (185/188) and 51.8 % (170/328). Round 10's matching (a table row's mark letter,
    # a class letter, an application, "advanced", and the thing made told on in the next sentence,
    # tests/postings/test_round10.py) raised the floor: 98.9 % (188/190), 173/328. Round 11 adds
    # corpus_postings_holdout10, measured blind before and after round 10 and now spent (9/12
    # shown right, 8/28 found), and takes two of its three wrong links out: a sentence that ends
    # in a number ends there ("at 3. One call …"), "my" or "our" after "under" or "per"
    # names an arrangement, not the candidate acting, and a passive done "by our" or
    # "by my" someone is theirs. One link of holdout6 rested on a sentence run into the next
    # ("… in Empower 3. In the project's history I saw …") and is now "possibly — check". All
    # eleven: 98.5 % (196/199), 180/356. Round 12 adds corpus_postings_holdout11, measured blind
    # before and after round 11 (no change: 8/10 shown right, 6/23 found) and now spent: all
    # twelve read 97.6 % (204/209), 186/379. Round 12's matching (an example does not stand for
    # the doing a requirement opens with, one of three listed parts is not the whole, "incl." is
    # "including", names listed after a colon are examples; tests/postings/test_round12.py) took
    # out holdout11's two wrong links and found two more: 98.6 % (206/209), 188/379.
    # Round 13 adds corpus_postings_holdout12, measured blind before and after round 12 (no
    # change: 12/13 shown right, 12/28 found) and now spent: all thirteen read 98.2 % (218/222),
    # 200/407. Round 13's matching (of two things joined by "and", a concept saying one does not
    # show the other; tests/postings/test_round13.py) took out holdout12's wrong link (a trap):
    # 98.6 % (218/221), 200/407.
    # Round 14 adds corpus_postings_holdout13, measured blind before and after round 13 (no
    # change: 10/11 shown right, 8/25 found) and now spent: all fourteen read 98.3 % (228/232),
    # 208/432. Round 14's reading (a credential as postings write it: "NVQ Level 3", "BACP
    # registered", "ECS/JIB Gold Card", "5+ yrs PQE"; tests/postings/test_round14.py) puts six
    # linked credentials on the checklist, where no link is looked for: five right links and
    # holdout13's wrong one leave the count of shown links, so the count's floor falls to 223 and
    # the precision's rises: 98.7 % (223/226), 208/432.
    # Round 15 adds corpus_postings_holdout14, measured blind before and after round 14 (3/6
    # shown right both times, 2/19 found) and now spent: all fifteen read 97.4 % (226/232),
    # 210/451.
    # Round 16 adds corpus_postings_holdout15, measured blind before and after round 15 (6/9
    # shown right both times, 6/21 found) and now spent: all sixteen read 97.5 % (231/237),
    # 215/472.
    from tests.postings import test_corpus as corpus
    from tests.postings.measure_spent import SPENT

    kept = corpus.CORPUS
    total = corpus.Tally()
    try:
        for name in SPENT:
            corpus.CORPUS = corpus.HERE.parent / name
            for field in sorted(p.name for p in corpus.CORPUS.iterdir() if (p / "labels.toml").exists()):
                total.add(corpus.measure(field))
    finally:
        corpus.CORPUS = kept
    # Round 15 shows a link only where the candidate is the subject of a main clause of the quoted
    # sentence (postings/own_act.py): holdout14's two links of someone else's act or suggestion
    # leave "shown", and so do five right links whose sentence has pupils, a policy or data as
    # its subject; two of those stories are still shown by another sentence. A system asked by
    # name and said only where no one uses it ("The Lido rollout was planned…") shows nothing
    # either (match._used): holdout14's trap leaves. Round 15b holds a sentence back only where
    # another party is its subject, so the right links whose sentence has the candidate's pupils,
    # policy or data as subject are shown again; one stays "possibly" ("The clinical lead suggested
    # we could write two main analyses"). On the fifteen sets then spent the rules read 98.7 %
    # (225/228), 209/451; with holdout15 added (round 16, above) 231/237 and 215/472.
    # Round 16 (tests/postings/test_round16.py) reads holdout15's ">" lists, job-board furniture,
    # dental hygiene degree and anesthesia permit, and holds a clause of the candidate's that
    # denies the act and a name met only by a verb ("argued" for Argus): its three wrong links (two
    # traps shown, and one trap read together with the degree line) leave, no right link does.
    # The precision's floor rises: 98.7 % (231/234), 215/472.
    # Round 17 adds corpus_postings_holdout16, measured blind before and after round 16 (7/8 shown
    # right both times, 7/24 found) and now spent: all seventeen read 98.3 % (238/242), 222/496.
    # Round 17's matching (tests/postings/test_round17.py): an example met by one word or a synonym
    # of one word of it no longer stands for its category (holdout16's trap leaves, and so does
    # holdout15's vendor-management link through "paired"), a role line is at most "possibly"
    # (holdout15's Python link quoted "Safety Scientist, Corvel Research"), a long requirement may
    # leave one more thing out where the candidate says "I" (holdout4, holdout7, holdout16 gain one
    # each), and "fluently" with a language named shows holdout15's fluency item: 98.8 % (241/244),
    # 224/496.
    # Round 18 adds corpus_postings_holdout17, measured blind before and after round 17 (1/3 then
    # 1/2 shown right, 1/19 found: real postings, banks written from the job title only) and now
    # spent: all eighteen read 98.4 % (242/246), 225/515.
    # Round 18 (tests/postings/test_round18.py) reads real postings as job boards store them and a
    # real posting's padding, and takes out holdout17's wrong link ("accessions" met by "access",
    # in a story of what the candidate had seen): 98.8 % (246/249), 227/515. No other set moves.
    # Round 19 adds corpus_postings_holdout18, measured blind before and after round 18 (5/5 shown
    # right both times, 5/22 found; 9 then 7 requirements unread) and now spent: all nineteen read
    # 98.8 % (251/254), 232/537.
    # Round 19 (tests/postings/test_round19.py) reads what a posting asks in prose above its
    # requirements heading and a sentence that lists several asks: holdout18's surveyor shows
    # "spoken/written communication" ("I wrote to the contracting officer's representative"):
    # 98.8 % (252/255), 233/537. No other set moves. A time said with a half or in months ("six and
    # a half years", "fourteen months") is a time served: holdout5's contaminated land years item is
    # shown with its story (a credential, so recall without credentials does not move): 98.8 %
    # (253/256), 233/537.
    # Round 20 adds corpus_postings_holdout19, measured blind before and after round 19 (2/3 shown
    # right both times, 2/18 found) and now spent: all twenty read 98.5 % (255/259), 235/555.
    # Round 21 adds corpus_postings_holdout20, measured blind before and after round 20 (1/1 shown
    # right both times, 0/18 found; 9 of 31 requirements unread) and now spent: all twenty-one read
    # 98.8 % (256/259), 235/573.
    # Rounds 22-24 add holdout21-23 and round 24's story kinds: 98.9 % (275/278), 254/637. Round 25
    # adds corpus_postings_holdout24, measured blind before and after round 25's first change (1/4
    # shown right both times, 1/24 found; 19 requirements unread) and now spent; round 25's rules
    # from it take out two of its wrong links: all twenty-five read 98.6 % (276/280), 255/661. Its
    # review narrows a refused time to "cannot", "won't", "not available" and the like: "I take no
    # other fixed summer work, except one Saturday a month" refuses nothing, and the bridge
    # tender's run-on line (labelled by its first ask, "be willing to work in a team environment",
    # but asking a Saturday relief shift further on) is shown by the schedule story again: 98.2 %
    # (276/281), 255/661.
    assert total.shown_right >= 276 and total.precision >= 0.982, (total.shown_right, total.precision)
    assert total.found >= 255, total.found
