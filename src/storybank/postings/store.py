"""Saved postings: one TOML file each in the bank, `.storybank/postings/NAME.toml`.

```toml
# comments anywhere are kept
schema = 1
title = "Senior Backend Engineer, Payments"
source = "acme.html"                # where it was read from
text = '''
## Requirements
- Production experience with Kafka
'''

[[links]]                           # the user's word on one requirement and one story
requirement = "Production experience with Kafka"
story = "breaking-two-kafka-consumers"
status = "confirmed"                # or "rejected"
```

The posting's text is kept as Markdown (an HTML posting is saved as the headings and bullets
read from it), so a re-run reads exactly what the user saw. Writing goes through tomlkit, so the
user's comments, key order and unknown keys survive, and changes only what changed: a link added
is one table appended, a re-saved posting with the same text leaves the file untouched. As for
stories, a file changed on disk since it was read is never overwritten: the write stops with a
SaveConflict.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storybank import ids
from storybank.atomic import atomic_write, locked, read_regular
from storybank.errors import SaveConflict, StorybankError, UnsafePath
from storybank.settings import TOOL_DIR

FOLDER = "postings"
SCHEMA = 1
STATUSES = ("confirmed", "rejected")
SAME_WORDING = 0.85     # how alike an edited requirement must be for a saved link to follow it
HEADER = """\
# A job posting saved by storybank. `storybank posting NAME` checks it against your stories.
# [[links]] are your word on a requirement and a story: status = "confirmed" (the story shows
# it) or "rejected" (it does not). Edit, reorder and comment them freely: storybank keeps them.
"""


@dataclass(frozen=True)
class Link:
    requirement: str
    story: str
    status: str


@dataclass
class SavedPosting:
    name: str
    path: Path
    text: str
    title: str | None = None
    source: str | None = None
    links: list[Link] = field(default_factory=list)
    raw: str = ""               # the file as read: edits start from it, so comments stay
    digest: str = ""


def folder(bank_root: Path) -> Path:
    return Path(bank_root) / TOOL_DIR / FOLDER


def check_name(name: str) -> str:
    """A posting's name is its file name: the same rule as a story's id."""
    if not ids.is_valid_id(name):
        suggestion = ids.slugify(name) or "my-posting"
        raise UnsafePath(f"`{name}` cannot name a saved posting: use lowercase letters, digits and -, "
                         f"such as `{suggestion}`")
    return name


def path_for(bank_root: Path, name: str) -> Path:
    return folder(bank_root) / f"{check_name(name)}.toml"


def names(bank_root: Path) -> list[str]:
    """The saved postings' names, sorted."""
    where = folder(bank_root)
    try:
        entries = sorted(p for p in where.iterdir() if p.suffix == ".toml" and not p.name.startswith("."))
    except OSError:
        return []
    return [p.stem for p in entries if ids.is_valid_id(p.stem)]


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def load(bank_root: Path, name: str) -> SavedPosting:
    path = path_for(bank_root, name)
    try:
        data = read_regular(path)
    except FileNotFoundError:
        saved = names(bank_root)
        hint = f" (saved: {', '.join(saved)})" if saved else " (none saved yet: `storybank posting FILE --save NAME`)"
        raise StorybankError(f"no saved posting `{name}` in {folder(bank_root)}{hint}") from None
    except OSError as exc:
        raise StorybankError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return parse(data, path, name)


def parse(data: bytes, path: Path, name: str) -> SavedPosting:
    try:
        raw = data.decode("utf-8").removeprefix("\ufeff")
        doc = tomllib.loads(raw)
    except UnicodeDecodeError:
        raise StorybankError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise StorybankError(f"{path}: not valid TOML ({exc})") from None
    schema = doc.get("schema", 1)
    if not isinstance(schema, int) or schema > SCHEMA:
        raise StorybankError(f"{path}: written by a newer storybank (schema = {schema!r}); upgrade to read it")
    text = doc.get("text")
    if not isinstance(text, str) or not text.strip():
        raise StorybankError(f"{path}: `text` must hold the posting (a string); it is missing or empty")
    links = []
    for n, entry in enumerate(doc.get("links", []) or []):
        where = f"{path}: links[{n}]"
        if not isinstance(entry, dict):
            raise StorybankError(f"{where} must be a table with requirement, story and status")
        requirement, story, status = entry.get("requirement"), entry.get("story"), entry.get("status")
        if not isinstance(requirement, str) or not requirement.strip():
            raise StorybankError(f"{where}.requirement must be the requirement's text")
        if not isinstance(story, str) or not story.strip():
            raise StorybankError(f"{where}.story must be a story id")
        if status not in STATUSES:
            raise StorybankError(f"{where}.status is {status!r}: write \"confirmed\" or \"rejected\"")
        links.append(Link(requirement, story.strip(), status))
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    source = doc.get("source") if isinstance(doc.get("source"), str) else None
    return SavedPosting(name, path, text, title, source, links, raw, _digest(data))


