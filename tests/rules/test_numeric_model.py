"""The quantity model: what a mention says about the figure it reads, and how two compare."""

from __future__ import annotations

import pytest

from rules.numeric.analysis import NumericAnalysis
from rules.numeric.compare import compatible, same_quantity
from rules.numeric.lexicon import ascii_lower
from rules.numeric.numbers import parse_number, parse_spelled


def mentions(text: str, year: int | None = 2024) -> list:
    return NumericAnalysis(text, year).mentions


def one(text: str, year: int | None = 2024):
    (mention,) = [m for m in mentions(text, year) if m.unit not in ("year", "clock")]
    return mention


# -- numbers as written ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("six thousand", 6000),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two dozen", 24),
        ("one hundred and twenty", 120),
        ("three million", 3_000_000),
        ("six thousand four hundred", 6400),
    ],
)
def test_spelled_numbers(text: str, value: float) -> None:
    assert parse_spelled(text) == value


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [("6,000", 6000, ""), ("6, 000", 6000, ""), ("$3.2bn", 3.2e9, "$"), ("1.5 million", 1.5e6, ""), ("12k", 12000, ""), ("£27bn", 27e9, "£")],
)
def test_digit_numbers(text: str, value: float, currency: str) -> None:
    parsed = parse_number(text)
    assert parsed is not None
    assert parsed[0] == pytest.approx(value)
    assert parsed[1] == currency


def test_ascii_lower_keeps_offsets() -> None:
    text = "İstanbul ÉTÉ Ünal \ud800 K ſ ABC"
    lowered = ascii_lower(text)
    assert len(lowered) == len(text)
    assert lowered == "".join(c.lower() if c.isascii() else c for c in text)


# -- what a mention reads --------------------------------------------------------------------


def test_value_unit_and_counted_thing() -> None:
    homes = one("At least 3,412 homes were destroyed.")
    assert (homes.low, homes.high, homes.unit, homes.counted, homes.qualified) == (3412, None, "count", "home", True)
    package = one("The £27bn package was unveiled.")
    assert (package.value, package.unit, package.currency, package.counted, package.definite) == (27e9, "money", "£", "package", True)
    euros = one("It gave the wine industry 70m euros in aid.")
    assert (euros.value, euros.unit, euros.currency) == (70e6, "money", "€")


def test_the_dead_and_the_injured_are_counts_however_written() -> None:
    for text in ("116 people were killed.", "The blast killed 116 people.", "The death toll rose to 116.", "Rescuers found the bodies of 116 people."):
        assert one(text).counted == "death", text
    assert one("Some 315 people were taken to hospital.").counted == "injury"


def test_participles_restate_rather_than_distinguish() -> None:
    assert one("3,412 homes were destroyed.").modifiers == one("the 3,142 destroyed homes").modifiers == ()
    assert one("1,000 Ukrainian prisoners").modifiers == ("ukrainian",)


def test_percentages_carry_their_base() -> None:
    assert one("84% of net users said so.").base == "net user"
    assert one("Turnout was 64%.").base == "turnout"


def test_entity_before_and_after_the_figure() -> None:
    union, tories = [m for m in mentions("The Liberal Union won 356 seats, against 198 for the Conservatives.") if m.unit == "count"]
    assert union.entity == "liberal union" and tories.entity == "conservatives"
    assert one("Jonas Varga said the 410,000 cars would be fixed.").entity is None  # a speaker owns no figure


def test_time_of_a_sentence() -> None:
    assert one("At the last election the party won 119 seats.").time == "other"
    assert one("In 2019 the party won 119 seats.", 2024).time == "2019"
    assert one("The party has won 119 seats since 2019.", 2024).time is None
    assert one("The toll later climbed to 161.").update


def test_ranges_scores_pairs_and_per_side_figures() -> None:
    between = one("Soldiers between 18 and 25 years old.")
    assert (between.low, between.high, between.is_range) == (18, 25, True)
    score = one("United beat City 3-1 on Sunday.")
    assert (score.unit, score.value, score.second) == ("score", 3, 1)
    tally = mentions("MPs approved the bill by 336 votes to 212.")[0]
    assert (tally.counted, tally.second, tally.connector) == ("vote", 212, "to")
    swap = one("A 6,000 to 6,000 prisoner exchange was agreed.")
    assert swap.per_side and swap.counted == "prisoner"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The 1500m final was won in style.", "metres"),
        ("Results came at 2000 GMT.", "clock"),
        ("He scored in the 87th minute.", "ordinal"),
        ("The bill was first tabled in 1998.", "year"),
    ],
)
def test_figures_that_are_no_counts(text: str, unit: str) -> None:
    assert [m.unit for m in mentions(text)] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed on May 16 in Istanbul.",
        "The F-16 and the Su-34 were shown, under Article 5 of the treaty.",
        "Several hundred children were deported.",
        "The band had eight top three hits.",
        "Wales won the Six Nations title.",
    ],
)
def test_things_that_are_not_counted(text: str) -> None:
    assert [m for m in mentions(text) if m.counted is not None and m.value in (16, 5, 3, 6)] == []


