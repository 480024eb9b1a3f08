"""Plain text and Markdown files: one file, one document."""

from __future__ import annotations

from typing import BinaryIO, Iterator

from linter.document import Document
from linter.readers.base import InputProblem, Item, Reader, ReadSettings, sniff_encoding

BINARY_SNIFF_BYTES = 8192


class TextReader(Reader):
    """Reads ``.txt`` and ``.md`` files as UTF-8, or as UTF-16/UTF-32 when a byte-order mark says so (the mark is dropped)."""

    name = "text"
    suffixes = (".txt", ".md", ".markdown", ".text")

    def read(self, path: str, stream: BinaryIO, settings: ReadSettings) -> Iterator[Item]:
        limit = settings.max_document_chars * 4
        data = stream.read(limit + 1)
        if len(data) > limit:
            message = f"file is larger than max-document-chars allows ({settings.max_document_chars:,} characters); not checked"
            yield InputProblem("INP004", message, path, line=0)
            return
        encoding = sniff_encoding(data)
        if not encoding.wide and b"\x00" in data[:BINARY_SNIFF_BYTES]:
            yield InputProblem("INP001", "looks like a binary file (NUL bytes); not checked", path)
            return
        data = data[len(encoding.bom) :]
        try:
            text = data.decode(encoding.codec)
        except UnicodeDecodeError as error:
            line = data[: error.start].decode(encoding.codec, errors="replace").count("\n") + 1
            yield InputProblem(
                "INP002",
                f"invalid {encoding.label} at byte {error.start + len(encoding.bom)}; checked with the bad bytes "
                "replaced by U+FFFD, and never fixed in place",
                path,
                line=line,
            )
            text = data.decode(encoding.codec, errors="replace")
        yield Document(text=text, path=path)
