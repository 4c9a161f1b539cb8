"""Spoken practice in the drill and the mock interview: record while the answer timer runs,
transcribe as the user speaks, and analyse what was said once each timed phase ends.

A screen that times answers (`TimedAnswers`) keeps an `AnswerVoice`; the mixin calls its hooks:
`prepare` when a question is shown (the model starts loading), `start` when a timed phase begins,
`stop` when it ends, `cancel` when an answer is abandoned, `reset` for the next question. The
audio comes from `app.audio_source()` when the app was given one (tests give it a clip), else
the microphone. When voice is unavailable (no voice extra, no PortAudio, no microphone) the user is
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
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.message import Message

from storybank.drill import Phase
from storybank.practice import PracticeRecord
from storybank.speech.report import SpokenReport

if TYPE_CHECKING:  # pragma: no cover
    from storybank.settings import Settings
    from storybank.speech.endpoint import Ended
    from storybank.speech.floor import Floor
    from storybank.speech.listen import AnswerListener
    from storybank.speech.recorder import AudioSource
    from storybank.ui.app import StorybankApp
    from storybank.ui.widgets.answer_timer import TimedAnswers

FIRST_SOUND_WAIT = 1.5   # seconds the analysis of an answer waits for the next question's voice


class SpokenAnalysed(Message):
    """The analysis of one spoken phase is ready (or failed with a one-line reason). `unheard`
    is the line of a recording the engine cannot judge: marked, never scored nor logged."""

    def __init__(self, phase: Phase, report: SpokenReport | None, error: str | None = None,
                 round_no: int = 0, unheard: str | None = None) -> None:
        super().__init__()
        self.round_no = round_no
        self.phase = phase
        self.report = report
        self.error = error
        self.unheard = unheard


def unheard_line(message: str) -> str:
    """"Not heard clearly: why", from a `speech.quality.Unheard` message."""
    reason = message.removeprefix("not heard clearly: ")
    return f"Not heard clearly: {reason}"


Reports = dict[Phase, SpokenReport]


@dataclass
class AnswerVoice:
    screen: TimedAnswers
    name: str = "drill"                  # what works by key press when voice is off
    available: bool | None = None        # None until the first recording is tried
    heard: dict[int, Reports] = field(default_factory=dict)         # round_no -> {phase: report}
    listening: dict[int, set[Phase]] = field(default_factory=dict)  # round_no -> phases analysed
    round_no: int = 0                    # answers of a dropped round are ignored when they land
    unheard: dict[int, dict[Phase, str]] = field(default_factory=dict)  # -> "Not heard clearly: …"
    listen_token: int = 0                # the recording running now (its silence ends it)
    ended: Ended | None = None           # how the last recording stopped
    _listener: AnswerListener | None = None
    _phase: Phase = Phase.ANSWER         # the phase being recorded

    @property
    def reports(self) -> Reports:
        """The analyses of the current round, by phase."""
        return self.heard.setdefault(self.round_no, {})

    @property
    def pending(self) -> set[Phase]:
        """The phases of the current round still being analysed."""
        return self.listening.setdefault(self.round_no, set())

    def reports_of(self, round_no: int) -> Reports:
        return self.heard.get(round_no, {})

    def pending_of(self, round_no: int) -> set[Phase]:
        return self.listening.get(round_no, set())

    @property
    def app(self) -> StorybankApp:
        return self.screen.app

    def _settings(self) -> Settings:
        return self.app.state.settings

    def _base(self) -> Path:
        settings = self._settings()
        return settings.source.parent if settings.source else self.app.state.root

    def _off(self, reason: str) -> None:
        self.available = False
        if not self.app.voice_notice_shown:
            self.app.voice_notice_shown = True
            self.screen.notify(f"Spoken practice is off: {reason}. The {self.name} works by key "
                               "press as before.", title="No recording", severity="warning", timeout=12)

    def _source(self) -> AudioSource:
        factory = self.app.audio_source
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

        if self.app.audio_source is None:
            from storybank.speech.recorder import import_sounddevice

            try:
                import_sounddevice()  # no PortAudio: no point loading a model (start() says why)
            except SpeechError:
                return
        engine.preload(self._settings().speech_model, self._base())

    def can_listen(self) -> bool:
        """Whether an answer can be recorded here (for the hands-free call); no notice."""
        if self.available is False or self._turned_off():
            return False
        if importlib.util.find_spec("faster_whisper") is None:
            return False
        if self.app.audio_source is not None:
            return True
        from storybank.speech import SpeechError
        from storybank.speech.recorder import import_sounddevice

        try:
            import_sounddevice().query_devices(kind="input")
        except (SpeechError, Exception):  # noqa: BLE001 - no PortAudio, no device: key press
            return False
        return True

    def _floor(self) -> Floor | None:
        return self.screen.handsfree.floor

    def start(self, phase: Phase) -> None:
        """A timed phase begins: record it (silently does nothing when voice is off). The
        recording ends itself after `end_silence_seconds` of silence (hands-free) or no speech
        for `no_speech_seconds`; the screen hears of it through `SilenceEnded`."""
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
            from storybank.speech.listen import AnswerListener

            source = self._source()
            model, base = self._settings().speech_model, self._base()
            settings = self._settings()
            engine.preload(model, base)
            listener = AnswerListener(source, lambda: engine.get(model, base), prompt(),
                                      end_silence=settings.end_silence_seconds,
                                      no_speech=settings.no_speech_seconds, floor=self._floor())
            listener.start()
        except SpeechError as exc:
            self._off(exc.say(cli=False).rstrip("."))   # the command line's --audio means nothing here
            return
        self.available = True
        self._listener, self._phase = listener, phase
        self.ended = None
        self.listen_token += 1
        self._watch(listener, self.listen_token)

    def _watch(self, listener: AnswerListener, token: int) -> None:
        """Tell the screen's `HandsFree` line when the recording ends by itself."""
        handsfree = self.screen.handsfree
        from storybank.ui.handsfree import SilenceEnded

        def wait() -> None:
            listener.ended.wait()
            if token == self.listen_token and self._listener is listener:
                handsfree.post_message(SilenceEnded(token))

        threading.Thread(target=wait, daemon=True, name="storybank-answer-end").start()

    def answer_seconds(self, seconds: float) -> float:
        """How long the answer just stopped took: its last word when a silence ended it (the
        silence that ended it is not part of the answer), else the clock's `seconds`."""
        end = self.ended
        if end is not None and end.reason == "silence" and end.speech_end:
            return round(float(end.speech_end), 1)
        return seconds

    @property
    def recording(self) -> bool:
        return self._listener is not None

    def stop(self, context: dict[str, Any]) -> None:
        """The timed phase ended: stop recording and analyse in a worker thread. `context` holds
        story, question and probe ids."""
        listener, phase = self._listener, self._phase
        self._listener = None
        self.listen_token += 1
        if listener is None:
            return
        self.ended = listener.end
        self.pending.add(phase)
        round_no = self.round_no
        self.screen.run_worker(lambda: self._analyse(listener, phase, context, round_no),
                               thread=True, group="voice", name="spoken answer", exit_on_error=False)

    def cancel(self) -> None:
        listener, self._listener = self._listener, None
        self.listen_token += 1
        if listener is not None:
            with contextlib.suppress(Exception):  # an abandoned answer needs no error
                listener.stop()

    def _analyse(self, listener: AnswerListener, phase: Phase, context: dict[str, Any],
                 round_no: int) -> None:
        from storybank.speech import SpeechError
        from storybank.speech.analyse import analyse
        from storybank.speech.quality import UnheardError

        report = error = unheard = None
        self._after_first_sound()
        try:
            spoken = listener.finish("your answer")
            state = self.app.state
            sf = state.story(context.get("story"))  # None: the story told is recognised
            from storybank.answers.judge import bank_stories

            report = analyse(sf, state.opened.catalog, state.settings, spoken,
                             question=context.get("question"), probe=context.get("probe"),
                             audio=None, engine={"name": "faster-whisper", "model": ""},
                             stories=bank_stories(state.stories), first=context.get("first") or None)
        except UnheardError as exc:
            unheard = unheard_line(exc.verdict.message)
            error = unheard
        except SpeechError as exc:
            error = str(exc)
        except Exception as exc:  # noqa: BLE001 - shown as one line, never a crash of the drill
            error = f"the spoken answer could not be analysed: {exc}"
        self.screen.post_message(SpokenAnalysed(phase, report, error, round_no, unheard))

    def _after_first_sound(self) -> None:
        """Let the voice start the next question or probe before the answer is analysed: two
        cores cannot render a sentence and transcribe at once quickly, and the probe is what the
        user waits for (the analysis is needed only by the card)."""
        import time

        handsfree = self.screen.handsfree
        if not handsfree.speaks:
            return
        since = time.monotonic()
        deadline = since + FIRST_SOUND_WAIT
        while time.monotonic() < deadline:
            utterance = handsfree.utterance
            if utterance is not None and utterance.queued_at >= since - 0.5:
                if utterance.first_sound is not None or utterance.done.is_set():
                    return
            elif time.monotonic() - since > 0.2:
                return               # nothing is said next (a cue card, the report card)
            time.sleep(0.01)

    def received(self, message: SpokenAnalysed) -> bool:
        """Take in an analysis; False when it belongs to a dropped round."""
        waiting = self.listening.get(message.round_no)
        if waiting is None:
            return False
        waiting.discard(message.phase)
        if message.report is not None:
            self.heard.setdefault(message.round_no, {})[message.phase] = message.report
        if message.unheard is not None:
            self.unheard.setdefault(message.round_no, {})[message.phase] = message.unheard
        return True

    def unheard_of(self, round_no: int) -> dict[Phase, str]:
        """The recordings of round `round_no` that could not be judged, by phase: their lines."""
        return self.unheard.get(round_no, {})

    def without_unheard(self, record: PracticeRecord, round_no: int | None) -> PracticeRecord:
        """The record with the times and figures of its unheard recordings taken out: nothing
        in them was judged, so nothing of them is scored or logged."""
        unheard = self.unheard_of(round_no) if round_no is not None else {}
        if Phase.ANSWER in unheard:
            record = replace(record, answer_seconds=None, spoken=None)
        if Phase.FOLLOWUP in unheard:
            record = replace(record, followup_seconds=None, followup_spoken=None)
        return record

    def not_practice(self, round_no: int | None) -> bool:
        """A round whose answer was not heard clearly is not logged as practice: nothing in it
        was judged, and the schedule must not move on it."""
        return round_no is not None and Phase.ANSWER in self.unheard_of(round_no)

    def reset(self, keep: bool = False) -> None:
        """The next question: a new round. Earlier rounds still being analysed are kept with
        `keep` (their analyses land by round number), else dropped."""
        self.cancel()
        if not keep:
            self.heard.clear()
            self.listening.clear()
            self.unheard.clear()
        self.round_no += 1

    def forget(self, round_no: int) -> None:
        """A kept round is logged: its analyses are no longer needed."""
        self.heard.pop(round_no, None)
        self.listening.pop(round_no, None)   # (its unheard lines stay: the card shows them)


