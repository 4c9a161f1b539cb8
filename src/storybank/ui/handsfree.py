"""The call, hands-free (SPEC §8): the interviewer's voice on the drill and mock-interview screens.

`HandsFree` is a one-line widget that a timed screen composes (`TimedAnswers.compose_round`). It
owns the session's `speech.voice.Voice`, opened when the screen is mounted (Piper takes about a
second to load, so it loads while the intro is on screen), and closed when the screen goes.

- `say(text, then)` speaks a question or probe (the text stays on screen) and returns at once;
  when it has been said, or cut off by a key, `then` runs on the UI thread. The floor is taken
  here, on the UI thread, before the recorder can start, so the question is never heard as part
  of the answer.
- `running` says whether the call runs by itself: the voice speaks, the answer can be heard
  (`AnswerVoice.can_listen`) and the user is not typing. Then the screen starts each answer once
  its question has been said, and a silence ends it (`AnswerVoice` posts `SilenceEnded` here).
- `interrupt()` (any key) stops what is being said.
- The line shows, once the voice has settled, why questions are not spoken in the natural voice
  (a fallback voice, or text only), and is hidden otherwise.

Speaking and waiting happen on the voice's thread and a short waiter thread each; results come
back as messages to this widget, never by blocking the UI.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from storybank.drill import Phase

if TYPE_CHECKING:  # pragma: no cover
    from storybank.speech.floor import Floor
    from storybank.speech.voice import Utterance, Voice, VoiceStatus
    from storybank.ui.app import StorybankApp
    from storybank.ui.widgets.answer_timer import TimedAnswers

MUTED = "$text-muted"
WAIT_READY = 120.0    # the voice settles in seconds; a stuck chain is given up on


class VoiceSettled(Message):
    """The fallback chain has settled on a voice (or on text only)."""

    def __init__(self, status: VoiceStatus) -> None:
        super().__init__()
        self.status = status


class Said(Message):
    """Utterance `token` has been said (or cut off, or could not be said)."""

    def __init__(self, token: int) -> None:
        super().__init__()
        self.token = token


class SilenceEnded(Message):
    """The answer being recorded (`token` of `AnswerVoice`) ended by itself: a long silence,
    no speech at all, or the recording stopped."""

    def __init__(self, token: int) -> None:
        super().__init__()
        self.token = token


class HandsFree(Static):
    DEFAULT_CSS = "HandsFree { height: auto; color: $text-muted; }"

    app: StorybankApp

    def __init__(self, prefix: str) -> None:
        super().__init__(id=f"{prefix}-voice")
        self.voice: Voice | None = None
        self.status: VoiceStatus | None = None
        self.token = 0                       # the utterance whose `then` is still to run
        self.utterance: Utterance | None = None   # the last one said (its timings, for benchmarks)
        self._then: Callable[[], None] | None = None
        self._speaking = False
        self.display = False

    # -- the voice's life ---------------------------------------------------------------------

    def on_mount(self) -> None:
        self.open()

    def open(self) -> None:
        """Open the voice (idempotent); the chain settles in the background."""
        if self.voice is not None:
            return
        from storybank.speech.voice import open_voice

        app = self.app
        sink_factory = app.speech_sink   # tests and benchmarks give one
        voice = open_voice(app.state.settings,
                           sink=sink_factory() if sink_factory is not None else None)
        self.voice = voice

        def settle() -> None:
            status = voice.status(WAIT_READY)
            self.post_message(VoiceSettled(status))

        threading.Thread(target=settle, daemon=True, name="storybank-voice-settle").start()

    def on_voice_settled(self, message: VoiceSettled) -> None:
        self.status = message.status
        notice = message.status.notice
        if notice:
            # On a screen where "spoken:" heads an answer's figures, say "text only" instead.
            notice = notice.replace("shown, not spoken:", "shown as text only:")
        elif self.running:
            pause = self.app.state.settings.end_silence_seconds
            notice = (f"Hands-free: questions are said aloud, and {pause:g} s of silence ends "
                      "your answer. Space ends it sooner; any key stops the voice.")
        self.display = bool(notice)
        if notice:
            self.update(Content.styled(notice, MUTED))

    def on_unmount(self) -> None:
        self.close()

    def close(self) -> None:
        """Stop speaking and let go of the voice (its process) without holding up the UI."""
        voice, self.voice = self.voice, None
        self._then = None
        if voice is not None:
            voice.stop()
            threading.Thread(target=voice.close, daemon=True, name="storybank-voice-close").start()

    @property
    def timed(self) -> TimedAnswers:
        """The screen this line is on: only a timed screen composes one (`compose_round`)."""
        return cast("TimedAnswers", self.screen)

    @property
    def floor(self) -> Floor | None:
        """The voice's floor: the recorder drops what it hears while the voice speaks."""
        return self.voice.floor if self.voice is not None else None

    # -- speaking -----------------------------------------------------------------------------

    @property
    def speaks(self) -> bool:
        """The voice has settled and says things aloud (not text only)."""
        return self.status is not None and self.status.speaks

    @property
    def running(self) -> bool:
        """The call runs by itself: questions are spoken and answers heard, none typed."""
        screen = self.timed
        return self.speaks and not screen.typing and screen.voice.can_listen()

    @property
    def speaking(self) -> bool:
        return self._speaking

    def say(self, text: str, then: Callable[[], None] | None = None) -> None:
        """Say `text` (shown on screen already); `then` runs once it has been said or cut off.
        A newer `say` replaces the `then` of one not finished."""
        self.open()
        voice = self.voice
        if voice is None or not text.strip():
            return
        if self._speaking:
            voice.stop()
        self.token += 1
        token = self.token
        self._then = then
        self._speaking = True
        # Taken here, before any recorder starts, so the question is never heard as the answer
        # (unless the voice is known to show text only: then there is nothing to drop).
        floor = None if voice.ready(0) and not voice.status(0).speaks else voice.floor
        if floor is not None:
            floor.take()
        utterance = self.utterance = voice.say(text)

        def wait() -> None:
            try:
                utterance.wait()
            finally:
                if floor is not None:
                    floor.give()
                self.post_message(Said(token))

        threading.Thread(target=wait, daemon=True, name="storybank-voice-wait").start()

    def on_said(self, message: Said) -> None:
        if message.token != self.token:
            return                   # replaced by a newer question: its `then` is gone too
        self._speaking = False
        then, self._then = self._then, None
        if then is not None:
            then()

    def interrupt(self) -> bool:
        """A key was pressed: stop speaking (what follows the question still happens)."""
        if not self._speaking or self.voice is None:
            return False
        self.voice.stop()
        return True

    def forget(self) -> None:
        """The screen moved on by key: what was to follow the current utterance no longer does."""
        self._then = None

    # -- the screen's moments ---------------------------------------------------------------

    def intro(self, questions: int, begin: Callable[[], None]) -> None:
        """The interview's intro, said aloud; hands-free, the first question follows by itself."""
        if not questions:
            return
        text = (f"Hello, and thank you for joining. I will ask you {questions} questions, with one "
                "follow-up after each. Answer out loud, in your own words. When you stop talking "
                "for a few seconds, I will take that as the end of your answer.")

        def then() -> None:
            if self.running:
                begin()

        self.say(text, then)

    def ask_question(self, text: str) -> None:
        """A question is on screen: say it; hands-free, the answer starts once it is said."""
        screen = self.timed
        asked = screen.round

        def then() -> None:
            if screen.round is asked and screen.phase is Phase.CHOOSE and self.running:
                screen.action_start()

        self.say(text, then)

    def ask_probe(self, text: str) -> None:
        """The follow-up is on screen and its clock running: say it, and start the clock again
        once it is said (the answer's time begins when the question ends)."""
        screen = self.timed
        asked = screen.round

        def then() -> None:
            if screen.round is asked and screen.phase is Phase.FOLLOWUP:
                screen.started = screen.app.clock()
                screen.tick()

        self.say(text, then)

    def measured(self, seconds: float) -> float:
        """The length of an answer just ended: hands-free, up to its last word (not the silence
        that ended it), else the clock's reading."""
        screen = self.timed
        return screen.voice.answer_seconds(seconds) if self.running else seconds

    # -- answers that end themselves -------------------------------------------------------

    def on_silence_ended(self, message: SilenceEnded) -> None:
        screen = self.timed
        if message.token == screen.voice.listen_token and screen.phase.timed and self.running:
            screen.action_finish()
