"""Spoken practice in the drill and the mock interview: record while the answer timer runs,
transcribe as the user speaks, and analyse what was said once each timed phase ends.

A screen that times answers (`TimedAnswers`) keeps an `AnswerVoice`; the mixin calls its hooks:
`prepare` when a question is shown (the model starts loading), `start` when a timed phase begins,
`stop` when it ends, `cancel` when an answer is abandoned, `reset` for the next question. The
audio comes from `app.audio_source()` when the app has one (tests give it a clip), else the
microphone. When voice is unavailable (no voice extra, no PortAudio, no microphone) the user is
told once per session, plainly, with the fix, and the screen works by key press exactly as
before. `STORYBANK_VOICE=off` turns recording off without a notice.

Each question is a round (`round_no`); its analyses land by round, so the interview, which moves
on to the next question at once, still gets the figures of the answer just given. The drill
drops a round it leaves (`reset()`); the interview keeps it (`reset(keep=True)`) until logged.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from dataclasses import dataclass, field

from textual.content import Content
from textual.message import Message

from storybank.drill import Phase
from storybank.speech.report import SpokenReport

NOTICE_FLAG = "_storybank_voice_notice_shown"


class SpokenAnalysed(Message):
    """The analysis of one spoken phase is ready (or failed with a one-line reason)."""

    def __init__(self, phase: Phase, report: SpokenReport | None, error: str | None = None,
                 round_no: int = 0) -> None:
        super().__init__()
        self.round_no = round_no
        self.phase = phase
        self.report = report
        self.error = error


@dataclass
class AnswerVoice:
    screen: object
    name: str = "drill"                  # what works by key press when voice is off
    available: bool | None = None        # None until the first recording is tried
    heard: dict = field(default_factory=dict)      # round_no -> {phase: report}
    listening: dict = field(default_factory=dict)  # round_no -> {phases being analysed}
    round_no: int = 0                    # answers of a dropped round are ignored when they land
    _recorder: object = None
    _streamer: object = None

    @property
    def reports(self) -> dict:
        """The analyses of the current round, by phase."""
        return self.heard.setdefault(self.round_no, {})

    @property
    def pending(self) -> set:
        """The phases of the current round still being analysed."""
        return self.listening.setdefault(self.round_no, set())

    def reports_of(self, round_no: int) -> dict:
        return self.heard.get(round_no, {})

    def pending_of(self, round_no: int) -> set:
        return self.listening.get(round_no, set())

    @property
    def app(self):
        return self.screen.app

    def _settings(self):
        return self.app.state.settings

    def _base(self):
        settings = self._settings()
        return settings.source.parent if settings.source else self.app.state.root

    def _off(self, reason: str) -> None:
        self.available = False
        # The command line's alternative ("or give a recording with --audio FILE") means nothing here.
        reason = reason.split(", or give a recording")[0].split("; or give a recording")[0]
        if not getattr(self.app, NOTICE_FLAG, False):
            setattr(self.app, NOTICE_FLAG, True)
            self.screen.notify(f"Spoken practice is off: {reason}. The {self.name} works by key "
                               "press as before.", title="No recording", severity="warning", timeout=12)

    def _source(self):
        factory = getattr(self.app, "audio_source", None)
        if factory is not None:
            return factory()
        from storybank.speech.recorder import MicrophoneSource, import_sounddevice

        import_sounddevice()  # no PortAudio: a SpeechError with the fix, before anything starts
        return MicrophoneSource()

    def _turned_off(self) -> bool:
        return os.environ.get("STORYBANK_VOICE", "").lower() in ("off", "0", "no")

    def prepare(self) -> None:
        """A question is on screen: start loading the model in the background, so it is ready
        by the time the answer is spoken (unless voice is off or known not to work)."""
        if self.available is False or self._turned_off():
            return
        if importlib.util.find_spec("faster_whisper") is None:
            return
        from storybank.speech import SpeechError, engine

        if getattr(self.app, "audio_source", None) is None:
            from storybank.speech.recorder import import_sounddevice

            try:
                import_sounddevice()  # no PortAudio: no point loading a model (start() says why)
            except SpeechError:
                return
        engine.preload(self._settings().speech_model, self._base())

    def start(self, phase: Phase) -> None:
        """A timed phase begins: record it (silently does nothing when voice is off)."""
        self.cancel()
        if self.available is False:
            return
        if self._turned_off():
            self.available = False  # the user turned recording off: no notice needed
            return
        from storybank.speech import VOICE_EXTRA_FIX, SpeechError

        if importlib.util.find_spec("faster_whisper") is None:
            self._off(f"it needs the voice extra ({VOICE_EXTRA_FIX})")
            return
        try:
            from storybank.speech import engine
            from storybank.speech.delivery import prompt
            from storybank.speech.recorder import Recorder
            from storybank.speech.streaming import Streamer

            source = self._source()
            settings, base = self._settings().speech_model, self._base()
            engine.preload(settings, base)
            streamer = Streamer(lambda: engine.get(settings, base), prompt())
            recorder = Recorder(source, on_block=streamer.feed)
            recorder.start()
        except SpeechError as exc:
            self._off(str(exc).rstrip("."))
            return
        self.available = True
        self._recorder, self._streamer, self._phase = recorder, streamer, phase

    @property
    def recording(self) -> bool:
        return self._recorder is not None

    def stop(self, context: dict) -> None:
        """The timed phase ended: stop recording and analyse in a worker thread. `context` holds
        story, question and probe ids."""
        recorder, streamer, phase = self._recorder, self._streamer, getattr(self, "_phase", None)
        self._recorder = self._streamer = None
        if recorder is None:
            return
        self.pending.add(phase)
        round_no = self.round_no
        self.screen.run_worker(lambda: self._analyse(recorder, streamer, phase, context, round_no),
                               thread=True, group="voice", name="spoken answer", exit_on_error=False)

    def cancel(self) -> None:
        recorder, self._recorder, self._streamer = self._recorder, None, None
        if recorder is not None:
            with contextlib.suppress(Exception):  # an abandoned answer needs no error
                recorder.stop()

    def _analyse(self, recorder, streamer, phase: Phase, context: dict, round_no: int) -> None:
        from storybank.speech import SAMPLE_RATE, SpeechError
        from storybank.speech.analyse import Spoken, analyse
        from storybank.speech.audio import check_samples

        report = error = None
        try:
            samples = recorder.stop()
            check_samples(samples, "microphone")
            heard, regions = streamer.finish()
            state = self.app.state
            sf = state.story(context.get("story"))  # None: the story told is recognised
            if not heard.text.strip():
                raise SpeechError("no speech heard")
            from storybank.answers.judge import bank_stories

            report = analyse(sf, state.catalog, state.settings,
                             Spoken(heard, tuple(regions), len(samples) / SAMPLE_RATE),
                             question=context.get("question"), probe=context.get("probe"),
                             audio=None, engine={"name": "faster-whisper", "model": ""},
                             stories=bank_stories(state.stories), first=context.get("first") or None)
        except SpeechError as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown as one line, never a crash of the drill
            error = f"the spoken answer could not be analysed: {exc}"
        self.screen.post_message(SpokenAnalysed(phase, report, error, round_no))

    def received(self, message: SpokenAnalysed) -> bool:
        """Take in an analysis; False when it belongs to a dropped round."""
        waiting = self.listening.get(message.round_no)
        if waiting is None:
            return False
        waiting.discard(message.phase)
        if message.report is not None:
            self.heard.setdefault(message.round_no, {})[message.phase] = message.report
        return True

    def reset(self, keep: bool = False) -> None:
        """The next question: a new round. Earlier rounds still being analysed are kept with
        `keep` (their analyses land by round number), else dropped."""
        self.cancel()
        if not keep:
            self.heard.clear()
            self.listening.clear()
        self.round_no += 1

    def forget(self, round_no: int) -> None:
        """A kept round is logged: its analyses are no longer needed."""
        self.heard.pop(round_no, None)
        self.listening.pop(round_no, None)


def spoken_fields(reports: dict[Phase, SpokenReport]) -> dict[str, SpokenReport]:
    """The practice record's `spoken` / `followup_spoken` from the reports of a round."""
    out = {}
    for phase, key in ((Phase.ANSWER, "spoken"), (Phase.FOLLOWUP, "followup_spoken")):
        report = reports.get(phase)
        if report is not None:
            out[key] = report
    return out


