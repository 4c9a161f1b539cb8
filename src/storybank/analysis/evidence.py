"""Evidence a story shows: named in the catalog, recognised by phrases or a built-in measure."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from storybank.analysis.context import StoryContext
from storybank.analysis.lexicon import Span, gap, normalise, phrase_set, spans, word_set
from storybank.analysis.lexicon import words as _lexicon_list
from storybank.analysis.named import Named
from storybank.catalog import Evidence

_NUM = (r"(?:[$€£~]?\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"fifteen|twenty|thirty|forty|fifty|sixty|ninety|a hundred|half)")
# A unit may follow the number straight away: "from 240ms to 110ms", "from 5% to 1%".
# ... and either figure may be hedged: "from up to 10 seconds to under one second".
_ABOUT = r"(?:(?:up to|about|around|roughly|nearly|almost|over|under|more than|less than|just)\s+)?"
_FROM_TO = re.compile(rf"\bfrom\s+{_ABOUT}{_NUM}(?:%|[a-z]{{1,7}}\b|\b)[^.;]{{0,40}}?\s(?:to|down to|up to|->|→)\s+"
                      rf"{_ABOUT}{_NUM}", re.I)
_CLOCK = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)"  # 7pm, 9:30 am, 5 p.m.
    r"|\b\d{1,2}:\d{2}\b"                                   # 19:00
    r"|\b\d{1,2}(?::\d{2})?\s?[-–—]\s?\d{1,2}(?::\d{2})?\s?(?:am|pm)?\b",  # 9-6, 19:00–22:00
    re.I,
)
_HOURS = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:[-–]\s?\d+\s?)?(?:hours?|hrs?|h)\b", re.I)
_PARTS_OF_DAY = re.compile(
    r"\b(?:evenings?|mornings?|afternoons?|nights?|weeknights?|lunchtimes?|lunch breaks?)\b", re.I)


# The built-in measures an evidence's `check` names in the catalog, each registered by its name.
EvidenceCheck = Callable[[StoryContext, str], bool]
EVIDENCE_CHECKS: Named[EvidenceCheck] = Named("evidence check")


def _check(name: str, ctx: StoryContext, text: str) -> bool:
    return EVIDENCE_CHECKS.find(name)(ctx, text)


@EVIDENCE_CHECKS.register("numbers")
def _numbers(ctx: StoryContext, text: str) -> bool:
    return bool(ctx.answer.numbers) or bool(ctx.story.metrics)


@EVIDENCE_CHECKS.register("before_after")
def _before_after(ctx: StoryContext, text: str) -> bool:
    """Said out loud: the interviewer hears the answer, not the [[metrics]] table. When the story
    claims a speed-up, the before and after must measure time or speed: "from 100,000 paths to
    20,000" is a change, but not of what "faster" claims."""
    speed = phrase_set(_lexicon_list("speed_claims")).search(text.lower()) is not None
    changes = [*_FROM_TO.finditer(text), *_RELATIVE_CHANGE.finditer(text)]
    return any(not speed or _measures_time(_around(text, m.start(), m.end()))
               for m in changes) or _change_spoken(ctx, time_only=speed)


# A change measured against its own before: "reduced errors by 42%", "turnaround time reduced by
# about 35%", "a 60% performance improvement", "cut it in half", "three times faster". The
# percentage or the factor is the before and the after said in one figure.
_CHANGE_WORD = (r"(?:reduc\w*|cut|cutting|drop\w*|fell|fall\w*|decreas\w*|lower\w*|shrank|shrunk|"
                r"improv\w*|increas\w*|rais\w*|r[oi]se|grew|grow\w*|boost\w*|doubl\w*|halv\w*|"
                r"faster|quicker|slower|gain\w*|saving\w*|saved)")