# -- comparing two mentions ------------------------------------------------------------------


def test_same_quantity_asks_thing_entity_and_time() -> None:
    first = one("Labour won 356 seats.")
    assert same_quantity(first, one("Labour won 365 seats."))
    assert not same_quantity(one("The Greens' Ann Holt won 56 seats."), one("The Liberals' Tom Lund won 65 seats."))
    assert not same_quantity(first, one("In the previous parliament, Labour held 365 seats."))
    assert not same_quantity(one("84% of net users"), one("84% of searchers"))


def test_compatible_allows_bounds_rounding_and_per_side() -> None:
    assert compatible(one("At least 1,000 prisoners"), one("the 1,200 prisoners"))
    assert compatible(one("1,000 prisoners"), one("1,012 prisoners"))
    assert not compatible(one("45,000 jobs"), one("46,000 jobs"))
    assert compatible(one("1,000 prisoners each"), one("2,000 prisoners"))


def test_rounding_follows_the_precision_a_figure_is_written_to() -> None:
    assert compatible(one("1.5 million voters"), one("1,486,000 voters"))
    assert compatible(one("£2.4bn"), one("£2.43bn"))
    assert not compatible(one("410,000 households"), one("401,000 households"))  # a slip, not a rounding
    assert not compatible(one("10 countries"), one("11 countries"))  # small counts are not rounded
    assert not compatible(one("300 homes"), one("200 homes"))


def test_a_count_after_a_name_or_an_agent_is_still_a_count() -> None:
    (share, whole) = [m for m in mentions("Official results gave the Reform Party 168 of the 349 seats.") if m.unit == "count"]
    assert (share.value, share.partitive, whole.value) == (168, True, 349)
    assert one("The petition was backed by 1,200 teachers.").counted == "teacher"
    assert one("The bill passed, but only by 12 votes.").counted == "vote margin"
    assert one("Membership increased by 120 members.").counted == "member margin"


def test_more_ways_of_writing_a_count() -> None:
    assert one("The deal, worth £4.2bn, was welcomed.").counted == "deal"
    assert one("Of the 125 who voted yes, most were Labour MPs.").counted == "vote"
    toll = one("The death toll from the ferry disaster near Tartu, Namibia, stands at 634, officials said.")
    assert toll.counted == "death"
    assert one("That £4.2bn figure surprised the City.").definite
    assert not one("The study found that 16% of visitors came by car.").definite
    seats = [m for m in mentions("With 80 seats, the Liberal Union falls short.") if m.unit == "count"][0]
    assert seats.entity == "liberal union"
    later = [m for m in mentions("Counting ended.\n\nWith 86 seats, the Centre Party will lead the talks.") if m.unit == "count"][0]
    assert later.entity == "centre party"
    assert one("All 30 starts were abroad.").definite
    assert not one("He has not scored at all 3 clubs.").definite
    assert one("It finished 3-2, and the fans stayed late.").unit == "score"


@pytest.mark.parametrize(
    ("text", "low", "high", "qualified"),
    [
        ("At least 3,412 homes were destroyed.", 3412, None, True),
        ("They found more  than 40 bodies.", 40, None, True),
        ("The fire destroyed at least 12 homes, more than 40 cars.", 40, None, True),
        ("At least we know 40 homes were destroyed.", 40, 40, False),
        ("Prices rose from about 40 pounds.", 30, 50, True),
    ],
)
def test_a_qualifier_belongs_to_the_figure_it_ends_at(text: str, low: float, high: float | None, qualified: bool) -> None:
    mention = [m for m in mentions(text) if m.unit not in ("year", "clock")][-1]
    assert (mention.low, mention.high, mention.qualified) == (low, high, qualified)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Smith left. Dr. Jones stayed.", ["Mr. Smith left.", "Dr. Jones stayed."]),
        ("U.S. troops left. J. Smith stayed.", ["U.S. troops left.", "J. Smith stayed."]),
        ("It cost 5 approx. Then it rose. A.", ["It cost 5 approx. Then it rose.", "A."]),
        ("He was No. 9 then. It rained.", ["He was No. 9 then.", "It rained."]),
        ("Go. Now. Ok.", ["Go.", "Now.", "Ok."]),
    ],
)
def test_sentences_end_at_a_full_stop_but_not_after_an_abbreviation_or_initial(text: str, sentences: list[str]) -> None:
    layout = NumericAnalysis(text, 2024).layout
    assert [text[start:end] for start, end in layout.sentences] == sentences
