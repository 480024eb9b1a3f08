"""JSON Lines, optionally gzip- or zstd-compressed: one record, one document."""

from __future__ import annotations

import gzip
import io
import json
from typing import BinaryIO, Iterator

from linter.readers.base import InputProblem, Item, Reader, ReadSettings, document_from_record


def open_decompressed(path: str, stream: BinaryIO) -> BinaryIO:
    """The stream, decompressed according to the file name's ending."""
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    if path.endswith(".zst"):
        import zstandard

        return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(stream))  # type: ignore[return-value]
    return stream


class JsonLinesReader(Reader):
    """Reads ``.jsonl`` / ``.ndjson`` (also ``.gz`` and ``.zst``).

    The record index is the 0-based line number, so a problem and a finding
    in the same record name the same place; blank lines are skipped.
    """

    name = "jsonl"
    suffixes = tuple(base + comp for base in (".jsonl", ".ndjson") for comp in ("", ".gz", ".zst"))

    def read(self, path: str, stream: BinaryIO, settings: ReadSettings) -> Iterator[Item]:
        lines = open_decompressed(path, stream)
        index = -1
        try:
            for index, raw in enumerate(lines):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except UnicodeDecodeError as error:
                    yield InputProblem("INP002", f"invalid UTF-8 in record: {error.reason}", path, index, line=index + 1)
                    continue
                except json.JSONDecodeError as error:
                    yield InputProblem("INP003", f"invalid JSON: {error.msg} (column {error.colno})", path, index, line=index + 1)
                    continue
                yield document_from_record(record, path, index, settings, line=index + 1)
        except (OSError, EOFError, ValueError) as error:  # truncated or corrupt compression
            yield InputProblem("INP001", f"stopped reading after line {index + 1}: {error}", path, line=max(index + 1, 1))
