"""Built-in readers, registered through the same hook as any plugin's."""

from __future__ import annotations

from linter.plugin import hookimpl
from linter.readers.base import InputProblem, Reader, ReadSettings
from linter.readers.jsonl import JsonLinesReader
from linter.readers.parquet import ParquetReader
from linter.readers.text import TextReader

__all__ = ["InputProblem", "Reader", "ReadSettings"]


@hookimpl
def corpus_linter_register_readers() -> list[type[Reader]]:
    return [TextReader, JsonLinesReader, ParquetReader]
