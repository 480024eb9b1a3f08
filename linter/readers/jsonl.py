"""JSON Lines, optionally gzip- or zstd-compressed: one record, one document."""

from __future__ import annotations

import gzip
import io
import json
from typing import Any, BinaryIO, Iterable, Iterator

import zstandard

from linter.readers.base import Encoding, InputProblem, Item, Reader, ReadSettings, document_from_record, sniff_encoding

BINARY_SNIFF_BYTES = 8192
DECOMPRESSION_ERRORS = (OSError, EOFError, zstandard.ZstdError)


def open_decompressed(path: str, stream: BinaryIO) -> BinaryIO:
    """The stream, decompressed according to the file name's ending (in any case: ``X.JSONL.GZ``)."""
    name = path.lower()
    if name.endswith(".gz"):
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    if name.endswith(".zst"):
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
        try:
            lines = open_decompressed(path, stream)
            if not hasattr(lines, "peek"):  # a plain raw stream from a plugin or a test
                lines = io.BufferedReader(lines)  # type: ignore[arg-type]
            encoding = sniff_encoding(lines.peek(4)[:4])
        except DECOMPRESSION_ERRORS as error:  # not even the first bytes: a corrupt or empty-but-cut archive
            yield InputProblem("INP001", f"stopped reading at the start: {error}", path)
            return
        if encoding.wide:
            yield from self._read_wide(lines, encoding, path, settings)
        else:
            yield from self.read_lines(path, lines, settings)

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

    def _read_wide(self, lines: BinaryIO, encoding: Encoding, path: str, settings: ReadSettings) -> Iterator[Item]:
        """UTF-16 or UTF-32 JSON lines: decoded as a stream, split at "\n" only, like UTF-8 ones."""
        text = io.TextIOWrapper(lines, encoding=encoding.codec, newline="\n")  # type: ignore[type-var]
        index = -1
        try:
            for index, line in enumerate(text):
                if index == 0:
                    line = line.removeprefix("\ufeff")
                if line.strip():
                    yield self._record(line, path, index, settings)
        except UnicodeDecodeError as error:
            where = f"after line {index + 1}" if index >= 0 else "near the start"  # decoded a block at a time
            message = f"invalid {encoding.label} {where}: {error.reason}; the rest of the file was not read"
            yield InputProblem("INP002", message, path, line=index + 2)
        except DECOMPRESSION_ERRORS as error:
            yield InputProblem("INP001", f"stopped reading after line {index + 1}: {error}", path, line=index + 2)

    @staticmethod
    def _record(raw: bytes | str, path: str, index: int, settings: ReadSettings) -> Item:
        try:
            record = json.loads(raw)
        except UnicodeDecodeError as error:
            return InputProblem("INP002", f"invalid UTF-8 in record: {error.reason}", path, index, line=index + 1)
        except json.JSONDecodeError as error:
            return InputProblem("INP003", f"invalid JSON: {error.msg} (column {error.colno})", path, index, line=index + 1)
        except (ValueError, RecursionError) as error:  # a 5,000-digit number; nesting too deep to parse
            return InputProblem("INP003", f"JSON that cannot be read: {error}", path, index, line=index + 1)
        return document_from_record(record, path, index, settings, line=index + 1)
