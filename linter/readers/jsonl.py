"""JSON Lines, optionally gzip- or zstd-compressed: one record, one document."""

from __future__ import annotations

import gzip
import io
import json
from typing import BinaryIO, Iterator

import zstandard

from linter.readers.base import InputProblem, Item, Reader, ReadSettings, document_from_record

BINARY_SNIFF_BYTES = 8192
DECOMPRESSION_ERRORS = (OSError, EOFError, zstandard.ZstdError)


def open_decompressed(path: str, stream: BinaryIO) -> BinaryIO:
    """The stream, decompressed according to the file name's ending."""
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    if path.endswith(".zst"):
        reader = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
        return io.BufferedReader(reader)  # type: ignore[arg-type]
    return stream


class JsonLinesReader(Reader):
    """Reads ``.jsonl`` / ``.ndjson`` (also ``.gz`` and ``.zst``).

    The record index is the 0-based line number, so a problem and a finding
    in the same record name the same place; blank lines are skipped.  A
    compressed file cut short mid-line shows up as a broken last record.
    """

    name = "jsonl"
    suffixes = tuple(base + comp for base in (".jsonl", ".ndjson") for comp in ("", ".gz", ".zst"))

    def read(self, path: str, stream: BinaryIO, settings: ReadSettings) -> Iterator[Item]:
        lines = open_decompressed(path, stream)
        index = -1
        try:
            for index, raw in enumerate(lines):
                if index == 0 and b"\x00" in raw[:BINARY_SNIFF_BYTES]:
                    yield InputProblem("INP001", "looks like a binary file (NUL bytes), not JSON lines; not checked", path)
                    return
                if raw.strip():
                    yield self._record(raw, path, index, settings)
        except DECOMPRESSION_ERRORS as error:  # truncated or corrupt compression
            where = f"after line {index}" if index > 0 else "at the start"
            yield InputProblem("INP001", f"stopped reading {where}: {error}", path, line=max(index + 1, 1))

    @staticmethod
    def _record(raw: bytes, path: str, index: int, settings: ReadSettings) -> Item:
        try:
            record = json.loads(raw)
        except UnicodeDecodeError as error:
            return InputProblem("INP002", f"invalid UTF-8 in record: {error.reason}", path, index, line=index + 1)
        except json.JSONDecodeError as error:
            return InputProblem("INP003", f"invalid JSON: {error.msg} (column {error.colno})", path, index, line=index + 1)
        except (ValueError, RecursionError) as error:  # a 5,000-digit number; nesting too deep to parse
            return InputProblem("INP003", f"JSON that cannot be read: {error}", path, index, line=index + 1)
        return document_from_record(record, path, index, settings, line=index + 1)
