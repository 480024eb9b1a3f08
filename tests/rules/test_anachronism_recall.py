"""ANA recall: sentence cues read narrowly enough to let real anachronisms through, and still silent where they must be.

Three causes of misses, each tested here with invented wire copy across countries and decades:
- the sentence before a mention leaked into its sentence (its boundary was not seen), so a cue there
  ("elected", "if", "at the time") silenced the mention;
- "then" that orders events ("and then sworn in", "was then appointed by") was read as "at that time";
- "would have to" (an obligation) was read as a counterfactual "would have";
- a title opening a sentence was read together with the last word of the sentence before ("... met
  first. President X", "... in Berlin. Chancellor X"), which made it another office or no title;
- party leaders were not in the base (the Liberal Democrats' leaders now are, with sources).
"""

from __future__ import annotations

import pytest

from linter.testing import assert_clean, assert_finds
from rules.anachronism.elect_title import ElectTitle
from rules.anachronism.former_title import FormerTitleSitting
from rules.anachronism.title_not_held import TitleNotHeld

TITLE_FLAGGED = [
    # (date, text, span): "then" that orders events is no past-time cue.
    (
        "2005-11-22",
        "BERLIN (Reuters) - Merkel was appointed by President Johannes Rau at Bellevue Palace and then sworn in at the Reichstag.",
        "President Johannes Rau",
    ),
    ("2012-05-20", "Prime Minister Silvio Berlusconi met Italian union leaders and then flew to Brussels.", "Prime Minister Silvio Berlusconi"),
    ("2010-06-10", "Lawmakers applauded as Chancellor Gerhard Schroeder arrived and then took his seat.", "Chancellor Gerhard Schroeder"),
    ("2014-03-01", "Defense Secretary Donald Rumsfeld will then brief the Senate armed services committee.", "Defense Secretary Donald Rumsfeld"),
    ("1999-03-01", "The treaty was first signed in Minsk and was then ratified by Russian President Vladimir Putin.", "Russian President Vladimir Putin"),
    ("2023-02-01", "Japanese Prime Minister Shinzo Abe met the U.S. delegation. He then flew home to Tokyo.", "Japanese Prime Minister Shinzo Abe"),
    # "would have to" is an obligation, not a counterfactual.
    (
        "2016-07-16",
        "Secretary of State Hillary Clinton said the United States would consider a request but that Turkey would have to present evidence.",
        "Secretary of State Hillary Clinton",
    ),
    ("2019-11-05", "Home Secretary Amber Rudd said police forces would have to recruit more officers.", "Home Secretary Amber Rudd"),
    # A cue in the sentence before the mention belongs to that sentence.
    (
        "2016-07-16",
        "Leaders urged support for the democratically elected government. Secretary of State Hillary Clinton said Washington stood ready to help.",
        "Secretary of State Hillary Clinton",
    ),
    (
        "2021-09-20",
        "Voters went to the polls in October, at the time of the typhoon. Prime Minister Shinzo Abe said on Monday the economy would recover.",
        "Prime Minister Shinzo Abe",
    ),
    (
        "2003-05-01",
        "Markets asked whether the euro would hold. Polish President Lech Kaczynski welcomed the troops home from Iraq.",
        "Polish President Lech Kaczynski",
    ),
]

FORMER_FLAGGED = [
    (
        "2021-12-08",
        "Scholz won 395 votes. He was then appointed by former President Frank-Walter Steinmeier at Bellevue Palace.",
        "former President Frank-Walter Steinmeier",
    ),
    ("2016-05-01", "The summit was opened by former Prime Minister David Cameron and then moved to Chequers.", "former Prime Minister David Cameron"),
    ("2018-01-10", "Talks were held in Davos. Former German Chancellor Angela Merkel then spoke.", "Former German Chancellor Angela Merkel"),
    ("2015-03-01", "Trade officials met first. Former Prime Minister Shinzo Abe then visited Washington.", "Former Prime Minister Shinzo Abe"),
]

