"""The answer's weak point words the follow-up (issue 22, round 25): families of holdout22-24's
blind judges' "awkward" and "no", each with a firing case and a near miss.

1. A finding that names what the answer did worst (catalog `[[answer_weaknesses]]`) words the
   probes that dig at it: a disagreement only "talked out" (SB711) is asked what each side said
   and what settled it ("Answer too vague; get specifics of the disagreement first"); "we"
   throughout (SB301) is asked for the speaker's own part ("Misses the candidate's own role amid
   'we'"); a clash put all on the other person (SB712) is asked how that person would tell it; a
   strength told as the failure (SB702) is asked for one that really went wrong; "flexible" with
   no hours (SB761) is asked which days and hours. The judge asks the weak point first, with its
   reason.
2. Hours the question asks about, refused outright, are asked what would make other hours
   workable, before the private reason given for them ("Ignores refusal of evening/weekend work the
   role needs").
3. A disagreement told is asked where things were left with the other side, not "Who else was
   involved?" ("two-person disagreement already fully described"); the other side is the one told
   taking a side, not the first person named (round 26, holdout25: "Disagreement was with the
   doctor, not the patient").
4. What the speaker would do another time, already said ("If I did it again I'd switch renderer
   too"), is asked what stood in the way the first time, not "What would you do differently?"
   ("Candidate already said what they'd do differently").
5. (Round 26, holdout25's judges.) A failure told in full is not asked for "one specific time"; the
   other side of a disagreement is the one told taking a side.
6. (Round 26.) What the speaker would do, said to a question that asks for a failure or a
   disagreement, is asked for the last real one, not in the hypothetical mood ("What could go wrong
   with doing it that way?": "Stays hypothetical; should ask for a real case", holdout22-25); and
   what one would do about a rule is asked for the last time a rule seemed wrong.
7. (Round 26.) Conditions put on the hours asked about, short of refusing them, are asked which
   could give; a motivation is asked what the speaker expects to find hardest about the place it
   names, never what would change their mind.
8. (Round 27.) A rule story told is asked whether others who work under the rule saw it the same
   way, where it was hardest, and how the speaker would handle it differently, not how "others who
   follow" it handle "cases like this" nor for the steps it told.
9. (Round 27.) A self-introduction, to a question of no known type, is asked about the path and the
   work (what the speaker wants more of next, the piece of work they are proudest of), not "What
   would you do differently?".
10. (Round 27.) A change told in other words ("So I changed it: every morning I ...", "What changed
    for me: ...") is the lesson already said.
11. (Round 28.) A rule broken as a habit and told as harmless ("I'd just adjust the pump myself and
    get the vet to sign the sheet later ... It never caused a problem") is SB751's weak point, asked
    about first; "It never caused a problem" denies no example.
12. (Round 29.) The speaker's own role ("I'm a shift supervisor") is not the person dealt with; a
    breach kept off the notes ("not write it in the visit notes ... the office never found out") is
    SB751's weak point.
13. (Round 30.) A refusal softened ("I don't really do weekends anymore") is a refusal.

Answers are quoted from tests/corpus_real (spent splits, cited beside each)."""

from __future__ import annotations

import pytest

from storybank.analysis.answer_kinds import refuses_hours
from storybank.answers.judge import judge_answer
from storybank.catalog import builtin_catalog
from storybank.settings import Settings
from tests.helpers import spoken_prompts as _prompts

GRIEVANCE = (
    "Yeah, so, my manager and I disagreed about how to handle a grievance once. She wanted to go one "
    "way and I thought we should go another. Um, so we sat down and we just talked it out, and we "
    "both listened to each other's point of view, and we found a way forward that we were both happy "
    "with. I think communication is really the key in HR, so it was fine in the end. We've got a "
    "really good working relationship.")                                      # holdout22 #23
COMPLAINT_CALL = ("We had a bit of a disagreement about how to handle a complaint call, but we just "
                  "talked it out and it was fine.")                           # holdout23 #23
