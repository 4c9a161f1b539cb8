"""The question catalog: question types, probes, phrasings, pitfalls and probe templates, as data.

The built-in catalog is `data/catalog.toml`; a bank can name its own file in its settings. Code
never branches on a question id: everything type-specific is read from here.
"""

from __future__ import annotations

import hashlib
import tomllib
import weakref
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from storybank.analysis.types import Category, Severity
from storybank.atomic import read_regular
from storybank.errors import StorybankError
from storybank.model import PARTS
from storybank.settings import DEFAULT, Settings


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Data):
    """A named kind of evidence a story can show, recognised by phrases in its text."""

    id: str
    description: str
    phrases: list[str] = Field(default_factory=list)
    check: str = ""  # a built-in measure (see analysis.evidence) used besides the phrases
    # False: a spoken answer outside software, long enough to judge, is not asked for it (a
    # figure: the sources praise a researcher's story for what was done and found, without one).
    spoken_outside_software: bool = True
    # A check (analysis.evidence) that finds the evidence said in part in a spoken answer ("wait
    # times dropped noticeably" for a before and after): the gap is then a note, with `in_part_note`
    # saying what is left, not a warning.
    in_part: str = ""
    in_part_note: str = ""
    # "info": a spoken answer that lacks it hears a note, not a warning (what the published sources
    # praise often lacks it, and no source faults an answer for its absence).
    spoken_severity: str = ""


class Pitfall(_Data):
    """A known failure pattern for a question type, as a detectable rule.

    It fires when its trigger holds (any `phrases` present; or, with `when_missing`, the listed
    evidence absent; or a built-in `check`) and none of the `unless` evidence is present.
    """

    code: str
    name: str
    severity: Severity = Severity.WARNING
    category: Category = Category.PITFALL
    dimension: str = ""
    fields: list[str] = Field(default_factory=lambda: list(PARTS))
    phrases: list[str] = Field(default_factory=list)
    when_missing: list[str] = Field(default_factory=list)
    check: str = ""
    unless: list[str] = Field(default_factory=list)
    outweigh: int = 0  # with `unless`: fire anyway when triggers outnumber evidence this many times
    message: str
    # When set, the pitfall is also checked in a spoken answer to a question of no known type
    # ("Why should we hire you?", "Tell me about an ethical dilemma"), and says this instead.
    untyped_message: str = ""
    # "info": a spoken answer that tells no event (a way of handling it, or a hypothetical: "I deal
    # with difficult customers the same way I deal with easy customers") and sets the pitfall off
    # only by its missing evidence hears a note, not a warning: it has no ending to fault.
    untold_severity: str = ""


# What a spoken answer can do instead of telling a story, in the order they are checked: the
# first that holds and has a wording for the probe words it (analysis/followups.py holds the
# checks). A new kind of answer is a name here, its check there, and wordings in the catalog.
AnswerCondition = Literal[
    "after_dodge",   # says there is no example: pressed for one
    "sweeping",      # a claim made of every occasion instead of one told: asked to pick one
    "blank",         # no answer at all ("I don't know"): invited to try
    "pay",           # to a question of no known type, the pay the speaker wants: asked what it rests on
    "refused",       # hours the question asks about refused outright: asked what would make others workable
    "limited",       # conditions put on those hours, short of refusing them: asked which of them could give
    "introduced",    # to a question of no known type, a self-introduction: asked about the path and the work
    "private",       # a private constraint (child care, health) given as the reason for its hours
    "weighed",       # already names the option it turned down, and why
    "regretted",     # an incident told with what the speaker would do another time: asked what stood in the way
    "changed",       # an incident told with what the speaker took from it or changed since
    "hypothetical",  # told as what the speaker would do: asked in that mood
    "flaw",          # a weakness named in a sentence or two: asked how it shows and what helps
    "worked_on",     # to a question that asks for a weakness, one told with what is done about it
    "impersonal",    # never speaks of the speaker, only of what it judges ("the model was bad")
    "unmet",         # lacks what its question type presumes (QuestionType.presumes): asked for one
    "routine",       # a habit told in the present tense, no event: asked about the practice
    "career",        # to a question of no known type, a background in steps: asked about the path
    "ambition",      # to a question of no known type, a plan for the future: asked what is done so far
    "departed",      # says the last job ended (fired, laid off): asked about that job, not other work
    "worked_before", # tells a job the speaker held: asked about that job, not who they talked to
    "consulted",     # says who the speaker already asked about the work: asked what they took from it
    "sized_up",      # a line or two about someone, nothing settled: asked who else dealt with them
    "unsettled",     # a disagreement with nothing settled in it: asked what was said, not how
    "week_told",     # the parts of a working week named: not asked to walk through a week again
    "offhand",       # a clipped line, no act, no event (a quip, a grievance, a shrug): asked again
    "thin",          # a sentence or two, no event: asked about what it does say
    "untold",        # no event and no act of the speaker's (or a line or two): asked for their part
    "others",        # to a question of no known type, about someone else at work: not "back that up"
    "undecided",     # to a question of no known type, nothing done: asked how the view came
    "unprovable",    # to a question of no known type, a line of feeling or perfection: no example of it
    "untyped",       # to a question of no known type, no event told
    "told",          # an incident told: asked about that one, not for "one real case" (type wordings only)
    "alone",         # none of the above, told by the speaker alone: not "who else was involved"
]
ANSWER_CONDITIONS: tuple[str, ...] = get_args(AnswerCondition)


