"""The bank's word index (postings/word_index.py) keeps exactly the sentences the sieve keeps, is
kept in the cache folder and rebuilt when a story changes, and steps aside where it could not be
exact (a name with a symbol in it, a text whose lowercase does not line up)."""

from __future__ import annotations

import pytest

from storybank.postings.check import check
from storybank.postings.match import word_index
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
    assert word_index(stories, tmp_path) is None
    plain = check(posting, stories, motivation=False, words=word_index(stories, tmp_path))
    monkeypatch.delenv("STORYBANK_NO_CACHE")
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(tmp_path / "cache"))
    indexed = check(posting, stories, motivation=False, words=word_index(stories, tmp_path))
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
    WordIndex(TEXTS, tmp_path).sentences(s)
    assert list(cache.glob("words-*.json"))     # the near miss: with its source, it is kept


def _kafka():
    s = sieve({"kafka", "latenc"}, {"kafka"})
    assert s is not None
    return s


@pytest.mark.parametrize("data", [
    {"words": {"Kafka": 3}},                        # a number where the sentences' numbers go
    {"words": {"Kafka": "0 x"}},                    # ... that is not one
    {"words": {"Kafka": "99999"}},                  # ... that points past every sentence
    {"words": {"Kafka": "-1"}},                     # ... or before the first
    {"bounds": [1, 2, 3, 4]},                       # bounds not as written
    {"bounds": ["0 5 9", "", "", ""]},              # an odd count of bounds
    {"fallback": ["0"]},
    {"fallback": [99]},
])
def test_a_validly_stamped_index_holding_what_this_code_never_writes_is_a_miss(cache, tmp_path, data):
    """Review of issue 23: a damaged index under a good stamp raised outside any `try`. Near miss:
    the index as written is read back, not built again."""
    from storybank.postings import word_index

    s = _kafka()
    fresh = WordIndex(TEXTS, None).sentences(s)
    first = WordIndex(TEXTS, tmp_path)
    assert first.sentences(s) == fresh and first.file is not None and first.stamp is not None
    stored = first.file.load(first.stamp)
    assert stored is not None and "Kafka" in stored["words"]
    first.file.save(first.stamp, {**stored, **data})
    assert WordIndex(TEXTS, tmp_path).sentences(s) == fresh
    built = []
    real = word_index.WordIndex._build
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(word_index.WordIndex, "_build", lambda self: built.append(1) or real(self))
        assert WordIndex(TEXTS, tmp_path).sentences(s) == fresh
    assert built == []                              # the miss wrote the index again, whole


@pytest.mark.parametrize("content", [b"", b'{"stamp": "', b"\xff\xfe\x00", b"[]", b'{"stamp": "other", "data": {}}',
                                     b"[" * 100_000])
def test_a_corrupt_truncated_or_foreign_index_file_is_a_miss(cache, tmp_path, content):
    s = _kafka()
    fresh = WordIndex(TEXTS, None).sentences(s)
    first = WordIndex(TEXTS, tmp_path)
    first.sentences(s)
    assert first.file is not None
    first.file.path.write_bytes(content)
    assert WordIndex(TEXTS, tmp_path).sentences(s) == fresh