INTERPRETER = (
    "So, um, I'm a Polish court interpreter, and in a Crown Court trial the defence barrister asked me "
    "during a break to — quote — 'just give the gist' of his client's answers, because the client was "
    "rambling and the jury was getting bored. I disagreed, because under our code of conduct I "
    "interpret everything that's said, including the rambling and the hesitations. If I summarise, "
    "I'm deciding what's relevant, and that's not my role. I told him that, politely, and I offered an "
    "alternative: he could ask shorter, closed questions, and I'd interpret consecutively in shorter "
    "segments so it moved faster. He wasn't happy and said he'd raise it with the judge. I said that "
    "was fine — actually, I asked for it to be raised in front of the judge, because I wanted it on "
    "the record. The judge agreed with me — full interpretation — and the barrister did shorten his "
    "questions. The rest of his client's evidence that afternoon took about 50 minutes, where the "
    "morning session had taken two hours for about the same ground. We worked together again on "
    "another trial a few months later without any problem. What I learned was to come with a "
    "practical alternative; just saying no would have made me the obstacle.")   # holdout22 #20
SCHOOL_EXTENSION = (
    "Yeah, so the big one was a primary school extension in Bristol, four new classrooms and a hall, "
    "about 1,100 square metres. We won it through a framework bid and, um, we did the feasibility in "
    "about six weeks. We looked at a few massing options and we went with a single-storey timber "
    "frame because we wanted to keep the existing playground. We did a lot of engagement with the "
    "staff and the kids, which was really nice. Then we took it through planning. We had some "
    "comments from the conservation officer because the original building's Victorian, so we changed "
    "the brick and the roof pitch. We took it to RIBA Stage 4 and tendered it, and we ended up with a "
    "contractor who was really good. It was delivered in about fourteen months and we got a lot of "
    "good feedback from the school. It was shortlisted for a regional award as well, which the team "
    "was really proud of. So yeah, that's probably the project I'm happiest with.")  # holdout22 #5
NIGHT_SHIFT = (
    "So, um, I worked nights in a residential home with a support worker who was honestly just lazy. "
    "She'd leave all the laundry and the kitchen for me, and she'd take really long breaks on her "
    "phone in the staff room while I got on with it. I tried dropping hints, like saying loudly that "
    "the laundry wasn't going to do itself, but she'd just laugh it off. The other night staff knew "
    "what she was like as well, we'd all talk about it on the group chat. It went on for about four "
    "months. In the end I went to the manager and told her everything, and said I couldn't work with "
    "her anymore. The manager moved her onto days and I never had to work with her again, which was a "
    "relief. I think some people just aren't cut out for care work, and you can't change them.")
#                                                                              holdout23 #24
CARE_TOO_MUCH = (
    "Um, I think honestly my biggest failure is that I care too much about my clients. Like, I'll "
    "always squeeze someone in if they need an appointment, even if it means I'm working through my "
    "lunch or staying late, because I can't bear to let people down. So there have been weeks where "
    "I've basically done fifty-plus hours and I've been exhausted. My manager's had to tell me to slow "
    "down more than once. I suppose that's a failure in a way, because I need to look after myself "
    "too. But clients really appreciate it and a lot of them followed me from my last salon, so, you "
    "know. I'm working on saying no a bit more.")                    # holdout24 #16, trimmed
WHENEVER = "I'm pretty flexible — I can just fit it in whenever, really."      # holdout22 #67
THEATRE = (
    "Um, I'd prefer not, to be honest. I've done years of evenings in theatre and I'm at the point "
    "where I really want to be home by six, so I'd be looking at sort of nine till five thirty, Monday "
    "to Friday. I could maybe do the odd evening for a press night if I had plenty of notice, but "
    "weekends are a no for me, I've got family commitments. I know it's a front-of-house manager "
    "role, but I think a lot of it could be done in the day, like the rotas and the training and the "
    "admin.")                                                         # holdout24 #68, trimmed
