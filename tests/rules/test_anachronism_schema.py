"""What the knowledge base's optional keys make the rules do (data/README.md): approximate
boundaries, an office's elect window, a central bank reached through its country's names."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.testing import assert_clean, assert_finds
from rules.anachronism.elect_title import ElectTitle
from rules.anachronism.former_title import FormerTitleSitting
from rules.anachronism.title_not_held import TitleNotHeld

COUNTRY = """
jurisdiction: QX
label: Quixland
as_of: 2025-12-31
names: [Quixland, Quixlandic]
people:
  - {id: ada-vell, name: Ada Vell, aliases: [Vell]}
  - {id: bo-trane, name: Bo Trane, aliases: [Trane]}
  - {id: cy-ormond, name: Cy Ormond, aliases: [Ormond]}
offices:
  - id: qx-president
    label: President of Quixland
    titles: [President]
    head_of: state
    elect_window_days: 60
    terms:
      - {person: ada-vell, start: 2010-03-01, end: 2016-03-01, source: s, approximate: end}
      - {person: bo-trane, start: 2016-03-01, end: null, source: s, approximate: start}
"""

BANK = """
jurisdiction: QXB
label: Bank of Quixland
kind: central-bank
country: QX
as_of: 2025-12-31
names: [Bank of Quixland]
people:
  - {id: cy-ormond, name: Cy Ormond, aliases: [Ormond]}
offices:
  - id: qxb-governor
    label: Governor of the Bank of Quixland
    titles: [Governor, central bank governor]
    terms:
      - {person: cy-ormond, start: 2005-01-01, end: 2013-01-01, source: s}
"""


@pytest.fixture(scope="module")
def options(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    folder: Path = tmp_path_factory.mktemp("kb")
    (folder / "qx.yaml").write_text(COUNTRY, encoding="utf-8")
    (folder / "qxb.yaml").write_text(BANK, encoding="utf-8")
    return {"extra-kb-files": [str(folder / "qx.yaml"), str(folder / "qxb.yaml")]}


@pytest.mark.parametrize(
    ("date", "fires"),
    [("2016-04-10", False), ("2016-04-16", True), ("2016-01-20", False), ("2016-01-10", True)],
    ids=["40 days after an approximate end", "46 days after", "41 days before an approximate start", "51 days before"],
)
def test_no_title_finding_near_an_approximate_boundary(options: dict, date: str, fires: bool) -> None:
    """Vell's end and Trane's start are approximate: silent within 45 days of them, flagged beyond."""
    text = "President Ada Vell spoke on Monday." if date > "2016-03-01" else "President Bo Trane spoke on Monday."
    if fires:
        assert_finds(TitleNotHeld, text, None, date=date, options=options)
    else:
        assert_clean(TitleNotHeld, text, date=date, options=options)


@pytest.mark.parametrize(("date", "fires"), [("2016-01-20", False), ("2015-12-01", True)])
def test_no_former_finding_near_an_approximate_end(options: dict, date: str, fires: bool) -> None:
    text = "Former President Ada Vell spoke on Monday."
    if fires:
        assert_finds(FormerTitleSitting, text, None, date=date, options=options)
    else:
        assert_clean(FormerTitleSitting, text, date=date, options=options)


@pytest.mark.parametrize(
    ("date", "fires"),
    [("2016-01-10", False), ("2015-11-01", True), ("2016-04-20", True), ("2016-04-01", False)],
    ids=["within the office's 60-day window", "before it", "after the approximate start's margin", "within it"],
)
def test_elect_window_of_the_office(options: dict, date: str, fires: bool) -> None:
    text = "President-elect Bo Trane spoke on Monday."
    if fires:
        assert_finds(ElectTitle, text, None, date=date, options=options)
    else:
        assert_clean(ElectTitle, text, date=date, options=options)


def test_central_bank_reached_through_its_country(options: dict) -> None:
    assert_finds(
        TitleNotHeld,
        "Quixland's central bank governor Cy Ormond said rates would rise.",
        ["Quixland's central bank governor Cy Ormond"],
        date="2020-05-01",
        options=options,
    )
    assert_clean(TitleNotHeld, "Quixland's central bank governor Cy Ormond said rates would rise.", date="2010-05-01", options=options)
