"""Bank settings (`.storybank.toml`): defaults, valid values, and one clear error for each mistake."""

from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from storybank.analysis.engine import analyze
from storybank.bank import Bank, init_bank
from storybank.catalog import load_catalog
from storybank.errors import StorybankError
from storybank.settings import DEFAULT, SETTINGS_FILE, TEMPLATE, Settings, load_settings
from tests.helpers import GOOD_STORY, REPO
from tests.strategies import FUZZ, examples, fresh_folder, mutated_text


def write(bank_dir, text: str):
    (bank_dir / SETTINGS_FILE).write_text(text, encoding="utf-8")


def test_defaults_without_a_settings_file(bank_dir):
    settings = load_settings(bank_dir)
    assert settings == DEFAULT
    assert settings.rate_wpm == 150
    assert settings.answer_seconds == (60, 80)
    assert settings.answer_limit_seconds == 90
    assert settings.followup_seconds == (30, 60)
    assert settings.interview_minutes == 15
    assert settings.ignore == ()
    assert settings.catalog_path() is None
    assert settings.seconds(150) == 60.0


def test_the_template_written_by_init_is_valid_and_means_the_defaults(bank_dir):
    init_bank(bank_dir)
    assert (bank_dir / SETTINGS_FILE).read_text(encoding="utf-8") == TEMPLATE
    assert load_settings(bank_dir) == DEFAULT


def test_every_setting_is_declared_once_with_its_help_and_check():
    """The template, the README table and the parser all come from the one declaration."""
    import tomllib

    from storybank.settings import DECLARED, parse_settings, readme_table

    names = [f.name for f in DECLARED]
    assert names == [f.name for f in fields(Settings) if f.name != "source"]
    assert list(tomllib.loads(TEMPLATE)) == names                     # every key, in order
    for f in DECLARED:
        assert f.metadata["help"].endswith(".") and f"# {f.metadata['help'].split()[0]}" in TEMPLATE
        with pytest.raises(ValueError, match=f"`{f.name}`"):             # a wrong type is refused
            parse_settings({f.name: {"not": "valid"}})
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- settings table")
    start = readme.index("\n", start) + 1
    assert readme[start:readme.index("<!-- end of settings table -->")] == readme_table()


def test_a_valid_file(bank_dir):
    write(bank_dir, """
rate_wpm = 140.5
answer_seconds = [50, 75]
answer_limit_seconds = 85
followup_seconds = [20, 45]
interview_minutes = 20
ignore = ["SB108", "SB204"]
catalog = "my-catalog.toml"
paper = "a4"
""")
    settings = load_settings(bank_dir)
    assert settings.rate_wpm == 140.5
    assert settings.answer_seconds == (50, 75)
    assert settings.answer_limit_seconds == 85
    assert settings.followup_seconds == (20, 45)
    assert settings.interview_minutes == 20
    assert settings.ignore == ("SB108", "SB204")
    assert settings.paper == "a4"
    assert settings.catalog_path() == bank_dir / "my-catalog.toml"
    assert settings.seconds(140.5) == pytest.approx(60.0)
    assert Bank.open(bank_dir).settings == settings


def test_settings_file_with_a_bom_is_read(bank_dir):
    (bank_dir / SETTINGS_FILE).write_bytes(b"\xef\xbb\xbfrate_wpm = 120\n")
    assert load_settings(bank_dir).rate_wpm == 120


def test_unknown_key_suggests_the_right_one(bank_dir):
    write(bank_dir, "answer_second = [60, 80]\n")
    with pytest.raises(StorybankError) as raised:
        load_settings(bank_dir)
    message = str(raised.value)
    assert "answer_second" in message
    assert "did you mean `answer_seconds`" in message
    assert str(bank_dir / SETTINGS_FILE) in message


def test_unknown_key_without_a_close_match(bank_dir):
    write(bank_dir, "zebra = 1\n")
    with pytest.raises(StorybankError, match="unknown setting `zebra`") as raised:
        load_settings(bank_dir)
    assert "did you mean" not in str(raised.value)