WARD_WEEK = (
    "So I work on a ward, three long days a week, half seven in the morning to eight at night, and our "
    "rota comes out six weeks ahead, so I know my days well in advance. Um, on my non-ward days I'm "
    "free, so for this I could commit two full days a week — whichever two aren't on my rota — and I'd "
    "send you the days as soon as the rota's published. On top of that I could do Tuesday and "
    "Thursday evenings, six till nine, when I'm not working the next morning. So realistically that's "
    "about eighteen to twenty hours a week. I don't pick up bank shifts anymore, so it's pretty "
    "stable, and I don't do nights, so there's no week where I'm suddenly wiped out for three days.")
#                                                                              holdout23 #64
WOULD_TALK = ("If a coworker and I disagreed, I would sit down with them and talk it out, and I "
              "would listen to their side before deciding anything.")        # written near miss


# --- 1. the weak point words the probes --------------------------------------------------------

def test_a_disagreement_only_talked_out_is_asked_what_each_side_said() -> None:
    asked = _prompts(GRIEVANCE, "disagreement")
    assert asked["technical"] == ("What exactly did each of you say when you talked it through, and "
                                  "what settled it in the end?")
    assert asked["alternatives"] == "What exactly did your manager want, and what did you want instead?"
    # the one-liner names no one: the other side is asked about as such
    assert _prompts(COMPLAINT_CALL, "disagreement")["alternatives"] == \
        "What exactly did each of you want, and why?"


def test_a_disagreement_settled_by_something_said_keeps_its_own_wording() -> None:
    # near miss: the judge settled it, with figures told; nothing was only "talked out"
    asked = _prompts(INTERPRETER, "disagreement")
    assert "talked it through" not in asked["technical"]
    assert "What exactly" not in asked["alternatives"]


def test_a_story_told_as_we_is_asked_for_the_speakers_own_part() -> None:
    asked = _prompts(SCHOOL_EXTENSION, "project")
    assert asked["collaborators"] == "Which parts of that did you do yourself, and which did others do?"
    assert asked["technical"] == "Walk me through the part you did yourself, step by step."
    # near miss: the same kind of story told with "I" keeps the project's own wordings
    mine = SCHOOL_EXTENSION.replace("We ", "I ").replace(" we ", " I ")
    assert _prompts(mine, "project")["collaborators"] != asked["collaborators"]


def test_a_clash_put_all_on_the_other_person_is_asked_how_they_would_tell_it() -> None:
    assert _prompts(NIGHT_SHIFT, "disagreement")["collaborators"] == \
        "If I asked the support worker, how would they describe what happened?"
    # near miss: what the speaker would do tells no clash, so there is no one to ask yet
    assert "If I asked" not in _prompts(WOULD_TALK, "disagreement")["collaborators"]


def test_a_strength_told_as_the_failure_is_asked_for_a_real_one() -> None:
    assert _prompts(CARE_TOO_MUCH, "failure")["technical"] == (
        "Can you think of one time something you did actually went wrong, and walk me through it, "
        "step by step?")
    # near miss: the same words to a question of no known type ("What's your biggest weakness?")
    # are a weakness, not a failure, and keep the weakness wordings
    assert "went wrong" not in _prompts(CARE_TOO_MUCH, None)["technical"]


def test_flexible_with_no_hours_is_asked_which_days_and_hours() -> None:
    assert _prompts(WHENEVER, "schedule")["technical"] == \
        "Which days and hours, concretely, could you give this work in a normal week?"
    # near miss: a week told is asked which part of it is hardest to keep
    assert _prompts(WARD_WEEK, "schedule")["technical"] == \
        "Which part of that week is hardest to keep, and what usually gets in the way?"


@pytest.fixture(scope="module")
def catalog():
    return builtin_catalog()


def test_the_judge_asks_the_weak_point_first_with_its_reason(catalog) -> None:
    report = judge_answer(GRIEVANCE, catalog, Settings(), question="disagreement")
    assert report.next_probe.id == "technical"
    assert "talked out" in report.next_probe.reason
    assert report.next_probe.prompt.startswith("What exactly did each of you say")
    assert report.lacking[0] == "technical"


def test_we_throughout_keeps_the_counted_reason(catalog) -> None:
    # near miss: the "we" weakness has no reason of its own; the answer's own count says more
    report = judge_answer(SCHOOL_EXTENSION, catalog, Settings(), question="project")
    reason = report.reasons.get("collaborators", "")
    assert reason.startswith('"We" ') and '"I"' in reason


