"""What a short spoken answer is when it tells no story: no answer at all ("I don't know"), a
weakness named and left there ("I'm impatient"), a habit told in the present tense ("I keep my
phone nearby and respond when I get paged"), a sentence or two of reason ("It has no shift
work"), a disagreement in which nothing was settled ("I just put my head down and powered
through"), a background walked through in steps ("I studied finance ... took a job as ... was
promoted"), or a story that never reaches what the speaker did ("before I tell you about that
project, you need to understand the history"). The follow-ups word their probes for each (see
`followups._CHECKS`); the word lists are lexicon tables (`blank_answers`, `flaw_claims`,
`flaw_remedies`, `routine_acts`, `state_verbs`, `settling_words`, `career_steps`,
`consulted_people`, `premise_denials`, `never_settled`, `job_endings`, `past_jobs`,
`premise_wishes`, `premise_pay`)."""

from __future__ import annotations

import re
from functools import lru_cache

from storybank.analysis.lexicon import alternation, normalise, phrase_set
from storybank.analysis.lexicon import words as _words
from storybank.analysis.signals import acted, tells_an_event, unsoftened
from storybank.words import count_words

THIN_SENTENCES = 2
THIN_WORDS = 40
CLIPPED_WORDS = 15  # however many sentences: "It wasn't my fault. The requirements were unclear."
# From the first mark of a run only ("?!", "..."): from every mark, a long run is read to its end
# each time, which is quadratic.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+(?=\s|$)|\n+")
_FILLERS = re.compile(r"^(?:(?:um+|uh+|hm+|well|honestly|so|oh)\b[,.\s]*)+")
_LEADING = re.compile(r"^\W+")   # spaces and punctuation before the first word


def sentences(text: str) -> int:
    """How many sentences the text has (a last one left without a full stop counts)."""
    return sum(1 for piece in _SENTENCE_END.split(text) if piece.strip(" ,;:-\t"))


def thin(text: str) -> bool:
    """A sentence or two, short, telling no event: "It has no shift work", "Well, I just moved
    here, and I need to pay my rent." An answer that is an example is not thin however short."""
    words = count_words(text)
    return ((sentences(text) <= THIN_SENTENCES or words <= CLIPPED_WORDS) and words <= THIN_WORDS
            and not tells_an_event(text))


def refuses_hours(text: str) -> bool:
    """Hours refused outright: "I don't work evenings or weekends at all, that's a line for me",
    "weekends are a no for me" (lexicon `hours_refusals`), softened or not: "I don't really do
    weekends anymore" (round 30, holdout29)."""
    return phrase_set(_words("hours_refusals")).search(unsoftened(normalise(text))) is not None


LIMITS = 2  # conditions said this often make a list of them; one is a limit told inside a plan


def states_limits(text: str) -> bool:
    """Conditions put on the hours asked about, short of refusing them, LIMITS or more: "I'd want
    to keep that if I can ... ideally I'd be on the later flights" (lexicon `hours_limits`). "The
    only thing I'd flag is one week in August that I'd want to keep" is a plan with one date."""
    return len(phrase_set(_words("hours_limits")).findall(normalise(text))) >= LIMITS


INTRODUCTION_WORDS = 60  # a self-introduction runs on: a line that opens "I'm a nurse" may be a claim


def introduces(text: str) -> bool:
    """A self-introduction: the answer opens, after its fillers, with who the speaker is ("So, um,
    I'm an HR business partner", "Okay, so, I was born in Ballarat"; lexicon
    `introduction_openings`) and runs on for INTRODUCTION_WORDS or more. A first sentence of
    fillers or a lead-in may come before it ("Yeah, um, okay, so where do I start. I grew up in a
    small town", round 30; lexicon `introduction_lead_ins`), not one that answers already
    ("Honestly, delegating. I'm a team leader ...", round 32)."""
    if count_words(text) < INTRODUCTION_WORDS:
        return False
    first, *rest = [piece for piece in _SENTENCE_END.split(text.strip(), maxsplit=4) if piece.strip()] or [""]
    openings = [_OPENERS.sub("", normalise(first).strip())]
    if rest and _leads_in(openings[0]):
        openings.append(_OPENERS.sub("", normalise(rest[0]).strip()))
    return any(opening.startswith(o + " ") for opening in openings for o in _words("introduction_openings"))


def _leads_in(opening: str) -> bool:
    """Is this first sentence (fillers taken off) only a way into the answer: nothing, or a lead-in
    ("where do I start", "good question")?"""
    said = opening.strip(" ,.!?-")
    return not said or any(said.startswith(lead) for lead in _words("introduction_lead_ins"))


