"""NUM recall: invented wire copy where figures for one thing disagree across sentences, and the
news-shaped negatives that must stay silent (different people, times, counts, chambers)."""

from __future__ import annotations

import pytest

from linter.testing import assert_clean, lint
from rules.numeric.age_birth_year import AgeBirthYearMismatch

DATE = "2024-03-14"

# -- NUM006: ages and birth years linked through the person's name ---------------------------

AGE_POSITIVES = [
    # (text, the flagged span, a related span)
    (
        "Ortega, 61, addressed supporters in the capital on Tuesday.\n\n"
        "The party said Ortega, who was born in 1952 in Granada, would serve a full term.",
        "born in 1952",
        "61",
    ),
    (
        "Finance Minister Karin Holmqvist was born in Uppsala in 1970.\n\n"
        "Holmqvist, 48, told reporters the budget would be balanced by 2026.",
        "48",
        "born in Uppsala in 1970",
    ),
    (
        "Dubois, a 39-year-old lawyer, won the seat on Sunday. Dubois was born in 1978.",
        "born in 1978",
        "39",
    ),
    (
        "Lindqvist, who turned 70 last month, said he would not run again.\n"
        "Lindqvist was born in 1949 and has led the party since 2001.",
        "born in 1949",
        "70",
    ),
    (
        "Tavares, 52, will take office in May.\n\nIn his first speech, Tavares, 55, promised lower taxes.",
        "55",
        "52",
    ),
    (
        "Prime Minister Aiko Tanabe, 64, met the envoy. Later, Aiko Tanabe, 61, told parliament the talks had gone well.",
        "61",
        "64",
    ),
]


@pytest.mark.parametrize(("text", "flagged", "related"), AGE_POSITIVES)
def test_age_linked_by_name(text: str, flagged: str, related: str) -> None:
    findings = lint(AgeBirthYearMismatch, text, date=DATE)
    assert [text[f.start : f.end] for f in findings] == [flagged]
    assert [text[r.start : r.end] for r in findings[0].related] == [related]


def test_age_message_says_what_disagrees() -> None:
    text = "Ortega, 61, spoke on Tuesday.\nOrtega, who was born in 1952, leads the party."
    (finding,) = lint(AgeBirthYearMismatch, text, date=DATE)
    assert finding.message == "age 61 does not match born 1952: on 2024-03-14 Ortega was 71 or 72"


AGE_NEGATIVES = [
    # right age, either side of the birthday
    "Ortega, 71, addressed supporters. Ortega, who was born in 1952, leads the party.",
    "Ortega, 72, addressed supporters. Ortega was born in 1952.",
    # relatives: different given names, or Mr and Mrs
    "Jane Holt, 45, runs the farm. Her son Tom Holt, 12, was born in 2011.",
    "Mr Okafor, 58, and Mrs Okafor, 54, were rescued on Monday. Mrs Okafor was born in 1970.",
    # ages at another time
    "In 1990, Ferreira, 30, was elected mayor. Ferreira was born in 1960 in Porto.",
    "Ferreira, 30 at the time, was elected mayor. Ferreira was born in 1960.",
    "When Ferreira, 30, was first elected, few knew him. Ferreira, 64, now leads the party.",
    "Ferreira, who died on Monday, was born in 1931. Ferreira, 88 when he retired, led the club.",
    # an age one year apart is a birthday, not a contradiction
    "Moreau, 49, took office in January. Moreau, 50, told reporters on Friday that he would stay.",
    # figures after a name that are no age
    "Sales in Germany, 45, and France, 30, rose. Germany was born in 1949 as a federal republic.",
    "Results: Arsenal, 2, Chelsea, 1. Chelsea, 3, Fulham, 0.",
    # a birth year without any age for the name
    "Nakamura was born in 1961. Sato, 45, is his deputy.",
    # two people of different surnames
    "Bauer, 61, and Klein, 44, signed the deal. Klein was born in 1979.",
]


@pytest.mark.parametrize("text", AGE_NEGATIVES)
def test_age_negatives(text: str) -> None:
    assert_clean(AgeBirthYearMismatch, text, date=DATE)


def test_undated_documents_still_compare_two_ages() -> None:
    text = "Tavares, 52, will take office.\nTavares, 58, promised lower taxes. Tavares was born in 1990."
    assert [text[f.start : f.end] for f in lint(AgeBirthYearMismatch, text)] == ["58"]