def test_a_weakness_naming_an_unknown_probe_is_refused() -> None:
    from storybank.catalog import Catalog

    data = builtin_catalog().model_dump(by_alias=True)
    data["answer_weaknesses"] = [{"finding": "SB711", "ask": "sideways", "reason": "x"}]
    with pytest.raises(ValueError, match="unknown probe `sideways`"):
        Catalog.model_validate(data)
    # `phrased` reads the finding's own pitfall phrases: a code with none is refused too
    data["answer_weaknesses"] = [{"finding": "SB301", "ask": "collaborators", "phrased": True}]
    with pytest.raises(ValueError, match="no pitfall SB301 has phrases"):
        Catalog.model_validate(data)


# --- 2. hours refused outright ------------------------------------------------------------------

def test_hours_refused_are_asked_what_would_make_others_workable() -> None:
    assert refuses_hours(THEATRE)
    asked = _prompts(THEATRE, "schedule")
    assert asked["alternatives"] == "What, if anything, would make other hours workable for you?"
    assert asked["collaborators"] != "How far ahead do you usually need to know your schedule?"


def test_a_limit_inside_a_planned_week_is_no_refusal() -> None:
    # near miss: "I don't do nights" is a limit told inside the week offered
    assert not refuses_hours(WARD_WEEK)
    assert not refuses_hours("I once had a spat with a customer, which I would prefer not to repeat.")


# --- 3. a disagreement told ---------------------------------------------------------------------

STROKE_UNIT = (
    "Yeah, so I work as a speech and language therapist on a stroke unit, and there was a patient, a "
    "man in his seventies, who'd been on a puréed diet, IDDSI level four, and the consultant on the "
    "ward round wanted to move him to a normal diet because he was losing weight. My bedside "
    "assessment said he was still coughing on thin liquids. So I disagreed, on the ward round, but I "
    "tried to do it by agreeing on the goal. I said can we get a videofluoroscopy before we change "
    "anything, and I offered to get it booked within the week. The consultant agreed to wait three "
    "days. The videofluoroscopy showed he was safe on soft and bite-sized, level six.")
#                                                                              holdout24 #18, trimmed
F2 = (
    "So I was on a medical ward and the F2 wanted a patient to have her regular metformin and her "
    "usual dose of enoxaparin, but her eGFR had dropped from 58 to 24 over two days. I didn't think we "
    "should give either until it was reviewed. He thought the sample might be haemolysed and said to "
    "give them. So I said, I get that, but I'm not comfortable giving them without a repeat, and I "
    "showed him the trend on the results screen and the trust's enoxaparin guidance. He agreed to hold "
    "the metformin, and on the enoxaparin we asked the ward pharmacist, who changed it to the renal "
    "dose.")                                                          # holdout25 #18, trimmed


def test_a_disagreement_told_is_asked_where_things_stand_with_the_other_side() -> None:
    assert _prompts(STROKE_UNIT, "disagreement")["collaborators"] == (
        "How did the consultant take the way it ended, and where do things stand between you now?")
    # Round 26: the person at odds with the speaker, not the first one named: the F2 (no role the
    # lexicon knows) wanted the patient to have her doses; the patient took no side
    assert _prompts(F2, "disagreement")["collaborators"] == (
        "How did the other person take the way it ended, and where do things stand between you now?")
    # near miss: a hypothetical keeps the probe's own question
    assert "take the way it ended" not in _prompts(WOULD_TALK, "disagreement")["collaborators"]


# --- 4. what the speaker would do another time, already said ------------------------------------

STATEMENTS = (
    "So, um, the one I'd pick is monthly statement generation for a lending platform. About 180,000 "
    "PDF statements, and it had to finish overnight on the first of the month. It was taking around "
    "nine hours. I profiled it with py-spy and about 70 percent of the time was one query per account "
    "pulling transactions, a classic N+1. So I batched the transaction fetch into chunks of 1,000 "
    "accounts with one query each, and I moved rendering onto a worker pool of 16 processes. Runtime "
    "went from nine hours to 47 minutes. If I did it again I'd switch renderer too, because "
    "WeasyPrint is still about 30 of those 47 minutes.")                # holdout22, trimmed


