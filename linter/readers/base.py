"""The reader contract: bytes in, Documents (or input problems) out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, BinaryIO, ClassVar, Iterator

from linter.dates import parse_date_value
from linter.document import Document


@dataclass(frozen=True)
class ReadSettings:
    """What a reader needs from the config: where text, id and date live in a record."""

    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    max_document_chars: int = 10_000_000
    """Readers may stop reading a document this long (in UTF-8, at most four bytes a character)."""


@dataclass(frozen=True)
class InputProblem:
    """Something in the input that could not be checked, reported as a finding.

    ``line`` is the 1-based line of the input file (JSONL) where it is known.
    """

    code: str
    message: str
    path: str
    record: int | None = None
    id: str | None = None
    line: int = 1


Item = Document | InputProblem

BYTE_ORDER_MARKS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
)


@dataclass(frozen=True)
class Encoding:
    """How a file's bytes become text: the codec, the byte-order mark it starts with, a name for messages."""

    codec: str = "utf-8"
    bom: bytes = b""
    label: str = "UTF-8"

    @property
    def wide(self) -> bool:
        """UTF-16 or UTF-32: NUL bytes are text there, and lines do not end at a byte 0x0A."""
        return self.codec != "utf-8"


def sniff_encoding(head: bytes) -> Encoding:
    """The encoding a file's first bytes announce with a byte-order mark; UTF-8 without one.

    Windows tools write UTF-16 with a mark ("Unicode" in Notepad, PowerShell's
    ``>``); without the mark, text is read as UTF-8, as everywhere else here.
    """
    for mark, codec, label in BYTE_ORDER_MARKS:
        if head.startswith(mark):
            return Encoding(codec, mark, label)
    return Encoding()


class Reader:
    """Turns one input file into a stream of documents.

    Readers must stream: a 10 GB JSONL file is read record by record.
    Problems (bad JSON, a record without text) are yielded as
    ``InputProblem`` and the reader carries on with the next record.
    """

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]]
    """File-name endings this reader claims, e.g. ``(".jsonl", ".jsonl.gz")``."""

    def read(self, path: str, stream: BinaryIO, settings: ReadSettings) -> Iterator[Item]:
        raise NotImplementedError


def dotted_get(record: Any, dotted: str) -> Any:
    """``record["a"]["b"]`` for ``"a.b"``; None where any step is missing."""
    value = record
    for part in dotted.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def document_from_record(
    record: Any, path: str, index: int, settings: ReadSettings, line: int
) -> Item:
    """A Document from a JSON-like record, or the problem that prevents one."""
    if not isinstance(record, dict):
        return InputProblem("INP003", f"record is a {type(record).__name__}, not an object", path, index, line=line)
    raw_id = dotted_get(record, settings.id_field)
    record_id = None if raw_id is None else str(raw_id)
    text = dotted_get(record, settings.text_field)
    if not isinstance(text, str):
        what = "has no field" if text is None else "has a non-string field"
        return InputProblem("INP003", f"record {what} {settings.text_field!r}", path, index, record_id, line)
    field = settings.date_field
    date = parse_date_value(dotted_get(record, field), source=f"record field {field!r}")
    text_key = settings.text_field.split(".", 1)[0]  # the text must not travel twice (in metadata too)
    metadata = {k: v for k, v in record.items() if k != text_key}
    return Document(text=text, path=path, record=index, id=record_id, metadata=metadata, date=date)