def with_spoken(record: PracticeRecord, reports: Reports) -> PracticeRecord:
    """The practice record with its `spoken` / `followup_spoken` from the reports of a round
    (a phase not analysed keeps what the record had)."""
    return replace(record, spoken=reports.get(Phase.ANSWER, record.spoken),
                   followup_spoken=reports.get(Phase.FOLLOWUP, record.followup_spoken))


def transcript_view(transcript: str) -> Content:
    """The transcript with its fillers marked."""
    from storybank.speech.delivery import filler_spans

    pieces: list[str | tuple[str, str]] = []
    at = 0
    for start, end in filler_spans(transcript):
        pieces.append(transcript[at:start])
        pieces.append((transcript[start:end], "bold $warning"))
        at = end
    pieces.append(transcript[at:])
    return Content.assemble(*pieces)


def spoken_view(reports: dict[Phase, SpokenReport], pending: set[Phase], muted: str,
                unheard: dict[Phase, str] | None = None) -> Content:
    """"What you said" for the cue card: figures, the transcript, the cues missed; a recording
    that could not be judged says so instead."""
    lines: list[Content] = []
    for phase, title in ((Phase.ANSWER, "What you said"), (Phase.FOLLOWUP, "Your follow-up")):
        report = reports.get(phase)
        if report is None and unheard and phase in unheard:
            lines.append(Content.assemble((title, "bold"), "  ", (unheard[phase], "$warning")))
            if phase is Phase.ANSWER:
                lines.append(Content.styled("Not logged as practice: nothing in it was judged.",
                                            muted))
            continue
        if report is None:
            if phase in pending:
                lines.append(Content.styled(f"{title}: listening back…", muted))
            continue
        pauses = ", ".join(f"{p.seconds:.0f} s at {p.at:.0f} s" for p in report.pauses)
        person = report.first_person
        judged = report.judged
        recital = judged.recital.share if judged is not None and judged.recital is not None else 0.0
        figures = (f"{report.span_seconds:.0f} s · {report.wpm:.0f} wpm · "
                   f"{report.fillers.per_minute:.1f} fillers/min · I {person.i} / we {person.we}"
                   f" · {recital:.0%} word for word")
        lines.append(Content.assemble((title, "bold"), "  ", (figures, muted)))
        if pauses:
            lines.append(Content.styled(f"Long pauses: {pauses}", "$warning"))
        lines.extend(_warnings(report))
        lines.append(transcript_view(report.transcript))
        missed = judged.cues.missed if judged is not None and judged.cues is not None else ()
        if missed:
            lines.append(Content.assemble(("Missed cues: ", "bold"),
                                          (" · ".join(missed), "$warning underline")))
        lines.append(Content(""))
    if lines:
        lines.append(Content.styled("Fillers are marked in the transcript.", muted))
    return Content("\n").join(lines)


def _warnings(report: SpokenReport) -> list[Content]:
    """What to change first in a heard answer: it sounds recited, or the follow-up restarted."""
    out = []
    if report.recited:
        out.append(Content.styled("⚠ This sounds recited: keep the numbers, say the rest "
                                  "in fresh words.", "bold $warning"))
    verdict = report.judged.followup if report.judged is not None else None
    if verdict is not None and verdict.restarted:
        out.append(Content.styled("⚠ This follow-up restarted the story: next time go one "
                                  "layer deeper instead.", "bold $warning"))
    return out
