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


# -- NUM004: parties' seats against the chamber, list items against their total ------------

from rules.numeric.parts_and_totals import PartsDoNotAddUp as PartsExceedWhole  # noqa: E402

SEAT_POSITIVES = [
    (
        "The centre-right won 212 of the 349 seats in the Riksdag. The Social Democrats took 98 seats "
        "and the Greens won 51.",
        "51",
    ),
    (
        "Results in the 120-seat Knesset gave Likud 32 seats, against 24 for Yesh Atid and 14 for Shas, "
        "with the remaining 55 going to smaller parties.",
        "remaining 55",
    ),
    (
        "Final results gave the Greens 60 of the 150 seats. The tally was:\n\n"
        "- Greens: 60 seats\n- Liberals: 45 seats\n- Labour: 39 seats\n- Others: 12 seats\n",
        "12 seats",
    ),
]


@pytest.mark.parametrize(("text", "flagged"), SEAT_POSITIVES)
def test_seats_exceed_chamber(text: str, flagged: str) -> None:
    findings = lint(PartsExceedWhole, text, date=DATE)
    assert [text[f.start : f.end] for f in findings] == [flagged]
    assert "more than the" in findings[0].message


SEAT_NEGATIVES = [
    # parts that fit
    "Labour won 411 of the 650 seats. The Conservatives took 121 seats and the Liberal Democrats won 72.",
    # changes and thresholds are no parts
    "Labour won 411 of the 650 seats, having gained 211 seats, while the Conservatives lost 251 seats.",
    "A party needs 326 of the 650 seats for a majority; Labour won 300 seats and the SNP 48 seats.",
    # another election
    "Labour won 411 of the 650 seats. In 2019 the Conservatives won 365 seats and Labour 202 seats.",
    # two chambers
    "Democrats won 51 of the 100 Senate seats and 220 of the 435 House seats; Republicans hold 215 seats.",
    # a bloc restating its members
    "The coalition holds 400 of the 630 seats; the SPD has 206 seats and the Greens 118 seats.",
    # the same party restated in a paragraph
    "Labour won 411 of the 650 seats. Labour's 411 seats give it a majority of 172.",
    # a list of another kind
    "The 650-seat House met on Monday. Key dates:\n- June 4: 200 seats declared\n- June 5: 450 seats declared\n",
]


@pytest.mark.parametrize("text", SEAT_NEGATIVES)
def test_seat_negatives(text: str) -> None:
    assert_clean(PartsExceedWhole, text, date=DATE)


def test_listed_parts_exceed_their_total() -> None:
    text = (
        "By Friday, donations to the appeal had reached $30 million. Among them:\n\n"
        "- the Hale Foundation: $12 million\n- Orbis Bank: $15 million\n- the city council: $8 million\n"
    )
    findings = lint(PartsExceedWhole, text, date=DATE)
    assert [text[f.start : f.end] for f in findings] == ["$30 million"]
    assert len(findings[0].related) == 3


LIST_NEGATIVES = [
    "By Friday, donations had reached $30 million. Among them:\n- Hale: $12 million\n- Orbis: $15 million\n",
    "By Friday, donations had reached more than $30 million. Among them:\n- Hale: $12 million\n- Orbis: $25 million\n",
    "The bank made a profit of $30 million. Other figures:\n- revenue: $120 million\n- costs: $90 million\n",
    "Donations reached $30 million. Among them:\n- Hale: €12 million\n- Orbis: €25 million\n",
]


@pytest.mark.parametrize("text", LIST_NEGATIVES)
def test_list_negatives(text: str) -> None:
    assert_clean(PartsExceedWhole, text, date=DATE)


# -- NUM001: the dead counted twice, in different words ---------------------------------------

from rules.numeric.inconsistent_figure import InconsistentFigure  # noqa: E402

DEATH_POSITIVES = [
    (
        "Flood death toll climbs to 238\n\nOfficials said on Monday that 283 people had been killed "
        "in the floods and 1,200 injured.",
        "283 people",
        "238",
    ),
    (
        "The ministry said there were now 52,000 cases and that 1,374 people had died.\n\n"
        "Of the 1,347 deaths, most were in the north.",
        "1,347 deaths",
        "1,374 people",
    ),
    (
        "The earthquake killed 1,520 people, the government said.\n\nThe 1,250 deaths make it the worst in decades.",
        "1,250 deaths",
        "1,520 people",
    ),
]


@pytest.mark.parametrize(("text", "flagged", "related"), DEATH_POSITIVES)
def test_deaths_counted_in_other_words(text: str, flagged: str, related: str) -> None:
    findings = lint(InconsistentFigure, text, date=DATE)
    assert [text[f.start : f.end] for f in findings] == [flagged]
    assert [text[r.start : r.end] for r in findings[0].related] == [related]


DEATH_NEGATIVES = [
    # killed, injured, missing
    "At least 283 people were killed. The 238 injured were taken to hospital, and 832 people are missing.",
    # an update that changes the figure
    "The death toll rose to 161 on Sunday. Earlier, officials said 90 people had been killed.",
    "Officials said 116 people had been killed. The death toll later climbed to 161.",
    # a floor and a count that can meet
    "At least 57 people had been killed by evening. Officials said the 67 people killed included civilians.",
    # different years
    "In 2023, 1,374 people died on the roads. Last year 1,347 people died.",
    # a national and a regional figure
    "Nationwide 4,291 people have died. In the capital alone, 912 people have died.",
    # the same figure restated
    "The blast killed 48 people. The 48 deaths were the most since 2015.",
]


@pytest.mark.parametrize("text", DEATH_NEGATIVES)
def test_death_negatives(text: str) -> None:
    assert_clean(InconsistentFigure, text, date=DATE)
