"""Tables of named checks, each filled where its checks are defined.

Three kinds of name reach a function in the analysis: a built-in finding code ("SB201", see
rules/registry.py), a pitfall's `check` in the catalog ("blame", see rules/pitfalls.py) and an
evidence's `check` ("before_after", see evidence.py). All three go through a `Named` table: the
function is registered under its name by a decorator next to its definition, the analysis looks
it up by name, and a catalog is validated against the same table. A new check is one decorated
function; nothing else lists it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")


class Named(Mapping[str, T], Generic[T]):
    """The checks of one kind by name, in the order they were registered."""

    def __init__(self, what: str) -> None:
        self.what = what  # how a name of this kind is called in messages: "evidence check"
        self._items: dict[str, T] = {}

    def add(self, name: str, item: T) -> T:
        if name in self._items:
            raise ValueError(f"{self.what} {name} registered twice")
        self._items[name] = item
        return item

    def register(self, name: str) -> Callable[[T], T]:
        """A decorator: the function it decorates is this table's check called `name`."""

        def decorate(item: T) -> T:
            return self.add(name, item)

        return decorate

    def find(self, name: str) -> T:
        """The check called `name`; a name no check has is a ValueError that says which."""
        try:
            return self._items[name]
        except KeyError:
            raise ValueError(f"unknown {self.what} {name!r}") from None

    def known(self) -> str:
        """The names, sorted, for a message: "before_after, numbers, time_blocks"."""
        return ", ".join(sorted(self._items))

    def __getitem__(self, name: str) -> T:
        return self._items[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)
