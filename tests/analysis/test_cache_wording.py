"""Round 21 (lead): the questions are worded in the bank's field (`Bank.field`), which `lint`
does not compute (it shows no question) and `coverage` does. A report never reads that wording, so
both share one report cache; anything a report does read still changes the stamp."""

from __future__ import annotations

from storybank.analysis.cache import fingerprint
from storybank.catalog import catalog_for
from storybank.settings import Settings


def test_the_wording_of_the_questions_does_not_change_the_cache_stamp():
    settings = Settings()
    worded, plain = catalog_for(settings, "medicine"), catalog_for(settings, "")
    assert worded.question("failure").as_asked != plain.question("failure").as_asked
    assert fingerprint(worded, settings) == fingerprint(plain, settings)


def test_near_miss_what_a_report_reads_still_changes_the_stamp():
    settings = Settings()
    plain = catalog_for(settings, "")
    failure = plain.question("failure")
    changed = plain.model_copy(update={"questions": [
        q.model_copy(update={"phrasings": [*q.phrasings, "Tell me about a slip of yours."]}) if q is failure else q
        for q in plain.questions]})
    assert fingerprint(changed, settings) != fingerprint(plain, settings)