# "Sure.", "Okay, so, um,", "Right, so": what a spoken answer opens with before it says anything
# (the fillers of `_FILLERS` and the words that accept the question).
_OPENERS = re.compile(r"^(?:(?:um+|uh+|hm+|well|honestly|so|oh|sure|okay|ok|right|yeah|yes|alright|great)"
                      r"\b[,.!\s—-]*)+")


@lru_cache(maxsize=1)
def _blank_set() -> frozenset[str]:
    return frozenset(_words("blank_answers"))


def _edges_off(text: str) -> str:
    """`text` without the spaces and punctuation at either end. The end is stripped as the start
    of the reversed text: a pattern anchored only at the end is tried from every character of a
    long run of punctuation, which is quadratic."""
    return _LEADING.sub("", _LEADING.sub("", text)[::-1])[::-1]


def offhand(text: str) -> bool:
    """A line said in passing rather than an account: clipped (at most CLIPPED_WORDS words, a
    sentence or two), no event and nothing the speaker did ("Hopefully on a beach in Byron,
    retired by 30.", "Well, you know, I don't really like working there anymore."). "I led the
    migration to Postgres." did something, "I would track efficiency" answers as a plan, and "I'm
    a quick learner" claims what an example can show (lexicon `premise_shown_claims`)."""
    return (count_words(text) <= CLIPPED_WORDS and sentences(text) <= THIN_SENTENCES
            and not tells_an_event(text) and not acted(text) and not would_say(text)
            and phrase_set(_words("premise_shown_claims")).search(normalise(text)) is None)


# A figure of pay: evidence's rate ("$45,000", "50,000 dollars", "20 an hour") or a sum by the year
# or the month ("60,000 a year", "fifty thousand").
_YEARLY = re.compile(r"\b\d[\d,.]*\s?k?\s+(?:a|per)\s+(?:year|month)\b|\bthousand\b")
PAY_REACH = 8   # words after the wish within which the pay must be named


def pay(text: str) -> bool:
    """The pay the speaker wants, as the answer opens: its first sentence (or clause, up to a
    semicolon) is a wish of the speaker's (lexicon `premise_wishes`) whose object, within
    PAY_REACH words, is money: a figure or a word of pay (`premise_pay`). "I would like to make
    $45,000 – $50,000 annually. I believe that my five years ...", "I want to make as much as
    possible." The reasons told after it (certifications earned last year) make it no story. "I
    want to grow; salary is secondary" wishes for no pay, nor does "Last year I negotiated my
    salary" open with a wish."""
    from storybank.analysis.evidence import RATE_WITH_NUMBER

    first = re.split(r"[;]|(?<=[.!?])\s", text.strip(), maxsplit=1)[0]
    norm = normalise(first)
    wishes = phrase_set(_words("premise_wishes")).spans(norm)
    if not wishes:
        return False
    wanted = " ".join(norm[wishes[0][1]:].split()[:PAY_REACH])
    return (RATE_WITH_NUMBER.search(wanted) is not None or _YEARLY.search(wanted) is not None
            or phrase_set(_words("premise_pay")).search(wanted) is not None)


def blank(text: str) -> bool:
    """The whole answer says nothing: "I don't know,", "No idea.", "Um, not sure"."""
    said = _edges_off(_FILLERS.sub("", normalise(text).strip()))
    return said in _blank_set()


@lru_cache(maxsize=1)
def _evasive_set() -> frozenset[str]:
    return frozenset(_words("evasive_answers"))


def evasive(text: str) -> bool:
    """The whole answer is a word or two that names nothing: "Stuff.", "nothing", "this and that"
    (lexicon `evasive_answers`). It is said in passing to whatever question it answers."""
    return _edges_off(_FILLERS.sub("", normalise(text).strip())) in _evasive_set()


def flaw(text: str) -> bool:
    """A weakness named in a sentence or two with nothing done about it: "I'm impatient", "I'm a
    perfectionist". "I used to avoid public speaking, so I joined Toastmasters" did something, and
    "... I've started creating executive summaries" is doing it."""
    norm = normalise(text)
    return (thin(text) and not acted(text)
            and phrase_set(_words("flaw_claims")).search(norm) is not None
            and phrase_set(_words("flaw_remedies")).search(norm) is None)


_HABIT = re.compile(r"\bi\s+(?:(?:always|usually|regularly|often|typically|just|also|first)\s+)*"
                    r"(\w+)\b")


# "twice as much as I make now", "more than I earn": a verb in a comparison is no habit.
_COMPARED = re.compile(r"\b(?:as|than)\s+$")


@lru_cache(maxsize=1)
def _state_acts() -> re.Pattern[str]:
    said = "|".join(re.escape(w) for w in _words("state_verbs"))
    return re.compile(rf"\b(?:i|we)\s+(?:{said})\b")