# --- 5. round 26 (holdout25's judges) -------------------------------------------------------------

PAYROLL = (
    "Yeah, so I ran payroll for about 900 staff, and I loaded a pay award file, a 3.5 percent uplift, "
    "with the wrong effective date, so it backdated one month too far. Two hundred and eighty people "
    "were overpaid, about 110 pounds each on average. I spotted it myself the morning after the BACS "
    "file went, when I was reconciling gross pay against the budget. I told my manager straight away, "
    "and then I worked out the options. I recommended three months, with a letter to each person "
    "explaining what happened. Then I changed the process: any bulk upload now gets a parallel run on "
    "a copy of the payroll and a second person signs off the variance report before submission.")
#                                                                              holdout25 #11, trimmed


def test_a_failure_told_in_full_is_not_asked_for_one_specific_time() -> None:
    # holdout25's judges: "Answer already gave one specific instance" (SB781 fired on it)
    asked = _prompts(PAYROLL, "failure")
    assert not any("one specific time" in prompt for prompt in asked.values()), asked


@pytest.mark.parametrize(("text", "expected"), [
    ("Yeah, so, my manager and I disagreed about how to handle a grievance once.", "your manager"),
    ("I disagreed with the charge nurse about the rota.", "the nurse"),
    ("The consultant on the ward round wanted to move him to a normal diet.", "the consultant"),
    ("A patient that did not like me yelled at me every time I came in.", "the patient"),
    # near misses: the first person named took no side
    ("So I was on a medical ward and the F2 wanted a patient to have her regular metformin.", ""),
    ("I had a patient who was struggling to keep her independence after a fall.", ""),
])
def test_the_other_side_is_the_one_told_taking_a_side(text: str, expected: str) -> None:
    from storybank.analysis.answer_holds import opponent
    from storybank.analysis.lexicon import normalise

    assert opponent(normalise(text)) == expected


# --- 6. round 26: what one would do, to a question that asks for a time -----------------------------

PARTNER = (
    "So, um, I think if I disagreed with a partner, the first thing I would do is make sure I'd "
    "understood their reasoning, because they've got a lot more experience than me. Then I'd go and "
    "look at the legislation and HMRC's manuals myself, so I'd have something concrete. I'd set out "
    "my view and the sources, and let them decide, because ultimately it's their sign-off. And if it "
    "was something really serious, like a client being at risk of a penalty, I would escalate it to "
    "the head of tax.")                                               # holdout22 #26, trimmed
PROCEDURES = (
    "I think it's really important to follow procedures, because they're there for a reason, "
    "especially in tax, where there's a lot of regulatory risk. But I also think it's important to "
    "speak up if you think something could be done better. So I'd raise it with my manager in a "
    "constructive way, and I'd always try to come with a solution rather than just a problem.")
#                                                                              holdout22 #62, trimmed
CROWN = (
    "Um, so I had a patient who needed a crown on a lower six, and I prepped it, took the impression, "
    "and sent it off to the lab. When it came back the fit was off — there was a gap at the margin. So "
    "that was the lab, really. And my nurse hadn't mixed the impression material properly either, I "
    "think. So I had to re-take the impression and send it back, which meant the patient came in "
    "again. We did move to a different lab after that, which I'd been pushing for.")
#                                                                              holdout22, trimmed
FRUSTRATED = ("If a customer is frustrated due to a long wait time, I would first apologize for the "
              "wait and then explain what is causing the delay.")     # holdout11, trimmed


def test_what_one_would_do_in_a_disagreement_is_asked_for_the_last_real_one() -> None:
    # holdout22-25's judges: "Stays hypothetical; should ask for a real case"
    asked = _prompts(PARTNER, "disagreement")
    assert asked["differently"] == \
        "Think of the last disagreement you had at work: what would you do differently now?"
    assert "What could go wrong" not in " ".join(asked.values())
    # near miss: a customer named where the answer opens is the difficult customer asked about; the
    # partner's answer names a client only as a third party
    assert _prompts(FRUSTRATED, "disagreement")["differently"] == \
        "Think of the last difficult customer you dealt with: what would you do differently now?"


