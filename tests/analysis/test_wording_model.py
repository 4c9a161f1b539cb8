"""The learned wording model: its features, its stored form, and the catalog it belongs to (a
catalog without a weights file beside it is read by the paraphrase families alone)."""

from __future__ import annotations

import json
import shutil

import pytest

from storybank.analysis.matching import Matcher, catalog_model, matcher, model_path, recognise
from storybank.analysis.wording_model import WordingModel, features, load_model
from storybank.catalog import builtin_catalog, load_catalog
from tests.helpers import REPO

CATALOG = REPO / "src/storybank/data/catalog.toml"


def test_related_word_forms_share_letter_groups_short_words_give_none():
    long_form = {f for f in features("disagreement") if f.startswith("c:")}
    other_form = {f for f in features("disagreeing") if f.startswith("c:")}
    assert long_form & other_form  # "<dis", "disa", "isag", ...
    assert not [f for f in features("to a man") if f.startswith("c:")]


def test_features_name_the_opening_and_word_pairs():
    found = features("Tell me about a conflict")
    assert "o:tell_me_about" in found and "b:a_conflict" in found
    assert "b:conflict_tell" not in found


def test_a_missing_or_malformed_weights_file_is_no_model(tmp_path):
    assert load_model(tmp_path / "absent.json") is None
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"labels": ["none"], "weights": {"w:x": [0]}}), "utf-8")
    assert load_model(broken) is None  # an index without its weight
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"labels": ["none", "failure"], "weights": {"w:mistake": [1, 2.0]}}), "utf-8")
    model = load_model(good)
    assert model is not None and model.beliefs("a mistake")["failure"] > 0.8


def test_the_builtin_catalog_has_its_model_an_own_catalog_only_with_a_file_beside_it(tmp_path):
    assert matcher(builtin_catalog()).model is not None
    own = tmp_path / "questions.toml"
    shutil.copy(CATALOG, own)
    assert matcher(load_catalog(own)).model is None  # families alone, as before the model
    path = model_path(load_catalog(own))
    assert path == tmp_path / "questions.wording_model.json"
    shutil.copy(model_path(builtin_catalog()), path)
    assert matcher(load_catalog(own)).model is not None


def test_a_model_for_other_labels_is_not_used():
    catalog = builtin_catalog()
    stranger = WordingModel(("none", "some-other-type"), {"w:time": [1, 3.0]})
    assert Matcher(catalog, stranger).model is None
    assert Matcher(catalog, catalog_model(catalog)).model is not None


@pytest.mark.parametrize(("wording", "verdict", "id"), [
    # Real wordings that the families alone took, confidently, for a type (holdout2, spent).
    ("What tech tools do you use on a daily basis?", "none", None),
    # Since round 15 told "unsure" (collaborators 62, under the probes' line): named, never claimed.
    ("What do other people say about working with you?", "unsure", "collaborators"),
    # ... and their near misses, which are the types.
    ("Tell me about a time you disagreed with your manager.", "match", "disagreement"),
    ("Walk me through a production incident you caused.", "match", "failure"),
])
def test_the_mix_answers_no_match_where_the_families_were_sure(wording, verdict, id):
    found = recognise(wording, builtin_catalog())
    assert found.verdict == verdict
    if id is not None:
        assert found.best.id == id


def _corpus_module(file: str, name: str):
    """A script of tests/corpus_real as a module, loaded once under `name`."""
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(name, REPO / "tests/corpus_real" / file)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


def _corpus_measure():
    return _corpus_module("measure.py", "corpus_real_measure")


def test_round_10_corrections_find_their_wordings_in_spent_sets_only():
    import tomllib

    m = _corpus_measure()
    fixes = tomllib.loads(m.RELABEL.read_text("utf-8"))["relabel"]
    ids = {entry.id for entry in [*builtin_catalog().questions, *builtin_catalog().probes]} | {"none"}
    assert fixes and all(f["split"] not in m.HELD_OUT and f["new"] in ids and f["new"] != f["old"]
                         for f in fixes)
    for split in sorted({f["split"] for f in fixes}):
        # `relabelled` refuses a correction whose wording is missing or carries another label.
        corrected = {w["text"]: (w["id"], w["kind"]) for w in m.load(split, "wordings")}
        as_collected = {w["text"]: w["id"] for w in m.load(split, "wordings", corrected=False)}
        for f in (f for f in fixes if f["split"] == split):
            assert as_collected[f["text"]] == f["old"]
            kind = "none" if f["new"] == "none" else "probe" if f["new"] in m.PROBES else "question"
            assert corrected[f["text"]] == (f["new"], kind)
    # A wording no correction names keeps its collector's label (holdout3, a conflict between others).
    others = "Two of your technicians aren't getting along"
    assert [w["id"] for w in m.load("holdout3", "wordings") if w["text"].startswith(others)] == ["none"]


@pytest.mark.parametrize(("text", "old", "refusal"), [
    ("How do you deal with conflicts?", "project", "labelled none"),  # the wrong old label
    ("No such wording", "none", "match no wording"),
])
def test_a_mismatched_correction_is_refused(tmp_path, monkeypatch, text, old, refusal):
    m = _corpus_measure()
    wrong = tmp_path / "relabel.toml"
    wrong.write_text(f'[[relabel]]\nsplit = "holdout3"\ntext = "{text}"\nold = "{old}"\n'
                     'new = "disagreement"\nwhy = "a test"\n', "utf-8")
    monkeypatch.setattr(m, "RELABEL", wrong)
    with pytest.raises(AssertionError, match=refusal):
        m.load("holdout3", "wordings")