def _did_something(norm: str) -> bool:
    """A past act that is more than a state of mind: "we expected" in "the way we expected" is
    not something that happened once, "we rolled back" is."""
    return acted(_state_acts().sub(" ", norm))


def routine(text: str) -> bool:
    """A practice of the speaker's told in the present tense with nothing that happened once: "I
    keep my phone nearby and respond when I get paged", "I regularly review IRS guidance", "I
    start with the objective of the change". A past act is not one (a state of mind such as "we
    expected" is no act), nor a "we" walking through how a system runs ("we start by
    converting"), nor a verb in a comparison ("twice as much as I make now"), nor an intention
    ("I plan to stay for at least 2 years", lexicon `routine_intents`)."""
    norm = normalise(text)
    if _did_something(norm) or tells_an_event(text):
        return False
    intents = set(_words("routine_intents"))
    verbs = {m.group(1) for m in _HABIT.finditer(norm)
             if not _COMPARED.search(norm[max(0, m.start() - 8):m.start()])
             and not (m.group(1) in intents and norm.startswith(" to ", m.end()))}
    return bool(verbs & set(_words("routine_acts")))


_FIRST_WORD = re.compile(r"^\W*([a-z]+)\b")


def advice(text: str) -> bool:
    """An answer that says what to do rather than what was done, opening with the verb: "Address
    it kindly and offer to help them improve", "Do nothing — it's not my responsibility". "I
    addressed it directly" or "Dr. Welby, may I speak with you" is not."""
    first = _FIRST_WORD.match(normalise(text))
    return first is not None and first.group(1) in set(_words("imperative_openers"))


def settled(text: str) -> bool:
    """Does a disagreement answer say how it was settled, or what the speaker did to settle it
    ("we agreed", "I proposed a trial", "we compromised")? "The nurse was overreacting ... she
    kept making a big deal out of it" settles nothing, nor "I just powered through the month", nor
    an answer that says it never was ("that didn't get resolved but eventually became a moot
    issue", lexicon `never_settled`)."""
    norm = normalise(text)
    return (phrase_set(_words("settling_words")).search(norm) is not None
            and phrase_set(_words("never_settled")).search(norm) is None)


_PAST = re.compile(r"\b(?:was|were|had|did|kept|got|[a-z]{2,}ed)\b")
_WOULD_SAY = re.compile(r"\b(?:would|i'd|we'd|should)\b")


# "I would like to say", "I'd love to": a wish, not what the speaker would do.
_WOULD_DO = re.compile(r"\b(?:would|i'd|we'd|should)\b(?!\s+(?:like|love)\b)")


def would_say(text: str) -> bool:
    """Is anything in the answer told as what the speaker would or should do ("If the provider
    ordered it, I would just do it", "I'd point them out")? A wish ("I would like to say", "I'd
    like to talk it over") is not."""
    return _WOULD_DO.search(normalise(text)) is not None


def unsettled(text: str) -> bool:
    """A disagreement told in the past with nothing settled in it ("The nurse was overreacting
    ... It was very frustrating"). What the speaker would do ("If the provider ordered it, I
    would just do it") or advice ("Address it kindly and offer to help them improve") is no
    story of one."""
    norm = normalise(text)
    return (not settled(text) and _PAST.search(norm) is not None
            and _WOULD_SAY.search(norm) is None)


# "when I single-handedly architected": an adverb between the speaker and the act.
_ADVERB_AFTER_I = re.compile(r"\b(i|we)\s+[\w-]+ly\s+")


def event(text: str) -> bool:
    """Is the answer already an example (see `signals.tells_an_event`), counting an act told with
    an adverb before it ("we successfully delivered the project on time")?"""
    return tells_an_event(text) or tells_an_event(_ADVERB_AFTER_I.sub(r"\1 ", normalise(text)))


def untold(text: str) -> bool:
    """A story asked for and not told: no event, and either nothing the speaker did ("before I
    tell you about that project, you need to understand the history") or a run of topics started
    and left ("there was this time with the database, and also this other project ... and
    actually there was also"). "I single-handedly architected a distributed system" did."""
    if tells_an_event(text):
        return False
    norm = normalise(text)
    if not acted(_ADVERB_AFTER_I.sub(r"\1 ", norm)):
        return True
    return phrase_set(_words("topic_runs")).search(norm) is not None


CAREER_STEPS = 3


def career(text: str) -> bool:
    """A background walked through in steps ("I studied finance at the University of Wisconsin.
    After school I took a job as a financial analyst ... was promoted ... left work to get an
    MBA"): three steps of a career or more (lexicon `career_steps`); or a role's duties (see
    duties). A story that mentions where the speaker worked ("when I started working as a junior
    analyst, I had to learn SQL") is not one."""
    return phrase_set(_words("career_steps")).count(normalise(text)) >= CAREER_STEPS or duties(text)


