"""From a posting's blocks to its requirements and its credentials.

1. **Sections.** Each heading opens a section, named for what it holds: `boilerplate` (benefits,
   about us, equal opportunity, how to apply) is dropped whole; `requirements`, `preferred`,
   `responsibilities` are kept; a heading nobody listed is kept too (a nursing posting's "What
   you bring to the bedside" must not lose its bullets). Text before the first heading is the
   posting's introduction: its bullets count, its prose does not. A section under a heading
   nobody listed whose bullets are mostly perks is boilerplate too.
2. **Units.** Each bullet is one requirement. A paragraph in a kept section is split into
   sentences, and a sentence counts when it asks for something ("experience with", "you will",
   "ability to"); under a requirements heading, so does one addressed to the candidate ("You
   communicate clearly") and a bare line with no full stop. A bullet or sentence of
   boilerplate (benefits, the legal text) is dropped wherever it stands.
3. **Credentials.** A degree, a licence, a certification, a number of years, the right to work:
   these go on a checklist of their own. A bullet that asks for years *of something a story can
   show* ("3+ years of ICU nursing") is both: the years on the checklist, the ICU nursing matched
   against the stories.
4. **Must-have.** A requirement is a must-have unless its section is a nice-to-have or a
   responsibility list, or it says so itself ("a plus", "preferred", "ideally").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from storybank.postings import lexicon
from storybank.postings.match.story_kind import asked_of_a_story
from storybank.postings.reading import Block
from storybank.postings.terms import Unit, analyse
from storybank.words import count_words

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'“])")
MAX_UNIT_WORDS = 80


@dataclass(frozen=True)
class Section:
    heading: str
    kind: str          # "intro", "requirements", "preferred", "responsibilities", "boilerplate", "other"


@dataclass(frozen=True)
class Item:
    """One requirement as extracted, before any matching."""

    text: str
    section: str
    must: bool
    terms: tuple[str, ...]
    units: tuple[Unit, ...]
    years: bool = False        # "3+ years of ICU nursing": a time served as well as a skill


@dataclass(frozen=True)
class Credential:
    text: str
    kind: str          # "degree", "licence", "certification", "years", "eligibility"
    section: str = ""

    def to_json(self) -> dict[str, str]:
        return {"text": self.text, "kind": self.kind, "section": self.section}


@dataclass(frozen=True)
class Extracted:
    title: str | None
    items: tuple[Item, ...]
    credentials: tuple[Credential, ...]
    dropped: tuple[str, ...]     # headings of the sections left out as boilerplate


def _boilerplate_heading(low: str) -> bool:
    """"Benefits", "About Acme", "Why Acme?"; but "About you" describes the job, in "Skills and
    benefits" the requirement words win, and "about" or "why" inside a heading ("Paperwork we
    have to ask about") says nothing."""
    if lexicon.phrases("headings", "not_boilerplate").search(low) is not None:
        return False
    openings = lexicon.data()["headings"]["boilerplate_openings"]
    first = low.split(None, 1)[0].strip("?!:.,") if low.strip() else ""
    hits = [text for start, _, text in lexicon.phrases("headings", "boilerplate").spans(low)
            if start == 0 or text not in openings]
    listed = bool(hits) or first in openings or low.strip(" ?!:.") in lexicon.data()["headings"]["boilerplate_whole"]
    return listed and lexicon.phrases("headings", "requirements").search(low) is None


def classify_heading(heading: str) -> str:
    low = heading.lower().replace("’", "'")
    if _boilerplate_heading(low):
        return "boilerplate"
    if lexicon.phrases("headings", "preferred").search(low) is not None:
        return "preferred"
    if lexicon.phrases("headings", "requirements").search(low) is not None:
        return "requirements"
    if lexicon.phrases("headings", "responsibilities").search(low) is not None:
        return "responsibilities"
    if lexicon.phrases("headings", "requirement_modifiers").search(low) is not None:
        return "requirements"
    if _obliges(low):       # "In addition, the candidate must:", a lead-in standing as a heading
        return "requirements"
    return "other"


def _boilerplate_line(low: str) -> bool:
    return lexicon.phrases("lines", "boilerplate").search(low) is not None or _furniture(low) or _pay(low) \
        or _CONTACT.search(low) is not None


# Where to write: an e-mail address ("Email: HR@bios.edu"), on a line of the posting's own.
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]*\w")


# Pay stated as an amount for a time: "£60,000–£70,000 a year", "$45/hr", "€80k per annum".
_PAY = re.compile(r"[£$€]\s?\d[\d,.]*\s?k?(?:\s?(?:-|–|—|to)\s?[£$€]?\d[\d,.]*\s?k?)?\s*"
                  r"(?:a|an|per|/)\s*(?:year|annum|yr|hour|hr|month|week|day|shift)\b")
