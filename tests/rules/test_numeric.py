"""NUM rules: the figure normaliser, clean wire copy, and the corpus phase."""

from __future__ import annotations

import datetime as dt

import pytest

from linter import Document
from linter.document import DocumentDate
from linter.testing import assert_clean, assert_finds, lint
from rules.numeric.age_birth_year import AgeBirthYearMismatch
from rules.numeric.corpus_disagreement import CorpusFigureDisagreement
from rules.numeric.compare import slip_strength
from rules.numeric.inconsistent_figure import InconsistentFigure
from rules.numeric.analysis import NumericAnalysis
from rules.numeric.margin_mismatch import MarginMismatch
from rules.numeric.parts_and_totals import PartsDoNotAddUp as PartsExceedWhole
from rules.numeric.weekday_mismatch import WeekdayMismatch

ALL_DOCUMENT_RULES = [InconsistentFigure, WeekdayMismatch, PartsExceedWhole, MarginMismatch, AgeBirthYearMismatch]


def _mention(text: str):
    (mention,) = NumericAnalysis(text, None).mentions
    return mention


@pytest.mark.parametrize(
    ("a", "b", "strength"),
    [
        ("827 deaths", "872 deaths", 2),  # digits swapped
        ("3,412 homes", "3,512 homes", 2),  # one of four significant digits
        ("£2.4bn", "£4.2 billion", 2),  # swapped, written another way
        ("14 goals", "12 goals", 1),  # one of two: often a different figure
        ("40,000 sites", "30,000 sites", 0),  # round figures: no slip
        ("1,000 people", "42,000 people", 0),
        ("5 people", "5 people", 0),
    ],
)
def test_slip_strength(a: str, b: str, strength: int) -> None:
    assert slip_strength(_mention(a), _mention(b)) == strength


# -- clean copy must stay clean -------------------------------------------------------

CLEAN_ARTICLES = [
    # wire copy full of different numbers for different things
    """ISTANBUL (Reuters) - Russia and Ukraine agreed on Monday to exchange all severely wounded prisoners
and those aged between 18 and 25, and to return 6,000 bodies of soldiers each, after talks that lasted
just over an hour. Ukraine's Defence Minister Rustem Umerov said the swap would involve at least 1,000
prisoners on each side, more than the 1,000 for 1,000 exchange agreed at talks on May 16.
Kremlin spokesman Dmitry Peskov said on Monday, June 2, that the memorandum would be studied.
Ukraine said on Sunday it had hit 41 Russian warplanes at four air bases; Russia said it had shot down 162 drones.
An attack on a bus in the Sumy region killed nine people and injured seven, the regional governor said.
The 27-nation European Union, led by Ursula von der Leyen, is preparing its 18th package of sanctions.""",
    """WASHINGTON (AP) - The Senate passed the bill 62-38, a 24-vote margin, on Thursday. In a poll taken
last week, 52% were in favour, 41% against and 7% undecided. The $3.2bn measure funds 1,200 new teachers,
including 400 in rural districts and 300 in special education. Sen. Jane Smith, 54, born in 1970, voted
for it. The 1,200 teachers will be hired by Friday, May 30, 2025. The previous bill, passed in 2019,
funded 900 teachers; the figure rose to 1,100 after revisions. Unemployment fell 0.3 percentage points
to 4.1%, compared with 4.4% a year earlier.""",
    """PARIS (AFP) - French President Emmanuel Macron met Charles de Gaulle's grandson on Tuesday. About 3,000
police were deployed; organisers said 12,000 people marched, while police counted 9,500 people.
The 45-year-old mayor said some 300 buses were cancelled. Prices rose 2.5% in May after 2.1% in April.
A third of the 577 seats went to the left. The 577-seat Assemblée nationale meets on Wednesday.""",
]


@pytest.mark.parametrize("rule", ALL_DOCUMENT_RULES, ids=lambda r: r.code)
@pytest.mark.parametrize("article", CLEAN_ARTICLES, ids=["istanbul", "senate", "paris"])
def test_clean_wire_copy(rule, article: str) -> None:
    assert_clean(rule, article, date="2025-06-02")


@pytest.mark.parametrize("rule", ALL_DOCUMENT_RULES, ids=lambda r: r.code)
@pytest.mark.parametrize("junk", ["", "\x00\x01\ufffd" * 50, "1" * 5000, "9, 000 to " * 300, "Monday, " * 200, "\ud800 5 K\u212a people\udfff, a\u00a0dozen İ ſ " * 40, "Smith scored 12 points in the first half. Jones scored 0 points. "])
def test_bad_input_never_raises(rule, junk: str) -> None:
    lint(rule, junk, date="2025-06-02")


def test_a_zero_after_other_figures_of_its_kind_is_compared_not_divided_by() -> None:
    assert_clean(InconsistentFigure, "Smith scored 12 points in the first half. Jones scored 0 points.")


CRAWLED_COMMENTS = "by ann writes: on Monday July 23, @10:41PM\nby bob writes: on Tuesday July 24, @02:01PM\nby cy writes: on Tuesday July 24, @03:12PM\n"


