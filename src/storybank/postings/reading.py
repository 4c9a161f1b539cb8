"""Reading a job posting: a file (.txt, .md, .html) or pasted text, into a list of blocks.

A block is a heading, a bullet or a paragraph. The three formats meet here:

- **HTML** (a saved job page): headings are `h1`–`h6`, a `dt`, or a paragraph that holds
  nothing but bold text; bullets are `li`, a table row (its cells joined by
  " | "), and a line with a bullet sign; scripts, styles, navigation, headers and footers are
  skipped.
- **Markdown**: `#` headings, a line that is all bold (`**What you bring**`), `-`, `*`, `+` and
  numbered bullets.
- **Plain text** (pasted from a job board): a short line ending in a colon, or a short line in
  capitals or title case standing alone, is a heading; a line starting with a bullet sign
  (`-`, `*`, `•`, `·`, `▪`, `–`, `1.`, `a)`) is a bullet, and the lines wrapped under it belong
  to it; lines with no sign are one item each unless a line plainly goes on in the next.
- In all three, a known heading with a colon and a list ("Requirements: Python; SQL", "Nice to
  have: telehealth") is that heading and one bullet per item.

What is not text (a PDF, an image, a file full of NUL bytes) is refused with one clear line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from storybank.atomic import read_regular
from storybank.errors import StorybankError
from storybank.postings import lexicon
from storybank.postings.lexicon import known_heading
from storybank.words import count_words

MAX_BYTES = 2 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Block:
    kind: str      # "heading", "bullet" or "para"
    text: str
    code: str = ""   # a coded item's code ("Q1", "P3", "R-04"): a legend may say what its letter means
    number: int = 0  # a numbered item's number ("3." -> 3): a list that starts again at 1 is a new list


class PostingUnreadable(StorybankError):
    """The posting cannot be read as text."""


def read_source(source: str, stdin_text: str | None = None) -> tuple[str, str]:
    """The posting's text and a name for where it came from: a path, or `-` for `stdin_text`."""
    if source == "-":
        if stdin_text is None:
            raise PostingUnreadable("nothing on standard input: paste the posting, or give a file")
        return stdin_text, "-"
    path = Path(source).expanduser()
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PostingUnreadable(f"{path} is {size // 1024} KB; a posting is read up to 2 MB")
        data = read_regular(path)
    except FileNotFoundError:
        raise PostingUnreadable(f"{path}: no such file") from None
    except IsADirectoryError:
        raise PostingUnreadable(f"{path} is a folder: give the posting's file") from None
    except OSError as exc:
        raise PostingUnreadable(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return decode(data, str(path)), str(path)


def decode(data: bytes, where: str = "the posting") -> str:
    """Bytes as text: UTF-8 (with or without a byte-order mark), else Windows-1252, which is
    what a posting saved from an older browser or word processor is."""
    if data.startswith(b"%PDF"):
        raise PostingUnreadable(f"{where} is a PDF: copy its text into a .txt file, or paste it with `-`")
    if b"\x00" in data[:4096]:
        raise PostingUnreadable(f"{where} is not text (it holds NUL bytes): save the posting as .txt, "
                                ".md or .html")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def looks_like_html(text: str, name: str = "") -> bool:
    if name.lower().endswith(HTML_SUFFIXES):
        return True
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html", "<body", "<div", "<h1", "<h2", "<ul", "<p>", "<p ",
                            "<section", "<article", "<main"))


def blocks(text: str, name: str = "") -> list[Block]:
    """The posting's headings, bullets and paragraphs, in order."""
    if looks_like_html(text, name):
        return _html_blocks(text)
    return _text_blocks(_without_front_matter(text))


# A static site's page head: "---", lines of "key: value", "---" ("layout: post", "title: …").
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRONT_LINE = re.compile(r"^(?:[A-Za-z_][\w-]*\s*:.*|\s+\S.*|-\s.*|#.*|\s*)$")
_FRONT_TITLE = re.compile(r"^title\s*:\s*(.+?)\s*$", re.M)


def _without_front_matter(text: str) -> str:
    """A Markdown page as a static site stores it, its head ("layout: post", "tags: […]") left out
    and its `title:` made the page's heading, as the site shows it; a posting that only opens
    with a rule ("---" over prose) is left as it is."""
    head = _FRONT_MATTER.match(text)
    if head is None or not all(_FRONT_LINE.match(line) for line in head.group(1).splitlines()):
        return text
    title = _FRONT_TITLE.search(head.group(1))
    rest = text[head.end():]
    return f"# {title.group(1).strip(chr(34) + chr(39))}\n\n{rest}" if title else rest


