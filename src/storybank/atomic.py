"""Crash-safe file writes: temp file in the same folder, fsync, rename, fsync the folder.

A reader (or a crash) sees either the old file or the new one, never a half-written story.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, saves are best effort
    fcntl = None  # type: ignore[assignment]


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write(path: Path, data: bytes, *, exclusive: bool = False) -> None:
    """Write `data` to `path` atomically.

    With `exclusive`, fail with FileExistsError instead of replacing an existing file (used when
    creating a new story, so two writers racing for one id never overwrite each other).
    On any failure the original file is untouched and the temp file is removed.
    """
    folder = path.parent
    with _named(path):
        _write(path, data, exclusive)
    _fsync_dir(folder)


@contextlib.contextmanager
def _named(path: Path) -> Iterator[None]:
    """An OSError about the hidden temp file names the file being written instead: "permission
    denied: .story.toml.k2j4.tmp" told the user about a file they never asked for."""
    try:
        yield
    except OSError as exc:
        if exc.filename and Path(exc.filename).name.startswith(f".{path.name}.") and exc.errno:
            raise type(exc)(exc.errno, exc.strerror, str(path)) from None
        raise


def _write(path: Path, data: bytes, exclusive: bool) -> None:
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    with _removed_on_failure(tmp):
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = _default_mode()
        os.chmod(tmp, mode)
        if exclusive:
            _link_exclusive(tmp, path)
        else:
            os.replace(tmp, path)


@contextlib.contextmanager
def _removed_on_failure(path: Path) -> Iterator[None]:
    """Remove `path` (a temp file, a reservation) if the block fails, then let the error go on."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise


# What link() says on filesystems without hard links (FAT, some network and FUSE mounts).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


def _link_exclusive(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise  # a full disk or a read-only folder: no point trying another way
        # No hard links: reserve the name, then rename over the reservation. If the rename fails,
        # the empty reservation must go too, or it would be a broken story in the bank.
        reserve = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(reserve)
        with _removed_on_failure(path):
            os.replace(tmp, path)
        return
    with contextlib.suppress(OSError):  # the story is written; a stray hidden temp file is harmless
        tmp.unlink()


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on the file at `path` (if it exists) for the block.

    Two storybank processes saving one story take turns, so the second one's "has the file
    changed since I read it?" check sees the first one's write. A writer that replaced the
    file while we waited for its lock leaves us holding the old inode's lock, which is fine:
    the check reads the file by name, and finds the new content.
    """
    if fcntl is None:
        yield
        return
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:  # gone, or not ours to open: the caller's own checks decide
        yield
        return
    try:
        with contextlib.suppress(OSError):  # a file system without locks: best effort
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file at `path` (links followed).

    Raises OSError, never blocks: a named pipe or a device where a story, the settings or a
    catalog belongs would otherwise hang the program until something wrote to it.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return handle.read()
