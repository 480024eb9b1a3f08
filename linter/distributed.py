"""Running one corpus on several machines: shards, fact files, and the reduce step.

The per-document phase is split by document: shard ``I/N`` checks the
documents whose position in the input is ``I`` modulo ``N`` (every shard
reads the same inputs, so no file has to be split by hand).  Each shard
writes its per-document findings as usual and its corpus-phase facts to a
JSON-lines fact file.  ``corpus-linter reduce`` groups the facts of all
shards by key and runs the corpus rules' ``reduce``; ``--key-shard I/N``
splits that step too, by a stable hash of the key.

Fact values travel as JSON; ``Location`` objects are tagged so they come
back as ``Location``.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, TextIO

from linter.finding import Location

LOCATION_TAG = "__location__"


@dataclass(frozen=True)
class Shard:
    """Part ``index`` (0-based) of ``count``."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``"2/8"`` -> Shard(2, 8); raises ValueError with a readable message."""
        try:
            index_text, count_text = text.split("/")
            shard = cls(int(index_text), int(count_text))
        except ValueError:
            raise ValueError(f"expected I/N such as 0/4, got {text!r}") from None
        if shard.count < 1 or not 0 <= shard.index < shard.count:
            raise ValueError(f"shard {text!r}: need 0 <= I < N")
        return shard

    def owns_position(self, position: int) -> bool:
        return position % self.count == self.index

    def owns_key(self, key: str) -> bool:
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index


def encode_value(value: Any) -> Any:
    if isinstance(value, Location):
        return {LOCATION_TAG: value.to_dict()}
    if isinstance(value, dict):
        return {k: encode_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode_value(v) for v in value]
    return value


def decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {LOCATION_TAG}:
            return Location.from_dict(value[LOCATION_TAG])
        return {k: decode_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode_value(v) for v in value]
    return value


def write_facts(facts: Iterable[tuple[str, str, Any]], out: TextIO, position: int) -> None:
    """One JSON line a fact; ``position`` (the document's place in the input) restores input order in reduce."""
    for code, key, value in facts:
        record = {"rule": code, "key": key, "position": position, "value": encode_value(value)}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def read_facts(lines: Iterable[str], source: str, key_shard: Shard | None = None) -> Iterator[tuple[int, str, str, Any]]:
    """(position, rule, key, value) from a fact file; a malformed line raises ValueError naming file and line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            code, key, position, value = record["rule"], record["key"], int(record["position"]), record["value"]
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            raise ValueError(f"{source}:{number}: not a corpus-linter fact record") from None
        if key_shard is None or key_shard.owns_key(key):
            yield position, code, key, decode_value(value)


def group_facts(facts: Iterable[tuple[str, str, Any]]) -> dict[str, dict[str, list[Any]]]:
    """rule -> key -> values, in the order given."""
    grouped: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for code, key, value in facts:
        grouped[code][key].append(value)
    return grouped
