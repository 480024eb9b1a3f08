"""Parquet files (the ``parquet`` extra): one row, one document, read in batches."""

from __future__ import annotations

from typing import BinaryIO, Iterator, Sequence

from linter.readers.base import InputProblem, Item, Reader, ReadSettings, document_from_record

BATCH_ROWS = 1024


class ParquetReader(Reader):
    """Reads ``.parquet`` files row group by row group; needs pyarrow."""

    name = "parquet"
    suffixes = (".parquet",)

    def read(self, path: str, stream: BinaryIO, settings: ReadSettings) -> Iterator[Item]:
        yield from self.read_row_groups(path, stream, settings)

    def read_row_groups(
        self, path: str, stream: BinaryIO, settings: ReadSettings, row_groups: Sequence[int] | None = None, first: int = 0
    ) -> Iterator[Item]:
        """The rows of some row groups (all by default), the first being row ``first`` of the file:
        a part of a file read on its own (the Dask engine) names its records as a whole-file read does."""
        try:
            import pyarrow.parquet as pq
        except ImportError:
            yield InputProblem("INP001", "reading Parquet needs pyarrow: pip install 'corpus-linter[parquet]'", path)
            return
        try:
            parquet = pq.ParquetFile(stream)
            wanted = {f.split(".", 1)[0] for f in (settings.text_field, settings.id_field, settings.date_field)}
            columns = [name for name in parquet.schema_arrow.names if name in wanted]
            index = first
            for batch in parquet.iter_batches(batch_size=BATCH_ROWS, row_groups=row_groups, columns=columns or None):
                for row in batch.to_pylist():
                    yield document_from_record(row, path, index, settings, line=0)
                    index += 1
        except Exception as error:  # pyarrow raises many types for a corrupt file
            yield InputProblem("INP001", f"not a readable Parquet file: {error}", path)