_RELATIVE_CHANGE = re.compile(
    rf"\b{_CHANGE_WORD}\b[^.;!?]{{0,40}}?\b(?:by\s+)?(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?"
    r"(?:\d[\d.,]*\s?(?:%|percent\b)|half\b|in half\b|a third\b|a quarter\b)"
    rf"|(?<![\d.,])\d[\d.,]*\s?(?:%|percent\b)(?:\s+[a-z-]+){{0,3}}?\s+{_CHANGE_WORD}\b"
    # A figure is read from the start of its run of digits only: from every digit of "1,1,1,…"
    # the run would be read to its end and back, which is quadratic.
    rf"|(?:(?<![\w.,])\d[\d.,]*|\b(?:two|three|four|five|ten))\s?(?:x|×|times|-fold|fold)\s+{_CHANGE_WORD}\b",
    re.I)


@EVIDENCE_CHECKS.register("time_blocks")
def _time_blocks(ctx: StoryContext, text: str) -> bool:
    """A block is a named day with a time: "Mon/Wed 19:00-22:00", "Saturday 8-12", "Saturday
    mornings, about 12 hours", or a day a fixed pattern names ("my non-shift weekdays 09:30 to
    13:30", "days off"). "Evenings or weekends" and an hours figure name no day, so they are not
    a plan. Three clock times are a plan even without a day, and so are several named days
    with their parts of the day, or a clock time a block starts or ends at on a kind of day."""
    clocks = len(_CLOCK.findall(text))
    if clocks >= 3:
        return True
    days = _named_days(text.lower())
    bounded = bool(_BOUND.search(text))
    if bounded and _DAY_CLASS.search(text):
        return True  # "after 5 p.m. on weekdays": a block's edge on a kind of day
    if not days:
        return False
    if days >= WEEK_PLAN_DAYS:
        return True  # "prospecting days are Monday and Tuesday, Thursdays and Fridays for meetings"
    hours = len(_HOURS.findall(text))
    parts_of_day = len(_PARTS_OF_DAY.findall(text))
    # Several named days with their part of the day ("Tuesday and Thursday afternoons, early on
    # Friday morning"), or a day with the clock time a block starts or ends ("after 5 p.m. on
    # weekdays", above), is a block as surely as a weekly total is.
    return (clocks >= 2 or (hours >= 1 and (clocks >= 1 or parts_of_day >= 1))
            or (days >= 2 and clocks + parts_of_day >= 1) or bounded)


WEEK_PLAN_DAYS = 4  # named days enough to be a week's plan without a clock: most of the week told
_DAY_CLASS = re.compile(r"\b(?:weekdays?|weekends?|weeknights?)\b", re.I)
# The clock time a block starts or ends at: "after 5 p.m.", "until 7pm", "from 9:30".
# A bare number is not one: "until 2 weeks" is no clock.
_BOUND = re.compile(r"\b(?:after|before|until|till|from)\s+(?:\d{1,2}:\d{2}|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.))"
                    r"(?!\w)", re.I)


def _named_days(low: str) -> int:
    """Days named by name or by a fixed pattern. Days and parts of the day are counted apart:
    "weekday evenings" names both."""
    return (len(phrase_set(_lexicon_list("weekdays")).findall(low))
            + len(phrase_set(_lexicon_list("pattern_days")).findall(low)))


@EVIDENCE_CHECKS.register("technologies")
def _technologies(ctx: StoryContext, text: str) -> bool:
    return bool(ctx.answer.technologies)


@EVIDENCE_CHECKS.register("specific_fit")
def _fits(ctx: StoryContext, text: str) -> bool:
    # A story file keeps its background in the situation, so only a spoken answer, whose parts
    # are the judge's guess, is read for a reason grounded in any words. Normalised, not only
    # lower-cased: "I’ve volunteered" as a phone types it is "i've volunteered" (review18).
    return _specific_fit(normalise(text)) or (ctx.from_answer and _grounded_reason(ctx, text))


@EVIDENCE_CHECKS.register("grounded_fit")
def _grounded_fit(ctx: StoryContext, text: str) -> bool:
    """A reason specific to the work, or one grounded in particulars of it, in a story file as in
    a spoken answer (round 20): a tree warden's "as warden I answer to a whole town under a state
    law … the warden knows the DPW crew by name", told under a situation that holds their 20
    years, is no reason that would fit any job, though it names no specialty track. Read only
    where no generic phrase was heard: "extra income from home" stays generic whatever else the
    story names (SB741's `unless` keeps `specific_fit`)."""
    return _specific_fit(normalise(text)) or _grounded_reason(ctx, text, within=not ctx.from_answer)