MAX_PAY_WORDS = 15


def _pay(low: str) -> bool:
    """A line that states pay: short, with an amount of money for a length of time; a budget
    managed ("£2m a year") is no amount of pay."""
    return count_words(low) <= MAX_PAY_WORDS and _PAY.search(low) is not None


_POSTED = re.compile(r"^(?:posted|reposted|updated)\b.*\bago\b|^\d+\s+(?:applicants|views)\b")


def _furniture(low: str) -> bool:
    """A job board's buttons and links, alone on their line: "Message", "Show less", "Posted 3
    days ago", "< Back to search results"; or a line holding a button in brackets ("What: nurse
    Where: Leeds [ Search ]"). The same words inside a requirement ("message queues") are kept."""
    bare = low.strip(" .…·|•-–—:!<>‹›«»")
    return bare in _furniture_lines() or _POSTED.match(bare) is not None \
        or _furniture_run().fullmatch(bare) is not None or _holds_button(low)


# A button as a pasted page shows it: its words in square brackets, with a sign or two ("[ ♡ Save ]").
_BUTTON = re.compile(r"\[\s*([^\[\]]{1,40}?)\s*\]")
_SIGNS = re.compile(r"[^\w\s']+")


def _holds_button(low: str) -> bool:
    """Does the line hold a bracketed button whose words are a job board's ("[ Search ]",
    "[ Apply now ]")? Brackets around other words ("[ Python ]", "[1]") are no button."""
    return any(" ".join(_SIGNS.sub(" ", words).split()) in _furniture_lines()
               for words in _BUTTON.findall(low))


# A row of a site's links, read as cells: "Find jobs | Company reviews | Sign in".
MIN_NAV_CELLS = 3
MAX_NAV_CELL_WORDS = 4


def _link_row(low: str) -> bool:
    """A row of three short cells or more, one of them a job board's link ("sign in")."""
    cells = [cell.strip() for cell in low.split(" | ")]
    return len(cells) >= MIN_NAV_CELLS and all(count_words(c) <= MAX_NAV_CELL_WORDS for c in cells) \
        and any(cell in _furniture_lines() for cell in cells)


# A line of a page's navigation: a breadcrumb ("Home › Jobs › Social work"), or a site's name
# with its links ("SocialCareJobs.example Find jobs Salary guide Sign in"). A plain ">" makes a
# breadcrumb only twice ("Jobs > Electrical > Approved Electrician"): once, it may join a language
# pair in a translator's title ("Legal Translator German > English (m/f/d)").
_BREADCRUMB = re.compile(r"[›»]|\s>\s.*\s>\s")
_SITE = re.compile(r"\b[a-z0-9-]+\.(?:com|co\.uk|org|jobs|example)\b")  # not ".net": ASP.NET


# Pictures a posting decorates its title with, at its end: "Teacher of Mathematics (MPS/UPS) 📐".
_PICTURES = re.compile(r"(?:\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F\u200D])+\s*$")


# An e-mailed posting's subject line: the title without "Subject:" or a reply's "Fwd:".
_MAIL_PREFIX = re.compile(r"^(?:(?:subject|fwd?|re)\s*:\s*)+", re.IGNORECASE)


def _first_of_page(parts: list[Block]) -> int:
    """Where the posting starts: its first block that is not the page's furniture or the
    employer's letterhead."""
    return next((i for i, b in enumerate(parts) if not _page_furniture(b.text.lower()) and not _letterhead(b.text)), 0)


# The cells of a line of letterhead ("MARLOW COUNTY, OHIO - JOB BULLETIN", "Trust | Band 6 | Ref 318")
# and a reference number in one ("Ref 318-DT-2211", "Job ref: 422-PM-0917", "Recruitment #26-0418-01").
_CELL_CUT = re.compile(r"\s+[|·•–—-]\s+")
_REFERENCE = re.compile(r"(?:\b(?:ref|reference|req|requisition|recruitment|job id|vacancy|notice)\b\.?[\s:#]*|#\s*)"
                        r"[\w/.-]*\d[\w/.-]*", re.I)
MAX_REFERENCE_WORDS = 4
MAX_EMPLOYER_WORDS = 8


def _letterhead(text: str) -> bool:
    """Is the line the employer's letterhead above the title, never the title (postings.toml
    [headings] employer_forms)? Each of its cells names an organisation, a notice or a reference,
    and not a notice alone;
    or, in a row of three cells or more, the first does and another is a reference ("Rivermouth
    General Hospital NHS Trust | Nutrition & Dietetics | Band 6 | Ref 318-DT-2211")."""
    kinds = [_letterhead_cell(cell.strip()) for cell in _CELL_CUT.split(text) if cell.strip()]
    if not kinds or kinds[0] is None or set(kinds) == {"notice"}:
        return False        # a notice alone ("POSITION AVAILABLE") heads the posting itself (holdout19)
    return all(kinds) or (len(kinds) >= MIN_NAV_CELLS and "reference" in kinds)


