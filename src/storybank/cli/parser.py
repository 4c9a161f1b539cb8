"""The command line's grammar, built from data/commands.toml. No command code is imported here,
so `storybank --help` stays as fast as Python itself."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tomllib
from typing import Any

from storybank import __version__

DESCRIPTION = """\
A local-first story bank for behavioral interview answers. Write each experience once as a
structured story, map it to the interview's question types, see what is uncovered, drill, and
print a one-page cheat sheet. With no command, opens the terminal UI on the bank."""

EPILOG = """\
bank: --bank DIR, else $STORYBANK_BANK, else ./stories
exit codes: 0 success, 1 the check found problems, 2 load errors or bad arguments"""


_GRAMMAR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "data", "commands.toml")
_TYPES = {"int": int, "float": float}


def _grammar() -> list[dict[str, Any]]:
    """The commands of data/commands.toml, in order (read by path: importlib.resources would
    cost a command's start-up more than the file itself)."""
    with open(_GRAMMAR, "rb") as f:
        commands: list[dict[str, Any]] = tomllib.load(f)["command"]
    return commands


class Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one clear line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"storybank: {message}{_did_you_mean(message)} (see `{self.prog} --help`)\n")
        raise SystemExit(2)


_INVALID_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)$")


def _did_you_mean(message: str) -> str:
    """The nearest command or choice to a mistyped one ("answers", "lnit"): `storybank answers`
    listed every command and left the user to find `answer` (dogfood20)."""
    found = _INVALID_CHOICE.search(message)
    if found is None:
        return ""
    import difflib

    choices = re.findall(r"'([^']*)'", found.group(2))
    near = difflib.get_close_matches(found.group(1), choices, n=1, cutoff=0.6)
    return f"; did you mean `{near[0]}`?" if near else ""


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--bank", metavar="DIR", default=default,
                        help="the bank folder (default: $STORYBANK_BANK or ./stories)")
    parser.add_argument("--format", dest="fmt", metavar="FORMAT", default=default,
                        help="output format: text (default) or json" if top else
                        "output format (see the command's help)")


def build_parser() -> Parser:
    parser = Parser(prog="storybank", description=DESCRIPTION, epilog=EPILOG,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"storybank {__version__}")
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, help_text: str, description: str = "") -> argparse.ArgumentParser:
        # `help_text` is the command's line in `storybank --help`, which fits 80 columns (a test
        # checks); `description` is the longer account in the command's own help, if any.
        p = sub.add_parser(name, help=help_text, description=description or help_text)
        _common(p, top=False)
        return p

    for spec in _grammar():
        p = command(spec["name"], spec["help"], spec.get("description", ""))
        for arg in spec.get("arg", ()):
            options = {key: _TYPES.get(value, value) if key == "type" else value
                       for key, value in arg.items() if key != "flags"}
            p.add_argument(*arg["flags"], **options)
    return parser
