"""The command line's grammar. Argument definitions only: no command code is imported here,
so `storybank --help` stays as fast as Python itself."""

from __future__ import annotations

import argparse
import sys

from storybank import __version__

DESCRIPTION = """\
A local-first story bank for behavioral interview answers. Write each experience once as a
structured story, map it to the interview's question types, see what is uncovered, drill, and
print a one-page cheat sheet. With no command, opens the terminal UI on the bank."""

EPILOG = """\
bank: --bank DIR, else $STORYBANK_BANK, else ./stories
exit codes: 0 success, 1 the check found problems, 2 load errors or bad arguments"""


class Parser(argparse.ArgumentParser):
    """argparse that reports bad arguments in one clear line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"storybank: {message} (see `{self.prog} --help`)\n")
        raise SystemExit(2)


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

    p = command("init", "create an empty bank with its settings file")
    p.add_argument("dir", nargs="?", metavar="DIR", help="folder to create (default: the bank)")
    p.add_argument("--examples", action="store_true", help="copy the example stories into it")

    p = command("new", "create a story skeleton and print its path")
    p.add_argument("title", metavar="TITLE")
    p.add_argument("--question", "-q", action="append", default=[], metavar="ID",
                   help="a question type this story answers (repeatable)")

    command("list", "the stories, one a line")

    p = command("lint", "findings and scores for the stories")
    p.add_argument("ids", nargs="*", metavar="ID", help="only these stories")

    command("coverage", "the question types, their stories, and the assignment")

    p = command("followups", "the follow-up prompts generated for one story")
    p.add_argument("id", metavar="ID")

    p = command("match", "a question's type or probe, and the best stories for it")
    p.add_argument("question", metavar="QUESTION")
    p.add_argument("--limit", type=int, default=5, metavar="N", help="stories to show (default 5)")

    p = command("export", "write the one-page cheat sheet")
    p.add_argument("-o", "--output", metavar="PATH", help="write to PATH (default: Markdown to stdout)")
    p.add_argument("--template", metavar="FILE", help="a Jinja2 template of your own")
    p.add_argument("--paper", choices=["letter", "a4"], help="page size (default: the bank's setting)")
    p.add_argument("--posting", metavar="NAME",
                   help="lead with the stories that show this saved posting's requirements")
    p.add_argument("--force", action="store_true", help="replace the file at -o PATH if there is one")

    command("drill", "open the terminal UI on the timed drill")

    p = command("rehearse", "analyse a spoken answer, from the microphone or a file",
                "listen to a spoken answer (microphone or audio file) and analyse what was said; "
                "needs the voice extra")
    p.add_argument("id", metavar="ID", help="the story you are telling")
    p.add_argument("--audio", metavar="FILE",
                   help="analyse a recording (WAV, FLAC, OGG, MP3, M4A) instead of the microphone")
    p.add_argument("--question", metavar="TYPE", help="the question type answered (default: the "
                                                      "story's first)")
    p.add_argument("--probe", metavar="PROBE", help="this is the answer to a follow-up probe")
    p.add_argument("--keep-audio", action="store_true",
                   help="keep the recording in .storybank/recordings/")
    p.add_argument("--limit", type=float, metavar="SECONDS",
                   help="stop recording from the microphone after this long (default: the hard "
                        "limit + 30 s); a file given with --audio is always analysed whole")
    p = command("interview", "open the terminal UI on a full mock interview",
                "open the terminal UI on a full mock interview (6-8 questions, one probe each)")
    p.add_argument("--posting", metavar="NAME",
                   help="weigh the questions toward this saved posting's gaps, probe its named skills")
    p = command("progress", "practice by question type and story, and what is due today",
                "practice history per question type and story, and what is due today")
    p.add_argument("--today", metavar="YYYY-MM-DD",
                   help="see the log as it stood on this day, and what was due then (default: today)")
    p = command("answer", "judge an answer given as text, as the interviewer would",
                "judge an answer given as text (typed, pasted or a transcript): the story it "
                "tells, its findings and scores, and the probe an interviewer would ask next")
    p.add_argument("file", nargs="?", metavar="FILE",
                   help="the answer (default: standard input; `-` reads it too)")
    p.add_argument("--question", metavar="TYPE|TEXT",
                   help="the question answered: a type id or the interviewer's words")
    p.add_argument("--story", metavar="ID", help="the story told (default: recognised from the text)")
    p.add_argument("--probe", metavar="PROBE", help="the text answers this follow-up probe")
    p.add_argument("--first", metavar="FILE",
                   help="with --probe: the first answer, to judge whether the follow-up went deeper")
    p = command("posting", "a job posting against your stories: what is shown, missing",
                "what a job posting asks for, which story shows each requirement, and what is "
                "missing; credentials are listed apart")
    p.add_argument("source", nargs="?", metavar="FILE|-|NAME",
                   help="the posting: a .txt, .md or .html file, - to paste it, or a saved posting's name")
    p.add_argument("--save", metavar="NAME", help="save it in the bank (.storybank/postings/NAME.toml) "
                                                  "with your confirmed and rejected links")
    p.add_argument("--all", action="store_true", help="every saved posting, and what is missing across them")
    p.add_argument("--confirm", action="append", default=[], metavar="N:STORY",
                   help="this story shows requirement N (repeatable; kept in the saved posting)")
    p.add_argument("--reject", action="append", default=[], metavar="N:STORY",
                   help="this story does not show requirement N (repeatable)")
    p.add_argument("--forget", action="append", default=[], metavar="N:STORY",
                   help="drop a confirmed or rejected link")
    p = command("explain", "what a finding code checks, and why it matters",
                "what a finding code checks, why it matters, and an example of each way; "
                "with no code (or --list), every code in one line each")
    p.add_argument("code", nargs="?", metavar="CODE", help="a finding code such as SB403, or its name")
    p.add_argument("--list", action="store_true", help="list every finding code")
    return parser