def _letterhead_cell(cell: str) -> str | None:
    """What a cell of letterhead names: "reference", "notice" or "employer", or None."""
    table = lexicon.data()["headings"]
    found = _REFERENCE.search(cell)
    if found is not None and count_words(cell) <= MAX_REFERENCE_WORDS and found.end() == len(cell.rstrip(" .")):
        return "reference"
    bare = " ".join(_REFERENCE.sub(" ", cell).lower().replace("’", "'").strip(" .:,;").split())
    if any(bare == banner or bare.endswith(" " + banner) for banner in table["banners"]):
        return "notice"
    words = bare.split(",")[0].split()
    if words and count_words(cell) <= MAX_EMPLOYER_WORDS and words[-1] in table["employer_forms"]:
        return "employer"
    return None


# A line that is only a date, as a page stamps its posts (round 19: "Jul 22, 2020" over "Forest
# Surveyor"): "22 July 2020", "July 22, 2020", "2020-07-22", "07/22/2020".
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A blog post's date may lead with its weekday ("Monday, May 28, 2007", round 23).
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_DATE_LINE = re.compile(rf"{_WEEKDAY}(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
                        r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})")


def _page_furniture(low: str) -> bool:
    """A line no posting's title is: a button or link (`_furniture`), a breadcrumb, a row of
    navigation naming the site, a date alone, or the site's cookie notice."""
    return _furniture(low) or _BREADCRUMB.search(low) is not None or _SITE.search(low) is not None \
        or _link_row(low) or _DATE_LINE.fullmatch(low.strip(" .")) is not None or _account_row(low) \
        or any(notice in low for notice in lexicon.data()["lines"]["cookie_notice"])


@lru_cache(maxsize=1)
def _account_links() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A job board's account link, and any of its other links, as whole words."""
    def words(items: Iterable[str]) -> re.Pattern[str]:
        return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(items, key=len, reverse=True))) + r")(?![\w-])")
    return words(lexicon.data()["lines"]["account_links"]), words(_furniture_lines())


def _account_row(low: str) -> bool:
    """A job board's navigation run together on one line: an account link ("sign in", "log in")
    with another of the board's links ("find jobs", "search", "post a job"), and no sentence."""
    account, links = _account_links()
    found = account.search(low)
    if found is None or low.rstrip().endswith("."):
        return False
    rest = low[:found.start()] + " " + low[found.end():]
    return links.search(rest) is not None


@lru_cache(maxsize=1)
def _furniture_lines() -> frozenset[str]:
    return frozenset(w.strip(" .…") for w in lexicon.data()["lines"]["furniture"])


@lru_cache(maxsize=1)
def _furniture_run() -> re.Pattern[str]:
    """Buttons run together on one line, as a page's links are read: "Apply now Share", "Save | Print"."""
    names = "|".join(map(re.escape, sorted(_furniture_lines(), key=len, reverse=True)))
    return re.compile(r"(?:(?:" + names + r")(?:\s*[·|•,/]\s*|\s+|$))+")