SILENT = [
    # The must-stay-silent cases.
    ("2025-06-02", "Former UK Prime Minister Boris Johnson visited Kyiv on Monday."),
    ("2025-06-02", "The measure was signed by then-President Joe Biden."),
    ("2025-06-02", "The measure was signed by then President Joe Biden and then sent to the archives."),
    ("2025-06-02", "The late Pope Francis was buried in Rome on Saturday."),
    ("2025-06-02", "In 2021, President Biden signed the infrastructure bill and then flew to Delaware."),
    ("2025-06-02", "Boris Johnson, prime minister from 2019 to 2022, has written a memoir."),
    ("2025-06-02", "\u201cPrime Minister Boris Johnson will get Brexit done,\u201d the poster read."),
    ("2025-06-02", "If Prime Minister Rishi Sunak had called the vote later, the result might have differed."),
    ("2025-06-02", "Had Secretary of State Antony Blinken stayed, he would have had to testify."),
    ("2025-06-02", "Microsoft President Brad Smith said the company would have to appeal."),
    ("2025-06-02", "President Andrew Johnson was impeached in 1868."),
    ("2025-06-02", "Prime Minister Kamala Harris is no office anyone held."),
    ("1985-06-02", "President Bill Clinton toured Arkansas and then flew to Washington."),
    ("2025-01-20", "President Joe Biden attended the inauguration and then left for California."),
    ("2024-07-05", "Prime Minister Rishi Sunak conceded defeat and then drove to Buckingham Palace."),
    ("2025-06-02", "President Lee said the talks would have to continue."),
    # "then" meaning "at that time" still silences.
    ("2025-06-02", "Prime Minister Boris Johnson, then embroiled in the partygate scandal, denied wrongdoing."),
    ("2025-06-02", "Prime Minister Boris Johnson, who was then embroiled in the partygate scandal, denied wrongdoing."),
    ("2025-06-02", "Prime Minister Boris Johnson was then embroiled in the partygate scandal."),
    ("2025-06-02", "The then embattled Prime Minister Boris Johnson denied wrongdoing."),
    ("2025-06-02", "President Biden, then 81, dropped out of the race."),
    ("2025-06-02", "Since then, President Biden has rarely been seen in public."),
    ("2025-06-02", "By then Chancellor Olaf Scholz had lost his majority."),
    ("2025-06-02", "The accord was signed by President Barack Obama, then in his second term."),
    ("2025-06-02", "Former President Donald Trump was then campaigning in Iowa."),
    ("2025-06-02", "At the time, former President Donald Trump was campaigning in Iowa and then flew to Ohio."),
    # The sitting holders, with sequencing "then".
    ("2025-06-02", "Chancellor Friedrich Merz met French President Emmanuel Macron and then flew to Warsaw."),
    ("2021-12-08", "Olaf Scholz was then appointed by President Frank-Walter Steinmeier at Bellevue Palace."),
]


@pytest.mark.parametrize(("date", "text", "span"), TITLE_FLAGGED, ids=[s for _d, _t, s in TITLE_FLAGGED])
def test_title_not_held_is_found(date: str, text: str, span: str) -> None:
    assert_finds(TitleNotHeld, text, [span], date=date)


@pytest.mark.parametrize(("date", "text", "span"), FORMER_FLAGGED, ids=[s for _d, _t, s in FORMER_FLAGGED])
def test_former_title_sitting_is_found(date: str, text: str, span: str) -> None:
    assert_finds(FormerTitleSitting, text, [span], date=date)


@pytest.mark.parametrize(("date", "text"), SILENT, ids=[t[:50] for _d, t in SILENT])
@pytest.mark.parametrize("rule", [TitleNotHeld, FormerTitleSitting, ElectTitle], ids=lambda r: r.code)
def test_silent(rule: type, date: str, text: str) -> None:
    assert_clean(rule, text, date=date)


def test_a_past_time_cue_in_the_mentions_own_sentence_still_silences() -> None:
    text = "Markets were calm. At the time, Secretary of State Hillary Clinton said Washington stood ready to help."
    assert_clean(TitleNotHeld, text, date="2016-07-16")


def test_the_sentence_after_a_mention_does_not_silence_it() -> None:
    text = "Secretary of State Hillary Clinton said Washington stood ready. At the time, markets were calm."
    assert_finds(TitleNotHeld, text, ["Secretary of State Hillary Clinton"], date="2016-07-16")


def test_elect_title_after_a_sentence_with_a_hypothetical() -> None:
    text = "Analysts asked if the dollar would hold. President-elect Donald Trump met Japan's prime minister in New York."
    assert_finds(ElectTitle, text, ["President-elect Donald Trump"], date="2017-03-01")


SENTENCE_OPENING = [
    ("2009-03-01", "The talks were held in Berlin. Chancellor Gerhard Schroeder said on Monday they had gone well.", "Chancellor Gerhard Schroeder"),
    ("2019-02-01", "The delegates met first. President Barack Obama then addressed the conference.", "President Barack Obama"),
    ("2001-06-01", "The Kremlin confirmed the visit to Kyiv. President Boris Yeltsin will arrive on Tuesday.", "President Boris Yeltsin"),
]


@pytest.mark.parametrize(("date", "text", "span"), SENTENCE_OPENING, ids=[s for _d, _t, s in SENTENCE_OPENING])
def test_a_title_opening_a_sentence_is_read_on_its_own(date: str, text: str, span: str) -> None:
    assert_finds(TitleNotHeld, text, [span], date=date)


