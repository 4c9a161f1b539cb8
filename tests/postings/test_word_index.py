"""The bank's word index (postings/word_index.py) keeps exactly the sentences the sieve keeps, is
kept in the cache folder and rebuilt when a story changes, and steps aside where it could not be
exact (a name with a symbol in it, a text whose lowercase does not line up)."""

from __future__ import annotations

import pytest

from storybank.postings.check import check
from storybank.postings.sieve import sentences_at, sieve
from storybank.postings.word_index import WordIndex
from tests.postings.conftest import bank_of, story

TEXTS = [
    "I led the migration to Kafka. Dr. Okafor's team owned the on-call rota, e.g. nights.\n"
    "We wrote it in Go; latency fell 40%.",
    "O'Neil's rollout ran smoothly — I optimised the Go services’ caching.\nNothing else here!",
    "",
    "Kafka Kafka. Go. Latency, latency and optimising, all in one sentence.",
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    return tmp_path / "cache"


def by_the_sieve(texts, s):
    return [sentences_at(t, s.hits(t, t.lower()), s, t.lower()) for t in texts]


@pytest.mark.parametrize(("keys", "solo"), [
    ({"kafka", "latenc", "=Go"}, {"kafka"}),
    ({"optimis", "lead", "neil"}, {"optimis", "lead", "neil"}),
    ({"okafor", "on-call", "rota"}, set()),
    ({"=Go", "latenc"}, {"=Go", "latenc"}),
])
def test_the_index_keeps_the_sentences_the_sieve_keeps(cache, tmp_path, keys, solo):
    s = sieve(keys, solo)
    assert s is not None and s.words_only
    expected = by_the_sieve(TEXTS, s)
    assert any(expected)
    assert WordIndex(TEXTS, tmp_path).sentences(s) == expected


def test_a_single_word_that_cannot_count_alone_is_skipped_as_by_the_sieve(cache, tmp_path):
    s = sieve({"kafka", "latenc"}, solo={"latenc"})
    assert s is not None
    got = WordIndex(TEXTS, tmp_path).sentences(s)
    # "I led the migration to Kafka." holds one word of the posting, not one that counts alone.
    assert got is not None and (0, len("I led the migration to Kafka.")) not in got[0]
    assert got == by_the_sieve(TEXTS, s)


TECH = [
    "I ported the pricer to C++ and ran CI/CD for it. C++ again.\nWe used C and CI daily.",
    "An A/B test on C++17 builds: I led it.",
    "Nothing here.",
]


@pytest.mark.parametrize("keys", [{"=C++", "kafka"}, {"=CI/CD", "=A/B", "lead"}, {"=C++", "=C", "port"}])
def test_names_with_a_symbol_are_searched_for_and_keep_the_sieves_sentences(cache, tmp_path, keys):
    s = sieve(keys, {k for k in keys if k.startswith("=")})
    assert s is not None and s.indexable and not s.words_only
    expected = by_the_sieve(TECH, s)
    assert any(expected)
    assert WordIndex(TECH, tmp_path).sentences(s) == expected


def test_a_name_starting_with_a_symbol_leaves_the_posting_to_the_sieve(cache, tmp_path):
    s = sieve({"=.NET", "port"})
    assert s is not None and not s.indexable
    assert WordIndex(TECH, tmp_path).sentences(s) is None
    near = sieve({"=NET", "port"})              # the same name without its dot: indexed
    assert near is not None and WordIndex(TECH, tmp_path).sentences(near) == by_the_sieve(TECH, near)


def test_a_text_whose_lowercase_is_longer_is_read_by_the_sieve(cache, tmp_path):
    texts = ["İstanbul office: I led the Kafka move.", "I led the Kafka move in Izmir."]
    s = sieve({"kafka", "lead"}, {"kafka"})
    assert s is not None
    got = WordIndex(texts, tmp_path).sentences(s)
    assert got is not None
    assert got[0] is None                      # "İ" lowercases to two characters
    assert got[1] == by_the_sieve(texts, s)[1]


def test_the_index_is_kept_and_rebuilt_when_a_story_changes(cache, tmp_path, monkeypatch):
    from storybank.postings import word_index

    built = []
    real = word_index.WordIndex._build
    monkeypatch.setattr(word_index.WordIndex, "_build", lambda self: built.append(1) or real(self))
    s = sieve({"kafka"}, {"kafka"})
    assert s is not None
    first = WordIndex(TEXTS, tmp_path).sentences(s)
    assert list(cache.glob("words-*.json")) and built == [1]
    assert WordIndex(TEXTS, tmp_path).sentences(s) == first
    assert built == [1]                        # read back, not rebuilt
    changed = [TEXTS[0] + " Kafka again, twice: Kafka.", *TEXTS[1:]]
    assert WordIndex(changed, tmp_path).sentences(s) == by_the_sieve(changed, s)
    assert built == [1, 1]


def test_no_cache_folder_means_no_index_and_the_same_report(tmp_path, monkeypatch):
    posting = "# Engineer\n\n## Requirements\n\n- Kafka streaming in production\n- On-call rota\n"
    stories = bank_of(stream=story(action="I ran Kafka streaming in production for two years. I led the on-call rota."),
                      other=story(action="The team mentioned Kafka once."))
    monkeypatch.setenv("STORYBANK_NO_CACHE", "1")
    plain = check(posting, stories, motivation=False, bank_root=tmp_path)
    monkeypatch.delenv("STORYBANK_NO_CACHE")
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    indexed = check(posting, stories, motivation=False, bank_root=tmp_path)
    assert list((tmp_path / "cache").glob("words-*.json"))
    assert indexed == plain
    assert [r.verdict for r in indexed.requirements][0] == "shown"


def test_without_its_source_to_stamp_the_index_is_built_but_not_kept(cache, tmp_path, monkeypatch):
    from storybank.postings import word_index

    monkeypatch.setattr(word_index, "__file__", str(tmp_path / "gone.py"))
    s = sieve({"kafka"}, {"kafka"})
    assert s is not None
    assert WordIndex(TEXTS, tmp_path).sentences(s) == by_the_sieve(TEXTS, s)
    assert not list(cache.glob("words-*.json"))
    monkeypatch.undo()
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(cache))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    WordIndex(TEXTS, tmp_path)
    assert list(cache.glob("words-*.json"))     # the near miss: with its source, it is kept
