"""Exporting the cheat sheet for a bank: pick the assignment, fit one page, write the file."""

from __future__ import annotations

from pathlib import Path

from storybank.atomic import atomic_write
from storybank.bank import Bank, types_without_story
from storybank.catalog import Catalog
from storybank.errors import StorybankError
from storybank.export.fit import Fitted, fit
from storybank.export.formats import FORMATS as TABLE
from storybank.export.formats import SUFFIXES
from storybank.export.sheet import FitLevel, Sheet, SheetFocus, build_sheet

FORMATS = tuple(TABLE)
TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2")


def format_for_path(path: Path | str) -> str | None:
    """The export format a file name asks for ("sheet.pdf" -> "pdf"), or None."""
    return SUFFIXES.get(Path(path).suffix.lower())


def format_for_template(path: Path | str) -> str | None:
    """The format a template produces, from its name: "mine.html.j2" -> "html"."""
    name = Path(path).name.lower()
    for suffix in TEMPLATE_SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return format_for_path(name)


def assignment_for(bank: Bank, catalog: Catalog) -> tuple[dict[str, str | None], dict[str, str] | None]:
    """Question type -> the story to tell for it (coverage's best distinct story per type, or the
    best mapped story when that one answers another type too), and the statuses."""
    from storybank.analysis.coverage import compute_coverage
    from storybank.analysis.session import analyze_bank

    # Through the bank's report cache, as `lint` and `coverage` read it: a large bank is not
    # analysed again for its cheat sheet.
    reports = analyze_bank(bank, catalog, persistent=True)
    coverage = compute_coverage(bank.stories, reports, catalog)
    return coverage.answers(), {t.id: t.status for t in coverage.question_types}


def due_today(bank: Bank, catalog: Catalog) -> list[str]:
    """The question types the practice schedule says are due today (see storybank.scheduler);
    none before the first drill, when every type would be, which says nothing."""
    import time

    from storybank import scheduler
    from storybank.practice import read_log

    log = read_log(bank.root)
    if not log.records:
        return []
    qids = catalog.question_ids()
    uncovered = types_without_story(qids, (sf.story.questions for sf in bank.stories))
    schedule = scheduler.build(log.records, qids, scheduler.today_in(time.time()), tz=None,
                               uncovered=uncovered, settings=bank.settings)
    return schedule.due()


def render_cheatsheet(bank: Bank, catalog: Catalog, fmt: str, paper: str | None = None,
                      template: Path | str | None = None,
                      assignment: dict[str, str | None] | None = None,
                      statuses: dict[str, str] | None = None, focus: SheetFocus | None = None) -> Fitted:
    """The cheat sheet for `bank` as `fmt`, fitted to one page (see export.fit); with `focus`,
    led by the stories that show a job posting's requirements."""
    if fmt not in FORMATS:
        raise StorybankError(f"unknown export format {fmt!r}: choose {', '.join(FORMATS)}")
    if assignment is None:
        assignment, statuses = assignment_for(bank, catalog)
    stories = {sf.id: sf.story for sf in bank.stories}
    paper = paper or bank.settings.paper
    due = due_today(bank, catalog)

    def build(level: FitLevel) -> Sheet:
        return build_sheet(stories, assignment, catalog, bank.settings, level, paper=paper,
                           statuses=statuses, due=due, focus=focus)

    return fit(build, fmt, template)


def write_output(path: Path, data: bytes) -> Path:
    path = Path(path).expanduser()
    if path.is_dir():
        raise StorybankError(f"{path} is a folder: give a file name, like {path / 'cheatsheet.pdf'}")
    if not path.parent.is_dir():
        raise StorybankError(f"{path}: the folder {path.parent} does not exist")
    atomic_write(path, data)
    return path


def export_cheatsheet(bank: Bank, catalog: Catalog, fmt: str, path: Path | str, paper: str | None = None,
                      template: Path | str | None = None) -> Path:
    """Write the one-page cheat sheet for `bank` to `path` as `fmt` (atomically); returns the path."""
    fitted = render_cheatsheet(bank, catalog, fmt, paper, template)
    return write_output(Path(path), fitted.data)