def test_a_title_after_an_abbreviation_is_still_read_with_it() -> None:
    assert_clean(TitleNotHeld, "The memo was sent to Mr. President Obama.", date="2019-02-01")
    assert_finds(TitleNotHeld, "He met the U.S. President Barack Obama.", ["U.S. President Barack Obama"], date="2019-02-01")


PARTY_LEADER_FLAGGED = [
    ("1997-05-02", "Liberal Democrat leader Charles Kennedy said devolution would come first.", "Liberal Democrat leader Charles Kennedy"),
    ("2016-06-01", "Liberal Democrat leader Vince Cable campaigned for Remain.", "Liberal Democrat leader Vince Cable"),
    ("2019-03-01", "Lib Dem leader Nick Clegg called for a second referendum.", "Lib Dem leader Nick Clegg"),
]

PARTY_LEADER_SILENT = [
    ("2005-06-01", "Former Liberal Democrat leader Paddy Ashdown returned from Bosnia."),
    ("2010-06-01", "Scottish Liberal Democrat leader Tavish Scott met Nick Clegg."),
    ("2010-06-01", "Deputy Liberal Democrat leader Vince Cable spoke in Twickenham."),
    ("2007-11-01", "Acting Liberal Democrat leader Vince Cable mocked Gordon Brown."),
    ("2024-07-05", "Liberal Democrat leader Sir Ed Davey celebrated winning 72 seats."),
    ("2025-06-02", "President Kennedy was assassinated in 1963."),
]


@pytest.mark.parametrize(("date", "text", "span"), PARTY_LEADER_FLAGGED, ids=[s for _d, _t, s in PARTY_LEADER_FLAGGED])
def test_party_leader_not_leading_on_the_date(date: str, text: str, span: str) -> None:
    assert_finds(TitleNotHeld, text, [span], date=date)


@pytest.mark.parametrize(("date", "text"), PARTY_LEADER_SILENT, ids=[t[:50] for _d, t in PARTY_LEADER_SILENT])
@pytest.mark.parametrize("rule", [TitleNotHeld, FormerTitleSitting], ids=lambda r: r.code)
def test_party_leader_silent(rule: type, date: str, text: str) -> None:
    assert_clean(rule, text, date=date)


def test_former_party_leader_who_still_leads() -> None:
    text = "Former Lib Dem leader Nick Clegg spoke in Sheffield."
    assert_finds(FormerTitleSitting, text, ["Former Lib Dem leader Nick Clegg"], date="2012-06-01")


def test_a_year_earlier_in_the_paragraph_sets_the_narrative_time() -> None:
    text = "In 2019, Johnson won a landslide. Prime Minister Boris Johnson promised to get Brexit done."
    assert_clean(TitleNotHeld, text, date="2025-06-02")
    text = "In 2023, Trump was indicted in New York. Former President Donald Trump pleaded not guilty."
    assert_clean(FormerTitleSitting, text, date="2025-06-02")


def test_a_year_in_another_paragraph_or_a_later_year_does_not() -> None:
    text = "In 2019, Johnson won a landslide.\n\nPrime Minister Boris Johnson said on Monday that talks would continue."
    assert_finds(TitleNotHeld, text, ["Prime Minister Boris Johnson"], date="2025-06-02")
    text = "Tariffs will rise in 2030. Former President Donald Trump said on Monday he would not back down."
    assert_finds(FormerTitleSitting, text, ["Former President Donald Trump"], date="2025-06-02")


def test_election_talk_excuses_a_title_given_early_not_one_given_late() -> None:
    # Trump took office again in 2025: in 2024, talk of the race may look ahead to it.
    assert_clean(TitleNotHeld, "Supporters said President Trump would win the race in November.", date="2024-06-01")
    # Obama's terms were all over by 2019: election talk does not make the title current.
    text = "U.S. President Barack Obama called on all parties to support the democratically elected government."
    assert_finds(TitleNotHeld, text, ["U.S. President Barack Obama"], date="2019-07-16")
    text = "Acting President Oleksandr Turchynov leads the government until a presidential election on May 25."
    assert_finds(TitleNotHeld, text, ["Acting President Oleksandr Turchynov"], date="2017-03-18")


def test_election_talk_after_the_base_ends_stays_silent() -> None:
    # After the base's as_of date a comeback is unknown, not disproved.
    text = "Prime Minister Boris Johnson launched his comeback bid."
    assert_clean(TitleNotHeld, text, date="2031-01-01")
    assert_finds(TitleNotHeld, text, ["Prime Minister Boris Johnson"], date="2025-06-01")
