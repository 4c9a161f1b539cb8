"""Postings against a bank: what the command line and the screen call.

    read a posting  ->  (save it)  ->  check it against the stories  ->  a PostingReport

A saved posting is checked with its links; a posting read from a file is checked with the links
of the saved posting of the same name when it is saved (`--save NAME`), so a re-run keeps the
user's word. `check_all` checks every saved posting and sums what is missing across them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from storybank.errors import StorybankError
from storybank.postings import store
from storybank.postings.check import NoRequirements, check, read
from storybank.postings.reading import as_markdown, blocks, read_source
from storybank.postings.report import AllReport, Gap, PostingReport
from storybank.postings.tailor import InterviewFocus, interview_focus, sheet_choice
from storybank.postings.terms import phrase_key
from storybank.settings import DEFAULT

if TYPE_CHECKING:
    from storybank.analysis.session import BankReports
    from storybank.bank import Bank
    from storybank.catalog import Catalog
    from storybank.export.sheet import SheetFocus
    from storybank.model import Story
    from storybank.postings.extract import Extracted
    from storybank.postings.word_index import WordIndex

__all__ = ["NoRequirements", "Opened", "check_all", "check_saved", "check_text", "interview_focus_for", "link",
           "open_posting", "sheet_for", "stories_of"]


@dataclass
class Opened:
    """A posting ready to check: its text, where it came from, and its saved file if any."""

    text: str
    source: str
    saved: store.SavedPosting | None = None

    @property
    def name(self) -> str | None:
        return self.saved.name if self.saved else None


def stories_of(bank: Bank) -> list[tuple[str, Story]]:
    return [(sf.id, sf.story) for sf in bank.stories]


def _catalog(bank: Bank) -> Catalog | None:
    """The bank's own catalog when it names one; None means the built-in, loaded only if the
    motivation check needs it."""
    if bank.settings.catalog_path() is None and bank.settings.platform == DEFAULT.platform:
        return None
    from storybank.catalog import catalog_for

    return catalog_for(bank.settings)


def open_posting(bank: Bank, source: str | None, save: str | None = None,
                 stdin_text: str | None = None) -> Opened:
    """The posting named by `source` (a file, `-`, or a saved posting's name), saved under `save`
    when given. With no source, the saved posting `save`."""
    root = bank.root
    if source is None:
        if save is None:
            raise StorybankError("give a posting: a file, `-` to paste one, a saved posting's name, or --all")
        saved = store.load(root, save)
        return Opened(saved.text, saved.source or saved.name, saved)
    from pathlib import Path

    is_file = source == "-" or Path(source).expanduser().exists()
    if not is_file:
        if store.names(root) and source in store.names(root):
            saved = store.load(root, source)
            if save and save != source:
                saved, _written = store.save_text(root, save, saved.text, saved.title, saved.source)
            return Opened(saved.text, saved.source or saved.name, saved)
        hint = ""
        if "/" not in source and "." not in source:
            names = store.names(root)
            hint = f"; saved postings: {', '.join(names)}" if names else "; no posting is saved yet"
        raise StorybankError(f"{source}: no such file, and no saved posting of that name{hint}")
    text, where = read_source(source, stdin_text)
    if save is None:
        return Opened(text, where)
    parts = blocks(text, where)
    extracted = read(text, where)
    if not extracted.items and not extracted.credentials:
        # Never save what holds no requirement: say so first (the check raises the same).
        check(text, [], source=where, motivation=False, extracted=extracted)
    saved, _written = store.save_text(root, save, as_markdown(parts), extracted.title,
                                      None if source == "-" else where)
    return Opened(saved.text, where, saved)


def _words(bank: Bank, stories: Sequence[tuple[str, Story]]) -> WordIndex | None:
    """The word index of the bank's stories: one for every posting checked against them."""
    from storybank.postings.match import word_index

    return word_index(stories, bank.root)


def _reports(bank: Bank, catalog: Catalog | None) -> BankReports:
    """The bank's reports through its `motivation` report cache: the motivation check analyses
    its story only when the file (or what shapes a report) changed. `catalog` None: the built-in
    one, built only then."""
    from storybank.analysis.session import BankReports

    return BankReports(bank, catalog, "motivation")


def read_saved(saved: store.SavedPosting) -> Extracted:
    """A saved posting's requirements. Its text is kept as Markdown (`as_markdown`) whatever it
    was saved from, so it is never read as HTML because its source was a `.html` page (which
    ran the whole posting into one paragraph: one requirement where there were 17)."""
    return read(saved.text)


def check_text(bank: Bank, opened: Opened, motivation: bool = True) -> PostingReport:
    links = opened.saved.links if opened.saved else ()
    stories = stories_of(bank)
    catalog = _catalog(bank) if motivation else None
    extracted = read_saved(opened.saved) if opened.saved else None
    report = check(opened.text, stories, source=opened.source, name=opened.name, links=links,
                   extracted=extracted, motivation=motivation, catalog=catalog, settings=bank.settings,
                   reports=_reports(bank, catalog) if motivation else None, words=_words(bank, stories))
    if opened.saved and opened.saved.title and not report.title:
        report = replace(report, title=opened.saved.title)
    return replace(report, errors=tuple(e.to_json() for e in bank.errors))


def check_saved(bank: Bank, name: str, motivation: bool = True) -> PostingReport:
    saved = store.load(bank.root, name)
    return check_text(bank, Opened(saved.text, saved.source or saved.name, saved), motivation)


def link(bank: Bank, opened: Opened, number: int, story: str, status: str | None,
         report: PostingReport | None = None) -> PostingReport:
    """Confirm, reject (or with None forget) the link between requirement `number` and `story`,
    in the saved posting; returns the report checked again."""
    if opened.saved is None:
        raise StorybankError("links are kept in a saved posting: add --save NAME (or name a saved posting)")
    report = report or check_text(bank, opened, motivation=False)
    requirement = report.requirement(number)
    if requirement is None:
        raise StorybankError(f"no requirement {number}: the posting has {len(report.requirements)} "
                             f"(numbered 1-{len(report.requirements)})")
    ids = {sid for sid, _story in stories_of(bank)}
    if story not in ids:
        lowered = {sid.lower(): sid for sid in ids}
        if story.lower() in lowered:
            story = lowered[story.lower()]
        else:
            import difflib

            close = difflib.get_close_matches(story, sorted(ids), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise StorybankError(f"no story `{story}` in {bank.root}{hint}; `storybank list` shows the ids")
    store.set_link(opened.saved, requirement.text, story, status)
    return check_text(bank, opened)


def check_all(bank: Bank) -> AllReport:
    """Every saved posting checked, and what is missing summed across them."""
    names = store.names(bank.root)
    if not names:
        raise StorybankError(f"no saved postings in {store.folder(bank.root)}: "
                             "`storybank posting FILE --save NAME` saves one")
    reports: list[PostingReport] = []
    unreadable: list[tuple[str, str]] = []
    stories = stories_of(bank)
    words = _words(bank, stories)
    for name in names:
        try:
            saved = store.load(bank.root, name)
            report = check(saved.text, stories, source=saved.source or name, name=name, links=saved.links,
                           extracted=read_saved(saved), motivation=False, words=words)
            reports.append(replace(report, title=report.title or saved.title))
        except StorybankError as exc:
            unreadable.append((name, str(exc)))
    return AllReport(tuple(reports), gaps(reports), tuple(unreadable))


@dataclass
class _Gathered:
    term: str
    postings: dict[str, None]
    requirements: dict[str, None]
    must: bool = False


def gaps(reports: Sequence[PostingReport]) -> tuple[Gap, ...]:
    """Missing requirements grouped by their terms: "Kubernetes: missing in 3 postings"."""
    by_term: dict[str, _Gathered] = {}
    for report in reports:
        for r in report.requirements:
            if r.verdict != "missing":
                continue
            for term in r.terms or (r.text,):
                entry = by_term.setdefault(phrase_key(term) or term.lower(), _Gathered(term, {}, {}))
                entry.postings[report.name or report.source or "?"] = None
                entry.requirements[r.text] = None
                entry.must = entry.must or r.must
    out = [Gap(e.term, tuple(e.postings), tuple(e.requirements), e.must) for e in by_term.values()]
    out.sort(key=lambda g: (-len(g.postings), not g.must, g.term.lower()))
    return tuple(out)


def _checked_saved(bank: Bank, name: str) -> tuple[PostingReport, Extracted]:
    saved = store.load(bank.root, name)
    source = saved.source or saved.name
    extracted = read_saved(saved)
    stories = stories_of(bank)
    catalog = _catalog(bank)
    report = check(saved.text, stories, source=source, name=name, links=saved.links,
                   extracted=extracted, catalog=catalog, settings=bank.settings,
                   reports=_reports(bank, catalog), words=_words(bank, stories))
    if saved.title and not report.title:
        report = replace(report, title=saved.title)
    return report, extracted


def interview_focus_for(bank: Bank, name: str) -> InterviewFocus:
    """A mock interview tailored to the saved posting `name` (see tailor.py)."""
    report, extracted = _checked_saved(bank, name)
    return interview_focus(report, extracted)


def sheet_for(bank: Bank, catalog: Catalog, name: str) -> tuple[dict[str, str | None], dict[str, str], SheetFocus]:
    """The cheat sheet's assignment, statuses and focus for the saved posting `name`."""
    from storybank.analysis.coverage import compute_coverage
    from storybank.analysis.session import analyze_bank
    from storybank.export.sheet import SheetFocus

    report, _extracted = _checked_saved(bank, name)
    reports = analyze_bank(bank, catalog, persistent=True)
    coverage = compute_coverage(bank.stories, reports, catalog)
    mapped = {t.id: list(t.stories) for t in coverage.question_types}
    choice = sheet_choice(report, coverage.assignment(), mapped)
    statuses: dict[str, str] = {t.id: t.status for t in coverage.question_types}
    return choice.assignment, statuses, SheetFocus(report.title or name, choice.shows)
