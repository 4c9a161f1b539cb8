"""The practice log of a timed screen (the drill, the mock interview): its lines wait until the
spoken answers of their round are analysed, then go to disk in order, through a worker while
the screen stays, or at once when it closes (a worker started then could be cancelled with it),
and into `BankState`.

`PracticeQueue` is the screen class `TimedAnswers` builds on; it needs the screen's `voice`
(`widgets/recorder.AnswerVoice`), which says which rounds are still being analysed.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.screen import Screen

from storybank.practice import PracticeRecord, SessionRecord
from storybank.ui.messages import PracticeChanged
from storybank.ui.widgets.recorder import with_spoken

if TYPE_CHECKING:  # pragma: no cover
    from storybank.ui.app import StorybankApp
    from storybank.ui.widgets.recorder import AnswerVoice

_LOG_LOCK = threading.Lock()   # one practice-log writer at a time


class PracticeLogged(Message):
    """The practice-log worker is done with a line: `error` says why it was not written."""

    def __init__(self, record: PracticeRecord | SessionRecord, error: str | None) -> None:
        super().__init__()
        self.record = record
        self.error = error


class PracticeQueue(Screen[None]):
    """A screen with lines for the practice log, in order, each waiting for its round."""

    app: StorybankApp
    voice: AnswerVoice   # set by the screen (TimedAnswers)

    def __init__(self) -> None:
        super().__init__()
        # Lines for the log, in order: (round_no, record) waiting for that round's analyses;
        # a session line has no round and waits only for the answers before it.
        self._unlogged: list[tuple[int | None, PracticeRecord | SessionRecord]] = []
        self._quitting = False   # the app is closing: lines are written by before_quit, not workers

    def _log_when_heard(self, record: PracticeRecord | SessionRecord, round_no: int | None = None,
                        flush: bool = True) -> None:
        """Log a line once the spoken answers of its round (and of every line before it) are
        analysed, a second or so; an answer's record takes its spoken figures then. Without
        `flush` it only joins the queue (the caller flushes, now or through the worker)."""
        self._unlogged.append((round_no, record))
        if flush:
            self._flush_log()

    def _flush_log(self, everything: bool = False, now: bool = False) -> None:
        """Log the lines that are ready, in order; `everything` logs the rest with what is known
        (the screen is left, or the drill moves on); `now` writes them before returning (the
        screen is closing: a worker started now could be cancelled with it)."""
        if self._quitting:
            return  # before_quit writes them itself
        ready = self._take_ready(everything)
        if ready and now:
            self._write_now(ready)
        elif ready:
            self._log(ready)

    def _write_now(self, records: list[PracticeRecord | SessionRecord], quiet: bool = False) -> None:
        """Append the lines here and now, in order, and give them to the bank's state."""
        from storybank.practice import append_record

        with _LOG_LOCK:
            for record in records:
                try:
                    append_record(self.app.state.root, record)
                except OSError as exc:
                    if not quiet:
                        self.notify(f"The practice log could not be written: {exc.strerror or exc}",
                                    severity="error")
                    continue  # the other lines still go
                if isinstance(record, SessionRecord):
                    self.app.state.add_session(record)
                else:
                    self.app.state.add_practice(record)
        if not quiet:
            self.app.post_message(PracticeChanged())

    def _take_ready(self, everything: bool) -> list[PracticeRecord | SessionRecord]:
        """The waiting lines that can be logged now, in order, taken off the queue."""
        ready: list[PracticeRecord | SessionRecord] = []
        while self._unlogged:
            round_no, record = self._unlogged[0]
            if round_no is not None:
                if self.voice.pending_of(round_no) and not everything:
                    break
                if isinstance(record, PracticeRecord):
                    record = self.spoken_record(record, round_no)
                if round_no != self.voice.round_no:  # the current round's card may still show them
                    self.voice.forget(round_no)
            self._unlogged.pop(0)
            if isinstance(record, PracticeRecord) and round_no is not None:
                if self.voice.not_practice(round_no):
                    continue   # its answer was not heard clearly: not practice
                record = self.voice.without_unheard(record, round_no)
            ready.append(record)
        return ready

    def spoken_record(self, record: PracticeRecord, round_no: int) -> PracticeRecord:
        """The record with the spoken figures of its round known so far."""
        return with_spoken(record, self.voice.reports_of(round_no))

    @work(thread=True, group="practice", name="practice log")
    def _log(self, records: list[PracticeRecord | SessionRecord]) -> None:
        """Append the lines in the order given (the lock lets one worker write at a time, so a
        batch, such as a session's last answers and its session line, stays in order)."""
        from storybank.practice import append_record

        with _LOG_LOCK:
            for record in records:
                try:
                    append_record(self.app.state.root, record)
                    error = None
                except OSError as exc:
                    error = f"The practice log could not be written: {exc.strerror or exc}"
                # To the app, not the screen: the screen may close before the line is written.
                self.app.post_message(PracticeLogged(record, error))