def test_a_failure_told_around_an_id_is_asked_about_as_told() -> None:
    # near miss: "which I'd been pushing for" in a story told is no hypothetical
    assert not any("Think of one time" in p for p in _prompts(CROWN, "failure").values())


def test_what_one_would_do_about_a_rule_is_asked_for_the_last_time_one_seemed_wrong() -> None:
    asked = _prompts(PROCEDURES, "rubric")
    assert asked["differently"] == ("Think of the last time a rule at work seemed wrong to you: what did "
                                    "you do, and what would you do differently now?")
    assert asked["technical"] == "Can you give me one case where you did that, and walk me through it?"


# --- 7. round 26: conditions on the hours; a motivation's hardest part -----------------------------

CABIN_CREW = (
    "Um, I'm fine with the travelling side, I love that, that's the whole reason I'm applying. Weekends "
    "are a bit harder, because I play netball on Saturday mornings in a league and I'm the captain, so "
    "I'd want to keep that if I can. And I'd really want Christmas off, my family do a big thing every "
    "year and everyone comes over. And I'm honestly not a morning person, so ideally I'd be on the "
    "later flights rather than the 5am reports. But otherwise I'm really flexible, I'm happy to do "
    "whatever's needed.")                                              # holdout25 #68
ON_CALL_ROTA = (
    "So I'm on the on-call rota now, one week in four, and I've done night possessions for three years. "
    "So I'm available for the full rota. The only thing I'd flag is one week booked in August that I'd "
    "want to keep, it's a family wedding, and it's already in the diary, so you'd know well in "
    "advance.")                                                        # holdout25, trimmed
ZOO = (
    "Um, mostly it's your amphibian conservation programme. In my last job I looked after an amphibian "
    "collection, 14 species in biosecure pods. I want to move from just keeping them to the "
    "conservation side as well, and you're one of the few zoos where keepers actually go out to the "
    "field project.")                                                  # holdout25 #48, trimmed


def test_conditions_on_the_hours_are_asked_which_could_give() -> None:
    asked = _prompts(CABIN_CREW, "schedule")
    assert asked["differently"] == "If the roster clashed with one of those, which would you give up first?"
    assert asked["technical"] == \
        "Taking those together, which shifts or hours could you actually cover in a normal month?"
    # near miss: one date flagged inside a plan is no list of conditions
    assert "those" not in _prompts(ON_CALL_ROTA, "schedule")["differently"]


def test_a_motivation_is_asked_the_hardest_part_not_what_would_change_its_mind() -> None:
    # holdout25: "What would make you change your mind about this programme?" ("Odd, negative angle")
    assert _prompts(ZOO, "motivation")["differently"] == \
        "What do you expect to find hardest about this programme, and how will you handle it?"


# --- 8. round 27: a rule story told (holdout22-26's judges) ----------------------------------------

LIFEGUARD = (
    "Yeah, so at the leisure centre the normal operating procedure had lifeguards rotating every 30 "
    "minutes, but our deep-end chair faced straight into the glare from the big windows on sunny "
    "afternoons. I thought we should rotate that chair every 20 minutes between two and five, or move "
    "it. But I didn't just change it myself, because the rotation's tied to everyone's breaks. So I "
    "kept doing 30 minutes and raised it with the duty manager, and I got some evidence: I put a "
    "weighted manikin on the bottom in that corner at three o'clock on a sunny day with the manager up "
    "on the chair, and he couldn't see it. The operations manager moved the chair about two metres "
    "along and added a 20-minute rotation on that position for summer afternoon sessions.")
#                                                                              holdout26 #55, trimmed


