"""`storybank posting [FILE|-|NAME] [--save NAME] [--all] [--confirm N:STORY] [--reject N:STORY]`:
what a job posting asks for, which story shows each requirement, what is missing (README "Job postings").

Exit codes: 0 every must-have requirement has a story; 1 a must-have has none; 2 the posting
could not be read, or nothing in it reads as a requirement (said in so many words: never an
empty all-clear), or bad arguments.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from storybank.cli.common import open_bank, print_load_errors
from storybank.cli.output import Painter, error, print_json, safe, use_colour

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.bank import Bank
    from storybank.cli import Context
    from storybank.postings.api import Opened
    from storybank.postings.report import AllReport, PostingReport, Requirement

MARK = {"shown": ("✓", "green"), "possibly": ("?", "yellow"), "missing": ("✗", "red")}
MOTIVATION_MARK = {"tied": ("✓", "green"), "generic": ("!", "yellow"), "unrelated": ("!", "yellow"),
                   "unnamed": ("·", "dim"), "missing": ("✗", "red")}
QUOTE_CHARS = 110


def _pair(value: str) -> tuple[int, str]:
    """`3:story-id` (or `3=story-id`) -> (3, "story-id")."""
    for sep in (":", "="):
        number, found, story = value.partition(sep)
        if found and number.strip().isdigit() and story.strip():
            return int(number), story.strip()
    from storybank.errors import StorybankError

    raise StorybankError(f"{value!r}: write a link as N:STORY, the requirement's number and a story id "
                         "(`3:kafka-outage`)")


def run(args: Namespace, ctx: Context) -> int:
    from storybank.errors import StorybankError
    from storybank.postings import api

    # Every story is read to match the posting against: through the memo of parsed files.
    bank = open_bank(ctx, remember=True)
    if args.all:
        return _run_all(args, ctx, bank)
    try:
        opened = api.open_posting(bank, args.source, args.save, _stdin_posting(args.source))
        linked: PostingReport | None = None
        for (number, story), status in _links(args):
            linked = api.link(bank, opened, number, story, status, linked if status else None)
        report = api.check_text(bank, opened)
    except StorybankError as exc:  # api.NoRequirements among them
        error(str(exc))
        return 2
    print_load_errors(bank.errors)
    if ctx.json:
        print_json(report.to_json())
    else:
        _print_report(report, opened)
    if report.found_nothing:
        error("found no requirements in the posting, only credentials: nothing to match against your "
              "stories (is the requirements list in the text?)")
        return 2
    return 1 if report.must_missing else 0


def _run_all(args: Namespace, ctx: Context, bank: Bank) -> int:
    from storybank.postings import api

    if args.source or args.confirm or args.reject or args.forget:
        error("--all sums the saved postings; it takes no posting and no links")
        return 2
    summary = api.check_all(bank)
    print_load_errors(bank.errors)
    _print_all(summary, ctx)
    if not summary.postings:
        return 2
    return 1 if any(p.must_missing for p in summary.postings) else 0


def _links(args: Namespace) -> list[tuple[tuple[int, str], str | None]]:
    """The links asked for on the command line: confirmed, rejected, or forgotten (None)."""
    return ([(_pair(v), "confirmed") for v in args.confirm] + [(_pair(v), "rejected") for v in args.reject]
            + [(_pair(v), None) for v in args.forget])


def _stdin_posting(source: str | None) -> str | None:
    if source != "-":
        return None
    if sys.stdin.isatty():
        sys.stderr.write("Paste the posting, then press Ctrl-D on an empty line.\n")
    return sys.stdin.read()


def _cut(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _print_report(report: PostingReport, opened: Opened) -> None:
    paint = Painter(use_colour())
    out = sys.stdout
    out.write(_heading(report, paint))
    section = None
    for r in report.requirements:
        if r.section != section:
            section = r.section
            out.write(f"\n{paint(safe(section) or 'Requirements', 'bold')}\n")
        out.write(_requirement(r, paint))
    if report.credentials:
        out.write(f"\n{paint('Credentials', 'bold')} {paint('(a checklist of their own: no story shows these)', 'dim')}\n")
        for c in report.credentials:
            out.write(f"  ☐ {safe(c.text)}\n")
    m = report.motivation
    if m is not None:
        mark, colour = MOTIVATION_MARK[m.verdict]
        out.write(f"\n{paint('Motivation', 'bold')} {paint(mark, colour)} {safe(m.message)}\n")
    out.write(_footer(report, paint))


def _heading(report: PostingReport, paint: Painter) -> str:
    head = safe(report.title or report.name or "Posting")
    facts = [f"{len(report.requirements)} requirements"]
    if report.name:
        facts.insert(0, f"saved as {report.name}")
    if report.source and report.source not in ("-", report.name):
        facts.append(f"from {safe(report.source)}")
    return f"{paint(head, 'bold')}  {paint('(' + ' · '.join(facts) + ')', 'dim')}\n"


def _requirement(r: Requirement, paint: Painter) -> str:
    """One requirement's line, its evidence and its rejected stories."""
    mark, colour = MARK[r.verdict]
    must = paint("  must-have", "dim") if r.must and r.verdict == "missing" else ""
    lines = [f"{r.number:3} {paint(mark + ' ' + r.verdict.ljust(8), colour)} {safe(r.text)}{must}\n"]
    for e in r.evidence:
        tag = "confirmed" if e.confirmed else ("shown in" if r.verdict == "shown" else "check")
        quote = f": “{safe(_cut(e.sentence, QUOTE_CHARS))}”" if e.sentence else ""
        lines.append(f"    {paint(tag, 'dim')} {paint(e.story, 'cyan')}{quote}\n")
    if r.rejected:
        lines.append(f"    {paint('rejected: ' + ', '.join(r.rejected), 'dim')}\n")
    return "".join(lines)


