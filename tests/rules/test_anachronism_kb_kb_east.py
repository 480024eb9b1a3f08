"""Spot checks of the knowledge base against facts verified in dated news during data entry.

Each case is a day and the holder a dated source names for it (the same source is cited on the
term in the data file), so a later edit that shifts a verified boundary fails here.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rules.anachronism.kb import builtin_files, load

KB = load(builtin_files())

VERIFIED = [
    # (office, day, holder) — one day inside each verified term, or just after a verified handover
    ("za-reserve-bank-governor", "2014-11-09", "Lesetja Kganyago"),
    ("za-finance-minister", "2026-02-25", "Enoch Godongwana"),
    ("sa-central-bank-governor", "2023-02-04", "Ayman al-Sayari"),
    ("tr-central-bank-governor", "2024-02-03", "Fatih Karahan"),
    ("tr-central-bank-governor", "2006-03-20", "Erdem Başçı"),
    ("ru-central-bank-governor", "2022-06-24", "Elvira Nabiullina"),
    ("ua-defence-minister", "2026-01-14", "Mykhailo Fedorov"),
    ("tz-prime-minister", "2025-11-13", "Mwigulu Nchemba"),
    ("dz-prime-minister", "2025-08-28", "Sifi Ghrieb"),
    ("dz-prime-minister", "2025-09-14", "Sifi Ghrieb"),
    ("ye-prime-minister", "2025-05-03", "Salem Saleh bin Braik"),
    ("ye-prime-minister", "2026-01-15", "Shaya al-Zindani"),
    ("iq-prime-minister", "2026-01-25", "Mohammed Shia al-Sudani"),
    ("mg-president", "2025-10-17", "Michael Randrianirina"),
    ("pl-foreign-minister", "2020-08-26", "Zbigniew Rau"),
    ("ro-defence-minister", "2025-11-28", "Radu Miruță"),
    ("ro-defence-minister", "2025-12-23", "Radu Miruță"),
    ("cz-foreign-minister", "2025-12-15", "Petr Macinka"),
    ("cz-defence-minister", "2025-12-15", "Jaromír Zůna"),
    ("hr-defence-minister", "2023-11-16", "Ivan Anušić"),
    ("lt-defence-minister", "2025-11-11", "Robertas Kaunas"),
    ("lt-defence-minister", "2024-03-25", "Laurynas Kasčiūnas"),
]

VACANT = [
    # days the verified sources show a change: the outgoing holder is gone
    ("ro-defence-minister", "2025-11-28", "Ionuț Moșteanu"),
    ("lt-defence-minister", "2025-10-23", "Dovilė Šakalienė"),
    ("dz-prime-minister", "2025-08-28", "Nadir Larbaoui"),
    ("mg-president", "2025-10-14", "Andry Rajoelina"),
]


def holders(office: str, day: str) -> list[str]:
    date = dt.date.fromisoformat(day)
    return [KB.people[t.person].name for t in KB.offices[office].tenures if t.held_on(date)]


@pytest.mark.parametrize(("office", "day", "name"), VERIFIED, ids=[f"{o}@{d}" for o, d, _ in VERIFIED])
def test_verified_holder(office: str, day: str, name: str) -> None:
    assert holders(office, day) == [name]


@pytest.mark.parametrize(("office", "day", "name"), VACANT, ids=[f"{o}@{d}" for o, d, _ in VACANT])
def test_verified_departure(office: str, day: str, name: str) -> None:
    assert name not in holders(office, day)


def test_shared_surnames_are_ambiguous() -> None:
    """Relatives who held one office share the bare surname, so "President Assad" is never one of them alone."""
    for surname, ids in {
        "Assad": ("hafez-al-assad", "bashar-al-assad"),
        "Kabila": ("laurent-desire-kabila", "joseph-kabila"),
        "Déby": ("idriss-deby", "mahamat-deby"),
        "Mutharika": ("bingu-wa-mutharika", "peter-mutharika"),
    }.items():
        for person_id in ids:
            assert surname in KB.people[person_id].aliases, (surname, person_id)