class AnswerWording(_Data):
    """A question type's own wording of probes for one kind of spoken answer, tried before the
    probe's: a motivation answer that is one thin sentence about the pay is asked what else
    draws the speaker, not who they talked to about the work."""

    when: AnswerCondition
    # Only when the answer says one of these (words; "benefit*" takes any ending); empty: always.
    says: list[str] = Field(default_factory=list)
    # `says` only in the answer's first sentence, where it names who or what it is about ("If a
    # customer is frustrated ..."), not a third party met later ("... a client at risk").
    says_first: bool = False
    # Only when the answer quotes what was (or would be) said word for word (true), or only when
    # it quotes nothing (false); unset: either way.
    quotes: bool | None = None
    probes: dict[str, list[str]] = Field(default_factory=dict)


class AnswerWeakness(_Data):
    """A finding that is the weak point of a spoken answer, and the probes that dig at it: an
    answer whose disagreement was only "talked out" (SB711) is asked what each side said and what
    settled it, not which other ways of settling it were weighed. The finding's probes are worded
    this way first, and `ask` is put to the speaker before the probes the answer merely lacks."""

    finding: str        # the finding's code: "SB711"
    ask: str            # the probe asked first when the finding fires
    # Why, in a sentence the report shows. Empty: the weakness only words the probes, and `ask`
    # goes first only when the answer lacks its ground anyway, with that reason ("\"We\" 5 times
    # and \"I\" 0" says more than any sentence written here).
    reason: str = ""
    # Only when the answer quotes what was said word for word (true), or only when it quotes
    # nothing (false); unset: either way.
    quotes: bool | None = None
    # Only when the answer states a figure of 10 or more (true), or none (false); unset: either way.
    figures: bool | None = None
    # Only when the answer tells an event (true), or tells none (false); unset: either way.
    event: bool | None = None
    # Only when the answer is a line or two (true), or longer (false); unset: either way. A thin
    # answer's own wordings may already name what it did ("Setting the location aside, ...").
    thin: bool | None = None
    # Only for an answer to one of these question types; empty: to any question.
    types: list[str] = Field(default_factory=list)
    # Only when the answer says one of the finding's own phrases (its pitfall's `phrases`), not
    # when the finding fires for what the answer lacks: "we just talked it out" is talked out, an
    # answer that names no mechanism and no talk is not.
    phrased: bool = False
    # The kind of answer (ANSWER_CONDITIONS) before whose wordings this weakness is dug at; unset:
    # after the kinds that say what the answer is instead of a story (analysis/followups.py
    # `_WEAKNESS_BEFORE`). A strength told as the failure, with its occasion, goes before them all
    # ("after_dodge"): nothing went wrong, so "the change you made afterwards" has nothing to ask about.
    before: AnswerCondition | None = None
    # A finding of "info" severity names no weak point (a note for a story file) unless this is
    # true: a project told with no call of the speaker's own (SB303) is the weak point of a spoken one.
    of_a_note: bool = False
    probes: dict[str, list[str]] = Field(default_factory=dict)


class Asked(_Data):
    """What a question type and a probe both are: a question the interviewer asks, its name, and
    what the matcher reads to recognise it."""

    id: str
    question: str
    label: str          # its one name on every screen and the cheat sheet: "Broke in prod"
    phrasings: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    # Paraphrase families for the matcher (see analysis/matching.py): a cue alone says "this is
    # the type"; a hint only leans toward it. "a|b + c*" means (a or b) and a word starting with c.
    cues: list[str] = Field(default_factory=list)
    hints: list[str] = Field(default_factory=list)
    guidance: str = ""
    # The question as it is put to this bank's field, where the profession pack words it its own
    # way (built-in catalog only; see `catalog_for`); empty: `question`. Screens, the voice and
    # the cheat sheet say `as_asked`; the matcher keeps reading `question`.
    asked: str = ""

    @property
    def as_asked(self) -> str:
        return self.asked or self.question


