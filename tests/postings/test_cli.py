"""`storybank posting` as a user runs it (README "The JSON" and §11): text and JSON, exit codes 0/1/2,
pasted postings, saved postings with confirmed and rejected links, --all."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

STORY = '''\
title = "{title}"
questions = [{questions}]
action = """{action}"""

[[metrics]]
name = "latency"
value = 3
'''

POSTING = """\
# Backend Engineer

## Requirements

- Production experience with Kafka
- Strong Python
- Experience with Terraform

## Nice to have

- Rust

## Benefits

- Free lunch
"""


def write_story(bank: Path, sid: str, title: str, action: str, questions: str = '"project"') -> None:
    (bank / f"{sid}.toml").write_text(STORY.format(title=title, action=action, questions=questions),
                                      encoding="utf-8")


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    root.mkdir()
    write_story(root, "kafka-outage", "Recovering a Kafka consumer outage",
                "I ran our Kafka consumers in production and fixed the lag alert.")
    write_story(root, "parser-rewrite", "Rewriting the parser",
                "I rewrote the invoice parser in Python and cut parse time by half.")
    write_story(root, "infra", "Moving to infrastructure as code",
                "I wrote the Terraform modules for all 40 services.")
    return root


@pytest.fixture
def posting(tmp_path: Path) -> Path:
    path = tmp_path / "acme.md"
    path.write_text(POSTING, encoding="utf-8")
    return path


def run(cli, bank: Path, *args: str, stdin: bytes | None = None):
    result = cli("posting", *args, "--bank", str(bank), stdin=stdin)
    result.no_traceback()
    return result


def test_every_must_have_shown_is_exit_0_and_the_json_has_the_specs_shape(cli, bank, posting):
    result = run(cli, bank, str(posting), "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["posting"] == {"name": None, "title": "Backend Engineer", "requirements": 4,
                               "source": str(posting)}
    first = data["requirements"][0]
    assert {"text", "section", "must", "terms", "verdict", "evidence"} <= set(first)
    assert first["verdict"] == "shown"
    assert first["evidence"][0]["story"] == "kafka-outage"
    assert first["evidence"][0]["sentence"] == "I ran our Kafka consumers in production and fixed the lag alert."
    assert first["evidence"][0]["confirmed"] is False
    assert data["missing"] == 1 and data["requirements"][3]["must"] is False   # Rust: a nice-to-have
    assert data["dropped_sections"] == ["Benefits"]
    assert data["credentials"] == []


def test_a_missing_must_have_is_exit_1_and_says_which(cli, bank, posting):
    (bank / "infra.toml").unlink()
    result = run(cli, bank, str(posting))
    assert result.code == 1
    assert "✗ missing  Experience with Terraform" in result.out
    assert "must-have: #3" in result.out


def test_a_pasted_posting_is_read_from_standard_input(cli, bank):
    result = run(cli, bank, "-", "--format", "json", stdin=POSTING.encode())
    assert result.code == 0
    assert result.json()["posting"]["requirements"] == 4


@pytest.mark.parametrize("content, says", [
    (b"%PDF-1.4 ...", "is a PDF"),
    (b"Acme is great.\n\n## Benefits\n\n- Free lunch\n", "found no requirements"),
])
def test_what_cannot_be_read_or_asks_nothing_is_exit_2_never_an_all_clear(cli, bank, tmp_path, content, says):
    path = tmp_path / "posting.txt"
    path.write_bytes(content)
    result = run(cli, bank, str(path), "--format", "json")
    assert result.code == 2
    assert says in result.err and result.out == ""
    assert len(result.err_lines) == 1


def test_only_credentials_is_still_no_requirements(cli, bank, tmp_path):
    path = tmp_path / "p.txt"
    path.write_text("## Requirements\n\n- BSc in Nursing\n- Active RN license\n", encoding="utf-8")
    result = run(cli, bank, str(path))
    assert result.code == 2
    assert "found no requirements" in result.err
    assert "☐ BSc in Nursing" in result.out


def test_a_missing_file_and_no_such_saved_posting_are_exit_2(cli, bank):
    result = run(cli, bank, "nope")
    assert result.code == 2 and "no such file, and no saved posting" in result.err


def test_saved_links_are_kept_and_respected_on_a_rerun(cli, bank, posting):
    assert run(cli, bank, str(posting), "--save", "acme").code == 0
    saved = bank / ".storybank" / "postings" / "acme.toml"
    assert saved.is_file()
    # Reject the Kafka story, tag the parser story with Rust (a link the matcher did not find).
    result = run(cli, bank, "acme", "--reject", "1:kafka-outage", "--confirm", "4:parser-rewrite",
                 "--format", "json")
    assert result.code == 1, result.err        # the Kafka must-have now has no story
    data = result.json()
    assert data["requirements"][0]["verdict"] == "missing"
    assert data["requirements"][0]["rejected"] == ["kafka-outage"]
    assert data["requirements"][3]["evidence"][0] == {"story": "parser-rewrite", "sentence": "", "confirmed": True,
                                                       "field": "", "score": 0.0}
    # The user comments the file; saving the same posting again keeps links and comment.
    text = saved.read_text(encoding="utf-8")
    saved.write_text(text.replace("[[links]]", "# checked with Dana\n[[links]]", 1)
                     if text.count("[[links]]") == 1 else text + "# checked with Dana\n", encoding="utf-8")
    assert run(cli, bank, str(posting), "--save", "acme").code == 1
    again = run(cli, bank, "acme", "--format", "json").json()
    assert again["requirements"][0]["rejected"] == ["kafka-outage"]
    assert again["requirements"][3]["evidence"][0]["confirmed"] is True
    assert "# checked with Dana" in saved.read_text(encoding="utf-8")
    # Forgetting the rejection brings the matcher's link back.
    assert run(cli, bank, "acme", "--forget", "1:kafka-outage").code == 0


def test_bad_links_are_one_clear_line(cli, bank, posting):
    run(cli, bank, str(posting), "--save", "acme")
    for args, says in ((("--confirm", "9:kafka-outage"), "no requirement 9"),
                       (("--confirm", "1:kafka-outag"), "did you mean `kafka-outage`"),
                       (("--confirm", "kafka"), "write a link as N:STORY")):
        result = run(cli, bank, "acme", *args)
        assert result.code == 2 and says in result.err, result.err
    unsaved = run(cli, bank, str(posting), "--confirm", "1:kafka-outage")
    assert unsaved.code == 2 and "--save NAME" in unsaved.err


def test_a_hostile_name_is_refused(cli, bank, posting):
    result = run(cli, bank, str(posting), "--save", "../../evil")
    assert result.code == 2 and "cannot name a saved posting" in result.err
    assert not (bank.parent / "evil.toml").exists()


def test_all_sums_what_is_missing_across_saved_postings(cli, bank, posting, tmp_path):
    other = tmp_path / "globex.txt"
    other.write_text("Platform Engineer\n\nRequirements:\n- Experience with Kubernetes\n- Kafka in production\n"
                     "- Rust\n", encoding="utf-8")
    assert run(cli, bank, "--all").code == 2                    # nothing saved yet
    run(cli, bank, str(posting), "--save", "acme")
    run(cli, bank, str(other), "--save", "globex")
    result = run(cli, bank, "--all", "--format", "json")
    assert result.code == 1                                     # globex's Kubernetes must-have
    data = result.json()
    assert [p["name"] for p in data["postings"]] == ["acme", "globex"]
    rust = next(g for g in data["gaps"] if g["term"] == "Rust")
    assert rust["count"] == 2 and rust["postings"] == ["acme", "globex"]
    text = run(cli, bank, "--all").out
    assert "2 × Rust" in text


def test_posting_reads_the_bank_through_its_caches_and_list_does_not(cli, bank, posting, tmp_path):
    """`posting` parses the story files through the memo (open_bank's flag) and `--all` keeps a
    word index too (it had none). Near miss: `list` keeps no memo."""
    cache = tmp_path / "cache"
    cli("list", "--bank", str(bank))
    assert not list(cache.glob("toml-*.json"))
    run(cli, bank, str(posting), "--save", "acme")
    assert list(cache.glob("toml-*.json"))
    for index in cache.glob("words-*.json"):
        index.unlink()
    assert "1 × Rust" in run(cli, bank, "--all").out
    assert list(cache.glob("words-*.json"))


def test_export_for_a_posting_leads_with_the_stories_that_show_it(cli, bank, posting):
    run(cli, bank, str(posting), "--save", "acme")
    result = cli("export", "--posting", "acme", "--bank", str(bank))
    assert result.code == 0, result.err
    assert result.out.startswith("# Interview cheat sheet for Backend Engineer")
    assert "## 1. Owned project" in result.out and "- **Shows:** " in result.out
    plain = cli("export", "--bank", str(bank))
    assert "Shows:" not in plain.out
    missing = cli("export", "--posting", "nope", "--bank", str(bank))
    assert missing.code == 2 and "no saved posting `nope`" in missing.err


def test_an_interview_for_a_posting_that_is_not_saved_is_one_line(cli, bank):
    result = cli("interview", "--posting", "nope", "--bank", str(bank))
    assert result.code == 2 and len(result.err_lines) == 1 and "no saved posting" in result.err