FIT_ACTS = 2          # acts of the speaker's own history that ground a reason by themselves
FIT_PARTICULARS = 3   # particulars (names, places, dates, numbers) that do the same


def _grounded_reason(ctx: StoryContext, text: str, within: bool = False) -> bool:
    """A reason grounded in the speaker's own history or in particulars of the work, in any
    words: two things the speaker did ("I have researched your results ... I have spoken with
    several of your staff"), one with two particulars ("I saw in Forbes that your pharmacy
    plans to grow by 50 percent in 2014"), or three particulars other than bare figures ("teachers
    like Mr. Hoffman in eighth grade"), or an event of their own life (see life_event). "I saw
    the job on Twitter" is one act and one name: not grounded; "from 40 minutes to 5 minutes with
    Kafka" is a result, not a reason. `within`: only the particulars said in `text` count (a story
    file's reason, whose situation holds particulars of every kind)."""
    from storybank.analysis.signals import own_history_acts, particulars

    if life_event(text.lower()):
        return True
    acts = len(own_history_acts(text))
    low = text.lower()
    found = [p for p in particulars(ctx) if not within or p in low]
    figures = {n.lower() for n in ctx.answer.numbers}
    named = [p for p in found if p not in figures]
    return acts >= FIT_ACTS or (acts >= 1 and len(found) >= 2) or len(named) >= FIT_PARTICULARS


# "my" and a person of the speaker's own life, within a word or two: "my grandfather", "my
# mother", "my eighth-grade teacher".
# Round 10: or one the speaker "had" ("I had a friend as a teenager", "I had a professor in college").
_OWN_PERSON = re.compile(r"\b(?:my|i had an?)\s+(?:[a-z-]+\s+){0,2}?(?P<who>[a-z]+)\b")


_AGE = re.compile(r"\bwhen i was (?:\d{1,2}|[a-z]+teen|five|six|seven|eight|nine|ten|eleven|twelve)\b")


def life_event(low: str) -> str | None:
    """A reason told as an event of the speaker's own life: a time of life (`life_times`: "when
    I was 10", "as a young child", "growing up") and a person of theirs (`own_people`: "my
    grandfather", "my mother") in the same answer: "My grandfather died of cancer when I was 10,
    and the hospice nurses ...". "I've always wanted to be a firefighter since I was a kid" names
    no one; "my family has always been in nursing" has no time of life."""
    found = _AGE.search(low)
    when = found.group(0) if found else phrase_set(_lexicon_list("life_times")).search(low)
    if when is None:
        return None
    people = word_set("own_people")
    who = next((m["who"] for m in _OWN_PERSON.finditer(low) if m["who"] in people), None)
    return f"{when} ... my {who}" if who else None


@EVIDENCE_CHECKS.register("learned_by_doing")
def _learned_by_doing(ctx: StoryContext, text: str) -> bool:
    # A story file names its resources in its fields; a spoken answer may tell them as acts, in
    # an answer long enough to judge: "I attend conferences when I can" alone is a claim.
    return ctx.from_answer and not ctx.too_short_to_judge and learning_acts(text.lower()) is not None


# A way of learning told as an act: a verb of doing or taking part, in any form ("ran", "running",
# "attended", "reading"), and within a few words what it was done with (`learning_practices`:
# "a 2-week spike", "industry publications", "conferences", "online forums").
_LEARNING_ACT = re.compile(r"\b(?:ran|run|running|built|build|building|set up|setting up|did|doing|"
                           r"attended|attend|attending|read|reading|joined|joining|followed|"
                           r"following|took part in|participated in|participating in|wrote|"
                           r"writing|deployed|deploying)\b((?:\s+[\w'-]+){1,4})")


