"""A bank on disk: a folder with one TOML file per story.

Loading never stops at a bad file: it becomes a LoadError and the other stories still load.
Saving is atomic, skips stories that did not change, and refuses to overwrite a file whose bytes
changed since it was read. Deleting moves the file into the bank's trash.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import shlex
import time
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from storybank import ids
from storybank.atomic import atomic_write, locked, read_regular
from storybank.errors import BankNotFound, LoadError, SaveConflict, StorybankError, UnsafePath
from storybank.settings import SETTINGS_FILE, TEMPLATE, TOOL_DIR, Settings, load_settings

if TYPE_CHECKING:
    from storybank.model import Story
    from storybank.tomlmemo import TomlMemo

# The model (pydantic) and the story file format are imported where a story is read or written:
# opening a bank, which the UI does before its first frame, needs neither.

MAX_FILE_BYTES = 16 * 1024 * 1024
TRASH_DIR = "trash"


def types_without_story(question_ids: Iterable[str], mapped: Iterable[Iterable[str]]) -> list[str]:
    """The question types no story is mapped to, in `question_ids`' order: the one definition of
    a gap. `mapped` holds each story's question types. A story mapped to two types covers both:
    coverage, the cheat sheet, the practice schedule and the screens all read this."""
    covered = {qid for questions in mapped for qid in questions}
    return [qid for qid in question_ids if qid not in covered]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class StoryFile:
    """A story together with the exact file contents it was read from."""

    id: str
    path: Path
    story: Story
    text: str
    digest: str

    @property
    def title(self) -> str:
        return self.story.title


@dataclass
class Bank:
    root: Path
    settings: Settings = field(default_factory=Settings)
    stories: list[StoryFile] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)

    # --- opening and loading ------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | str, *, load: bool = True, remember: bool = False) -> Bank:
        """The bank at `root`, its stories read when `load`. `remember`: parse through the
        memo of parsed files (tomlmemo.py), for a command that reads every story and is timed
        against a budget."""
        root = Path(root)
        if not root.is_dir():
            if root.exists():
                raise BankNotFound(f"{root} is not a folder; a bank is a folder of story files")
            word = ("-- " if str(root).startswith("-") else "") + shlex.quote(str(root))
            raise BankNotFound(
                f"no story bank at {root}: create one with `storybank init {word}` "
                "or point to one with --bank DIR"
            )
        bank = cls(root=root, settings=load_settings(root))
        if load:
            bank.load(remember=remember)
        return bank

    def story_paths(self) -> list[Path]:
        try:
            entries = sorted(os.scandir(self.root), key=lambda e: e.name)
        except OSError as exc:
            raise StorybankError(f"{self.root}: cannot read the bank folder ({exc.strerror})") from exc
        return [
            Path(e.path) for e in entries
            if e.name.endswith(".toml") and not e.name.startswith(".") and _is_file(e)
        ]

    def load(self, paths: Iterable[Path] | None = None,
             before_each: Callable[[Path], None] | None = None, *, remember: bool = False) -> None:
        """Read every story file. `before_each(path)` runs before each file is read: the UI uses
        it to note file sizes and to stop a long load (by raising) when the user quits.
        `remember`: through the memo of parsed files, written back afterwards."""
        memo = None
        if remember:
            from storybank.tomlmemo import TomlMemo

            memo = TomlMemo(self.root)
        self.stories, self.errors = [], []
        paths = list(self.story_paths() if paths is None else paths)
        # Valid ids are lowercase, so `Story.toml` next to `story.toml` is a bad name, and the
        # advice must not be "rename it to story.toml".
        taken = {p.stem for p in paths if ids.is_valid_id(p.stem)}
        for path in paths:
            if before_each is not None:
                before_each(path)
            result = read_story_file(path, taken, memo)
            if isinstance(result, LoadError):
                self.errors.append(result)
                continue
            self.stories.append(result)
        if memo is not None:
            memo.save()

    def field(self) -> str:
        """The field the bank's questions are asked in: its `profession`, else the one most of
        its stories show (`professions.bank_field`), else "" (any field)."""
        if self.settings.profession:
            return self.settings.profession
        from storybank.professions import bank_field

        return bank_field(sf.story for sf in self.stories)

    def get(self, story_id: str) -> StoryFile | None:
        for sf in self.stories:
            if sf.id == story_id:
                return sf
        lowered = story_id.lower()
        return next((sf for sf in self.stories if sf.id.lower() == lowered), None)

    def ids(self) -> set[str]:
        taken = {sf.id for sf in self.stories}
        taken.update(p.stem for p in self.story_paths())
        return taken

    # --- writing ------------------------------------------------------------------------------

    def _target(self, story_id: str) -> Path:
        if not ids.is_valid_id(story_id):
            raise UnsafePath(f"`{story_id}` is not a valid story id (lowercase letters, digits and -)")
        path = self.root / f"{story_id}.toml"
        if path.parent != self.root:  # pragma: no cover - is_valid_id already forbids separators
            raise UnsafePath(f"{path} is outside the bank")
        return path

    def create(self, title: str, questions: list[str], story: Story | None = None,
               skeleton: str = "") -> StoryFile:
        """Write a new story file named after `title`; never overwrites an existing file.
        With `skeleton` (a story file's text), the file keeps its layout, keys and comments."""
        from storybank.model import blank_story
        from storybank.storyfile import render_story

        story = story or blank_story(title, questions)
        text = render_story(story, skeleton) if skeleton else render_story(story)
        data = _encode(text, ascii(title))
        clashes: set[str] = set()
        for _attempt in range(100):
            story_id = ids.unique_id(title, self.ids() | clashes)
            path = self._target(story_id)
            try:
                atomic_write(path, data, exclusive=True)
            except FileExistsError:
                # Someone took the name between our look and our write, or something that is not
                # a story file (a folder, a dangling link) holds it: either way, try the next one.
                clashes.add(story_id)
                continue
            sf = StoryFile(story_id, path, story, text, digest(data))
            # In file-name order, where the next load will put it: lists never reorder on reload.
            bisect.insort(self.stories, sf, key=lambda s: s.path.name)
            return sf
        raise StorybankError(f"could not find a free file name for {title!r}")  # pragma: no cover

    def disk_digest(self, sf: StoryFile) -> str | None:
        try:
            return digest(read_regular(sf.path))
        except FileNotFoundError:
            return None

    def save(self, sf: StoryFile, story: Story, *, force: bool = False) -> bool:
        """Save an edited story over its file. Returns False when there was nothing to write.

        Raises SaveConflict if the file changed (or vanished) since it was read, unless `force`.
        """
        if story.to_data() == sf.story.to_data() and not force:
            return False
        from storybank.storyfile import render_story

        self._check_writable(sf.path)
        text = render_story(story, sf.text)
        data = _encode(text, sf.path)
        # Check and write under the file's lock: two storybanks saving at once otherwise both
        # pass the check and the second silently replaces the first one's edit.
        with locked(sf.path):
            on_disk = self.disk_digest(sf)
            if on_disk != sf.digest and not force:
                reason = "was deleted" if on_disk is None else "changed on disk since it was opened"
                raise SaveConflict(sf.path, reason)
            if on_disk == digest(data):
                sf.story, sf.text, sf.digest = story, text, on_disk
                return False
            atomic_write(sf.path, data)
        sf.story, sf.text, sf.digest = story, text, digest(data)
        return True

    def _check_writable(self, path: Path) -> None:
        if path.is_symlink():
            target = path.resolve()
            root = self.root.resolve()
            if root not in target.parents:
                raise UnsafePath(f"{path} is a link to {target}, outside the bank; storybank will not write there")
            raise UnsafePath(f"{path} is a link; save the story under a new name instead")

    def save_copy(self, story: Story, title: str | None = None) -> StoryFile:
        """Keep both: write `story` as a new file next to the original."""
        return self.create(title or story.title, list(story.questions), story)

    def reload(self, sf: StoryFile) -> StoryFile | LoadError:
        result = read_story_file(sf.path)
        if isinstance(result, StoryFile):
            index = self.stories.index(sf) if sf in self.stories else None
            if index is not None:
                self.stories[index] = result
        return result

    def delete(self, sf: StoryFile) -> Path:
        """Move the story's file into the bank's trash; returns where it went."""
        trash = self.root / TOOL_DIR / TRASH_DIR
        trash.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = trash / f"{sf.id}.{stamp}.toml"
        n = 1
        while target.exists():
            n += 1
            target = trash / f"{sf.id}.{stamp}-{n}.toml"
        os.replace(sf.path, target)
        if sf in self.stories:
            self.stories.remove(sf)
        return target


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link to one. A link that cannot be followed at all (a loop) counts,
    so that reading it reports why; before, it made listing the bank fail, hiding every story."""
    try:
        return entry.is_file()
    except OSError:
        return True


def _encode(text: str, what: object) -> bytes:
    """The file's bytes; text that UTF-8 cannot hold is a clear error, not a crash mid-save.

    Only a lone surrogate can fail: Python's stand-in for an undecodable byte, which is what a
    title typed as bytes that are not UTF-8 (`storybank new $'\\xff'`) arrives as.
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = ascii(exc.object[exc.start:exc.end])
        raise StorybankError(
            f"cannot save {what}: the story contains {bad}, a byte that is not UTF-8 text "
            "(a name pasted from a terminal set to another encoding?); retype that part") from None


def bad_name_error(path: Path, taken: AbstractSet[str] = frozenset()) -> LoadError:
    """The load error for a file whose stem is not a valid id; `taken` are the bank's valid ids."""
    lowered = path.stem.lower()
    if lowered != path.stem and lowered in taken:
        return LoadError(path, f"has the same id as {lowered}.toml apart from letter case; "
                         "merge the two stories or rename one of them")
    suggestion = ids.unique_id(path.stem, set(taken))
    problems = ids.name_problems(path.stem)
    why = ", ".join(problems[:-1]) + " and " + problems[-1] if len(problems) > 1 else problems[0]
    return LoadError(path, f"has {why} in its name; a story's file name is its id: lowercase letters, "
                     f"digits and -, at most {ids.MAX_LEN} characters: rename it to {suggestion}.toml")


def read_story_file(path: Path, taken: AbstractSet[str] = frozenset(),
                    memo: TomlMemo | None = None) -> StoryFile | LoadError:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return LoadError(path, f"is {size // (1024 * 1024)} MB; a story file must be under 16 MB")
        data = read_regular(path)
    except OSError as exc:
        return LoadError(path, f"cannot be read ({exc.strerror or exc})")
    if not ids.is_valid_id(path.stem):
        return bad_name_error(path, taken)
    from storybank.storyfile import parse_story

    sha = digest(data)
    story = parse_story(data, path, memo, sha)
    if isinstance(story, LoadError):
        return story
    text = data.decode("utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    return StoryFile(path.stem, path, story, text, sha)


def init_bank(root: Path) -> Path:
    """Create a bank folder with a commented settings file. Existing files are left alone."""
    if root.is_symlink() and not root.exists():
        raise StorybankError(f"{root} is a link to {os.readlink(root)}, which does not exist; "
                             "storybank will not create a bank through it")
    root.mkdir(parents=True, exist_ok=True)
    settings = root / SETTINGS_FILE
    # Exclusive: a settings file that is there, even a dangling link, is left alone rather than
    # written through.
    with contextlib.suppress(FileExistsError):
        atomic_write(settings, TEMPLATE.encode("utf-8"), exclusive=True)
    return settings
