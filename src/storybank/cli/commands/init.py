"""`storybank init [DIR] [--examples]`: create a bank."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from storybank.cli.output import one_line, print_json, shell_word

if TYPE_CHECKING:
    from argparse import Namespace

    from storybank.cli import Context


def _committed(repo: Path, folder: str) -> list[tuple[str, bytes]] | None:
    """The `*.toml` files of `folder` as committed in the git clone `repo` (None if not a clone)."""
    import subprocess

    try:
        listing = subprocess.run(["git", "-C", str(repo), "ls-tree", "-z", "HEAD", f"{folder}/"],
                                 capture_output=True, check=True, timeout=30).stdout
        files = []
        for entry in filter(None, listing.split(b"\0")):
            meta, _, path = entry.partition(b"\t")
            name = Path(path.decode()).name
            kind, oid = meta.split()[1:3]
            if kind != b"blob" or not name.endswith(".toml") or name.startswith("."):
                continue
            blob = subprocess.run(["git", "-C", str(repo), "cat-file", "blob", oid.decode()],
                                  capture_output=True, check=True, timeout=30).stdout
            files.append((name, blob))
    except (OSError, subprocess.SubprocessError, ValueError, UnicodeDecodeError):
        return None
    return sorted(files) or None


def example_files() -> list[tuple[str, bytes]]:
    """The example stories as shipped: the installed package's copy (a wheel has them as
    storybank/examples); in a clone, the committed `stories/`, never edits made to that folder
    by using it as a bank. Only a clone without git falls back to the folder itself."""
    from storybank import paths

    packaged = paths.PACKAGE / "examples"
    if not packaged.is_dir():
        committed = _committed(paths.REPO, "stories")
        if committed is not None:
            return committed
        packaged = paths.REPO / "stories"
    if not packaged.is_dir():
        return []
    return [(p.name, p.read_bytes()) for p in sorted(packaged.glob("*.toml")) if not p.name.startswith(".")]


def run(args: Namespace, ctx: Context) -> int:
    from storybank.atomic import atomic_write
    from storybank.bank import init_bank
    from storybank.errors import StorybankError

    root = Path(args.dir).expanduser() if args.dir else ctx.bank_path()
    if root.exists() and not root.is_dir():
        raise StorybankError(f"{root} exists and is not a folder")
    settings = init_bank(root)
    copied: list[str] = []
    skipped: list[str] = []
    if args.examples:
        examples = example_files()
        if not examples:
            raise StorybankError("the example stories are missing from this installation")
        for name, data in examples:
            try:
                # Exclusive and atomic: a name already taken, even by a dangling link (which
                # copyfile would have followed, writing outside the bank), is left alone.
                atomic_write(root / name, data, exclusive=True)
            except FileExistsError:
                skipped.append(name)
                continue
            copied.append(name)
    shown = str(root) if not str(root).startswith("-") else f"./{root}"  # not an option
    if ctx.json:
        print_json({"bank": str(root), "settings": str(settings), "copied": copied, "skipped": skipped})
    else:
        sys.stdout.write(f"Bank ready at {one_line(str(root))} (settings in {settings.name}).\n")
        if copied:
            sys.stdout.write(f"Copied {len(copied)} example stories.\n")
        if skipped:
            sys.stdout.write(f"Left {len(skipped)} existing files untouched: {', '.join(skipped)}\n")
        # A nurse or a quant who never opens the settings is asked software's questions and "Why
        # Mercor" (dogfood21): say the two settings that make the bank speak their field.
        from storybank.professions import names

        sys.stdout.write(f"Set your field and the company you prepare for in {settings.name}: `profession` "
                         f"({', '.join(names())}) and `platform`.\n")
        sys.stdout.write(f"Next: storybank --bank {shell_word(shown)} new \"Your story title\" "
                         "--question project\n")
    return 0
