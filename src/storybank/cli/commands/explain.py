"""`storybank explain CODE`: what a finding code checks, why it matters, and an example that
fires and one that does not (the same examples the rule's tests run). `storybank explain` alone
(or `--list`) lists every code with its name, severity and what it checks, in a line each."""

from __future__ import annotations

import sys
import textwrap
from typing import TYPE_CHECKING

from storybank.cli.output import Painter, print_json, safe, use_colour

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.analysis.rules.registry import Rule
    from storybank.catalog import Catalog
    from storybank.cli import Context


def _catalog(ctx: Context) -> Catalog:
    """The bank's own catalog when there is a bank that names one (its pitfalls have codes too),
    else the built-in catalog. `explain` needs no bank."""
    from storybank.catalog import builtin_catalog, catalog_for
    from storybank.errors import StorybankError
    from storybank.settings import load_settings

    path = ctx.bank_path()
    if path.is_dir():
        try:
            return catalog_for(load_settings(path))
        except StorybankError:
            pass
    return builtin_catalog()


def run(args: Namespace, ctx: Context) -> int:
    from storybank.analysis.engine import rules_for
    from storybank.analysis.explain import describe_example, explain, suggest
    from storybank.errors import StorybankError

    rules = rules_for(_catalog(ctx))
    if args.list or not (args.code or "").strip():
        return _list(rules, ctx)
    by_name = {r.name: c for c, r in rules.items()}
    wanted = args.code.strip()
    code = by_name.get(wanted.lower(), wanted.upper())
    found = explain(code, rules)
    if found is None:
        close = suggest(wanted, sorted(rules)) or next(
            (by_name[n] for n in __import__("difflib").get_close_matches(wanted.lower(), by_name, 1)), None)
        hint = f" (did you mean {close} {rules[close].name}?)" if close else ""
        raise StorybankError(f"{wanted!r} is not a finding code{hint}; codes run from "
                             f"{min(rules)} to {max(rules)}, and `storybank lint` shows them")
    if ctx.json:
        print_json(found.to_json())
        return 0
    paint = Painter(use_colour())
    out = sys.stdout
    width = 96
    out.write(f"{paint(found.code, 'bold')} {paint(found.name, 'bold')}  "
              f"{paint(f'{found.severity}, {found.category}, about `{found.field}`', 'dim')}\n\n")
    out.write(textwrap.fill(f"What it checks: {found.checks}", width) + "\n")
    if found.why:
        out.write(textwrap.fill(f"Why it matters: {found.why}", width) + "\n")
    for title, spec, colour in (("Fires on", found.fires, "red"), ("Stays silent on", found.clean, "green")):
        kind = spec.get("kind", "project")
        out.write(f"\n{paint(title, 'bold', colour)} a strong {kind} story with:\n")
        for key, text in describe_example(spec):
            body = textwrap.fill(safe(text), width, initial_indent="    ", subsequent_indent="    ")
            out.write(f"  {paint(key, 'cyan')}:\n{body}\n")
    return 0


def _list(rules: dict[str, Rule], ctx: Context) -> int:
    """Every code, in order: code, name, severity, category and the first sentence of what it checks."""
    from storybank.analysis.explain import explain

    found = [explain(code, rules) for code in sorted(rules)]
    shown = [e for e in found if e is not None]
    if ctx.json:
        print_json({"rules": [{"code": e.code, "name": e.name, "severity": e.severity,
                               "category": e.category, "field": e.field, "checks": e.checks}
                              for e in shown]})
        return 0
    paint = Painter(use_colour())
    out = sys.stdout
    name_width = max(len(e.name) for e in shown)
    for e in shown:
        first = e.checks.split(". ")[0].rstrip(".") + "."
        head = f"{e.code} {e.name.ljust(name_width)}  {e.severity:<7}  "
        body = textwrap.fill(safe(first), 100, initial_indent=" " * len(head),
                             subsequent_indent=" " * len(head))[len(head):]
        out.write(f"{paint(e.code, 'bold')} {e.name.ljust(name_width)}  {paint(f'{e.severity:<7}', 'dim')}  "
                  f"{body}\n")
    out.write(paint(f"\n{len(shown)} codes; `storybank explain CODE` tells more about one.", "dim") + "\n")
    return 0