def test_a_rule_story_told_is_asked_about_its_peers_and_where_it_was_hardest() -> None:
    # "How do others who follow the procedure handle cases like this?" (2 of 22 votes yes: "implies
    # the candidate did not follow it") and "Take me back to that case ... step by step" (the steps
    # were told: 4 of 14)
    asked = _prompts(LIFEGUARD, "rubric")
    assert asked["collaborators"] == "Did anyone else who uses the procedure see it the way you did?"
    assert asked["technical"] == "What was the hardest part of handling the procedure in that case, and why?"
    assert asked["differently"] == "Looking back at how you handled the procedure, what would you do differently?"
    # near miss: what one would do about a rule tells no case, and is asked for the last one
    assert _prompts(PROCEDURES, "rubric")["collaborators"].startswith("Think of the last time a rule")


# --- 9. round 27: a self-introduction ------------------------------------------------------------

SOUTHAMPTON = (
    "Okay, so, I was born in Southampton and I went to school there, I did my GCSEs and then A-levels "
    "in geography, business and history. I wasn't really sure what I wanted to do, so I went "
    "travelling for a year, Australia and Thailand and Vietnam, which was amazing. When I came back I "
    "did a bit of bar work, and then I got a job in a warehouse at the port, which is how I got into "
    "logistics. After that I moved into an office job at a freight forwarder as an import clerk, then "
    "I became an export coordinator, and now I'm an ocean freight operator. So yeah, that's me "
    "really.")                                                        # holdout26 #75, trimmed


def test_a_self_introduction_is_asked_about_the_path_and_the_work() -> None:
    # holdout22-26's judges on "What would you do differently?" and "Who else was involved?" after one:
    # "Nonsensical after a biographical summary"
    asked = _prompts(SOUTHAMPTON, None)
    assert asked["differently"] == \
        "Looking at where you are now, what do you want to do more of in your next role, and why?"
    assert asked["collaborators"] == \
        "Who has seen your work most closely so far, and what would they say about it?"
    # round 28: "Which piece of work from that time" had no referent after one (holdout27)
    assert asked["technical"] == \
        "Of the work you have described, which piece are you proudest of? Walk me through it."
    # near miss: a line saying who one is, to a question of no known type, is no introduction
    assert _prompts("I'm a nurse and I love my job.", None)["differently"] != asked["differently"]


# --- 10. round 27: a change told in other words -----------------------------------------------------

WRONGFUL_STOP = (
    "Okay, so, um, in credit control you put accounts on stop when they go over terms, and I put one "
    "of our bigger trade customers on stop on a Monday morning because they were showing 60 days "
    "overdue on about £18,000. And they'd actually paid. The money had come in on the Friday but it was "
    "sitting unallocated on Sage. So I took the stop off within about twenty minutes, rang the buyer "
    "myself to apologise, and allocated the cash properly. Then I looked at why, and it was my process. "
    "So I changed it: every morning I clear unallocated cash before anything goes on stop, and any stop "
    "over £5,000 I phone first.")                                       # holdout26, trimmed


@pytest.mark.parametrize(("text", "qtype", "said_from", "prompt"), [
    # what the speaker would do another time (round 25: "Candidate already said what they'd do
    # differently") is asked what stood in the way the first time
    (STATEMENTS, "performance", " If I did it again",
     "What stopped you from doing it that way the first time?"),
    # a change told in other words (round 27: "Answer already covered what changed afterwards") is
    # the lesson already said
    (WRONGFUL_STOP, "failure", " Then I looked at why",
     "When did you last put that lesson to use, and how did it go?"),
], ids=["regret", "change"])
def test_a_lesson_already_said_is_not_asked_for_again(text: str, qtype: str, said_from: str,
                                                       prompt: str) -> None:
    assert _prompts(text, qtype)["differently"] == prompt
    # near miss: the same story stopped before the lesson is still asked for one
    assert _prompts(text.split(said_from)[0], qtype)["differently"] != prompt


def test_a_failure_told_step_by_step_is_asked_where_putting_it_right_was_hardest() -> None:
    # holdout22-26's judges on "What was the hardest part of that to get right?" after a mistake:
    # "'Get right' fits a mistake story poorly"
    assert _prompts(WRONGFUL_STOP, "failure")["technical"] == \
        "Once you knew what had gone wrong, what was the hardest part of putting it right?"
    # near miss: told with fewer of the speaker's own steps, it is asked for them
    assert _prompts(CROWN, "failure")["technical"] == \
        "Walk me through what you did, step by step, and why you did it that way."