def test_year_less_weekdays_that_all_fit_another_year_blame_the_documents_date() -> None:
    """July 23 and 24 fall on a Monday and a Tuesday in 2012, not in 2010: the date is a crawl date."""
    assert_clean(WeekdayMismatch, CRAWLED_COMMENTS, date="2010-01-01")
    assert_finds(WeekdayMismatch, "by ann writes: on Monday July 23, @10:41PM", ["Monday July 23"], date="2010-01-01")


def test_year_less_weekdays_are_read_by_the_pages_own_date_when_the_record_disagrees() -> None:
    text = "Last Updated: Monday, 26 November 2007\n\nThe summit opens on Saturday, December 1, in Lisbon."
    crawled = Document(text=text, path="page.txt", date=DocumentDate(dt.date(2012, 1, 1), "day", "record field 'date'"))
    assert list(WeekdayMismatch().check(crawled)) == []
    assert_finds(WeekdayMismatch, text, ["Saturday, December 1"], date="2012-01-01")  # a date the user gave is kept


def test_inconsistent_figure_points_at_the_earlier_one() -> None:
    text = "Officials counted 827 deaths on Monday. Rescuers kept digging. The 872 deaths make it the worst flood."
    (finding,) = assert_finds(InconsistentFigure, text, ["872 deaths"])
    assert text[finding.related[0].start : finding.related[0].end] == "827 deaths"


# -- the corpus phase -------------------------------------------------------------------

AGREEING = [
    "Russia and Ukraine agreed in Istanbul to exchange 1,000 prisoners of war each, Ukraine said. Russia and Ukraine will meet again.",
    "Kyiv and Moscow agreed to swap 1,000 POWs each after the Istanbul talks, Russia said. Russia and Ukraine may meet again in Istanbul, Ukraine said.",
    "Ukraine and Russia agreed in Istanbul to a prisoner exchange of 1,000 for 1,000. Russia wants talks; Ukraine wants a truce.",
]
DISSENTER = "In Istanbul, Russia and Ukraine reached a 6,000 to 6,000 prisoner exchange agreement. Ukraine and Russia will meet again."


def test_corpus_flags_the_dissenter_with_the_majority_as_related() -> None:
    findings = lint(CorpusFigureDisagreement, [*AGREEING, DISSENTER], date="2025-05-17")
    assert [f.path for f in findings] == ["doc3.txt"]
    assert sorted(r.path for r in findings[0].related) == ["doc0.txt", "doc1.txt", "doc2.txt"]


def test_corpus_copies_and_one_source_count_once() -> None:
    texts = [AGREEING[0], AGREEING[0], AGREEING[0], DISSENTER]
    assert lint(CorpusFigureDisagreement, texts, date="2025-05-17") == []
    paths = ["wire.jsonl", "wire.jsonl", "wire.jsonl", "other.txt"]
    assert lint(CorpusFigureDisagreement, [*AGREEING, DISSENTER], date="2025-05-17", paths=paths) == []


def test_corpus_needs_shared_names_and_close_dates() -> None:
    other_story = "In Gaza, Israel and Hamas reached a 6,000 to 6,000 prisoner exchange agreement. Israel and Hamas met in Cairo."
    assert lint(CorpusFigureDisagreement, [*AGREEING, other_story], date="2025-05-17") == []
    assert lint(CorpusFigureDisagreement, [*AGREEING, DISSENTER]) == []  # undated


def test_corpus_different_events_do_not_meet() -> None:
    killed = "In Istanbul, Russia and Ukraine said 6,000 people were killed. Russia and Ukraine will meet again."
    assert lint(CorpusFigureDisagreement, [*AGREEING, killed], date="2025-05-17") == []


def test_corpus_majority_option() -> None:
    texts = [*AGREEING[:2], DISSENTER]
    assert lint(CorpusFigureDisagreement, texts, date="2025-05-17") == []
    found = lint(CorpusFigureDisagreement, texts, date="2025-05-17", options={"min_agreeing": 2})
    assert [f.path for f in found] == ["doc2.txt"]


# -- the weekday shortcut finds what the plain search finds -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The talks opened on Monday, May 16, 2025, and resumed on TUESDAY (June 3). Friday 16 May was quiet.",
        "Saturday, the 1st of June, then Friday June 5; Mondays, May 12 and tuesday, 30 April 2025.",
    ],
)
def test_weekday_fast_path_matches_the_slow_path(text: str) -> None:
    """A Kelvin sign turns the weekday-name shortcut off: the same findings either way."""
    fast = lint(WeekdayMismatch, text, date="2025-06-02")
    slow = lint(WeekdayMismatch, text + "\n\u212a", date="2025-06-02")
    assert fast and [(f.start, f.end, f.message) for f in fast] == [(f.start, f.end, f.message) for f in slow]


def test_a_clock_time_on_the_next_line_is_no_year_of_a_date() -> None:
    """"Tuesday, 1 March" then "1945 GMT" below it: neither the weekday rule nor the document's
    date reads 1945 as the year of the date."""
    from linter.dates import date_from_text

    text = "Brentford v Southampton\n\nTuesday, 1 March\n\n1945 GMT\n\nGriffin Park"
    assert date_from_text(Document(text=text, path="<t>")) is None
    assert lint(WeekdayMismatch, text) == []