def learning_acts(low: str) -> str | None:
    """How the speaker learned, told as what they did: "I ran a 2-week spike with two engineers",
    "by regularly reading industry publications, attending conferences". "I read about it" or
    "we ran the migration" names no way of learning."""
    practices = phrase_set(_lexicon_list("learning_practices"))
    for match in _LEARNING_ACT.finditer(low):
        found = practices.search(match.group(1))
        if found:
            return match.group(0).strip()
    return None


@EVIDENCE_CHECKS.register("settled_forum")
def _settled(ctx: StoryContext, text: str) -> bool:
    from storybank.analysis.gloats import wrong_raised
    from storybank.analysis.handling_steps import handled_in_steps
    from storybank.analysis.in_part import told_what_was_said
    from storybank.analysis.their_reasons import their_reason_learned

    # Spoken, what the speaker said to the other person settles it as surely as a forum does:
    # "I told the scheduler that I didn't appreciate being spoken to that way"; and so does the
    # other side's reason found out (round 11: "he eventually confided in me that ...").
    # Round 13: an upset person handled in the speaker's own steps ("I calmly explained ... and
    # reassured them") is how that kind of disagreement is settled.
    # Round 20: a wrong the speaker knew and at once raised with the one who decides ("I knew the
    # dose was wrong, so I called the prescriber") is the escalation itself, not a meeting named.
    spoken = ctx.from_answer and (told_what_was_said(text) is not None
                                  or their_reason_learned(text) is not None
                                  or handled_in_steps(text)
                                  or wrong_raised(text) is not None)
    return settled_forum(text) or brought_evidence(text) is not None or spoken


@EVIDENCE_CHECKS.register("told_example")
def _told_example(ctx: StoryContext, text: str) -> bool:
    from storybank.analysis.in_part import a_bare_claim

    return not (ctx.from_answer and a_bare_claim(text))


@EVIDENCE_CHECKS.register("event_told")
def _event_told(ctx: StoryContext, text: str) -> bool:
    """A spoken answer that tells one time it happened: an event (signals.tells_an_event), or an
    act of the speaker's with a time that places it (`event_times`: "I recently had my project
    interrupted ... I talked about this with my manager")."""
    from storybank.analysis.signals import acted, tells_an_event

    if not ctx.from_answer:
        return False
    placed = phrase_set(_lexicon_list("event_times")).search(text.lower()) is not None
    return tells_an_event(text) or (placed and acted(text))


@EVIDENCE_CHECKS.register("change_told")
def _change_told(ctx: StoryContext, text: str) -> bool:
    from storybank.analysis.in_part import change_told

    return change_told(text) is not None


@EVIDENCE_CHECKS.register("cause_told")
def _cause_told(ctx: StoryContext, text: str) -> bool:
    from storybank.analysis.in_part import cause_told

    return cause_told(text) is not None


@EVIDENCE_CHECKS.register("fair_to_other_side")
def _fair(ctx: StoryContext, text: str) -> bool:
    from storybank.analysis.in_part import fair_to_the_other_side
    from storybank.analysis.their_reasons import their_reason_told

    # Round 11: their reason told to the speaker ("he eventually confided in me that ...") is
    # their side heard; "I learned that they hadn't done the work" may be blame, and is not.
    return fair_to_the_other_side(text) is not None or their_reason_told(text) is not None


@EVIDENCE_CHECKS.register("self_caused")
def _self_caused(ctx: StoryContext, text: str) -> bool:
    from storybank.analysis.misjudgements import own_misjudgement
    from storybank.analysis.signals import self_caused

    # A spoken answer that owns the team's slip ("we made assumptions ... we had underestimated
    # their knowledge") names its cause; a story file says the speaker's own part in its fields.
    # Round 11: spoken, a misjudgement of the speaker's told as the cause ("due to an
    # underestimated integration", "not clear from my first read of the brief") is their part.
    return self_caused(text, team=ctx.from_answer) is not None \
        or (ctx.from_answer and own_misjudgement(text) is not None)


@EVIDENCE_CHECKS.register("self_serving")
def _self_serving(ctx: StoryContext, text: str) -> bool:
    return self_serving_motive(text.lower()) is not None


