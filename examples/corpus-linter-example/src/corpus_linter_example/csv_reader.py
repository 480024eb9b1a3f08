"""A reader for CSV files with one article a row."""

from __future__ import annotations

import csv
import io
from typing import BinaryIO, Iterator

from linter.readers.base import InputProblem, Item, Reader, ReadSettings, document_from_record

# Articles are long: the csv module's default limit (128 KiB a field) would
# reject some.  The limit is process-wide, so it is raised, never lowered.
FIELD_LIMIT = 2**31 - 1


class CsvReader(Reader):
    """Reads ``.csv`` files (UTF-8, with a header row), streaming row by row.

    Each row is a record: the text, id and date come from the columns the
    config names (``text``, ``id`` and ``date`` by default), and the record
    index is the 0-based row number after the header.
    """

    name = "csv"
    suffixes = (".csv",)

    def read(self, path: str, stream: BinaryIO, settings: ReadSettings) -> Iterator[Item]:
        csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
        rows = csv.DictReader(text, restkey="_extra_columns")
        index = -1
        try:
            if rows.fieldnames is None:
                return
            if settings.text_field not in rows.fieldnames:
                yield InputProblem("INP003", f"no {settings.text_field!r} column in the header", path)
                return
            for index, row in enumerate(rows):
                yield document_from_record(row, path, index, settings, line=rows.line_num)
        except UnicodeDecodeError as error:
            yield InputProblem("INP002", f"invalid UTF-8 after row {index + 1}: {error.reason}; stopped", path, line=rows.line_num or 1)
        except csv.Error as error:
            yield InputProblem("INP003", f"malformed CSV after row {index + 1}: {error}; stopped", path, line=rows.line_num or 1)