# --- plain text and Markdown -------------------------------------------------------------------

# A bullet sign, a number, a letter, or a person specification's code ("E4  Experience…",
# "D2. Machine learning…"): a capital or two and a number, then two spaces or a stop.
# A sign that is nothing but a bullet may stand right against its text ("•be 18 years of age or
# older", as a job board's stored text has it); a dash, a star or a plus needs its space ("-5 °C",
# "*Note").
_BULLET = re.compile(r"^\s*(?:[•·▪▫◦‣⁃●○■□➢➤►✓✔✅☑★☆◆◇▶→⇒»🔹🔸🔷🔶👉✨](?=[^\s•·])"
                     r"|(?:[-*+•·▪▫◦‣⁃–—●○■□➢➤►✓✔✅☑★☆◆◇▶→⇒»🔹🔸🔷🔶👉✨]|\d{1,2}[.)]|\(?[a-zA-Z][.)]|\(\d{1,2}\)"
                     r"|\(?(?:ii|iii|iv|vi|vii|viii|ix)[.)])\s+"
                     r"|[A-Z]{1,3}-?\d{1,3}(?:\s{2,}|[.):]\s+)|\d{1,2}(?:\.\d{1,2})+\.?\s+(?=[A-Z]))(?=\S)")
# A numbered item's sign: "3." of "  3. Ability to:", "2)" of "2) Python".
_NUMBERED = re.compile(r"(\d{1,2})[.)]")
# The code of a coded item, at the start of a bullet's text or of a line ("Q1   HPLC …", "R-04: …",
# "1.2 Method validation …"), two spaces or a stop after it.
_CODE = re.compile(r"^\s*([A-Z]{1,3}-?\d{1,3}|\d{1,2}(?:\.\d{1,2})+)(?:\s{2,}|[.):]?\s+)(?=\S)")
# The rule under a fixed-width table's header row: runs of dashes with spaces between.
_COLUMN_RULE = re.compile(r"^\s*-{2,}(?:[ \t]+-{2,})+\s*$")
# A fixed-width row: cells parted by three spaces or more (not a "Label:   value" line).
_CELL_GAP = re.compile(r"(?<=[^\s:])\s{3,}(?=\S)")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
_SETEXT = re.compile(r"^\s*(?:=+|-+)\s*$")
_MD_INLINE = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|`")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^\s*(?:[-*_=]\s*){3,}$")


# An aside in parentheses closing a line: "Nice to haves (none of these are deal-breakers)".
_ASIDE = re.compile(r"\s*\([^()]*\)\s*:?\s*$")


def _known_with_aside(line: str) -> bool:
    """A known heading with an aside: "Nice to haves (none of these are deal-breakers)"; not a
    heading and its list ("Requirements: Python (3.10+)")."""
    bare = _ASIDE.sub("", line)
    return bare != line and ":" not in bare.rstrip(": ") and known_heading(bare)


def _clean(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_INLINE.sub("", text)
    return " ".join(text.split())


def _is_heading_line(line: str, prev_blank: bool, next_line: str, ahead: str = "") -> bool:
    """A plain-text heading: short, no sentence inside, standing on its own line."""
    text = line.strip()
    words = text.split()
    if not words or len(words) > 9 or len(text) > 80:
        return False
    if text.endswith(":"):
        return len(words) <= 8
    if text[-1] in ".,;!" or not prev_blank:
        return False
    if text[-1] == "?":
        return len(words) <= 6                # a short question standing alone heads a section: "Is this you?"
    if (_BULLET.match(next_line) or (not next_line.strip() and _BULLET.match(ahead))) and len(words) <= 6:
        return True                           # a short line standing over a list: "Good to have"
    return _capitals(text, words, next_line)


_SMALL_WORDS = frozenset({"a", "an", "and", "the", "of", "to", "in", "for", "on", "at", "with", "you", "we",
                          "our", "your", "or", "&", "is", "are"})


def _capitals(text: str, words: list[str], next_line: str) -> bool:
    """ALL CAPS, or Title Case standing alone followed by a bullet or by text ("What You Will
    Bring")."""
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 2:
        return True
    titled = all(w[0].isupper() or not w[0].isalpha() or w.lower() in _SMALL_WORDS for w in words)
    return titled and len(words) <= 6 and bool(next_line.strip())


class _TextReader:
    """Plain text and Markdown, line by line: each line is read by the first of `steps` that
    takes it (a blank, a rule, a heading of any kind, a bullet, a bullet's wrapped line, a
    paragraph's line)."""

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.para: list[str] = []
        self.bullet: list[str] | None = None
        self.prev_blank = True
        self.ahead = ""          # the next line with text (set by the caller before each line)
        self.code = ""           # the code of the bullet being read ("Q1")
        self.number = 0          # its number, when it is numbered ("3.")
        self.indent = 0          # how far its sign stands in: a line indented further goes on with it
        self.steps = (self._blank, self._table_row, self._rule, self._md_heading,
                      self._setext, self._underline, self._bold, self._numbered_heading, self._bullet,
                      self._wrapped_bullet, self._plain_heading, self._fixed_row, self._para)

    def flush(self) -> None:
        if self.bullet is not None:
            joined = _clean(" ".join(self.bullet))
            if joined:
                self.out.append(Block("bullet", joined, self.code, self.number))
            self.bullet = None
            self.code = ""
            self.number = 0
        if self.para:
            joined = _clean(" ".join(self.para))
            if joined:
                self.out.append(Block("para", joined))
            self.para = []

    def heading(self, text: str) -> bool:
        self.flush()
        self.out.append(Block("heading", text))
        self.prev_blank = True
        return True

    def read(self, raw: str, nxt: str) -> None:
        line = raw.rstrip()
        for step in self.steps:
            if step(raw, line, nxt):
                return

    def _blank(self, raw: str, line: str, nxt: str) -> bool:
        if line.strip():
            return False
        self.flush()
        self.prev_blank = True
        return True

    def _table_row(self, raw: str, line: str, nxt: str) -> bool:
        """A Markdown table: each row below its header a bullet of its cells."""
        if not line.lstrip().startswith("|"):
            return False
        self.flush()
        if _TABLE_RULE.match(line):
            return True
        cells = [_clean(c) for c in line.strip().strip("|").split("|")]
        text = " | ".join(c for c in cells if c)
        if text and not _TABLE_RULE.match(nxt):      # the header row names columns, not a section
            self.out.append(Block("bullet", text))
        self.prev_blank = True
        return True

    def _numbered_heading(self, raw: str, line: str, nxt: str) -> bool:
        """A numbered section heading: "5. WHAT WE OFFER", "2) Requirements:", not an item
        that happens to be short ("2. Python")."""
        marker = _BULLET.match(line)
        if marker is None or not line[:marker.end()].strip()[:1].isdigit():
            return False
        rest = line[marker.end():].strip()
        letters = [c for c in rest if c.isalpha()]
        caps = len(letters) > 2 and all(c.isupper() for c in letters) and count_words(rest) <= 8
        # A known heading numbered like the items of a list it would end ("5. Working knowledge
        # of memoQ" after "4. …") is that list's next item.
        if not (caps or (known_heading(rest) and self.bullet is None and self.prev_blank)):
            return False
        return self.heading(_clean(rest).rstrip(":").strip())

    def _fixed_row(self, raw: str, line: str, nxt: str) -> bool:
        """A row of a fixed-width table with no bullet sign ("Kubernetes operations     Must"):
        one item, its cells joined by " | ", when the line below is a row too or a row stood
        above."""
        if not _CELL_GAP.search(line.strip()):
            return False
        after = bool(_CELL_GAP.search(nxt.strip()))
        before = bool(self.out) and self.out[-1].kind == "bullet" and " | " in self.out[-1].text
        if not (after or before):
            return False
        self.flush()
        self.out.append(Block("bullet", " | ".join(_clean(c) for c in _CELL_GAP.split(line.strip()))))
        self.prev_blank = False
        return True

    def _rule(self, raw: str, line: str, nxt: str) -> bool:
        """A rule ("---", "==="), and a fixed-width table's header row over its rule ("REF
        CRITERION" over "---  -------"): that names columns, not a section."""
        if not (_RULE.match(line) or _COLUMN_RULE.match(nxt)) or _BULLET.match(line):
            return False
        self.flush()
        self.prev_blank = True
        return True

    def _md_heading(self, raw: str, line: str, nxt: str) -> bool:
        heading = _MD_HEADING.match(line)
        return heading is not None and self.heading(_clean(heading.group(2)))

    def _setext(self, raw: str, line: str, nxt: str) -> bool:
        """A line underlined by === or ---."""
        if not (_SETEXT.match(nxt) and nxt.strip() and self.para == [] and self.bullet is None
                and count_words(line) <= 10 and not _BULLET.match(line)):
            return False
        return self.heading(_clean(line))

    def _underline(self, raw: str, line: str, nxt: str) -> bool:
        return bool(_SETEXT.match(line)) and bool(self.out) and self.out[-1].kind == "heading"

    def _bold(self, raw: str, line: str, nxt: str) -> bool:
        bold = _BOLD_LINE.match(line)
        if not bold or len(bold.group(1).split()) > 10 or _BULLET.match(line):
            return False
        return self.heading(_clean(bold.group(1)).rstrip(":"))

    def _bullet(self, raw: str, line: str, nxt: str) -> bool:
        marker = _BULLET.match(line)
        if not marker:
            return False
        self.flush()
        code = _CODE.match(line)
        self.code = code.group(1) if code is not None and code.end() == marker.end() else ""
        rest = line[marker.end():]
        inner = _CODE.match(rest) if not self.code else None    # "- Q1  HPLC …", as Markdown writes it
        if inner is not None and "  " in rest[:inner.end()]:
            self.code, rest = inner.group(1), rest[inner.end():]
        self.bullet = [rest]
        numbered = _NUMBERED.fullmatch(line[:marker.end()].strip())
        self.number = int(numbered.group(1)) if numbered is not None else 0
        self.indent = len(line) - len(line.lstrip())
        self.prev_blank = False
        return True

    def _wrapped_bullet(self, raw: str, line: str, nxt: str) -> bool:
        """A wrapped line of the bullet above: indented under its text, or right under it where
        the bullet reads as cut (`_goes_on`). A line that starts afresh after a bullet that
        ended is the next thing ("Education and Experience", a paragraph of the schedule), even
        with no blank line between."""
        if self.bullet is None:
            return False
        indented = len(raw) - len(raw.lstrip()) > self.indent
        if not (indented or (not self.prev_blank and not _is_heading_line(line, False, nxt)
                             and _goes_on(self.bullet[-1], line.strip()))):
            return False
        self.bullet.append(line.strip())
        return True

    def _plain_heading(self, raw: str, line: str, nxt: str) -> bool:
        starts = self.para == [] or line.strip().endswith(":")
        if not ((starts and _is_heading_line(line, self.prev_blank or self.para == [], nxt, self.ahead))
                or known_heading(line) or _known_with_aside(line)):
            return False
        return self.heading(_clean(line).rstrip(":").strip())

    def _para(self, raw: str, line: str, nxt: str) -> bool:
        if self.bullet is not None:
            self.flush()
        if self.para and not (_wrapped(self.para[-1], line.strip()) or _joined(self.para[-1], line.strip())):
            self.flush()  # a short line ends its paragraph: a pasted posting puts one item on each line
        self.para.append(line.strip())
        self.prev_blank = False
        return True


# A heading glued to its first bullet ("Nice to have:* Experience with…"), and bullets run
# together on one line with a middle dot between them ("… data · Terraform or other IaC").
_GLUED_HEADING = re.compile(r"^(\s*[A-Za-z][^:*•·]{2,40}):\s*(?=[*•·-]\s*\S)")
_MID_DOT = re.compile(r"\s+·\s+(?=\S)")
# A heading run into its text when the line break was lost in pasting: "What we offerSalary …".
_RUN_IN_HEADING = re.compile(r"^([A-Z][A-Za-z'’ ]{2,40}?[a-z])(?=[A-Z][a-z])")


def _run_in_heading(raw: str) -> re.Match[str] | None:
    """"What we offerSalary …", "BenefitsCompetitive pay": not a name in CamelCase ("About AcmeCorp")."""
    found = _RUN_IN_HEADING.match(raw)
    if found is None:
        return None
    words = found.group(1).split()
    return found if len(words) == 1 or words[-1][:1].islower() else None


def _unglued(lines: list[str]) -> list[str]:
    """The lines, with a heading glued to its first bullet set on a line of its own, and
    bullets run together with middle dots each on a line of their own."""
    out: list[str] = []
    for raw in lines:
        glued = _GLUED_HEADING.match(raw) or _run_in_heading(raw)
        if glued is not None and known_heading(glued.group(1)):
            out.append(glued.group(1) + ":")
            raw = raw[glued.end():]
        marker = _BULLET.match(raw)
        if marker is None:
            out.append(raw)
            continue
        first, *rest = _MID_DOT.split(raw)
        out += [first, *("· " + part for part in rest)]
    return out


# A line quoted with ">", as plain text marks a list ("> Colorado RDH license"); not ">> ROLE".
_QUOTED = re.compile(r"^\s{0,3}>(?!>)\s+(?=\S)")
MIN_QUOTED_ITEMS = 2
MAX_QUOTED_ITEM_WORDS = 20


def _starts_item(text: str) -> bool:
    """A short line whose first word is not a lower-case word going on from the line above: a
    capital, a number or a name like "iTero"."""
    first = text.split()[0]
    return count_words(text) <= MAX_QUOTED_ITEM_WORDS and not first.islower()


def _quoted_items(lines: list[str]) -> list[str]:
    """The lines, with a run of quoted lines that is a list made bullets: two lines or more right
    under their heading, each short and starting with a capital or a number. A quoted paragraph
    ("> We're a team …" wrapped over lines, or one quoted line), and a Markdown block quote set
    apart by a blank line ("> Location: Berlin" under the title), stay prose."""
    out = list(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _QUOTED.match(lines[j]):
            j += 1
        items = [_QUOTED.sub("", line, count=1) for line in lines[i:j]]
        under_heading = i > 0 and bool(lines[i - 1].strip())
        if under_heading and len(items) >= MIN_QUOTED_ITEMS and all(_starts_item(item) for item in items):
            out[i:j] = ["- " + item for item in items]
        i = max(j, i + 1)
    return out


MIN_LOST_BULLETS = 2   # lines opening with the same lost sign for it to be a bullet
# A dash typed against its item's capital, as a small employer's list has it ("-Reliable
# transportation.", "-A quick learner …", round 21): a bullet when two lines or more open so; a
# lone "-Note" or "-5 °C" is not.
_GLUED_DASH = re.compile(r"^(\s*)(-)(?=[A-Z])")


@lru_cache(maxsize=1)
def _lost_bullet() -> re.Pattern[str]:
    marks = "|".join(re.escape(m) for m in lexicon.data()["lines"]["lost_bullets"])
    return re.compile(rf"^(\s*)({marks})\s+(?=[A-Z0-9(\"'“])")


def _lost_bullets(lines: list[str]) -> list[str]:
    """The lines, with a bullet sign that a symbol font drew and the copy lost ("v High school
    diploma", "§ Python") written as a bullet: the same lone letter or sign opening two lines or
    more, each then going on with a capital or a number; so is a dash typed against its item's
    capital on two lines or more. One such line is left as it is ("o Level results" is no list)."""
    found = [_lost_bullet().match(line) or _GLUED_DASH.match(line) for line in lines]
    counts = Counter(m.group(2) for m in found if m is not None)
    return [f"{m.group(1)}• {line[m.end():]}" if m is not None and counts[m.group(2)] >= MIN_LOST_BULLETS else line
            for line, m in zip(lines, found, strict=True)]


# A line of a forwarded e-mail: "> " before its text, or ">" alone on a blank line.
_MAIL_QUOTE = re.compile(r"^>[ \t]?")
MIN_MAIL_LINES = 4        # lines with text that a forwarded posting has at the least
MAIL_SHARE = 0.8          # of the lines with text, those a forwarded posting quotes


def _unquoted(lines: list[str]) -> list[str]:
    """The lines of a posting forwarded in an e-mail ("> POSITION AVAILABLE", "> Duties: …",
    every line quoted, as a mail program sends it on) without the quoting, as the mail reader
    shows it. A Markdown block quote among unquoted lines ("> Location: Berlin" under the title,
    a list set off with ">") is the posting's own layout and stays for `_quoted_items`."""
    full = [line for line in lines if line.strip()]
    quoted = sum(1 for line in full if _MAIL_QUOTE.match(line.lstrip()))
    if len(full) < MIN_MAIL_LINES or quoted < MAIL_SHARE * len(full):
        return lines
    return [_MAIL_QUOTE.sub("", line.lstrip(), count=1) if _MAIL_QUOTE.match(line.lstrip()) else line
            for line in lines]


def _text_blocks(text: str) -> list[Block]:
    lines = _unquoted(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    lines = _unglued(_quoted_items(_lost_bullets(lines)))
    reader = _TextReader()
    for i, raw in enumerate(lines):
        # The next line with text, past blank ones: a short line over a list is its heading
        # even with a blank line between ("Essential", "Tech we use").
        reader.ahead = next((line for line in lines[i + 1:i + 4] if line.strip()), "")
        reader.read(raw, lines[i + 1] if i + 1 < len(lines) else "")
    reader.flush()
    return [piece for block in reader.out for inline in _inline(block) for piece in _colon_list(inline)]


_COLON_HEAD = re.compile(r"^([^:.;]{3,40}):\s+(\S.*)$")
_LIST_AND = re.compile(r"^(?:and|or)\s+", re.I)
MAX_LIST_ITEM_WORDS = 8


_INLINE_HEAD = re.compile(r"(?<=[.!?])\s+(?=[A-Z][\w'’ ]{2,40}:\s)")


def _colon_list(block: Block) -> list[Block]:
    """A line that is a known heading, a colon and a list ("Requirements: Python; SQL;
    Airflow", "Nice to have: experience with telehealth"): the heading, and each item as a
    bullet. Items are cut at semicolons, or at commas when every item is short. Such a heading
    may also follow a sentence in the same paragraph ("... our team. Requirements: ...")."""
    if block.kind != "para":
        return [block]
    text = block.text
    cuts = [m.end() for m in _INLINE_HEAD.finditer(text) if known_heading(text[m.end():].split(":", 1)[0])]
    if not cuts:
        return _headed_list(block)
    pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return [out for piece in pieces if piece for out in _headed_list(Block("para", piece))]


MIN_SENTENCE_WORDS = 5


def _a_sentence(body: str) -> bool:
    """Is what follows "Experience:" one sentence, its commas inside it ("Two (2) years of
    full-time experience monitoring, analyzing or responding to …."), not a list? It starts
    with a capital, ends with a full stop, and its first part is long."""
    first = body.split(",", 1)[0].split(";", 1)[0]
    return ";" not in body and body[:1].isupper() and body.rstrip().endswith(".") \
        and count_words(first) >= MIN_SENTENCE_WORDS


# The number opening a list's first item: "1. " of "Duties: 1. Tune, repair, …".
_FIRST_ITEM = re.compile(r"^1[.)]\s+(?=\S)")


def _headed_list(block: Block) -> list[Block]:
    found = _COLON_HEAD.match(block.text)
    if found is None or not known_heading(found.group(1)):
        return [block]
    first = _FIRST_ITEM.match(found.group(2))
    if first is not None:       # "Duties: 1. Tune, repair, regulate, and voice …": a numbered list's first item
        return [Block("heading", found.group(1).strip()), Block("bullet", found.group(2)[first.end():].strip(), number=1)]
    body = found.group(2).rstrip(".")
    pieces = [p.strip() for p in (body.split(";") if ";" in body else body.split(","))]
    items = [_LIST_AND.sub("", p) for p in pieces if p]
    if not items or any(count_words(i) > MAX_LIST_ITEM_WORDS for i in items) or _a_sentence(found.group(2)):
        return _headed_prose(block, found)
    return [Block("heading", found.group(1).strip())] + [Block("bullet", i) for i in items]


def _headed_prose(block: Block, found: re.Match[str]) -> list[Block]:
    """A heading in capitals, a colon and its prose on one line ("GENERAL RESPONSIBILITIES: Provides
    organ/piano music for worship service …", round 19, as a US job description's form runs them):
    the heading, and its paragraph. Written otherwise ("Experience: Two (2) years of …") the line
    is one sentence asking, and stays one."""
    head = found.group(1).strip()
    letters = [c for c in head if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return [block]
    return [Block("heading", head), Block("para", found.group(2).strip())]


def _split_before(text: str, first: re.Match[str]) -> list[Block]:
    """A bullet holding, after its own text, a heading in capitals and a new numbered list."""
    before = text[:first.start()].strip()
    heading = _CAPS_RUN.search(before)
    assert heading is not None
    own = before[:heading.start()].strip()
    rest = _inline(Block("para", text[first.start():]))
    out = [Block("bullet", own)] if own else []
    out.append(Block("heading", heading.group(1).strip()))
    return out + [Block("bullet", b.text) if b.kind == "para" else b for b in rest]


_JOINING = frozenset({"and", "or", "of", "with", "in", "to", "the", "a", "an", "for", "on", "at", "by", "from",
                      "as", "such", "including", "into", "across", "your", "our", "their"})


def _wrapped(line: str, following: str = "") -> bool:
    """Does this line look cut by a text editor, so the next line goes on with it? A long line
    with no closing stop, unless the next one starts with a capital after a line that could
    end there: "...assessment and treatment" / "Experience supervising..." are two items."""
    if len(line) < 60 or line.rstrip()[-1:] in ".!?:;":
        return False
    if following[:1].isupper():
        last = line.rstrip().rsplit(None, 1)[-1].lower()
        return last in _JOINING or line.rstrip().endswith(",")
    return True


def _joined(line: str, following: str) -> bool:
    """Does a short line of prose go on in the next, which starts in lower case, because it stops
    on a comma or a word that cannot end a sentence ("Be available to work evening concerts and
    special events on" / "weekends.", a fax wrapped early)? A short line that could end is an
    item of its own."""
    last = line.rstrip()
    return following[:1].islower() and (last.endswith(",") or last.rsplit(None, 1)[-1].lower() in _JOINING)


def _goes_on(line: str, following: str) -> bool:
    """Does a bullet's line go on in the next line, which has no sign of its own? When the next
    line starts in lower case ("or Spark)"), when the bullet stops on a comma or a joining word
    ("Python, SQL and"), or when it is long and cut with no closing stop (`_wrapped`)."""
    if not following or not line.strip():
        return False
    if following[:1].islower() or following[:1] in "(&/,":
        return True
    last = line.rstrip()
    return last.endswith((",", "-", "/", "&")) or last.rsplit(None, 1)[-1].lower() in _JOINING \
        or _wrapped(line, following)


_INLINE_ITEM = re.compile(r"(?:(?<=\s)|^)(\d{1,2})[.)]\s+(?=\S)")
_CAPS_RUN = re.compile(r"(?:^|(?<=\s))((?:[A-Z][A-Z'’&/-]+\s+)*[A-Z][A-Z'’&/-]+)\s*:?\s*$")


def _list_starts(text: str) -> list[re.Match[str]]:
    """The numbers of the lists run together in `text`: a list is a run of items numbered
    1, 2, 3 ...; a new 1 starts a new list."""
    starts: list[re.Match[str]] = []
    expected = 1
    for m in _INLINE_ITEM.finditer(text):
        number = int(m.group(1))
        if number == 1:
            expected = 2
            starts.append(m)
        elif number == expected and starts:
            expected += 1
            starts.append(m)
    return starts


def _cut_bullet(block: Block, starts: list[re.Match[str]]) -> list[Block]:
    """A bullet is cut only where a new list starts under a heading in capitals: the last item
    of one list run together with the next list ("memoQ WHAT WE OFFER 1. ...")."""
    text = block.text
    firsts = [m for m in starts if m.group(1) == "1"
              and _CAPS_RUN.search(text[:m.start()].strip()) is not None and m.start() > 0]
    return _split_before(text, firsts[0]) if firsts else [block]


def _before_item(before: str, n: int, first: bool) -> list[Block]:
    """What stands before item `n`: the previous item, and before a list's first item, the
    heading in capitals that names the list."""
    kind = "bullet" if n else "para"
    heading = _CAPS_RUN.search(before) if first else None
    if heading is None or len(heading.group(1)) < 5:
        return [Block(kind if first else "bullet", before)] if before else []
    rest = before[:heading.start()].strip()
    return ([Block(kind, rest)] if rest else []) + [Block("heading", heading.group(1).strip())]


def _inline(block: Block) -> list[Block]:
    """A paragraph that runs a posting's lists together on one line ("... YOUR TASKS 1. Translate
    ... 2. Revise ... YOUR PROFILE 1. ..."): its numbered items as bullets, and the words in
    capitals before each list as a heading."""
    if block.kind not in ("para", "bullet"):
        return [block]
    text = block.text
    starts = _list_starts(text)
    if block.kind == "bullet":
        return _cut_bullet(block, starts)
    if not any(m.group(1) == "2" for m in starts):
        return [block]
    out: list[Block] = []
    cut = 0
    for n, m in enumerate(starts):
        out += _before_item(text[cut:m.start()].strip(), n, m.group(1) == "1")
        cut = m.end()
    tail = text[cut:].strip()
    return out + ([Block("bullet", tail)] if tail else [])


# --- HTML --------------------------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "form", "button",
         "select", "iframe", "head"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6", "dt"}
_BLOCKS = {"p", "div", "section", "article", "main", "td", "th", "dd", "blockquote", "body", "ul", "ol",
           "table", "tr", "aside", "br", "hr"}
_BOLD = {"strong", "b"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[Block] = []
        self.buffer: list[str] = []
        self.kind = "para"
        self.skip = 0
        self.bold_chars = 0
        self.title: list[str] = []
        self.in_title = False
        self.hidden_h1: list[str] = []     # the job's own <h1>, in a header left out with the site's menu
        self.in_hidden_h1 = False
        self.li_depth = 0
        self._bold_start: int | None = None
        self.row: list[str] | None = None     # the cells of the table row being read
        self.header_row = False

    def _flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        plain = "".join(self.buffer).strip()
        if text:
            self.out.append(self._block(text, plain))
        self.buffer = []
        self.bold_chars = 0
        self.kind = "bullet" if self.li_depth else "para"

    def _block(self, text: str, plain: str) -> Block:
        kind = self.kind
        # A paragraph that is all bold and short stands for a heading.
        if kind == "para" and self.bold_chars >= len(plain.replace(" ", "")) - 1 and count_words(text) <= 10:
            return Block("heading", text.rstrip(":"))
        marker = _BULLET.match(text) if kind == "para" else None
        if marker is not None:
            return Block("bullet", text[marker.end():])   # "<br>- Active licence": a bullet by its mark
        return Block(kind, text)

    def _cell(self, tag: str, start: bool) -> bool:
        """A table row is one line: its cells joined ("PharmD | Required"); a row of header
        cells is left out."""
        if tag == "tr":
            if start:
                self._flush()
                self.row = []
                self.header_row = True
            else:
                self._end_row()
            return True
        if tag in ("td", "th") and self.row is not None:
            if start:
                self.buffer = []
                self.header_row = self.header_row and tag == "th"
            else:
                self.row.append(" ".join("".join(self.buffer).split()))
                self.buffer = []
            return True
        return False

    def _end_row(self) -> None:
        cells = [c for c in (self.row or []) if c]
        self.row = None
        if cells and not self.header_row:          # a row of th cells names columns, not a section
            self.out.append(Block("bullet", " | ".join(cells)))
        self.buffer = []

    def _bounds(self, tag: str, opening: bool) -> bool:
        """What an opening and a closing tag do alike: the title, skipped elements, table cells,
        and the text so far ended at a heading or a block. True when nothing else is left to do."""
        if tag == "title":
            self.in_title = opening
        if tag == "h1" and (self.skip or self.in_hidden_h1) and not (opening and self.hidden_h1):
            self.in_hidden_h1 = opening
        if tag in _SKIP:
            self.skip = self.skip + 1 if opening else max(0, self.skip - 1)
            return True
        if self.skip or self._cell(tag, opening):
            return True
        if tag == "br" and self.li_depth:
            self.buffer.append(" ")     # a line break inside an item wraps it: "Airflow<br>or Dagster"
            return True
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            if opening and tag in _HEADINGS:
                self.kind = "heading"
            return True
        return False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._bounds(tag, True):
            return
        if tag == "li":
            self._flush()
            self.li_depth += 1
            self.kind = "bullet"
        elif tag in _BOLD:
            self._bold_start = len("".join(self.buffer))

    def handle_endtag(self, tag: str) -> None:
        if self._bounds(tag, False):
            return
        if tag == "li":
            self._flush()
            self.li_depth = max(0, self.li_depth - 1)
            self.kind = "bullet" if self.li_depth else "para"
        elif tag in _BOLD:
            start = self._bold_start
            if start is not None:
                self.bold_chars += len("".join(self.buffer)[start:].replace(" ", "").strip())
                self._bold_start = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        if self.in_hidden_h1:
            self.hidden_h1.append(data)
        if self.skip:
            return
        self.buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _html_blocks(text: str) -> list[Block]:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    out = [piece for block in reader.out for piece in _colon_list(block)]
    # The page's name for the job, when the page starts with no heading or with a section's ("About
    # Acme", "What you'll need"): the job's own <h1>, which sat in a header left out with the site's
    # menu, or else the page's <title>, which a careers site ends with its own name ("Senior Site
    # Reliability Engineer – Parcelwise Careers").
    title = " ".join("".join(reader.hidden_h1 or reader.title).split())
    if title and not (out[:1] and out[0].kind == "heading" and not known_heading(out[0].text)):
        out.insert(0, Block("heading", title))
    return out


def as_markdown(parts: list[Block]) -> str:
    """The blocks written back as Markdown: what a saved posting keeps, so that reading it again
    finds the same headings and bullets whatever format it came in."""
    lines: list[str] = []
    for block in parts:
        if block.kind == "heading":
            if lines:
                lines.append("")
            lines.append(f"## {block.text}")
            lines.append("")
        elif block.kind == "bullet":
            sign = f"{block.number}." if block.number else "-"
            lines.append(f"{sign} {block.code}  {block.text}" if block.code else f"{sign} {block.text}")
        else:
            if lines and lines[-1] != "":
                lines.append("")
            lines.append(block.text)
            lines.append("")
    return "\n".join(lines).strip() + "\n"
