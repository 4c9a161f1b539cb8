"""What `storybank posting` finds, as typed records: the CLI prints them, the UI shows them, and
both read the same fields. `to_json` is the `posting` shape of README "The JSON", with fields added."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("shown", "possibly", "missing")


@dataclass(frozen=True)
class Evidence:
    story: str
    sentence: str
    field: str = ""            # the story field quoted: "action", "followups.technical", "title"
    score: float = 0.0         # share of the requirement the sentence covers
    confirmed: bool = False    # the user confirmed this link (or tagged the story)

    def to_json(self) -> dict[str, Any]:
        return {"story": self.story, "sentence": self.sentence, "confirmed": self.confirmed,
                "field": self.field, "score": self.score}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Evidence:
        return cls(data["story"], data.get("sentence", ""), data.get("field", ""),
                   float(data.get("score", 0.0)), bool(data.get("confirmed", False)))


@dataclass(frozen=True)
class Requirement:
    number: int                # 1-based, in posting order: what --confirm N:STORY names
    text: str
    section: str
    must: bool
    terms: tuple[str, ...]
    verdict: str               # "shown", "possibly" or "missing"
    evidence: tuple[Evidence, ...] = ()
    rejected: tuple[str, ...] = ()    # stories the user said do not show it
    question: str | None = None       # the question type it leans toward, if any

    @property
    def confirmed(self) -> bool:
        return any(e.confirmed for e in self.evidence)

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "section": self.section, "must": self.must,
                "terms": list(self.terms), "verdict": self.verdict,
                "evidence": [e.to_json() for e in self.evidence], "rejected": list(self.rejected),
                "question": self.question}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Requirement:
        return cls(int(data["number"]), data["text"], data.get("section", ""), bool(data["must"]),
                   tuple(data.get("terms", ())), data["verdict"],
                   tuple(Evidence.from_json(e) for e in data.get("evidence", ())),
                   tuple(data.get("rejected", ())), data.get("question"))


@dataclass(frozen=True)
class CredentialItem:
    text: str
    kind: str = ""             # "degree", "licence", "certification", "years", "eligibility"
    section: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "section": self.section}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CredentialItem:
        return cls(data["text"], data.get("kind", ""), data.get("section", ""))


@dataclass(frozen=True)
class Motivation:
    """The motivation story held against the posting: does it name the posting's field?"""

    verdict: str               # "tied", "generic", "unrelated", "unnamed" or "missing"
    story: str | None
    names: tuple[str, ...]     # the posting's words the story names
    field: tuple[str, ...]     # what the posting is for: its title's words and top terms
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "story": self.story, "names": list(self.names),
                "field": list(self.field), "message": self.message}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Motivation:
        return cls(data["verdict"], data.get("story"), tuple(data.get("names", ())),
                   tuple(data.get("field", ())), data.get("message", ""))


@dataclass(frozen=True)
class PostingReport:
    name: str | None
    title: str | None
    source: str | None
    requirements: tuple[Requirement, ...]
    credentials: tuple[CredentialItem, ...] = ()
    motivation: Motivation | None = None
    dropped: tuple[str, ...] = ()          # headings of sections left out as boilerplate
    stale_links: tuple[str, ...] = ()      # saved links whose requirement is no longer in the posting
    errors: tuple[dict[str, Any], ...] = field(default=())   # story files that failed to load

    def count(self, verdict: str) -> int:
        return sum(1 for r in self.requirements if r.verdict == verdict)

    @property
    def missing(self) -> int:
        return self.count("missing")

    @property
    def must_missing(self) -> list[Requirement]:
        return [r for r in self.requirements if r.must and r.verdict == "missing"]

    @property
    def found_nothing(self) -> bool:
        return not self.requirements

    def requirement(self, number: int) -> Requirement | None:
        return next((r for r in self.requirements if r.number == number), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "posting": {"name": self.name, "title": self.title, "requirements": len(self.requirements),
                        "source": self.source},
            "requirements": [r.to_json() for r in self.requirements],
            "credentials": [c.to_json() for c in self.credentials],
            "missing": self.missing,
            "shown": self.count("shown"),
            "possibly": self.count("possibly"),
            "must_missing": len(self.must_missing),
            "motivation": self.motivation.to_json() if self.motivation else None,
            "dropped_sections": list(self.dropped),
            "stale_links": list(self.stale_links),
            "errors": list(self.errors),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PostingReport:
        head = data["posting"]
        motivation = data.get("motivation")
        return cls(head.get("name"), head.get("title"), head.get("source"),
                   tuple(Requirement.from_json(r) for r in data.get("requirements", ())),
                   tuple(CredentialItem.from_json(c) for c in data.get("credentials", ())),
                   Motivation.from_json(motivation) if motivation else None,
                   tuple(data.get("dropped_sections", ())), tuple(data.get("stale_links", ())),
                   tuple(data.get("errors", ())))


@dataclass(frozen=True)
class Gap:
    """One thing missing across several saved postings (`storybank posting --all`)."""

    term: str
    postings: tuple[str, ...]
    requirements: tuple[str, ...]
    must: bool

    def to_json(self) -> dict[str, Any]:
        return {"term": self.term, "postings": list(self.postings), "count": len(self.postings),
                "requirements": list(self.requirements), "must": self.must}


@dataclass(frozen=True)
class AllReport:
    postings: tuple[PostingReport, ...]
    gaps: tuple[Gap, ...]
    unreadable: tuple[tuple[str, str], ...] = ()    # (name, why) of saved postings not read

    def to_json(self) -> dict[str, Any]:
        return {
            "postings": [{"name": p.name, "title": p.title, "requirements": len(p.requirements),
                          "shown": p.count("shown"), "possibly": p.count("possibly"), "missing": p.missing,
                          "must_missing": len(p.must_missing)} for p in self.postings],
            "gaps": [g.to_json() for g in self.gaps],
            "unreadable": [{"name": n, "message": m} for n, m in self.unreadable],
            "missing": sum(p.missing for p in self.postings),
        }