@lru_cache(maxsize=1)
def _credential_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A title held ("a qualified European Patent Attorney", matched as written), the words
    before a licence or certificate that make it something worked with, not held, a
    qualification named by its scheme ("NVQ Level 3", "BACP registered", "ECS Gold Card"), and a
    requirement that opens with the register the candidate is on ("Registered pharmacist with the
    GPhC", matched in lower case)."""
    table = lexicon.data()["credentials"]
    return (re.compile(table["qualified_as"]), re.compile(table["worked_with"], re.I),
            re.compile(table["named_qualification"]), re.compile(table["registered_as"]))


@lru_cache(maxsize=1)
def _subject_after() -> re.Pattern[str]:
    """The noun after a licence or certificate that makes it the subject of the work."""
    return re.compile(lexicon.data()["credentials"]["subject_after"], re.I)


def _worked_on(low: str, start: int, end: int, worked_with: re.Pattern[str]) -> bool:
    """Is the licence or certificate at low[start:end] something worked with or on, not held?"""
    return bool(worked_with.search(low[:start]) or _subject_after().search(low[end:]))


_HELD_KINDS = (("licence", "licences"), ("degree", "degrees"), ("certification", "certifications"),
               ("language", "languages"), ("eligibility", "eligibility"))


@lru_cache(maxsize=4096)
def _credential_kind(text: str) -> str | None:
    low = text.lower().replace("’", "'")
    qualified, worked_with, named, registered = _credential_patterns()
    for kind, name in _HELD_KINDS:
        spans = lexicon.phrases("credentials", name).spans(low)
        if spans and not (kind in ("licence", "certification")
                          and all(_worked_on(low, start, end, worked_with) for start, end, _ in spans)):
            return kind
    if lexicon.admission().search(low) or qualified.search(text) or registered.search(low):
        return "licence"
    if named.search(text):
        return "certification"
    if lexicon.years().search(low):
        return "years"
    return None


def _without_credential(text: str, kind: str) -> str:
    """What a years-requirement asks beyond the years: "3+ years of ICU nursing" -> "ICU nursing"."""
    rest = lexicon.years().sub(" ", text)
    return re.sub(r"\b(?:at least|minimum of|a minimum of|min\.?|over|more than)\b", " ", rest, flags=re.I)


# Where a list of things asked is cut: a comma, with "and" or "as well as" after it or not; and
# how such a list of things all asked ends (not "X, Y or a related field", which are choices).
_LIST_CUT = re.compile(r",\s+(?:(?:and|as well as|along with|plus)\s+)?|\s+as well as\s+", re.I)
_LIST_END = re.compile(r",\s*(?:and|as well as|along with|plus)\s|\sas well as\s", re.I)
_CHOICE = re.compile(r",\s+or\s|\bor\s+(?:a|an|the|other|another|any|equivalent|similar)\b", re.I)
MIN_PART_WORDS = 3


def _split_parts(text: str) -> list[str]:
    """A bullet that joins a credential and a skill with a semicolon asks two things; so does a
    sentence listing, between commas, a credential and something a story shows ("must possess a
    minimum of an A.A or B.A., completion of certified field school, as well as a basic
    understanding of archaeological method and theory"), each part of a few words. Any other
    bullet is one requirement, whatever its punctuation ("Degree in Biology, Chemistry, or a
    related field" lists one degree's subjects)."""
    parts = [p.strip() for p in re.split(r";\s+", text) if p.strip()]
    kinds = {(_credential_kind(p) is None, _optional(p.lower())) for p in parts}
    if len(parts) > 1 and len(kinds) > 1:
        return parts
    if "," not in text or _LIST_END.search(text) is None or _CHOICE.search(text) is not None:
        return [text]
    listed = [p.strip() for p in _LIST_CUT.split(text) if p and p.strip()]
    if len(listed) < 2 or min(count_words(p) for p in listed) < MIN_PART_WORDS:
        return [text]
    held = [_credential_kind(p) not in _ALSO_SHOWN for p in listed]
    # The parts not held ask in words of their own ("a basic understanding of …"): a list of one
    # thing's kinds ("certified standards, blanks and duplicates") is not cut.
    asking = all(_looks_like_requirement(p) for p, h in zip(listed, held, strict=True) if not h)
    return listed if any(held) and not all(held) and asking else [text]


# What qualifies a part of a requirement, not the whole of it: "(GCP preferred)" after a cloud
# platform, ", ideally with 12+ months in outpatient MSK" after the years asked.
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_IDEALLY_MORE = re.compile(r"[,;–—]\s*(?:ideally|preferably)\b[^.;]*")


def _optional(low: str) -> bool:
    """Does a requirement say it is optional? A hedge counts when it speaks of the whole ("a
    plus", "(preferred, not required)"), not when it picks among parts ("(GCP preferred)")."""
    hedges = lexicon.phrases("lines", "preferred")

    def inner(m: re.Match[str]) -> str:
        spans = hedges.spans(m.group(1).strip())
        return m.group(0) if spans and spans[0][0] == 0 else " "

    whole = _IDEALLY_MORE.sub(" ", _PARENTHESES.sub(inner, low))
    return hedges.search(whole) is not None


def _looks_like_requirement(sentence: str) -> bool:
    return lexicon.phrases("lines", "cues").search(sentence.lower()) is not None


_TO_YOU = re.compile(r"^(?:you|your)\b", re.I)


def _asks(sentence: str, section: Section) -> bool:
    """Does a sentence of prose ask for something? One that says so ("experience with", "you
    will", "ability to", "would be a plus") or names a credential does anywhere; under a
    requirements heading, so does one addressed to the candidate ("You communicate clearly...")
    and a bare line with no full stop ("Active pharmacist licence"); under a heading that says
    what the candidate must, every sentence does ("Own his/her own tools.")."""
    if _looks_like_requirement(sentence) or _credential_kind(sentence) not in (None, "years"):
        return True
    if section.kind not in ("requirements", "preferred"):
        return False
    if _obliges(section.heading.lower()):
        return True     # under "In addition, the candidate must:" each line completes the heading
    return _TO_YOU.match(sentence.strip()) is not None or sentence.rstrip()[-1:] not in ".!?"


@dataclass
class _Part:
    """A section as read: its heading and the blocks under it."""

    section: Section
    blocks: list[Block]


def _is_title(parts: list[Block], index: int, kind: str, first: int) -> bool:
    """Is the block at `index` the posting's title, not a section heading or a line of text? It
    is the first block that is not a job board's furniture ("Skip to main content", a row of
    links, a breadcrumb)."""
    if index != first:                      # where the posting starts (`_first_of_page`)
        return False
    block = parts[index]
    if block.kind == "heading":
        followed_by_bullet = len(parts) > index + 1 and parts[index + 1].kind == "bullet"
        return kind not in ("requirements", "preferred") and not followed_by_bullet \
            and not block.text.lower().startswith(tuple(lexicon.data()["headings"]["not_title"]))
    return block.kind == "para" and count_words(block.text) <= 12 and not block.text.endswith(".")


# A line that labels the job's name: "Position:     Analytical Chemist II (Quality Control)".
_LABELLED = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(\S.*?)\s*$")
MAX_TITLE_WORDS = 12


def _labelled_title(block: Block) -> str | None:
    """The job's name on a line that labels it ("Position: ORGANIST", "POST: Veterinary Surgeon
    (Companion Animal)"): short, and no sentence."""
    found = _LABELLED.match(block.text) if block.kind != "bullet" else None
    if found is None or found.group(1).strip().lower() not in lexicon.data()["headings"]["title_labels"]:
        return None
    name = found.group(2)
    return name if count_words(name) <= MAX_TITLE_WORDS and name[-1:] not in ".!?;," else None


def _label_only(text: str) -> bool:
    """Does the line only say what the page is ("job description", "POSITION AVAILABLE"), so the
    job's name, if any, is on the line after it (round 21: holdout19's tuner, holdout20's groomer)?"""
    table = lexicon.data()["headings"]
    bare = " ".join(text.lower().replace("’", "'").strip(" .:!").split())
    return bare in table["not_title"] or bare in table["banners"]


# A title asked as a question over the answer: "What is a Deckhand?", "What does a Deckhand do?".
_ASKED_NAME = re.compile(r"^\s*what\s+(?:is|does)\s+(?:an?|the)\s+(?P<name>[^?]{2,60}?)(?:\s+do)?\s*\?\s*$", re.I)
# The job named by the posting's opening sentence when no line names it: "The Projectionist is
# responsible for ...", "The Site Supervisor will be responsible for ...".
_ROLE_OPENING = re.compile(r"^\s*(?:[Tt]he|[Oo]ur)\s+(?P<name>[A-Z][\w/&'-]*(?:\s+[A-Z][\w/&'-]*){0,5})\s+"
                           r"(?:is|will\s+be)\s+responsible\s+for\b")
MAX_OPENING_PARAS = 2


def _role_named_at_opening(intro: list[Block]) -> str | None:
    """The job named as the subject of the posting's first sentences, never a word for the
    employer or for whoever is hired ("The Company is responsible for", "The Successful Candidate
    will be responsible for")."""
    for block in [b for b in intro if b.kind == "para"][:MAX_OPENING_PARAS]:
        found = _ROLE_OPENING.match(block.text)
        if found is None:
            continue
        name = found.group("name")
        if name.split()[-1].lower() not in lexicon.data()["headings"]["not_roles"]:
            return name
    return None


def _as_title(text: str) -> str:
    """A title line as shown: no "Subject:" or "Fwd:", no pictures, and the job of a line that
    asks what it is ("What is a Deckhand?" is the deckhand's posting)."""
    title = _PICTURES.sub("", _MAIL_PREFIX.sub("", text)) or text
    asked = _ASKED_NAME.match(title)
    if asked:
        return asked.group("name")
    # "P.M. Pastry Cook Needed!" is the pastry cook's posting; "Help wanted" keeps its words.
    called = _CALLED_FOR.match(title)
    return called.group("name") if called and count_words(called.group("name")) >= 2 else title


_CALLED_FOR = re.compile(r"^\s*(?P<name>.+?)\s+(?:needed|wanted|required)\s*!*\s*$", re.I)


def _sections(parts: list[Block]) -> tuple[str | None, list[_Part]]:
    """The posting's title, and its blocks grouped under their headings. A line that labels the
    job's name (`_labelled_title`) before any line that may ask gives the title, whatever stood
    first. A first line that only says what the page is ("job description") leaves the title to
    the next; with no title line, an opening "The Projectionist is responsible for" names it."""
    title: str | None = None
    out = [_Part(Section("", "intro"), [])]
    first = _first_of_page(parts)
    # A notice over the employer's name ("POSITION AVAILABLE", "Baylor University") stays the title:
    # the employer's line heads what the posting asks (holdout19's tuner).
    if first + 1 < len(parts) and _label_only(parts[first].text) and not _letterhead(parts[first + 1].text):
        first += 1                          # the line only labels the page
    for index, block in enumerate(parts):
        if index < first:
            continue                        # the page's furniture above the posting
        kind = classify_heading(block.text) if block.kind == "heading" else ""
        named = _labelled_title(block) if not any(p.blocks for p in out if p.section.kind in _ASKING_KINDS) else None
        if named is not None:
            title = named
        elif _is_title(parts, index, kind, first):
            title = _as_title(block.text)
        elif block.kind == "heading":
            out.append(_Part(Section(block.text, kind), []))
        else:
            if _starts_again(out[-1].blocks, block):
                out.append(_Part(Section("", "other"), []))
            out[-1].blocks.append(block)
    return title or _role_named_at_opening(out[0].blocks), out


def _starts_again(before: list[Block], block: Block) -> bool:
    """Does a numbered list start again at 1 under the same heading, with no heading of its own
    (round 19: an organist's duties numbered 1 to 10 under "GENERAL RESPONSIBILITIES:", then what
    the post asks numbered from 1 again, its heading lost)? That is a new list, of a kind no heading
    names; a list under an item that leads in to it ("3. Ability to:") goes on with its item."""
    last = before[-1] if before else None
    return block.kind == "bullet" and block.number == 1 and last is not None and last.kind == "bullet" \
        and last.number >= 2 and not last.text.rstrip().endswith(":")


# A section under a heading nobody listed whose bullets are mostly perks or legal text is
# boilerplate whole ("More about the opportunity": pay, hours, community).
BOILERPLATE_SHARE = 0.5


def _boilerplate_section(part: _Part) -> bool:
    if part.section.kind == "boilerplate":
        return True
    if part.section.kind not in ("other", "responsibilities"):
        return False
    bullets = [b for b in part.blocks if b.kind == "bullet"]
    perks = sum(1 for b in bullets if _boilerplate_line(b.text.lower().replace("’", "'")))
    return bool(bullets) and perks / len(bullets) >= BOILERPLATE_SHARE


# A sentence that opens a list of wishes: "It would be great if you also bring some of the
# following." What comes after it in its section is nice to have.
_LEADS_IN = re.compile(r"(?:the following|as follows|any of these|some of these|below)\s*[.:]?\s*$", re.I)
# A legend of codes: "Codes: Q = essential (...), P = preferred (...)", "E – Essential".
_LEGEND = re.compile(r"(?<![\w-])([A-Z]{1,3})\s*(?:=|:|–|—|-)\s*(?:an?\s+)?(?i:(essential|required|mandatory|must|"
                     r"minimum|preferred|desirable|desired|optional|nice[- ]to[- ]have|advantageous|bonus))\b")
_MUST_WORDS = ("essential", "required", "mandatory", "must", "minimum")
# A column or a prefix that says must or nice ("Must: Kubernetes", "Kafka | Nice to have").
_MARK_WORDS = (r"(?i:must(?:[- ]have)?|essential|required|mandatory|nice(?:[- ]to[- ]have)?|preferred|desirable|"
               r"optional|bonus|plus)")
_MARK_BEFORE = re.compile(r"^\s*(" + _MARK_WORDS + r")\s*(?::|\||–|—)\s*(?=\S)")
_MARK_AFTER = re.compile(r"\s*\|\s*(" + _MARK_WORDS + r")\s*\.?\s*$")


# Where a sentence of prose asks a second thing of the candidate: "You will have solid experience
# of Kafka | and be comfortable with schema design", "…; you also …".
_CLAUSE = re.compile(r",?\s+and\s+(?=(?:be|have|are|hold|bring|can|will)\s)|;\s+(?=(?:you|and you)\b)", re.I)
MIN_CLAUSE_WORDS = 4


def _clauses(sentence: str) -> list[str]:
    """A sentence of prose as the requirements it asks: cut where it turns to a second thing,
    if both sides are long enough to ask something ("and be comfortable with Y"). A second
    thing reads as a list's item does ("Can negotiate terms face to face."), not as the
    fragment of a sentence; its own words stay, so a narrow column still tells it apart."""
    pieces = [p.strip() for p in _CLAUSE.split(sentence) if p.strip()]
    if len(pieces) < 2 or min(count_words(p) for p in pieces) < MIN_CLAUSE_WORDS:
        return [sentence]
    return [pieces[0]] + [p[:1].upper() + p[1:] for p in pieces[1:]]


def _legend(parts: list[Block]) -> dict[str, bool]:
    """What the letters of coded items mean, from a legend anywhere in the posting: letter ->
    must-have. Only a legend gives them a meaning: "C1" alone may be a language level."""
    out: dict[str, bool] = {}
    for block in parts:
        if block.kind != "bullet" or not block.code:
            for letter, word in _LEGEND.findall(block.text):
                out.setdefault(letter, word.lower() in _MUST_WORDS)
    return out


def _marked(text: str) -> tuple[str, bool | None]:
    """A requirement with a must or nice mark of its own in a column or before a colon: the text
    without the mark, and whether it is a must-have (None: no mark)."""
    for pattern in (_MARK_BEFORE, _MARK_AFTER):
        found = pattern.search(text)
        rest = (text[:found.start()] + text[found.end():]).strip() if found is not None else ""
        if found is not None and count_words(rest) >= 1:
            return rest, found.group(1).lower().startswith(_MUST_WORDS)
    return text, None


def _code_flag(block: Block, legend: dict[str, bool]) -> bool | None:
    letters = re.match(r"[A-Z]+", block.code)
    return legend.get(letters.group()) if letters is not None else None


def _units_of(part: _Part, legend: dict[str, bool], prose: bool = False) -> list[tuple[str, bool | None]]:
    """The lines of a section that may be requirements, each with whether it is a must-have when
    something beyond its section says so (a code's legend, a mark, a lead-in to wishes): every
    bullet, and the sentences of its prose (in a list of duties or an introduction only those that
    say they ask, `_says_it_asks`, which are must-haves unless they hedge; every asking sentence of
    an introduction when `prose`: the posting has no heading over what it asks). A paragraph that ends on a
    colon leads in to the list below; its sentences before that one are read as any others. A
    lead-in to where applications go ("Interested candidates should email their applications …
    to:") leaves out the paragraphs under it: an address, not an ask; so does a paragraph saying
    how to apply to an e-mail address (`_how_to_apply`)."""
    out: list[tuple[str, bool | None]] = []
    wishes = False
    applying = False
    reads_prose = part.section.kind not in ("intro", "responsibilities") or (prose and part.section.kind == "intro")
    intro = part.section.kind == "intro"
    for block in part.blocks:
        if block.kind == "bullet":
            text, flag = _marked(block.text)
            code = _code_flag(block, legend)
            out.append((text, code if code is not None else flag if flag is not None else (False if wishes else None)))
            continue
        if applying:
            continue            # the address under "… should email their applications to:"
        sentences = _SENTENCE.split(block.text)
        if block.text.rstrip().endswith(":"):
            *sentences, lead_in = sentences
            wishes = wishes or _optional(lead_in.lower())   # a lead-in to the list below, asking nothing itself
            applying = _boilerplate_line(lead_in.lower().replace("’", "'"))
        elif _how_to_apply(block.text):
            applying = True     # "To apply, send a resume … to x@farm.com" and what follows: "Use the subject line …"
        for sentence in sentences:
            # An opening's prose, or a list of duties, asks only where it says what the candidate
            # must, or marks itself as asked ("… are required.", "… is a plus.").
            told = (intro or part.section.kind == "responsibilities") and _says_it_asks(sentence)
            if not (reads_prose or told):
                continue
            if _LEADS_IN.search(sentence) and _optional(sentence.lower()):
                wishes = True
            elif told or _asks(sentence, part.section):
                # Said to be asked, it is a must-have wherever it stands, unless it hedges itself.
                flag = False if wishes else True if told else None
                out += [(piece, flag) for clause in _clauses(sentence)
                        for piece in _obliged_list(clause)]
    return out


def _how_to_apply(text: str) -> bool:
    """A paragraph that says how to apply and where to: an application phrase and an e-mail
    address ("To apply, send a resume, cover letter, and 3 work references to x@farm.com"). The
    paragraphs after it in its section say more of the same (round 21)."""
    low = text.lower().replace("’", "'")
    return _CONTACT.search(low) is not None and lexicon.phrases("lines", "boilerplate").search(low) is not None


def _says_it_asks(sentence: str) -> bool:
    """Does a sentence say, in its own words, that it asks: what the candidate must (`_obliges`),
    or that it is required or a plus ("Competence with basic computer programs is required.",
    "Machining experience with lathe/mill is a plus.")? Among duties or in an opening it asks
    as a requirement list does (round 22)."""
    return _obliges(sentence) or lexicon.phrases("lines", "self_marked").search(sentence.lower()) is not None


def _obliges(sentence: str) -> bool:
    """Does a sentence say what the candidate must be or do ("You must be able to …", "The
    successful candidate will be expected to …")? Said in a posting's opening, it asks, as a
    requirement list does (round 19: a reporter's posting puts three musts in its opening
    paragraph, above "Qualifications:")."""
    return lexicon.phrases("lines", "obliging").search(sentence.lower()) is not None


# A part of a list that says something of its own: a subject ("you know how to …", "physicians
# must certify …") or a verb that tells, not the ask the list shares.
_OWN_CLAUSE = re.compile(r"\b(?:you|we|they|he|she|it|i|is|are|was|were|will|shall|can)\b", re.I)
MIN_OBLIGED_WORDS = 2
# A part that only qualifies the one before it ("work independently, without close supervision, and
# cooperatively with other animal care technicians"): how the work is done, no ask of its own, so
# the sentence stays whole (round 23, corpus_postings_holdout22).
_MODIFIER_START = re.compile(r"(?:without|with|within|in|on|at|by|for|from|under|over|as|both|either|"
                             r"(?!apply|supply|reply|rely|fly)\w+ly)\b", re.I)


def _obliged_list(sentence: str) -> list[str]:
    """A sentence of prose that says once what the candidate must, then lists what ("You must
    be able to respond quickly to developing stories, be passionate about local news, and able
    to develop a list of strong local contacts"; "… expected to be a self-starter …, as well as
    competent in GPS/RTK/conventional fieldwork, CAD drafting, and spoken/written
    communication"): each thing listed, between commas and a closing "and" or "as well as", is
    asked. A bullet's list is the posting's own grouping and stays whole; so does a sentence
    whose parts say something of their own (a subject, another "must") or are single words
    ("lifting, carrying, pushing"), or that offers choices ("X, Y or a related field")."""
    if "," not in sentence or _LIST_END.search(sentence) is None or _CHOICE.search(sentence) is not None:
        return [sentence]
    listed = [p.strip() for p in _LIST_CUT.split(sentence) if p and p.strip()]
    first, *rest = listed
    if not rest or not _obliges(first) or min(count_words(p) for p in listed) < MIN_OBLIGED_WORDS \
            or any(_OWN_CLAUSE.search(p) or _obliges(p) or _MODIFIER_START.match(p) for p in rest):
        return [sentence]
    return listed


_ASKING_KINDS = ("requirements", "preferred", "responsibilities")


def extract(parts: list[Block]) -> Extracted:
    title, sections = _sections(parts)
    legend = _legend(parts)
    items: list[Item] = []
    credentials: list[Credential] = []
    dropped: list[str] = []
    # A posting with no heading over what it asks (a short ad: a title, a sentence or two, one
    # list) asks it in the prose of its opening too.
    prose = not any(part.section.kind in _ASKING_KINDS for part in sections)
    for part in sections:
        if _boilerplate_section(part):
            if part.section.heading:
                dropped.append(part.section.heading)
            continue
        for unit, flag in _units_of(part, legend, prose):
            _add(unit, part.section, items, credentials, flag)
    return Extracted(title, tuple(items), tuple(credentials), tuple(dropped))


def _add(text: str, section: Section, items: list[Item], credentials: list[Credential],
         flag: bool | None = None) -> None:
    text = " ".join(text.split())
    low = text.lower().replace("’", "'")
    if not text or _boilerplate_line(low):
        return
    if count_words(text) > MAX_UNIT_WORDS:
        text = " ".join(text.split()[:MAX_UNIT_WORDS]) + "…"
    for part in _split_parts(text):
        part_low = part.lower().replace("’", "'")
        must = section.kind in ("requirements", "other", "intro") and not _optional(part_low) \
            if flag is None else flag and not _optional(part_low)
        kind = _credential_kind(part)
        if kind is not None:
            credentials.append(Credential(part, kind, section.heading))
        item = _item(part, section.heading, must, kind)
        if item is not None:
            items.append(item)


# Credentials that a story can show as well as the checklist hold: years *of something*
# ("3+ years of ICU nursing"), and a language at a level ("I have worked in German since 2014").
_ALSO_SHOWN = (None, "years", "language")


def _item(part: str, heading: str, must: bool, kind: str | None) -> Item | None:
    """The requirement to match against the stories, if any: none for a credential only held."""
    if kind not in _ALSO_SHOWN:
        return None
    if kind == "years":
        terms, units = analyse(_without_credential(part, kind))
        # Years of something a story can show: a name, or two real words.
        if sum(u.weight for u in units) < 2.0:
            return None
        return Item(part, heading, must, tuple(terms), units, years=True)
    terms, units = analyse(part)
    # A requirement in words every posting uses ("Self-motivated and able to work independently")
    # names no thing to look for; it is kept when one kind of story answers it (story_kind.py).
    if not units and not asked_of_a_story(part):
        return None
    return Item(part, heading, must, tuple(terms), units)