def transcript_view(transcript: str) -> Content:
    """The transcript with its fillers marked."""
    from storybank.speech.delivery import filler_spans

    pieces: list = []
    at = 0
    for start, end in filler_spans(transcript):
        pieces.append(transcript[at:start])
        pieces.append((transcript[start:end], "bold $warning"))
        at = end
    pieces.append(transcript[at:])
    return Content.assemble(*pieces)


def spoken_view(reports: dict[Phase, SpokenReport], pending: set[Phase], muted: str) -> Content:
    """"What you said" for the cue card: figures, the transcript, the cues missed."""
    lines: list[Content] = []
    for phase, title in ((Phase.ANSWER, "What you said"), (Phase.FOLLOWUP, "Your follow-up")):
        report = reports.get(phase)
        if report is None:
            if phase in pending:
                lines.append(Content.styled(f"{title}: listening back…", muted))
            continue
        pauses = ", ".join(f"{p.seconds:.0f} s at {p.at:.0f} s" for p in report.pauses)
        person = report.first_person
        recital = report.recital.share if report.recital is not None else 0.0
        figures = (f"{report.span_seconds:.0f} s · {report.wpm:.0f} wpm · "
                   f"{report.fillers.per_minute:.1f} fillers/min · I {person.i} / we {person.we}"
                   f" · {recital:.0%} word for word")
        lines.append(Content.assemble((title, "bold"), "  ", (figures, muted)))
        if pauses:
            lines.append(Content.styled(f"Long pauses: {pauses}", "$warning"))
        if report.recited:
            lines.append(Content.styled("⚠ This sounds recited: keep the numbers, say the rest "
                                        "in fresh words.", "bold $warning"))
        if report.followup is not None and report.followup.restarted:
            lines.append(Content.styled("⚠ This follow-up restarted the story: next time go one "
                                        "layer deeper instead.", "bold $warning"))
        lines.append(transcript_view(report.transcript))
        missed = report.cues.missed if report.cues is not None else ()
        if missed:
            lines.append(Content.assemble(("Missed cues: ", "bold"),
                                          (" · ".join(missed), "$warning underline")))
        lines.append(Content(""))
    if lines:
        lines.append(Content.styled("Fillers are marked in the transcript.", muted))
    return Content("\n").join(lines)