class QuestionType(Asked):
    tag: str = ""       # that name in five letters or fewer, for the story list's column: "fail"
    dimension_focus: list[str] = Field(default_factory=list)
    strong: list[str] = Field(default_factory=list)
    pitfalls_summary: list[str] = Field(default_factory=list)
    gap_hint: str = ""
    # What an answer too short for the window should add (SB503), in words for any field: "tell
    # one disagreement: what each side wanted, what you did, and what settled it". Empty: the
    # general advice (the numbers and the one decision that made the difference).
    short_advice: str = ""
    followups: list[str] = Field(default_factory=list)
    # The four probes worded for this type, tried before the probes' own templates: a motivation
    # or schedule answer is not asked what was "happening technically".
    probes: dict[str, list[str]] = Field(default_factory=dict)
    technical: bool = True
    # An answer must say why (a sentence of cause or reason) even when the type is not technical:
    # a rubric answer explains why the rating rule applies. SB403 then asks for that sentence.
    reasoned: bool = False
    # Technical depth is asked of this type only in a software story or one that names its tools:
    # a disagreement between people told in plain words shows its depth in how it was settled
    # (SB711), not in a line of mechanism (SB403).
    depth_in_software_only: bool = False
    # The probes worded for a story outside software, tried before `probes` there: a
    # disagreement between people is asked how it was settled, not what happened technically.
    plain_probes: dict[str, list[str]] = Field(default_factory=dict)
    # The probes worded for a software story with nothing of its own to quote, tried before the
    # probe's catalog question there: a project made ("I made a configuration system") is asked
    # how it was built, not "what was happening technically".
    software_probes: dict[str, list[str]] = Field(default_factory=dict)
    # The plain wordings for a spoken answer that already told its steps (an incident with three or
    # more of the speaker's acts), tried before `plain_probes`: a disagreement told exchange by
    # exchange is not asked to walk through how it was settled again.
    after_steps_probes: dict[str, list[str]] = Field(default_factory=dict)
    # Whether `after_steps_probes` are asked of a software story too; false: such a story keeps its
    # mechanism question ("Walk me through what was happening technically" after an outage told in
    # steps).
    after_steps_in_software: bool = True
    # What this type's probes presume a spoken answer holds (analysis/answer_holds): a failure
    # question presumes a failure told, a disagreement an occasion. An answer without it is
    # "unmet" (AnswerCondition) and is asked for one, not what it would do differently. A rubric's
    # wordings presume the rule the answer is about ("rule"), a schedule's a working week
    # ("week"): an incident that names neither is "unmet" and asked about as a story.
    presumes: list[Literal["occasion", "failure", "rule", "week"]] = Field(default_factory=list)
    # Probes worded for kinds of spoken answer, by this type (see AnswerWording), in order.
    worded_for: list[AnswerWording] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    pitfalls: list[Pitfall] = Field(default_factory=list)


class Probe(Asked):
    short: str = ""      # the text sheet's label, where a line is tight ("Alt"); the label's first word when empty
    tests: str = ""
    templates: list[str] = Field(default_factory=list)
    # The probe worded for what a spoken answer did instead of telling a story, keyed by the
    # condition that holds (see ANSWER_CONDITIONS): "after_dodge" for "I can't think of a
    # mistake", "untyped" for an answer to none of the types ("Tell me about yourself"), and so on.
    worded_for: dict[AnswerCondition, list[str]] = Field(default_factory=dict)
    # Templates, the probe's own or a field's, asked of a story file but not of a spoken answer:
    # said back to someone who has just told it, the thing they quote reads as clumsy or as asked
    # again ("Walk me through how the glossary worked, step by step").
    not_of_answers: list[str] = Field(default_factory=list)


class Other(_Data):
    """A common interview question that is none of the catalog's types or probes ("Tell me about
    yourself", "What is your biggest weakness?"): the matcher answers "no match" when a wording
    reads as one of these, and says which it resembles."""

    id: str
    label: str          # what it is, as a phrase: "a question about leaving your job"
    advice: str = ""    # how to answer it instead, in one sentence
    phrasings: list[str] = Field(default_factory=list)
    cues: list[str] = Field(default_factory=list)
    hints: list[str] = Field(default_factory=list)
    # Asks for more of a story already told ("What was the result?"): like a probe, it holds no
    # evidence in a wording whose first sentence asks for a story not yet told, where those words
    # are that question's own tail ("Tell me about a time you … What did you do?").
    followup: bool = False


