"""The `storybank` command. Each command's code is imported only when that command runs."""

from __future__ import annotations

import os
import sys
from importlib import import_module

TYPE_CHECKING = False  # not typing.TYPE_CHECKING: `--help` does not import typing
if TYPE_CHECKING:
    from pathlib import Path

# pathlib, contextlib and typing are imported where used: `--help` needs none of them.

FORMATS = ("text", "json")


class Context:
    """What every command needs from the command line. A plain class: `dataclasses` pulls in
    `inspect`, a tenth of `storybank --help`'s start-up."""

    def __init__(self, bank_arg: str | None, fmt: str) -> None:
        self.bank_arg = bank_arg
        self.fmt = fmt

    @property
    def json(self) -> bool:
        return self.fmt == "json"

    def bank_path(self) -> Path:
        from pathlib import Path

        if self.bank_arg:
            return Path(self.bank_arg).expanduser()
        env = os.environ.get("STORYBANK_BANK")
        if env:
            return Path(env).expanduser()
        return Path("stories")


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, as argparse asks for it, without importing shutil."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def _fast_help() -> bool:
    """Print `storybank --help` from its stored text, as argparse would print it, if that text
    holds here: this Python's argparse layout and a terminal wide enough that argparse would not
    wrap a line. Importing argparse and building the parser would double the start-up."""
    import zlib

    from storybank.cli import helptext

    if sys.version_info[:2] != helptext.PYTHON or _terminal_columns() - 2 < helptext.MIN_WIDTH:
        return False
    here = os.path.dirname(__file__)
    crc = 0
    try:  # a grammar edited since the text was stored: argparse, never a stale help
        for path in (os.path.join(here, "parser.py"), os.path.join(here, "..", "data", "commands.toml")):
            with open(path, "rb") as source:
                crc = zlib.crc32(source.read(), crc)
    except OSError:
        return False
    if crc != helptext.GRAMMAR_CRC:
        return False
    sys.stdout.write(helptext.TEXT)  # ASCII (a test checks): any console can print it
    return True


def main(argv: list[str] | None = None) -> int:
    if (sys.argv[1:] if argv is None else argv) in (["--help"], ["-h"]) and _fast_help():
        return 0
    from storybank.cli.output import error, tolerant_stdout
    from storybank.cli.parser import build_parser

    tolerant_stdout()

    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command
    fmt = args.fmt or "text"
    allowed = _formats(command)
    if args.fmt is not None and fmt not in allowed:
        error(f"unknown format {fmt!r} for {command or 'storybank'}: choose {', '.join(allowed)}")
        return 2
    ctx = Context(bank_arg=args.bank, fmt=fmt)
    try:
        module = import_module(f"storybank.cli.commands.{command or 'ui'}")
        return int(module.run(args, ctx) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`storybank list | head`): not an error worth a message.
        import contextlib

        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into exit codes
        return _exit_code(exc)


def _formats(command: str | None) -> tuple[str, ...]:
    """The `--format` values a command takes. The terminal UI (no command, drill, interview)
    prints screens, never JSON: `--format json` there would fill a pipe with escape codes where
    a script expects JSON."""
    if command == "export":
        from storybank.export.formats import FORMATS as EXPORT_FORMATS

        return tuple(EXPORT_FORMATS)
    return ("text",) if command in (None, "drill", "interview") else FORMATS


def _exit_code(exc: Exception) -> int:
    """An error as one line on stderr and exit code 2 (a bug says so; STORYBANK_DEBUG re-raises)."""
    from storybank.cli.output import error
    from storybank.errors import StorybankError

    if isinstance(exc, StorybankError):
        error(str(exc))
        return 2
    if isinstance(exc, OSError):
        error(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
        return 2
    if os.environ.get("STORYBANK_DEBUG"):
        raise exc
    error(f"internal error: {type(exc).__name__}: {exc} "
          "(this is a bug in storybank; run with STORYBANK_DEBUG=1 for details)")
    return 2