@pytest.mark.parametrize(("text", "key"), [
    ('rate_wpm = "fast"', "rate_wpm"),
    ("rate_wpm = true", "rate_wpm"),
    ("rate_wpm = 5", "rate_wpm"),
    ("rate_wpm = nan", "rate_wpm"),
    ("answer_seconds = 60", "answer_seconds"),
    ("answer_seconds = [60]", "answer_seconds"),
    ('answer_seconds = ["60", "80"]', "answer_seconds"),
    ("followup_seconds = [30, 60, 90]", "followup_seconds"),
    ("interview_minutes = -1", "interview_minutes"),
    ("interview_minutes = inf", "interview_minutes"),
    ('ignore = "SB108"', "ignore"),
    ("ignore = [108]", "ignore"),
    ("catalog = 3", "catalog"),
    ('paper = "A5"', "paper"),
])
def test_wrong_types_and_values_name_the_key(bank_dir, text, key):
    write(bank_dir, text + "\n")
    with pytest.raises(StorybankError) as raised:
        load_settings(bank_dir)
    assert f"`{key}`" in str(raised.value)


@pytest.mark.parametrize("key", ["answer_seconds", "followup_seconds"])
def test_reversed_window_is_a_clear_error(bank_dir, key):
    write(bank_dir, f"{key} = [80, 60]\n")
    with pytest.raises(StorybankError) as raised:
        load_settings(bank_dir)
    message = str(raised.value)
    assert f"`{key}`" in message and "shorter time first" in message


def test_limit_shorter_than_the_window_is_an_error(bank_dir):
    write(bank_dir, "answer_seconds = [60, 80]\nanswer_limit_seconds = 70\n")
    with pytest.raises(StorybankError, match="answer_limit_seconds"):
        load_settings(bank_dir)


@pytest.mark.parametrize("content", [b"rate_wpm = [", b"\xff\xfe r", b"rate_wpm = 150\nrate_wpm = 140\n"])
def test_unreadable_settings_are_one_clear_error(bank_dir, content):
    (bank_dir / SETTINGS_FILE).write_bytes(content)
    with pytest.raises(StorybankError) as raised:
        Bank.open(bank_dir)
    message = str(raised.value)
    assert SETTINGS_FILE in message
    assert "\n" not in message


def test_settings_are_frozen():
    with pytest.raises(Exception):  # noqa: B017 - dataclasses.FrozenInstanceError
        DEFAULT.rate_wpm = 10  # type: ignore[misc]
    assert Settings() == DEFAULT


# --- fuzzing the settings file ----------------------------------------------------------------------

SETTINGS_TEXT = TEMPLATE


@hypothesis_settings(FUZZ, max_examples=examples(60))
@given(text=st.one_of(mutated_text(SETTINGS_TEXT), st.binary(max_size=200).map(
    lambda b: b.decode("latin-1"))))
def test_any_settings_file_opens_or_is_one_clear_error(tmp_path, text):
    root = fresh_folder(tmp_path)
    (root / ".storybank.toml").write_text(text, encoding="utf-8")
    (root / "good.toml").write_text(GOOD_STORY, encoding="utf-8")
    try:
        bank = Bank.open(root)
    except StorybankError:
        return
    report = analyze(bank.stories[0].story, load_catalog(None), bank.settings, "good")
    assert report.answer_seconds >= 0


if __name__ == "__main__":
    # `python -m tests.settings.test_settings` rewrites the README's settings table from the declaration.
    from storybank.settings import readme_table

    path = REPO / "README.md"
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("<!-- settings table", 1)
    marker, rest = rest.split("\n", 1)
    _old, tail = rest.split("<!-- end of settings table -->", 1)
    path.write_text(f"{head}<!-- settings table{marker}\n{readme_table()}<!-- end of settings table -->{tail}",
                    encoding="utf-8")
