"""Profession packs as data, and choosing one in the bank settings or in a story (issue 12)."""

from __future__ import annotations

import pytest

from storybank.model import Story
from storybank.professions import all_vocabulary, names, pack_for
from storybank.settings import parse_settings

FIELDS = ["software", "medicine", "law", "finance", "science_lab", "engineering", "education",
          "languages", "annotation", "trades"]


def test_every_field_has_a_pack_with_vocabulary_examples_and_probes():
    assert names() == FIELDS
    for name in FIELDS:
        pack = pack_for(name)
        assert pack.id == name and pack.label
        assert len(pack.vocabulary) >= 15, name
        for key in ("mechanism", "method", "numbers", "prevention"):
            assert pack.example(key), (name, key)
        assert pack.probe_templates("technical"), name
        assert pack.type_followups("project"), name


def test_only_software_talks_about_caches_and_load():
    for name in ["", *FIELDS]:
        pack = pack_for(name)
        said = " ".join([*pack.examples.values(), *(t for v in pack.probes.values() for t in v),
                         *(t for v in pack.followups.values() for t in v),
                         pack.example("mechanism")]).lower()
        software = any(w in said for w in ("cache", "query plan", "under the hood", "load doubled"))
        assert software == (name == "software"), name


def test_no_profession_is_the_neutral_pack():
    assert pack_for("").id == "neutral"
    assert pack_for(None).id == "neutral"
    assert "cache" not in pack_for("").example("mechanism")
    assert "qSOFA" in all_vocabulary() and "Bluebook" in all_vocabulary()


def test_profession_setting_is_validated_and_normalised():
    assert parse_settings({"profession": "Law"}).profession == "law"
    assert parse_settings({}).profession == ""
    with pytest.raises(ValueError, match="did you mean `medicine`") as err:
        parse_settings({"profession": "medicin"})
    assert "software, medicine, law" in str(err.value)
    with pytest.raises(ValueError, match="`profession` must be a name"):
        parse_settings({"profession": 3})


def test_a_story_may_name_its_own_profession():
    story = Story(title="t", questions=["project"], profession="education")
    assert story.profession == "education"
    assert "profession" in story.to_data()
    assert "profession" not in Story(title="t", questions=[]).to_data()
    with pytest.raises(ValueError, match="choose one of software"):
        Story(title="t", questions=[], profession="astrology")


def test_settings_template_documents_profession(tmp_path):
    from storybank.settings import TEMPLATE, load_settings

    (tmp_path / ".storybank.toml").write_text(TEMPLATE.replace('profession = ""',
                                                               'profession = "finance"'))
    assert load_settings(tmp_path).profession == "finance"


def test_report_cache_follows_the_profession_setting():
    from storybank.analysis.cache import fingerprint
    from storybank.catalog import builtin_catalog
    from storybank.settings import Settings

    catalog = builtin_catalog()
    assert fingerprint(catalog, Settings()) != fingerprint(catalog, Settings(profession="law"))
