"""`init --examples` copies the examples as shipped, never a clone's edited stories/ (issue 13, defect 7)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from storybank import paths
from storybank.cli import main

PRISTINE = 'title = "Example"\nquestions = ["project"]\n'


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def clone(tmp_path: Path, monkeypatch) -> Path:
    """A clone whose stories/ the user has used as a bank: an example edited, a story added."""
    repo = tmp_path / "repo"
    (repo / "stories").mkdir(parents=True)
    (repo / "src" / "storybank").mkdir(parents=True)
    (repo / "stories" / "example.toml").write_text(PRISTINE)
    git(repo, "init", "-q")
    git(repo, "add", "stories")
    git(repo, "commit", "-q", "-m", "examples")
    (repo / "stories" / "example.toml").write_text(PRISTINE + 'situation = "my own edit"\n')
    (repo / "stories" / "mine.toml").write_text('title = "Mine"\n')
    monkeypatch.setattr(paths, "PACKAGE", repo / "src" / "storybank")
    monkeypatch.setattr(paths, "REPO", repo)
    return repo


def test_init_examples_in_a_clone_copies_the_committed_examples(clone, tmp_path, capsys):
    bank = tmp_path / "bank"
    assert main(["init", str(bank), "--examples"]) == 0
    assert sorted(p.name for p in bank.glob("[!.]*.toml")) == ["example.toml"]
    assert (bank / "example.toml").read_text() == PRISTINE


def test_init_examples_prefers_the_installed_package_copy(clone, tmp_path, capsys):
    packaged = clone / "src" / "storybank" / "examples"
    packaged.mkdir()
    (packaged / "shipped.toml").write_text(PRISTINE)
    bank = tmp_path / "bank"
    assert main(["init", str(bank), "--examples"]) == 0
    assert sorted(p.name for p in bank.glob("[!.]*.toml")) == ["shipped.toml"]
