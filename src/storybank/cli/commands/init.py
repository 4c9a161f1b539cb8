"""`storybank init [DIR] [--examples]`: create a bank."""

from __future__ import annotations

import sys
from pathlib import Path

from storybank.cli.output import one_line, print_json, shell_word


def run(args, ctx) -> int:
    from storybank.atomic import atomic_write
    from storybank.bank import init_bank
    from storybank.errors import StorybankError
    from storybank.paths import examples_dir

    root = Path(args.dir).expanduser() if args.dir else ctx.bank_path()
    if root.exists() and not root.is_dir():
        raise StorybankError(f"{root} exists and is not a folder")
    settings = init_bank(root)
    copied: list[str] = []
    skipped: list[str] = []
    if args.examples:
        source = examples_dir()
        if not source.is_dir():
            raise StorybankError("the example stories are missing from this installation")
        for path in sorted(source.glob("*.toml")):
            if path.name.startswith("."):
                continue
            target = root / path.name
            try:
                # Exclusive and atomic: a name already taken, even by a dangling link (which
                # copyfile would have followed, writing outside the bank), is left alone.
                atomic_write(target, path.read_bytes(), exclusive=True)
            except FileExistsError:
                skipped.append(path.name)
                continue
            copied.append(path.name)
    shown = str(root) if not str(root).startswith("-") else f"./{root}"  # not an option
    if ctx.json:
        print_json({"bank": str(root), "settings": str(settings), "copied": copied, "skipped": skipped})
    else:
        sys.stdout.write(f"Bank ready at {one_line(str(root))} (settings in {settings.name}).\n")
        if copied:
            sys.stdout.write(f"Copied {len(copied)} example stories.\n")
        if skipped:
            sys.stdout.write(f"Left {len(skipped)} existing files untouched: {', '.join(skipped)}\n")
        sys.stdout.write(f"Next: storybank --bank {shell_word(shown)} new \"Your story title\" "
                         "--question project\n")
    return 0