# Between two sentences: after ".", "!" or "?" (not the point in "2.4"), or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def _around(text: str, start: int, end: int) -> str:
    """The stretch of the sentence that holds text[start:end]: its words before ("the p95
    latency went from 800 to 120") and a little after ("from 4.2 to 1.1 seconds")."""
    before = text[max(0, start - 120):start]
    return _SENTENCE_END.split(before)[-1] + text[start:end + 30]


_TIME_UNIT = re.compile(r"\d\s?(?:ms|s|secs?|mins?|h|hrs?)\b")


def _measures_time(text: str) -> bool:
    """Does this stretch of text (a metric's name and unit, or a "from X to Y") measure a time
    or a speed: minutes, ms, "per second", a latency, a turnaround?"""
    low = text.lower()
    return bool(_TIME_UNIT.search(low)) or phrase_set(_lexicon_list("time_measures")).search(low) is not None


def _change_spoken(ctx: StoryContext, time_only: bool = False) -> bool:
    """A before/after metric whose two numbers both come up in the spoken answer (with
    `time_only`, only a metric that measures a time or a speed)."""
    spoken = set(re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d]|\.\d)",
                            ctx.story.answer_text().replace(",", "")))

    def said(n: float) -> bool:
        forms = {f"{n:g}" if isinstance(n, float) else str(n)}
        if abs(n) >= 1000:  # "2.8 s" for 2800 ms, "3M" for 3000000
            forms |= {f"{n / 1000:g}", f"{n / 1e6:g}", f"{n / 1e9:g}"}
        return bool(forms & spoken)

    # Metric.is_change() is exactly "before and after are both set"; spelled out so mypy sees it.
    return any(metric.before is not None and metric.after is not None
               and said(metric.before) and said(metric.after)
               and (not time_only or _measures_time(f"{metric.name} {metric.unit or ''}"))
               for metric in ctx.story.metrics)


# A digit run is entered only at its start (the lookbehind), so a long run costs linear time.
RATE_WITH_NUMBER = re.compile(r"(?:[$€£]\s?\d|(?<![\d,.])\d[\d,.]*\s*(?:dollars|euros|pounds|usd|eur|gbp)|"
                               r"\b(?:\d+|[a-z]+ty|hundred)\b[^.]{0,30}\b(?:an hour|per hour|/hour|/hr|hourly))")


_MONEY_HINTS = ("$", "€", "£", "dollar", "euro", "pound", "usd", "eur", "gbp", "hour", "/hr")
_YEARS = re.compile(r"\b(?:\d+|[a-z]+(?:teen|ty)?)\s+years\b")


def self_serving_motive(low: str) -> tuple[str, int] | None:
    """(the first self-serving reason, how many) when what the job gives the speaker (a short
    commute, the money, an escape from the current job) is the motive: its phrases at least
    twice as many as reasons about the work itself or what the speaker brings."""
    from storybank.analysis.growth_motives import practice_wanted
    from storybank.analysis.plain_motives import least_work_or_perks, main_motive
    from storybank.analysis.step_motives import step_wanted

    told = phrase_set(_lexicon_list("self_serving")).spans(low) + _job_needs(low)
    # Round 11: the least work or a perk wanted, said in plain words; a phrase already counted
    # ("just for the benefits" holds "the benefits") is counted once.
    told += least_work_or_perks(low, besides=told)
    told += practice_wanted(low, besides=told)  # round 13: the job as practice
    told += step_wanted(low, besides=told)  # round 14: the job as a step up or a stop-gap
    main = main_motive(low)
    if not told and not main:
        return None
    found = [said for _start, _end, said in told]
    # A work word that completes the self-serving phrase is its object, not a reason about the
    # work: "tapped out on what I can learn here", "no more room for me to grow"; so is one inside
    # it (round 13: "I'm looking to grow and learn", "to develop customer service skills").
    reasons = sum(1 for start, _end, _said in phrase_set(_lexicon_list("work_reasons")).spans(low)
                  if not any(s <= start and start - end <= OBJECT_REACH for s, end, _x in told))
    if found and len(found) >= 2 * reasons:
        return found[0], len(found)
    # Round 30: said to be the main reason, it is the motive whatever else is said around it.
    return (main, max(len(found), 1)) if main else None