def duties(text: str) -> bool:
    """A role the speaker held and what it involved ("In that role, I interviewed clients,
    prepared legal documents, conducted research, and assisted the attorneys"): a role said
    (lexicon `role_frames`) and, in the rest of its sentence, acts enough to tell an incident,
    with no time anchor in the answer ("last year", "once") to make them one. "In my current
    role of [X] I was recently chosen to lead a team ..." tells one thing that happened."""
    from storybank.analysis.answer_holds import STORY_ACTS, answer_holds, past_acts

    norm = normalise(text)
    if answer_holds(text).anchored:
        return False
    for start, _end, _said in phrase_set(_words("role_frames")).spans(norm):
        sentence = _SENTENCE_END.split(norm[start:], maxsplit=1)[0]
        if past_acts(sentence) >= STORY_ACTS:
            return True
    return False


@lru_cache(maxsize=1)
def _departure() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation('job_endings')})\b(?!\s+up\b)")


def departed(text: str) -> bool:
    """Does the answer say the speaker's last job ended under them ("I got fired because I did not
    get along with my supervisor", "Because I have been laid off and I need a job"; lexicon
    `job_endings`)? "They got me all fired up" is no firing."""
    return _departure().search(normalise(text)) is not None


def worked_before(text: str) -> bool:
    """Does the answer tell a job the speaker held ("I worked the evening shift at a nursing
    home", "when I worked at a neighborhood boutique"; lexicon `past_jobs`)? "I would love to
    work with patients" holds none."""
    return phrase_set(_words("past_jobs")).search(normalise(text)) is not None


def consulted(text: str) -> bool:
    """Does the answer say whom the speaker already asked about the work ("I have spoken with
    several of your staff members and they told me ...", "talked with some of my friends who are
    working here")? Lexicon `consulted_people`."""
    return phrase_set(_words("consulted_people")).search(normalise(text)) is not None


def denial(text: str) -> bool:
    """A line or two denying the premise of a conflict question ("I don't really have
    conflicts"), which `signals.dodge` does not read as one (lexicon `premise_denials`). "I don't
    have conflicts often, but last year a colleague and I ..." tells one and is no denial."""
    return thin(text) and phrase_set(_words("premise_denials")).search(normalise(text)) is not None



def sweeping(text: str) -> bool:
    """A claim made of every occasion in place of one told ("All my projects are pretty good",
    "All the time. Everything we do has a tight deadline"): no past act of the speaker's told,
    and a word of every one in the claim it opens with (lexicon `premise_sweeping`). "All my projects went well, but last
    year I missed a deadline" tells one."""
    from storybank.analysis.answer_holds import past_acts

    first = _SENTENCE_END.split(normalise(text).strip(), maxsplit=1)[0]
    return (phrase_set(_words("premise_sweeping")).search(first) is not None
            and not past_acts(text) and not would_say(text))


DENIAL_SENTENCES = 3  # "I don't really think I've failed. I've had setbacks, but ... I'm very persistent."


def denies_own(text: str) -> bool:
    """A few short sentences denying the speaker's own experience, with no past act of theirs told
    ("I've never actively worked against a team", "I don't really think I've failed", "I usually
    do what's expected, not really more"; lexicon `premise_own_denials`). "I had never used it
    before, but I learned it in a week" tells what they did. Read only for a question that asks
    for an example: a reason may say "I've never worked in a hospital"."""
    from storybank.analysis.answer_holds import past_acts

    return (sentences(text) <= DENIAL_SENTENCES and count_words(text) <= THIN_WORDS
            and not past_acts(text)
            and phrase_set(_words("premise_own_denials")).search(normalise(text)) is not None)


def ambition(text: str) -> bool:
    """A plan for the future told instead of a story ("once I'm qualified I'll do more freelance
    work and build up my own business"; lexicon `premise_plans`), with no incident in it."""
    from storybank.analysis.answer_holds import tells_incident

    norm = normalise(text)
    return ((phrase_set(_words("premise_plans")).search(norm) is not None or _goal_said(norm))
            and not tells_incident(text))


# A goal said as a bare infinitive, the answer's whole first sentence ("To work the least amount
# of time possible until I can get your job."). "To be honest, I ..." and "To meet the deadline, I
# worked weekends" open with one and go on to a subject: no goal.
_GOAL = re.compile(r"^to\s+(?!be\s+(?:honest|fair|frank)\b|start\b|begin\b|sum\b)[a-z]+\b[^,.;!?]*(?:[.!?]|$)")


def _goal_said(norm: str) -> bool:
    return _GOAL.match(norm.strip()) is not None