def test_an_unwritable_cache_folder_still_gives_the_sieves_sentences(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("STORYBANK_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("STORYBANK_NO_CACHE", raising=False)
    s = _kafka()
    assert WordIndex(TEXTS, tmp_path).sentences(s) == WordIndex(TEXTS, None).sentences(s)


def test_the_index_is_read_only_when_a_posting_asks_it(cache, tmp_path, monkeypatch):
    """Building one for the bank costs nothing until a sieve that can use it asks."""
    from storybank.postings import word_index

    reads = []
    real = word_index.WordIndex._read
    monkeypatch.setattr(word_index.WordIndex, "_read", lambda self: reads.append(1) or real(self))
    index = WordIndex(TEXTS, tmp_path)
    symbol = sieve({".net"}, set())
    assert symbol is not None and index.sentences(symbol) is None
    assert reads == []
    index.sentences(_kafka())
    assert reads == [1]


def test_posting_all_uses_one_word_index_for_every_saved_posting(cache, tmp_path, monkeypatch):
    """Review of issue 23: `posting --all` checked without the bank's word index. Near miss: the
    index gives the report the sieve gives."""
    from storybank.bank import Bank
    from storybank.postings import api, store, word_index

    root = tmp_path / "bank"
    root.mkdir()
    (root / "stream.toml").write_text('schema = 1\ntitle = "Streams"\nquestions = ["project"]\n'
                                      'action = "I ran Kafka streaming in production. I led the on-call rota."\n',
                                      encoding="utf-8")
    for name, want in (("acme", "Kafka streaming in production"), ("globex", "On-call rota for Kafka")):
        store.save_text(root, name, f"# Engineer\n\n## Requirements\n\n- {want}\n- Terraform\n", None, None)
    made, built = [], []
    real_init, real_build = word_index.WordIndex.__init__, word_index.WordIndex._build
    monkeypatch.setattr(word_index.WordIndex, "__init__",
                        lambda self, *a: made.append(1) or real_init(self, *a))
    monkeypatch.setattr(word_index.WordIndex, "_build", lambda self: built.append(1) or real_build(self))
    summary = api.check_all(Bank.open(root))
    assert made == [1] and built == [1]
    assert list(cache.glob("words-*.json"))
    monkeypatch.setenv("STORYBANK_NO_CACHE", "1")
    assert api.check_all(Bank.open(root)) == summary
    assert [r.verdict for r in summary.postings[0].requirements] == ["shown", "missing"]


def test_the_index_takes_the_story_texts_its_word_index_made_and_only_for_the_same_stories(cache, tmp_path, monkeypatch):
    from storybank.postings import match
    from storybank.postings.match import index as index_module

    made = []
    real = index_module._story_text
    monkeypatch.setattr(index_module, "_story_text", lambda s: made.append(1) or real(s))
    stories = bank_of(stream=story(action="I ran Kafka streaming in production for two years."),
                      other=story(action="The team mentioned Kafka once."))
    words = word_index(stories, tmp_path)
    assert len(made) == 2
    match.Index(stories, {"kafka"}, sieve({"kafka"}, {"kafka"}), words)
    assert len(made) == 2                      # the texts word_index made, not made again
    match.Index(stories, {"kafka"}, sieve({"kafka"}, {"kafka"}), words)
    assert len(made) == 2                      # kept with the word index: every Index on it reuses them
    match.Index(stories, {"kafka"}, sieve({"kafka"}, {"kafka"}), None)
    assert len(made) == 4                      # no word index: the Index makes its own
    # Near miss: other story objects with the same ids never get the texts made for the first.
    word_index(stories, tmp_path)
    others = bank_of(stream=story(action="I wrote the Kafka consumers."), other=story(action="Nothing here."))
    index = match.Index(others, {"kafka"}, sieve({"kafka"}, {"kafka"}), words)
    assert "I wrote the Kafka consumers." in index.texts[0][1]


def test_sentences_holding_the_same_of_a_requirements_words_are_judged_once(monkeypatch):
    from storybank.postings.match import rank

    judged = []
    real = rank._cover
    monkeypatch.setattr(rank, "_cover", lambda need, s, context: judged.append(s.text) or real(need, s, context))
    posting = "# Engineer\n\n## Requirements\n\n- Kafka streaming in production\n"
    same = [f"I ran Kafka streaming in production for the {team} team." for team in ("billing", "search", "payments")]
    stories = bank_of(a=story(action=same[0]), b=story(action=same[1]), c=story(action=same[2]),
                      # Near miss: one more of the requirement's words, another case judged on its own.
                      d=story(action="I ran Kafka in the lab."))
    report = check(posting, stories, motivation=False)
    assert len(judged) == 2 and sum(t in same for t in judged) == 1
    assert report.requirements[0].verdict == "shown"
