"""Document dates: parsing values and the built-in cascade (front matter, file name, text, default)."""

from __future__ import annotations

import datetime as dt

import pytest

from linter.config import Config
from linter.dates import (
    corpus_linter_document_date,
    date_from_file_name,
    date_from_front_matter,
    date_from_text,
    parse_date_value,
)
from linter.document import Document, DocumentDate


def doc(text: str, path: str = "article.txt") -> Document:
    return Document(text=text, path=path)


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2025-06-02", dt.date(2025, 6, 2), "day"),
        ("2025-06-02T10:31:00Z", dt.date(2025, 6, 2), "day"),
        ("2025-06", dt.date(2025, 6, 1), "month"),
        ("2025", dt.date(2025, 1, 1), "year"),
        (2025, dt.date(2025, 1, 1), "year"),
        (dt.date(2019, 7, 24), dt.date(2019, 7, 24), "day"),
    ],
)
def test_parse_date_value(value, expected, precision) -> None:
    date = parse_date_value(value, "test")
    assert date == DocumentDate(expected, precision, "test")


@pytest.mark.parametrize("value", ["", "yesterday", "2025-13-01", "2025-02-30", None, True, [2025]])
def test_parse_date_value_rejects(value) -> None:
    assert parse_date_value(value, "test") is None


def test_front_matter() -> None:
    date = date_from_front_matter(doc("---\ntitle: Talks\ndate: 2025-06-02\n---\nBody"))
    assert date == DocumentDate(dt.date(2025, 6, 2), "day", "front matter")


def test_file_name() -> None:
    date = date_from_file_name(doc("Body", "news/2024-11-05_election.txt"))
    assert date == DocumentDate(dt.date(2024, 11, 5), "day", "file name")


@pytest.mark.parametrize(
    ("text", "expected", "source"),
    [
        ("WASHINGTON, June 2, 2025 (Reuters) - The talks ended.", dt.date(2025, 6, 2), "dateline"),
        ("KYIV, Ukraine, March 3, 2024 - Air raid sirens sounded.", dt.date(2024, 3, 3), "dateline"),
        ("Talks end in Istanbul\nPublished: 2 June 2025\nThe talks ended.", dt.date(2025, 6, 2), "dateline"),
        ("Monday, 2nd June 2025\nThe talks ended.", dt.date(2025, 6, 2), "dateline"),
        ("LONDON (Reuters) - 2025-06-02 - Sterling rose.", dt.date(2025, 6, 2), "dateline"),
        ("Delegates met in Istanbul on June 2, 2025, for a second round.", dt.date(2025, 6, 2), "first date in the text"),
    ],
)
def test_date_from_text(text, expected, source) -> None:
    date = date_from_text(doc(text))
    assert date is not None
    assert (date.value, date.precision, date.source) == (expected, "day", source)


def test_dateline_wins_over_an_earlier_date_in_the_text() -> None:
    text = "Talks began on May 16, 2025 in Istanbul.\nISTANBUL, June 2, 2025 - The second round ended."
    assert date_from_text(doc(text)).value == dt.date(2025, 6, 2)


def test_month_precision_from_a_marker() -> None:
    date = date_from_text(doc("Updated: June 2025\nThe talks ended."))
    assert date == DocumentDate(dt.date(2025, 6, 1), "month", "dateline")


@pytest.mark.parametrize(
    "text",
    [
        "The war has raged since February 24, 2022, and shows no sign of ending.",
        "No date here at all, only a year: 2025.",
        "WASHINGTON, June 2 (Reuters) - a dateline without a year.",
        "On 31 February 2025 nothing happened.",
        "x" * 1200 + " The talks on June 2, 2025 ended.",
        "",
    ],
)
def test_no_date_from_text(text) -> None:
    assert date_from_text(doc(text)) is None


def test_cascade_order() -> None:
    config = Config()
    config.date = DocumentDate(dt.date(2020, 1, 1), "day", "--date")
    front = doc("---\ndate: 2021-02-03\n---\nWASHINGTON, June 2, 2025 - Text", "2019-05-05.txt")
    assert corpus_linter_document_date(front, config).source == "front matter"
    named = doc("WASHINGTON, June 2, 2025 - Text", "2019-05-05.txt")
    assert corpus_linter_document_date(named, config).source == "file name"
    dated = doc("WASHINGTON, June 2, 2025 - Text")
    assert corpus_linter_document_date(dated, config).source == "dateline"
    plain = doc("The talks ended without a ceasefire.")
    assert corpus_linter_document_date(plain, config) == config.date


def test_cascade_without_any_date() -> None:
    assert corpus_linter_document_date(doc("No date."), Config()) is None


@pytest.mark.parametrize(
    "value",
    [20250602, "20250602", 1748822400, 1748822400000, "Mon, 02 Jun 2025 10:00:00 GMT", "2025-06-02T10:00:00Z"],
)
def test_record_date_formats(value) -> None:
    from linter.dates import parse_date_value

    parsed = parse_date_value(value, "record")
    assert parsed is not None and str(parsed) == "2025-06-02" and parsed.precision == "day"
