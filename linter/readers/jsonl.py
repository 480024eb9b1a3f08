"""JSON Lines, optionally gzip- or zstd-compressed: one record, one document."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any, BinaryIO, Iterable, Iterator

import zstandard

from linter.readers.base import InputProblem, Item, Reader, ReadSettings, document_from_record

BINARY_SNIFF_BYTES = 8192
DECOMPRESSION_ERRORS = (OSError, EOFError, zstandard.ZstdError)


def open_decompressed(path: str, stream: BinaryIO) -> BinaryIO:
    """The stream, decompressed according to the file name's ending."""
    if path.endswith(".gz"):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    if path.endswith(".zst"):
        return io.BufferedReader(ZstdFrames(stream))  # type: ignore[return-value]
    return stream


class ZstdFrames(io.RawIOBase):
    """Decompresses one or more concatenated zstd frames, and says so when the input ends inside one.

    zstandard's ``stream_reader`` ends quietly at a truncated frame (a cut
    file read as an empty one); like ``gzip``, this raises EOFError instead.
    """

    CHUNK = 1 << 20

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.decompressor = zstandard.ZstdDecompressor()
        self.frame = self.decompressor.decompressobj()
        self.in_frame = False
        self.pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self.pending:
            data = self.stream.read(self.CHUNK)
            if not data:
                if self.in_frame:
                    raise EOFError("zstd data ends inside a frame (the file was cut short)")
                return 0
            self.pending = memoryview(self._decompress(data))
        size = min(len(buffer), len(self.pending))
        buffer[:size] = self.pending[:size]
        self.pending = self.pending[size:]
        return size

    def _decompress(self, data: bytes) -> bytes:
        out = []
        while data:
            self.in_frame = True
            out.append(self.frame.decompress(data))
            if not self.frame.eof:
                break
            data = self.frame.unused_data  # the next frame starts here
            self.frame = self.decompressor.decompressobj()
            self.in_frame = False
        return b"".join(out)


class JsonLinesReader(Reader):
    """Reads ``.jsonl`` / ``.ndjson`` (also ``.gz`` and ``.zst``).

    The record index is the 0-based line number, so a problem and a finding
    in the same record name the same place; blank lines are skipped.  A
    compressed file cut short mid-line shows up as a broken last record.
    """

    name = "jsonl"
    suffixes = tuple(base + comp for base in (".jsonl", ".ndjson") for comp in ("", ".gz", ".zst"))

    def read(self, path: str, stream: BinaryIO, settings: ReadSettings) -> Iterator[Item]:
        yield from self.read_lines(path, open_decompressed(path, stream), settings)

    def read_lines(self, path: str, lines: Iterable[bytes], settings: ReadSettings, first: int = 0) -> Iterator[Item]:
        """Records from lines of the file, the first being line ``first`` (0-based): a byte range of a
        file read on its own (the Dask engine) names its records as a whole-file read does."""
        index = first - 1
        try:
            for index, raw in enumerate(lines, start=first):
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