OBJECT_REACH = 24  # characters after a self-serving phrase where its object is said
NEED_REACH = 3  # words between a need and the job it is for: "desperate to find a new job"


def _job_needs(low: str) -> list[Span]:
    """A need of the speaker's for any job (`job_needs`, then `any_job` within NEED_REACH words):
    "I needed a job", "I am desperate to find a new job". Round 9 (issue 22)."""
    return spans(_job_need().finditer(low))


@lru_cache(maxsize=1)
def _job_need() -> re.Pattern[str]:
    needs = "|".join(re.escape(w) for w in _lexicon_list("job_needs"))
    jobs = "|".join(re.escape(w) for w in _lexicon_list("any_job"))
    return re.compile(rf"\b(?:{needs}){gap(NEED_REACH)}\s+(?:{jobs})\b")


def _specific_fit(low: str) -> bool:
    """A reason that fits you and this work only: your own expertise *and* something specific
    about the work (a specialty track, the labs, the kind of task, or a rate with a figure), or
    your own history with the work ("when I volunteered at a shelter", "I read your post on"), or
    (round 18, any field) what the work does for the people it serves, in its own acts ("I love
    recommending books to people", "provide immediate care to patients"; see
    analysis.work_told). "The rates seem good", "flexible income" or "I want to help people" alone
    is not a fit."""
    from storybank.analysis.work_told import work_told

    if phrase_set(_lexicon_list("fit_history")).search(low) is not None or researched_employer(low) \
            or work_told(low) is not None:
        return True
    mine = phrase_set(_lexicon_list("fit_expertise")).search(low) is not None \
        or ("years" in low and bool(_YEARS.search(low)))
    if not mine:
        return False
    return phrase_set(_lexicon_list("fit_platform")).search(low) is not None \
        or (any(w in low for w in _MONEY_HINTS) and bool(RATE_WITH_NUMBER.search(low)))


RESEARCH_REACH = 8  # words of a research act's object before the employer it is about
# A clause ends at its stop, at a link to another clause, or where another subject begins ("I read
# the posting and we talked about your company": what was read is not the company).
_CLAUSE_STOP = re.compile(r"[.;!?:]|\s(?:but|while|because|so that|i|we|they|he|she|you)\s")


@lru_cache(maxsize=1)
def _research_act() -> re.Pattern[str]:
    from storybank.analysis.lexicon import alternation

    return re.compile(rf"\bi(?:'ve| have)?\s+(?:{alternation('research_verbs')})\b"
                      rf"((?:\s+[\w'-]+){{0,{RESEARCH_REACH}}}?)\s+(?:{alternation('employer_determiners')})\s+"
                      rf"(?:{alternation('employer_nouns')})\b")


def researched_employer(low: str) -> str | None:
    """What the speaker found out about this employer, told as their own act (round 15): a
    first-person verb of finding out (`research_verbs`) whose object, in the same clause, is about
    the employer (`employer_nouns` after "your" or "this", `employer_determiners`): "I've read that your company is
    the second most successful manufacturer", "I found your school to fulfill this criteria". "I
    really admire your company" is a feeling and "I've heard great things about your company"
    hearsay: neither is found out. "The" is no determiner of it: "I found the management at my
    last job toxic" is about another employer."""
    for match in _research_act().finditer(low):
        if not _CLAUSE_STOP.search(match.group(1)):
            return match.group(0)
    return None


def settled_forum(text: str) -> bool:
    """A forum (a design review, an escalation, a moderation meeting) named together with what it
    settled: the same or the next sentence says what was decided or what evidence decided it.
    "We talked it out in the design review and found a middle ground" names a meeting, not a
    resolution."""
    low = text.lower()
    forums = phrase_set(_lexicon_list("resolution_forums"))
    if not forums.search(low):
        return False
    settled = phrase_set(_lexicon_list("forum_settled"))
    sentences = _SENTENCE_END.split(low)
    for i, sentence in enumerate(sentences):
        if forums.search(sentence) and any(settled.search(s) for s in sentences[i:i + 2]):
            return True
    return False