class Framing(_Data):
    """How a wording is put: asking for a new story ("Tell me about a time ...") or following up
    on one just told ("Why did you choose that?"). Each list holds matcher patterns."""

    story: list[str] = Field(default_factory=list)
    followup: list[str] = Field(default_factory=list)
    # Words that, in a first sentence opened by a `story` pattern, ask for a story not yet told
    # ("Give me an example of a time ..."): the probe words after them are part of that question.
    new_story: list[str] = Field(default_factory=list)


class Technologies(_Data):
    known: list[str] = Field(default_factory=list)


class Catalog(_Data):
    schema_version: int = Field(default=1, alias="schema")
    name: str
    description: str = ""
    questions: list[QuestionType]
    probes: list[Probe]
    evidence: list[Evidence] = Field(default_factory=list)
    others: list[Other] = Field(default_factory=list)
    framing: Framing = Field(default_factory=Framing)
    alternatives: dict[str, str] = Field(default_factory=dict)
    technologies: Technologies = Field(default_factory=Technologies)
    answer_weaknesses: list[AnswerWeakness] = Field(default_factory=list)
    source: str = ""

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        if not self.questions:
            raise ValueError("has no question types: add at least one [[questions]] table")
        for kind, items in (("question", self.questions), ("probe", self.probes)):
            ids = [i.id for i in items]
            dupes = {i for i in ids if ids.count(i) > 1}
            if dupes:
                raise ValueError(f"{kind} ids appear twice: {', '.join(sorted(dupes))}")
        for where, patterns in self._patterns():
            for text in patterns:
                problem = _pattern_problem(text)
                if problem:
                    raise ValueError(f"{where}: the pattern {text!r} {problem}")
        evidence = {e.id for e in self.evidence}
        codes: list[str] = []
        for q in self.questions:
            for name in q.evidence:
                if name not in evidence:
                    raise ValueError(f"question `{q.id}` requires unknown evidence `{name}`")
            for p in q.pitfalls:
                codes.append(p.code)
                for name in (*p.when_missing, *p.unless):
                    if name not in evidence:
                        raise ValueError(f"pitfall {p.code} names unknown evidence `{name}`")
        probes = {p.id for p in self.probes}
        for w in self.answer_weaknesses:
            for pid in (w.ask, *w.probes):
                if pid not in probes:
                    raise ValueError(f"answer weakness {w.finding} names unknown probe `{pid}`")
            if w.phrased and not self.pitfall_phrases(w.finding):
                raise ValueError(f"answer weakness {w.finding} is `phrased`, but no pitfall {w.finding} has phrases")
        return self

    def _patterns(self) -> list[tuple[str, list[str]]]:
        out = [(f"question `{q.id}`", [*q.cues, *q.hints]) for q in self.questions]
        out += [(f"probe `{p.id}`", [*p.cues, *p.hints]) for p in self.probes]
        out += [(f"others `{o.id}`", [*o.cues, *o.hints]) for o in self.others]
        out.append(("framing", [*self.framing.story, *self.framing.followup, *self.framing.new_story]))
        return out

    # --- look-ups -----------------------------------------------------------------------------

    def question(self, qid: str) -> QuestionType | None:
        return self._questions().get(qid)

    def probe(self, pid: str) -> Probe | None:
        return {p.id: p for p in self.probes}.get(pid)

    def question_ids(self) -> list[str]:
        return [q.id for q in self.questions]

    def probe_ids(self) -> list[str]:
        return [p.id for p in self.probes]

    def pitfall_phrases(self, code: str) -> tuple[str, ...]:
        """The phrases of every question type's pitfall with this code, in catalog order."""
        return tuple(dict.fromkeys(ph for q in self.questions for p in q.pitfalls if p.code == code
                                   for ph in p.phrases))

    def evidence_by_id(self) -> dict[str, Evidence]:
        return {e.id: e for e in self.evidence}

    def _questions(self) -> dict[str, QuestionType]:
        return {q.id: q for q in self.questions}


