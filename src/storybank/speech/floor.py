"""Who has the floor: storybank does not listen while it speaks.

The voice takes the floor while a question or probe plays (and for a short tail after it, for the
sound still in the speaker and the room); a `Recorder` given the same `Floor` drops every block
that arrives meanwhile, so the question is never heard as part of the answer, and an
end-of-answer detector fed by that recorder starts counting only once the voice has finished.
"""

from __future__ import annotations

import threading
import time

TAIL_SECONDS = 0.25   # the sound still on its way out of the speaker when playing has ended


class Floor:
    def __init__(self, tail: float = TAIL_SECONDS) -> None:
        self.tail = tail
        self._holders = 0
        self._until = 0.0
        self._lock = threading.Lock()
        self._free = threading.Condition(self._lock)

    def take(self) -> None:
        """The voice starts to speak."""
        with self._lock:
            self._holders += 1

    def give(self) -> None:
        """The voice has finished (or was cut off): listening may resume after the tail."""
        with self._lock:
            self._holders = max(0, self._holders - 1)
            self._until = time.monotonic() + self.tail
            self._free.notify_all()

    def speaking(self) -> bool:
        with self._lock:
            return self._holders > 0 or time.monotonic() < self._until

    def wait_free(self, timeout: float | None = None) -> bool:
        """Block until the voice is silent (tail included); False if `timeout` ran out first."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while True:
                now = time.monotonic()
                if self._holders == 0 and now >= self._until:
                    return True
                left = (self._until - now) if self._holders == 0 else None
                if deadline is not None:
                    if now >= deadline:
                        return False
                    left = min(left, deadline - now) if left is not None else deadline - now
                self._free.wait(left)
