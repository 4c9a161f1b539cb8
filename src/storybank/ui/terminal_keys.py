"""Reading the terminal's keys: `escape` typed quickly before another key stays `escape`.

A terminal sends `escape` as the byte ESC, which also starts the sequences of arrow and function
keys, so Textual's parser waits a moment to tell them apart. When it gives up on a sequence that
another ESC interrupts ("ESC a ESC [ A": escape, a, up, typed fast), it re-reads the bytes one
by one and turns each ESC into a literal `^` key, which a text field then inserts: the monkey
test saved a `^` into a story title (issue 21, item 4). This parser reports that ESC as the
`escape` key the user pressed. A `^` the user types is still `^`.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable

from textual import events
from textual._parser import Peek1, Read1
from textual._xterm_parser import XTermParser
from textual.message import Message


class EscapeKeepingParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        self._typed_carets: set[int] = set()  # ids of `^` keys read from a typed `^`
        super().__init__(debug)

    def _sequence_to_key_events(self, sequence: str, alt: bool = False) -> Iterable[events.Key]:
        for event in super()._sequence_to_key_events(sequence, alt):
            if event.key == "circumflex_accent":
                self._typed_carets.add(id(event))
            yield event

    def parse(self, token_callback: Callable[[Message], None]) -> Generator[Read1 | Peek1, str, None]:
        typed = self._typed_carets

        def callback(token: Message) -> None:
            if isinstance(token, events.Key) and token.key == "circumflex_accent":
                if id(token) in typed:
                    typed.discard(id(token))
                else:           # made up from an ESC in a sequence that was given up on
                    token = events.Key("escape", "\x1b")
            token_callback(token)

        return super().parse(callback)


def install() -> None:
    """Make the terminal drivers read keys with EscapeKeepingParser (before the app runs)."""
    from textual.drivers import linux_driver

    # The driver reads the name from its module when it starts: replace what it finds there.
    setattr(linux_driver, "XTermParser", EscapeKeepingParser)  # noqa: B010
