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