def _write(saved: SavedPosting, new_text: str) -> bool:
    """Write `new_text` over the saved file unless it changed on disk since it was read.
    Returns False when there was nothing to write."""
    if new_text == saved.raw and saved.digest:
        return False
    data = new_text.encode("utf-8")
    saved.path.parent.mkdir(parents=True, exist_ok=True)
    if saved.path.is_symlink():
        raise UnsafePath(f"{saved.path} is a link; storybank will not write through it")
    with locked(saved.path):
        try:
            on_disk = _digest(read_regular(saved.path))
        except FileNotFoundError:
            on_disk = ""
        if on_disk != saved.digest:
            raise SaveConflict(saved.path, "was deleted" if saved.digest and not on_disk
                               else "changed on disk since it was read")
        atomic_write(saved.path, data)
    saved.raw, saved.digest = new_text, _digest(data)
    return True


def _string(value: str) -> Any:
    import tomlkit

    from storybank import tomltext

    source = tomltext.string(value)
    return tomlkit.parse(f"x = {source}\n")["x"]


def save_text(bank_root: Path, name: str, text: str, title: str | None, source: str | None) -> tuple[SavedPosting, bool]:
    """Create the saved posting, or update its text, title and source, keeping its links and
    comments. Returns the posting and whether the file was written."""
    import tomlkit

    path = path_for(bank_root, name)
    try:
        saved = load(bank_root, name)
    except StorybankError:
        if path.exists() or path.is_symlink():
            raise
        saved = SavedPosting(name, path, "", raw="", digest="")
    doc = tomlkit.parse(saved.raw) if saved.raw else tomlkit.parse(HEADER)
    if not saved.raw:
        doc["schema"] = SCHEMA
    for key, value in (("title", title), ("source", source)):
        if value and doc.get(key) != value:
            doc[key] = value
    if doc.get("text") != text:
        doc["text"] = _string(text)
    written = _write(saved, tomlkit.dumps(doc))
    saved.text, saved.title, saved.source = text, title or saved.title, source or saved.source
    return saved, written


def set_link(saved: SavedPosting, requirement: str, story: str, status: str | None) -> bool:
    """Record the user's word on one requirement and story (status None: forget it). An existing
    link for the same pair is updated in place; others are untouched."""
    import tomlkit
    from tomlkit.items import AoT

    if status is not None and status not in STATUSES:
        raise StorybankError(f"a link's status is confirmed or rejected, not {status!r}")
    doc = tomlkit.parse(saved.raw)
    links = doc.get("links")
    if links is None:
        if status is None:
            return False
        links = tomlkit.aot()
        doc.append("links", links)
    elif not isinstance(links, AoT):
        raise StorybankError(f"{saved.path}: `links` must be a list of [[links]] tables")
    target = None
    for n, table in enumerate(links):
        if table.get("story") == story and same_requirement(requirement, [str(table.get("requirement", ""))]) == 0:
            target = n
            break
    if target is not None:
        if status is None:
            del links[target]
        elif links[target].get("status") != status:
            links[target]["status"] = status
    elif status is not None:
        table = tomlkit.table()
        table["requirement"] = _string(requirement) if len(requirement) > 72 else requirement
        table["story"] = story
        table["status"] = status
        links.append(table)
    written = _write(saved, tomlkit.dumps(doc))
    kept = [lk for lk in saved.links if not (lk.story == story and same_requirement(requirement, [lk.requirement]) == 0)]
    saved.links = kept + ([Link(requirement, story, status)] if status else [])
    return written


_WORDS = re.compile(r"\w+")


def normal(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def same_requirement(text: str, texts: list[str]) -> int | None:
    """Which of `texts` a saved link's requirement names: the same words, else the one worded
    most alike (at least SAME_WORDING alike), else None."""
    want = normal(text)
    normals = [normal(t) for t in texts]
    for i, t in enumerate(normals):
        if t == want:
            return i
    best, score = None, SAME_WORDING
    for i, t in enumerate(normals):
        ratio = difflib.SequenceMatcher(None, want, t).ratio()
        if ratio >= score:
            best, score = i, ratio
    return best