# A clause in which the speaker (or the team) does something with evidence: "I" or "we" and a
# verb that is not a feeling, a belief, a denial or learning, with an evidence noun in the next few words;
# or the evidence as the means ("using objective information", "based on the survey"). A bare
# "with" is not one: "everyone was happy with the analysis" settled nothing.
_EVIDENCE_HEAD = re.compile(
    r"\b(?:(?:i|we)\s+(?!think\b|thought\b|felt\b|feel\b|believe\b|believed\b|knew\b|know\b|"
    r"guess\b|had different\b|had no\b|don't\b|didn't\b|never\b|learn\w*|read\b|stud\w+)|"
    r"using\s|based on\s|"
    r"backed by\s)")
# One whitespace before "but", not a run: `\s+but` retried at every space of a long run of blanks
# is quadratic (a 150,000-space story took over a minute).
_CLAUSE_END = re.compile(r"[.;!?]|,\s+(?:but|and|so)\s|\sbut\s")
EVIDENCE_WINDOW = 9  # words from the head in which the evidence noun must come
# The window itself, read in place from each head (slicing and splitting the rest of the clause at
# every head was quadratic on a long clause of heads: "using using using ...").
_WINDOW = re.compile(rf"\S+(?:\s+\S+){{0,{EVIDENCE_WINDOW - 1}}}")


# A clause that opens on a past act with its subject left out, as steps are told in a list ("3.
# Presented data, not opinions: showed deployment complexity metrics", "... and provided evidence
# of those expectations"): the speaker's act as surely as "I presented". A feeling or a belief
# ("believed the data was wrong") is not one.
_ELIDED_ACT = re.compile(r"(?:^|:)\s*(?:\d+[.)]\s*)?(?:and\s+|then\s+)?(?P<verb>[a-z]{3,}ed|[a-z]+)\s")


@lru_cache(maxsize=1)
def _not_elided_acts() -> frozenset[str]:
    return word_set("past_attitudes") | _NOT_ACTS


def _elided_act_heads(clause: str) -> list[int]:
    irregular = word_set("past_irregular")
    not_acts = _not_elided_acts()
    return [m.start("verb") for m in _ELIDED_ACT.finditer(clause)
            if ((m["verb"].endswith("ed") and not m["verb"].endswith("eed")) or m["verb"] in irregular)
            and m["verb"] not in not_acts]


# Not acts either: what was learned from, and the means already read by _EVIDENCE_HEAD.
_NOT_ACTS = frozenset({"learned", "based", "backed"})


def brought_evidence(text: str) -> str | None:
    """The clause in which evidence settles a disagreement as something done: "I presented
    market research data", "I asked for supporting documentation", "using objective
    information", or a step told without its subject ("Presented data, not opinions"). "We
    talked it through" and "I knew the direction was wrong" bring none, nor does what the
    speaker learned from ("I learned Temporal from its documentation")."""
    nouns = phrase_set(_lexicon_list("evidence_nouns"))
    for clause in _CLAUSE_END.split(text.lower().replace("’", "'")):
        heads = [m.start() for m in _EVIDENCE_HEAD.finditer(clause)] + _elided_act_heads(clause)
        for start in heads:
            taken = _WINDOW.match(clause, start)
            window = " ".join(taken.group().split()) if taken else ""
            if nouns.search(window) is not None:
                return window
    return None


def without_denials(text: str, norm: str) -> tuple[str, str]:
    """The text and its normalised form without the sentences that deny having the experience
    ("I can't think of a mistake I've made"): a denial is no evidence of what it denies."""
    from storybank.analysis.lexicon import normalise
    from storybank.analysis.signals import without_dodges

    kept = without_dodges(text)
    if kept == text:
        return text, norm
    return kept, normalise(kept)


def has_evidence(ctx: StoryContext, evidence: Evidence, text: str, norm: str) -> bool:
    text, norm = without_denials(text, norm)
    if evidence.phrases and phrase_set(tuple(evidence.phrases)).search(norm):
        return True
    return bool(evidence.check) and _check(evidence.check, ctx, text)