# --- 11. round 28: a rule broken as a habit, told as harmless -----------------------------------------

FLUID_RATES = (
    "So our protocol said every dog on a drip had to have any change to the fluid rate checked and "
    "signed off by a vet first. I thought that was a bit over the top, because I've been an RVN for "
    "eight years and I know fluid rates inside out. So on busy days, when the vets were in theatre, "
    "I'd just adjust the pump myself and get the vet to sign the sheet later on. It never caused a "
    "problem, the patients were all fine, and it saved the vets a lot of interruptions.")
#                                                                              holdout25 #60, trimmed


def test_a_rule_broken_as_a_habit_is_asked_about_the_breach() -> None:
    # holdout25-26's judges: "ignores the controlled-drug breach just described"
    from storybank.analysis.signals import dodge

    assert dodge(FLUID_RATES) is None            # "It never caused a problem" denies no example
    assert dodge("Honestly, I've never caused a problem at work.") is not None   # near miss
    asked = _prompts(FLUID_RATES, "rubric")
    assert asked["alternatives"] == \
        "Why did you go your own way rather than raise it with whoever owns the protocol?"
    assert asked["collaborators"] == "Who owns the protocol, and did they know what you were doing?"
    # near miss: the same rule kept, with the vet signing first, is no breach
    kept = FLUID_RATES.replace("I'd just adjust the pump myself and get the vet to sign the sheet later on",
                               "I'd wait for the vet to sign before I touched the pump")
    assert "your own way" not in _prompts(kept, "rubric")["alternatives"]


# --- 12. round 29 (holdout28's judges) -------------------------------------------------------------

MRF = (
    "So I'm a shift supervisor at a materials recovery facility, we do about 20 tonnes an hour on the "
    "line. There was a picker on the quality line, been there longer than me, and she just wouldn't "
    "follow the changes I brought in for the picking stations. She'd complain to the others behind my "
    "back. Honestly, she was lazy. I told the manager more than once. In the end she moved to the "
    "weekend shift and things were a lot better after that.")              # holdout28 #24, trimmed
MEDICATION = (
    "So, our agency policy is that carers can't do any task that isn't on the care plan, and we had a "
    "client whose care plan said personal care and meals, but he really needed his medication prompting "
    "as well. So I told the carers to just prompt his tablets anyway and not write it in the visit "
    "notes, because otherwise the office would've stopped it. He was fine, and the office never found "
    "out.")                                                             # holdout28 #60, trimmed


def test_the_speakers_own_role_is_not_the_person_dealt_with() -> None:
    from storybank.analysis.answer_holds import answer_holds

    # "If I asked the supervisor ..." when the speaker is the supervisor (holdout28: "wrong person")
    assert answer_holds(MRF).counterpart != "supervisor"
    # near miss: a supervisor someone else is still the person dealt with
    assert answer_holds("My supervisor and I disagreed about the rota.").counterpart == "supervisor"


def test_a_breach_kept_off_the_notes_is_the_weak_point() -> None:
    # holdout28's judges: "misses the concealment from the office"
    asked = _prompts(MEDICATION, "rubric")
    assert asked["collaborators"] == "Who owns the policy, and did they know what you were doing?"


# --- 13. round 30 (holdout29's judges) -------------------------------------------------------------

SATURDAYS = (
    "Um, so, to be honest I don't really do weekends anymore. I did years of weekends in restaurants "
    "and I want my Saturdays back. I'd be looking at Monday to Thursday, ideally daytime, and I'd need "
    "to be finished by eight at the latest because of the trains home.")   # holdout29, trimmed


def test_a_softened_refusal_is_a_refusal() -> None:
    # holdout29's judges: "ignores that the candidate refuses the core weekend hours"
    assert refuses_hours(SATURDAYS)
    assert _prompts(SATURDAYS, "schedule")["alternatives"] == \
        "What, if anything, would make other hours workable for you?"
    # near miss: a weekend offered is no refusal
    assert not refuses_hours("From Easter to October I'm available every weekend, both days.")