def _footer(report: PostingReport, paint: Painter) -> str:
    """The counts, the must-haves missing, what was left out, and the next step."""
    shown, possibly, missing = report.count("shown"), report.count("possibly"), report.missing
    summary = (f"{paint(str(shown) + ' shown', 'green')} · {paint(str(possibly) + ' to check', 'yellow')} · "
               f"{paint(str(missing) + ' missing', 'red')}")
    musts = report.must_missing
    if musts:
        summary += f" ({len(musts)} must-have: " + ", ".join(f"#{r.number}" for r in musts) + ")"
    lines = [f"\n{summary}\n"]
    if report.dropped:
        lines.append(paint(f"Left out as boilerplate: {', '.join(safe(d) for d in report.dropped)}.\n", "dim"))
    if report.stale_links:
        lines.append(paint(f"{len(report.stale_links)} saved link(s) name a requirement no longer in the posting; "
                           "they stay in the file.\n", "yellow"))
    if possibly or missing:
        name = report.name or "NAME"
        hint = (f"Confirm a link: storybank posting {name} --confirm N:STORY (or --reject N:STORY)"
                if report.name else "Save it to confirm or reject links: add --save NAME")
        lines.append(paint(hint + "\n", "dim"))
    return "".join(lines)


def _print_all(report: AllReport, ctx: Context) -> None:
    if ctx.json:
        print_json(report.to_json())
        for name, message in report.unreadable:
            error(f"{name}: {message}")
        return
    paint = Painter(use_colour())
    out = sys.stdout
    width = max((len(p.name or "") for p in report.postings), default=4)
    for p in report.postings:
        out.write(f"{paint((p.name or '').ljust(width), 'bold')}  {safe(p.title or '')}  "
                  f"{paint(str(p.count('shown')) + ' shown', 'green')} · {paint(str(p.count('possibly')) + ' to check', 'yellow')}"
                  f" · {paint(str(p.missing) + ' missing', 'red')}\n")
    for name, message in report.unreadable:
        error(f"{name}: {message}")
    if report.gaps:
        out.write(f"\n{paint('Missing across your postings', 'bold')}\n")
        for g in report.gaps[:20]:
            must = paint(" must-have", "dim") if g.must else ""
            out.write(f"  {len(g.postings):2} × {safe(g.term)}{must}  {paint('(' + ', '.join(g.postings) + ')', 'dim')}\n")
        if len(report.gaps) > 20:
            out.write(paint(f"  … {len(report.gaps) - 20} more (--format json lists them all)\n", "dim"))
    else:
        out.write("\nEvery requirement of every saved posting has a story.\n")
