"""Story ids and the file names derived from them.

An id is the stem of a story's file: lowercase ASCII letters, digits and `-`, 1-64 characters,
starting with a letter or digit. Ids derived from titles can never name a hidden file, a path
outside the bank, or a name Windows reserves.
"""

from __future__ import annotations

import re
import unicodedata

MAX_LEN = 64
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
FALLBACK = "story"
# Names Windows refuses as file names whatever the extension; a bank may live on a shared drive.
RESERVED = {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}


def is_valid_id(text: str) -> bool:
    return bool(ID_RE.match(text)) and text.lower() not in RESERVED


def name_problems(stem: str) -> list[str]:
    """What keeps a file name (without .toml) from being an id, in words: "capital letters",
    "spaces", "73 characters, over 64", ..."""
    found = []
    if any(c.isupper() for c in stem):
        found.append("capital letters")
    if any(c.isspace() for c in stem):
        found.append("spaces")
    if any(not (c.isascii() and (c.isalnum() or c == "-")) and not c.isspace() for c in stem):
        found.append("characters other than a-z, 0-9 and -")
    if stem[:1] == "-":
        found.append("a leading -")
    if len(stem) > MAX_LEN:
        found.append(f"{len(stem)} characters, over {MAX_LEN}")
    if stem.lower() in RESERVED:
        found.append("a name Windows reserves")
    return found or ["a name that is not a story id"]


def _ascii(text: str) -> str:
    try:
        from anyascii import anyascii
    except ImportError:  # pragma: no cover - anyascii is a declared dependency
        return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return anyascii(text)


def slugify(title: str) -> str:
    """Derive an id from a title: transliterate, lowercase, hyphenate, trim to 64 characters."""
    text = _ascii(title).lower()
    out: list[str] = []
    pending_dash = False
    for ch in text:
        if ch.isascii() and ch.isalnum():
            if pending_dash and out:
                out.append("-")
            out.append(ch)
            pending_dash = False
        else:
            pending_dash = True
    slug = "".join(out)[:MAX_LEN].strip("-")
    if not slug:
        return FALLBACK
    if slug in RESERVED:
        slug = f"{slug}-story"
    return slug


def with_suffix(base: str, n: int) -> str:
    """`base-n`, trimmed so the whole id stays within 64 characters."""
    suffix = f"-{n}"
    return base[: MAX_LEN - len(suffix)].rstrip("-") + suffix


def unique_id(title: str, taken: set[str]) -> str:
    """A fresh id for `title` that is not in `taken` (compared case-insensitively)."""
    lowered = {t.lower() for t in taken}
    base = slugify(title)
    if base not in lowered:
        return base
    n = 2
    while with_suffix(base, n) in lowered:
        n += 1
    return with_suffix(base, n)
