"""Every occurrence of many literal keys (titles, names) in a text, in one pass.

Hyperscan (SIMD, about 100 MB/s here with thousands of keys, encoding and
callbacks included) is used where its wheel installs; elsewhere
pyahocorasick (about 15-25 MB/s, its unicode automaton walks the text one
character at a time). Both report overlapping matches with character
offsets; the caller checks word boundaries.
"""

from __future__ import annotations

from typing import Generic, Iterable, TypeVar

import ahocorasick

try:
    import hyperscan
except ImportError:  # no wheel for this platform: pyahocorasick does the same, slower
    hyperscan = None

Value = TypeVar("Value")


class KeySearch(Generic[Value]):
    """Literal keys, each with a value; ``find`` yields ``(start, end, value)`` for every occurrence."""

    def __init__(self, keys: dict[str, Value]) -> None:
        self.values = list(keys.values())
        self.lengths = [len(key) for key in keys]
        self.database = None
        self.automaton = None
        if not keys:
            return
        if hyperscan is not None:
            patterns = ["".join(f"\\x{byte:02x}" for byte in key.encode("utf-8")).encode("ascii") for key in keys]
            self.database = hyperscan.Database()
            self.database.compile(
                expressions=patterns,
                ids=list(range(len(patterns))),
                elements=len(patterns),
                flags=[hyperscan.HS_FLAG_SOM_LEFTMOST] * len(patterns),
            )
        else:
            self.automaton = ahocorasick.Automaton()
            for number, key in enumerate(keys):
                self.automaton.add_word(key, number)
            self.automaton.make_automaton()

    def __getstate__(self) -> dict[str, object]:
        """Picklable (for the compiled-data cache): the hyperscan database as its serialised bytes."""
        state = dict(self.__dict__)
        if self.database is not None:
            state["database"] = hyperscan.dumpb(self.database)
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        if isinstance(self.database, bytes):
            self.database = hyperscan.loadb(self.database, hyperscan.HS_MODE_BLOCK)
            self.database.scratch = hyperscan.Scratch(self.database)

    def find(self, text: str) -> Iterable[tuple[int, int, Value]]:
        if self.automaton is not None:
            for last, number in self.automaton.iter(text):
                yield last + 1 - self.lengths[number], last + 1, self.values[number]
        elif self.database is not None and text:
            yield from self._hyperscan(text)

    def _hyperscan(self, text: str) -> list[tuple[int, int, Value]]:
        data = text.encode("utf-8", "surrogatepass")
        found: list[tuple[int, int, int]] = []

        def on_match(number: int, start: int, end: int, _flags: int, _context: object) -> None:
            found.append((start, end, number))

        self.database.scan(data, match_event_handler=on_match)
        if len(data) != len(text):  # non-ASCII text: byte offsets to character offsets
            to_char = _char_offsets(data, {offset for start, end, _ in found for offset in (start, end)})
            found = [(to_char[start], to_char[end], number) for start, end, number in found]
        return [(start, end, self.values[number]) for start, end, number in found]


def _char_offsets(data: bytes, byte_offsets: set[int]) -> dict[int, int]:
    """Character offsets of these byte offsets (each on a character boundary) in UTF-8 ``data``, in one pass."""
    offsets: dict[int, int] = {}
    previous_byte = previous_char = 0
    for offset in sorted(byte_offsets):
        previous_char += len(data[previous_byte:offset].decode("utf-8", "surrogatepass"))
        previous_byte = offset
        offsets[offset] = previous_char
    return offsets