@pytest.mark.parametrize(("wording", "verdict", "id"), [
    # Round 10's labelling rule (corpus README): how the candidate handles a topic, in general or
    # hypothetically, is that type; a customer the candidate clashes with is a disagreement.
    ("How would you handle a difficult customer?", "match", "disagreement"),
    ("How do you deal with conflicts?", "match", "disagreement"),
    ("Tell me about a time when a patient's family was dissatisfied with your care. How did you "
     "handle that situation?", "match", "disagreement"),
    # Near misses: an opinion about the topic, and a conflict between others the candidate settles.
    ("What do you think causes conflict at work?", "none", None),
    ("Two of your technicians aren't getting along, and customers are starting to notice. How you do "
     "handle the situation?", "none", None),
])
def test_a_topic_asked_in_general_is_its_type_an_opinion_of_it_is_not(wording, verdict, id):
    found = recognise(wording, builtin_catalog())
    assert found.verdict == verdict
    if id is not None:
        assert found.best.id == id


def _corpus_trainer():
    # it puts its own folder on the path to import measure.py
    return _corpus_module("train_wording_model.py", "corpus_real_trainer")


def test_a_training_only_split_is_refused_by_the_measure_a_measured_one_is_read():
    m = _corpus_measure()
    assert "written13" in m.TRAINING_ONLY and "written13" not in m.SPLITS
    with pytest.raises(AssertionError, match="not a measured split"):
        m.load("written13", "wordings")
    assert m.load("holdout3", "wordings")  # the near miss: a spent split is read


def test_the_trainer_teaches_a_training_only_split_in_every_fold_unless_told_not(tmp_path, monkeypatch):
    t = _corpus_trainer()
    monkeypatch.setattr(t, "HERE", tmp_path)
    assert t.training_only_wordings() == []  # not yet written: nothing
    (tmp_path / "written13").mkdir()
    (tmp_path / "written13" / "wordings.toml").write_text(
        '[[wording]]\ntext = "Walk me through the dig you ran"\nid = "project"\n', "utf-8")
    taught = t.Example("Walk me through the dig you ran", "project")
    assert t.training_only_wordings() == [taught]
    assert taught in t.extra_wordings() and taught not in t.extra_wordings(written=False)
    with pytest.raises(AssertionError, match="measured, not training-only"):
        t.training_only_wordings(("holdout3",))


def test_a_dev_wording_that_paraphrases_a_spent_set_is_left_out_of_that_sets_fold(tmp_path, monkeypatch):
    t = _corpus_trainer()
    monkeypatch.setattr(t, "HERE", tmp_path)
    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "wordings18.toml").write_text(
        '[[wording]]\ntext = "Describe a time you mediated a dispute between two of your crew."\nid = "none"\n'
        'from = ["holdout3"]\n[[wording]]\ntext = "What is a blameless culture?"\nid = "none"\n', "utf-8")
    paraphrase, general = t.dev_wordings()
    assert paraphrase.source == ("holdout3",) and general.source == ()
    # holdout3's fold trains without its paraphrase; every other fold, and the shipped model, with it.
    assert t.for_fold([paraphrase, general], "holdout3") == [general]
    assert t.for_fold([paraphrase, general], "holdout4") == [paraphrase, general]
    # Near miss: a `from` that names no spent set is refused.
    (tmp_path / "dev" / "wordings18.toml").write_text(
        '[[wording]]\ntext = "What is a blameless culture?"\nid = "none"\nfrom = ["holdout42"]\n', "utf-8")
    with pytest.raises(AssertionError, match="unspent set"):
        t.dev_wordings()


def _unsure_read(t, label: str, best: str, score: float):
    from storybank.analysis.types import MatchCandidate

    return t.Mixed(label, [MatchCandidate("question", best, score), MatchCandidate("question", "schedule", 3.0)],
                   0.5, "back")


def test_the_unsure_band_tells_a_best_under_the_line_unsure_and_never_confident():
    t = _corpus_trainer()
    # failure at 45 is under the back frame's line (60): no match without a band, "unsure" (right,
    # never confident) with a band from 40; a "none" wording at the same score is told "unsure".
    fold = [_unsure_read(t, "failure", "failure", 45.0), _unsure_read(t, "none", "failure", 45.0)]
    assert t.band_count(fold, None) == (1, 0, 1, 0)
    assert t.band_count(fold, 40) == (1, 0, 0, 1)
    # Near miss: a best under the lower line stays "no match".
    assert t.band_count([_unsure_read(t, "failure", "failure", 38.0)], 40) == (0, 0, 0, 0)


def test_a_band_guard_keeps_a_none_wording_the_families_read_as_a_common_question_at_no_match():
    t = _corpus_trainer()
    from storybank.analysis.types import MatchCandidate

    def read(other: tuple[str, float, bool]):
        heard = t.Read("none", {}, {}, {}, "back", other, "How do you like to work?")
        return t.Mixed("none", [MatchCandidate("question", "schedule", 45.0)], 0.5, "back", heard)

    guard = t.UNSURE_GUARDS["resembles"]
    # The families hear "how you like to work", leading at 40: kept at "no match" (right).
    assert t.band_count([read(("work-style", 0.4, True))], 40, guard) == (1, 0, 1, 0)
    # Near miss: the same common question not leading, or under RESEMBLES, leaves it unsure.
    assert t.band_count([read(("work-style", 0.4, False))], 40, guard) == (0, 0, 0, 1)
    assert t.band_count([read(("work-style", 0.2, True))], 40, guard) == (0, 0, 0, 1)
