"""The knowledge base's international organisations, central banks and European ministers, read as news reads them.

Spot checks against well-known dates (each one also in the sources cited in the YAML files), and
sentences in the title forms wire copy uses: inside a term they must be silent, outside it they
must be flagged. A wrong date or a title the matcher cannot resolve fails here before it becomes a
false alarm or a miss in someone's corpus.
"""

from __future__ import annotations

import datetime as dt

import pytest

from linter.testing import assert_clean, assert_finds
from rules.anachronism.kb import builtin_files, load
from rules.anachronism.title_not_held import TitleNotHeld

KB = load(builtin_files())

ORGANISATIONS = ["imf", "world-bank", "wto", "who", "oecd", "ioc", "fifa", "uefa", "un", "nato", "eu", "ecb", "holy-see"]
COUNTRIES = ["at", "be", "ch", "de", "dk", "es", "fi", "fr", "gb", "ie", "is", "it", "lu", "nl", "no", "pt", "se"]


def holders(office: str, day: str) -> list[str]:
    date = dt.date.fromisoformat(day)
    return [KB.people[t.person].name for t in KB.offices[office].tenures if t.held_on(date)]


@pytest.mark.parametrize(
    ("office", "day", "expected"),
    [
        ("imf-managing-director", "2015-06-01", ["Christine Lagarde"]),
        ("imf-managing-director", "2020-06-01", ["Kristalina Georgieva"]),
        ("wb-president", "2010-06-01", ["Robert Zoellick"]),
        ("wto-director-general", "2020-12-01", []),
        ("who-director-general", "2020-03-11", ["Tedros Adhanom Ghebreyesus"]),
        ("ioc-president", "2021-07-23", ["Thomas Bach"]),
        ("fifa-president", "2010-06-11", ["Sepp Blatter"]),
        ("uefa-president", "2020-01-01", ["Aleksander Čeferin"]),
        ("ch-president", "2024-06-01", ["Viola Amherd"]),
        ("ch-snb-chairman", "2015-01-15", ["Thomas Jordan"]),
        ("se-riksbank-governor", "2020-01-01", ["Stefan Ingves"]),
        ("no-norges-bank-governor", "2015-01-01", ["Øystein Olsen"]),
        ("it-finance-minister", "2016-01-01", ["Pier Carlo Padoan"]),
        ("es-foreign-minister", "2015-01-01", ["José Manuel García-Margallo"]),
        ("nl-finance-minister", "2015-01-01", ["Jeroen Dijsselbloem"]),
        ("ie-finance-minister", "2012-01-01", ["Michael Noonan"]),
        ("pt-finance-minister", "2018-01-01", ["Mário Centeno"]),
        ("be-foreign-minister", "2015-01-01", ["Didier Reynders"]),
        ("at-foreign-minister", "2016-01-01", ["Sebastian Kurz"]),
        ("dk-defence-minister", "2024-01-01", ["Troels Lund Poulsen"]),
        ("fi-foreign-minister", "2020-01-01", ["Pekka Haavisto"]),
        ("se-finance-minister", "2018-01-01", ["Magdalena Andersson"]),
        ("lu-foreign-minister", "2010-01-01", ["Jean Asselborn"]),
    ],
)
def test_known_holders(office: str, day: str, expected: list[str]) -> None:
    assert holders(office, day) == expected


@pytest.mark.parametrize("key", ORGANISATIONS + COUNTRIES)
def test_files_are_brought_up_to_the_end_of_2025(key: str) -> None:
    """Every office in these files is verified at least to 2025-12-31 (the file's as_of says to when)."""
    path = next(p for p in builtin_files() if p.stem == key)
    offices = [o for o in KB.offices.values() if o.path == str(path)]
    assert offices, key
    assert all(o.as_of >= dt.date(2025, 12, 31) for o in offices), key


FLAGGED = [
    ("2021-03-01", "IMF Managing Director Christine Lagarde warned of a slow recovery.", "IMF Managing Director Christine Lagarde"),
    ("2019-05-01", "Dutch Finance Minister Jeroen Dijsselbloem said the deal was fair.", "Dutch Finance Minister Jeroen Dijsselbloem"),
    ("2024-03-01", "Riksbank Governor Stefan Ingves kept rates on hold.", "Riksbank Governor Stefan Ingves"),
    ("2023-05-01", "Swiss President Ignazio Cassis opened the conference.", "Swiss President Ignazio Cassis"),
    ("2019-06-01", "Jean-Yves Le Drian, France's defence minister, arrived in Mali.", "Jean-Yves Le Drian, France's defence minister"),
    ("2024-02-01", "FIFA President Sepp Blatter attended the draw.", "FIFA President Sepp Blatter"),
]

CLEAN = [
    ("2016-01-20", "IMF Managing Director Christine Lagarde said growth would slow."),
    ("2015-06-01", "Spanish Economy Minister Luis de Guindos met his Greek counterpart."),
    ("2015-06-01", "Spanish Finance Minister Luis de Guindos met his Greek counterpart."),
    ("2025-06-01", "Irish Foreign Minister Simon Harris spoke in Brussels."),
    ("2021-06-01", "Swiss President Guy Parmelin welcomed the two presidents to Geneva."),
    ("2012-08-01", "Italian Prime Minister Mario Monti, who is also economy minister, met bankers."),
    ("2022-09-01", "Norges Bank Governor Ida Wolden Bache raised rates."),
]


@pytest.mark.parametrize(("date", "text", "span"), FLAGGED)
def test_title_outside_the_term_is_flagged(date: str, text: str, span: str) -> None:
    assert_finds(TitleNotHeld, text, [span], date=date)


@pytest.mark.parametrize(("date", "text"), CLEAN)
def test_title_inside_the_term_is_silent(date: str, text: str) -> None:
    assert_clean(TitleNotHeld, text, date=date)
