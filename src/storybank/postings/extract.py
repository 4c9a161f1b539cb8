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
from dataclasses import dataclass

from storybank.postings import lexicon
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


def classify_heading(heading: str) -> str:
    low = heading.lower().replace("’", "'")
    # "Benefits", "About Acme"; but "About you" describes the job, and in "Skills and benefits"
    # the requirement words win.
    if lexicon.phrases("headings", "not_boilerplate").search(low) is None \
            and lexicon.phrases("headings", "boilerplate").search(low) is not None \
            and lexicon.phrases("headings", "requirements").search(low) is None:
        return "boilerplate"
    if lexicon.phrases("headings", "preferred").search(low) is not None:
        return "preferred"
    if lexicon.phrases("headings", "requirements").search(low) is not None:
        return "requirements"
    if lexicon.phrases("headings", "responsibilities").search(low) is not None:
        return "responsibilities"
    if lexicon.phrases("headings", "requirement_modifiers").search(low) is not None:
        return "requirements"
    return "other"


def _boilerplate_line(low: str) -> bool:
    return lexicon.phrases("lines", "boilerplate").search(low) is not None


def _credential_kind(low: str) -> str | None:
    for kind, name in (("licence", "licences"), ("certification", "certifications"),
                       ("degree", "degrees"), ("eligibility", "eligibility")):
        if lexicon.phrases("credentials", name).search(low) is not None:
            return kind
    if lexicon.admission().search(low):
        return "licence"
    if lexicon.years().search(low):
        return "years"
    return None


def _without_credential(text: str, kind: str) -> str:
    """What a years-requirement asks beyond the years: "3+ years of ICU nursing" -> "ICU nursing"."""
    rest = lexicon.years().sub(" ", text)
    return re.sub(r"\b(?:at least|minimum of|a minimum of|min\.?|over|more than)\b", " ", rest, flags=re.I)


def _split_parts(text: str) -> list[str]:
    """A bullet that joins a credential and a skill with a semicolon asks two things; any other
    bullet is one requirement, whatever its punctuation."""
    parts = [p.strip() for p in re.split(r";\s+", text) if p.strip()]
    kinds = {(_credential_kind(p.lower()) is None, _optional(p.lower())) for p in parts}
    return parts if len(parts) > 1 and len(kinds) > 1 else [text]


def _optional(low: str) -> bool:
    return lexicon.phrases("lines", "preferred").search(low) is not None


def _looks_like_requirement(sentence: str) -> bool:
    return lexicon.phrases("lines", "cues").search(sentence.lower()) is not None


_TO_YOU = re.compile(r"^(?:you|your)\b", re.I)


def _asks(sentence: str, section: Section) -> bool:
    """Does a sentence of prose ask for something? One that says so ("experience with", "you
    will", "ability to") does anywhere; under a requirements heading, so does one addressed to
    the candidate ("You communicate clearly...") and a bare line with no full stop ("Active
    pharmacist licence")."""
    if _looks_like_requirement(sentence):
        return True
    if section.kind not in ("requirements", "preferred"):
        return False
    return _TO_YOU.match(sentence.strip()) is not None or sentence.rstrip()[-1:] not in ".!?"


@dataclass
class _Part:
    """A section as read: its heading and the blocks under it."""

    section: Section
    blocks: list[Block]


def _is_title(parts: list[Block], index: int, kind: str) -> bool:
    """Is the block at `index` the posting's title, not a section heading or a line of text?"""
    if index != 0:
        return False
    block = parts[0]
    if block.kind == "heading":
        followed_by_bullet = len(parts) > 1 and parts[1].kind == "bullet"
        return kind not in ("requirements", "preferred") and not followed_by_bullet \
            and not block.text.lower().startswith(("about", "the role", "overview"))
    return block.kind == "para" and count_words(block.text) <= 12 and not block.text.endswith(".")


def _sections(parts: list[Block]) -> tuple[str | None, list[_Part]]:
    """The posting's title, and its blocks grouped under their headings."""
    title: str | None = None
    out = [_Part(Section("", "intro"), [])]
    for index, block in enumerate(parts):
        kind = classify_heading(block.text) if block.kind == "heading" else ""
        if _is_title(parts, index, kind):
            title = block.text
        elif block.kind == "heading":
            out.append(_Part(Section(block.text, kind), []))
        else:
            out[-1].blocks.append(block)
    return title, out


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


def _units_of(part: _Part) -> list[str]:
    """The lines of a section that may be requirements: every bullet, and the sentences of its
    prose (none in an introduction or a list of duties)."""
    out: list[str] = []
    for block in part.blocks:
        if block.kind == "bullet":
            out.append(block.text)
        elif part.section.kind not in ("intro", "responsibilities"):
            out += [s for s in _SENTENCE.split(block.text) if _asks(s, part.section)]
    return out


def extract(parts: list[Block]) -> Extracted:
    title, sections = _sections(parts)
    items: list[Item] = []
    credentials: list[Credential] = []
    dropped: list[str] = []
    for part in sections:
        if _boilerplate_section(part):
            if part.section.heading:
                dropped.append(part.section.heading)
            continue
        for unit in _units_of(part):
            _add(unit, part.section, items, credentials)
    return Extracted(title, tuple(items), tuple(credentials), tuple(dropped))


def _add(text: str, section: Section, items: list[Item], credentials: list[Credential]) -> None:
    text = " ".join(text.split())
    low = text.lower().replace("’", "'")
    if not text or _boilerplate_line(low):
        return
    if count_words(text) > MAX_UNIT_WORDS:
        text = " ".join(text.split()[:MAX_UNIT_WORDS]) + "…"
    for part in _split_parts(text):
        part_low = part.lower().replace("’", "'")
        must = section.kind in ("requirements", "other", "intro") and not _optional(part_low)
        kind = _credential_kind(part_low)
        if kind is not None:
            credentials.append(Credential(part, kind, section.heading))
            if kind != "years":
                continue
            rest = _without_credential(part, kind)
            terms, units = analyse(rest)
            # Years of something a story can show: a name, or two real words.
            if sum(u.weight for u in units) < 2.0:
                continue
            items.append(Item(part, section.heading, must, tuple(terms), units, years=True))
            continue
        terms, units = analyse(part)
        if not units:
            continue
        items.append(Item(part, section.heading, must, tuple(terms), units))
