"""NUM rules: the figure normaliser, clean wire copy, and the corpus phase."""

from __future__ import annotations

import pytest
import regex

from linter import Document
from linter.testing import assert_clean, assert_finds, lint
from rules.numeric.age_birth_year import AgeBirthYearMismatch
from rules.numeric.corpus_disagreement import CorpusFigureDisagreement
from rules.numeric import figures as figures_module
from rules.numeric.figures import analyse, parse_number, parse_spelled
from rules.numeric.compare import slip_strength
from rules.numeric.inconsistent_figure import InconsistentFigure
from rules.numeric.analysis import NumericAnalysis
from rules.numeric.margin_mismatch import MarginMismatch
from rules.numeric.parts_and_totals import PartsDoNotAddUp as PartsExceedWhole
from rules.numeric.weekday_mismatch import WeekdayMismatch

ALL_DOCUMENT_RULES = [InconsistentFigure, WeekdayMismatch, PartsExceedWhole, MarginMismatch, AgeBirthYearMismatch]


# -- the normaliser ------------------------------------------------------------------


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


def figures(text: str):
    document = Document(text=text, path="<t>")
    return [(text[f.start : f.phrase_end], f) for f in analyse(document).figures]


def test_qualifiers_make_intervals() -> None:
    (span, figure), = figures("At least 1,000 prisoners were freed.")
    assert span == "At least 1,000 prisoners"
    assert (figure.low, figure.high, figure.noun) == (1000, None, "prisoner")
    (_, nearly), = figures("Kyiv demanded the return of nearly 400 children.")
    assert nearly.low < 400 and nearly.high == 400


def test_ranges_and_per_side_figures() -> None:
    (span, between), = figures("Soldiers between 18 and 25 years old.")
    assert (between.low, between.high, between.noun) == (18, 25, "year")
    (_, spelled_range), = figures("A pause of two to three days was proposed.")
    assert (spelled_range.low, spelled_range.high, spelled_range.noun) == (2, 3, "day")
    (_, swap), = figures("A 6,000 to 6,000 prisoner exchange was agreed.")
    assert swap.per_side and swap.value == 6000 and swap.event == "exchange"
    (_, each), = figures("They agreed to exchange 1,000 prisoners of war each.")
    assert each.per_side and each.noun == "prisoner"
    (_, for_form), = figures("A 390-for-390 swap took place.")
    assert for_form.per_side and for_form.value == 390


def test_counted_noun_skips_modifiers_and_possessives() -> None:
    (span, figure), = figures("They discussed the exchange of 6, 000 combatants’ prisoners of war.")
    assert span == "6, 000 combatants’ prisoners of war"
    assert figure.noun == "prisoner"
    (_, warplanes), = figures("Drones destroyed more than 40 Russian warplanes.")
    assert warplanes.modifiers == ("Russian",) and warplanes.noun == "aircraft"


@pytest.mark.parametrize(
    "text",
    [
        "Talks resumed on May 16 in Istanbul.",
        "The F-16 and the Su-34 were shown, under Article 5 of the treaty.",
        "Moscow's 2022 invasion began at 10:30 local time.",
        "Several hundred children were deported.",
    ],
)
def test_things_that_are_not_counts(text: str) -> None:
    assert figures(text) == []


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
@pytest.mark.parametrize("junk", ["", "\x00\x01\ufffd" * 50, "1" * 5000, "9, 000 to " * 300, "Monday, " * 200, "\ud800 5 K\u212a people\udfff, a\u00a0dozen İ ſ " * 40])
def test_bad_input_never_raises(rule, junk: str) -> None:
    lint(rule, junk, date="2025-06-02")


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


# -- the fast paths find what the plain searches find ----------------------------------------

FAST_PATH_TEXTS = [
    *CLEAN_ARTICLES,
    "Half a dozen soldiers and a couple of officers were freed; a hundred more, about a thousand in all, wait.",
    "A Dozen Prisoners were Released In May, up from NINE. At least 1,000 prisoners each were exchanged.",
    "Officials said\u00a0the 872 deaths, more than  1,000 people, were recorded.\nIn May 12 people died.",
    "x-half a dozen, behalf a million, moreover 5 people, bathe 7 children, the\u00a0 40 bodies of war.",
    "The death toll of 35 rose to 872 deaths; 1,000 prisoners were handed over for 1,000 others.",
]


@pytest.mark.parametrize("text", FAST_PATH_TEXTS)
def test_fast_path_matches_the_slow_path(text: str) -> None:
    """A Kelvin sign (which IGNORECASE reads as "k") turns the key-word shortcuts off: same figures."""
    slow = Document(text=text + "\n\u212a", path="<t>")
    fast = Document(text=text, path="<t>")
    assert figures_module.KeyWords(slow.text, figures_module.ascii_lower(slow.text)).complete is False
    assert analyse(fast).figures == analyse(slow).figures
    assert analyse(fast).figures  # the texts do hold figures


@pytest.mark.parametrize("text", FAST_PATH_TEXTS)
def test_anchors_keep_every_place_a_figure_starts(text: str) -> None:
    lowered = figures_module.ascii_lower(text)
    anchors = figures_module._anchors(lowered, figures_module.KeyWords(text, lowered))
    every = [m.start() for m in figures_module.anchor_pattern().finditer(lowered)]
    pattern = figures_module.figure_pattern()
    assert set(anchors) <= set(every)
    assert [a for a in every if pattern.match(text, a)] == [a for a in anchors if pattern.match(text, a)]


def test_ascii_lower_keeps_offsets() -> None:
    text = "İstanbul ÉTÉ Ünal \ud800 K ſ ABC"
    lowered = figures_module.ascii_lower(text)
    assert len(lowered) == len(text)
    assert lowered == "".join(c.lower() if c.isascii() else c for c in text)
    assert figures_module.ascii_lower("ABC Def 12") == "abc def 12"


def test_letters_that_ignorecase_folds_to_ascii_are_all_known() -> None:
    ascii_letter = regex.compile(r"(?i)[a-z]")
    folding = {chr(c) for c in range(0x80, 0x110000) if ascii_letter.match(chr(c))}
    assert folding == set(figures_module.FOLDS_TO_ASCII)


def test_key_word_lists_are_lower_case_ascii() -> None:
    """Key words are looked up in the ASCII-lowered text, literally."""
    for name, word_list in figures_module.keyword_lists().items():
        for phrase in word_list.phrases:
            assert phrase.isascii() and phrase == phrase.lower(), (name, phrase)
    assert all(len(phrase.split()) >= 2 for phrase in figures_module.numbers()["phrases"])


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