def _pattern_problem(text: str) -> str:
    """What is wrong with a matcher pattern ("a|b + c*"), or "" when nothing is."""
    for group in text.split(" + "):
        phrases = [p.strip() for p in group.strip().lstrip("!").split("|")]
        if not all(phrases):
            return "has an empty part: write phrases between `|` and around ` + `"
        for phrase in phrases:
            if "*" in phrase.rstrip("*"):
                return f"has `*` inside {phrase!r}: a `*` may only end a phrase"
    return ""


_MEMOS: dict[int, dict[str, Any]] = {}


def memo(catalog: Catalog) -> dict[str, Any]:
    """Storage for what is derived from one catalog object (its rule table, its matcher, its
    content key), dropped when the catalog is: an entry never outlives its catalog, so a new
    catalog that happens to get the same id() never sees another's rules."""
    key = id(catalog)
    found = _MEMOS.get(key)
    if found is None:
        found = _MEMOS[key] = {}
        weakref.finalize(catalog, _MEMOS.pop, key, None)
    return found


def content_key(catalog: Catalog) -> str:
    """A digest of the catalog's content (not its source path): equal catalogs, equal keys."""
    stored = memo(catalog)
    key = stored.get("content_key")
    if key is None:
        data = catalog.model_dump_json(exclude={"source"}).encode()
        key = stored["content_key"] = hashlib.blake2b(data, digest_size=16).hexdigest()
    return str(key)


PLATFORM = "{platform}"


def _named(value: Any, platform: str) -> Any:
    """`value` with every `{platform}` in its strings replaced by the bank's `platform` setting."""
    if isinstance(value, str):
        return value.replace(PLATFORM, platform)
    if isinstance(value, list):
        return [_named(v, platform) for v in value]
    if isinstance(value, dict):
        return {k: _named(v, platform) for k, v in value.items()}
    return value


def _parse(data: bytes, source: str, platform: str = DEFAULT.platform) -> Catalog:
    try:
        raw = tomllib.loads(data.decode("utf-8-sig"))  # a BOM (Windows Notepad) is not an error
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise StorybankError(f"{source}: the catalog is not valid TOML: {exc}") from exc
    try:
        catalog = Catalog.model_validate(_named(raw, platform))
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        message = str(first.get("msg", "")).removeprefix("Value error, ")
        raise StorybankError(f"{source}: invalid catalog{' at ' + where if where else ''}: {message}") from exc
    return catalog.model_copy(update={"source": source})


BUILTIN_SOURCE = "built-in catalog"


def builtin_catalog(platform: str = DEFAULT.platform) -> Catalog:
    """The built-in catalog, its `{platform}` placeholders naming `platform` (the setting); one
    object per platform, however it is asked for."""
    return _builtin(platform)


@lru_cache(maxsize=4)
def _builtin(platform: str) -> Catalog:
    data = resources.files("storybank").joinpath("data/catalog.toml").read_bytes()
    return _parse(data, BUILTIN_SOURCE, platform)


def load_catalog(path: Path | None, platform: str = DEFAULT.platform) -> Catalog:
    if path is None:
        return builtin_catalog(platform)
    try:
        data = read_regular(path)
    except OSError as exc:
        raise StorybankError(f"{path}: cannot read the catalog named in the settings ({exc.strerror})") from exc
    return _parse(data, str(path), platform)


def catalog_for(settings: Settings, field: str = "") -> Catalog:
    """The catalog a bank's settings name (`catalog`, else the built-in one), for its `platform`;
    the built-in one asks its questions in the words of the bank's `profession`, else of the
    `field` its stories show (`Bank.field`), else in words that fit any field (a catalog of the
    user's own is asked as written). Software's words are the catalog's own."""
    path = settings.catalog_path()
    if path is None:
        return _field_worded(settings.platform, settings.profession or field or "neutral")
    return load_catalog(path, settings.platform)


@lru_cache(maxsize=8)
def _field_worded(platform: str, profession: str) -> Catalog:
    """The built-in catalog with each question type and probe `asked` as the profession pack
    words it (its `questions`, and its plain probe wordings); the rest is the catalog's."""
    from storybank.professions import pack_for

    pack = pack_for(profession)
    catalog = builtin_catalog(platform)
    if not pack.questions and not pack.plain:
        return catalog
    questions = [q.model_copy(update={"asked": _named(pack.questions[q.id], platform)})
                 if q.id in pack.questions else q for q in catalog.questions]
    probes = [p.model_copy(update={"asked": pack.plain[p.id]}) if p.id in pack.plain else p
              for p in catalog.probes]
    return catalog.model_copy(update={"questions": questions, "probes": probes})
