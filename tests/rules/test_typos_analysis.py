"""The shared typo analysis: its shortcuts give the same answers as the plain definitions."""

from __future__ import annotations

import pytest

from linter import Document
from rules.typos.language import is_foreign
from rules.typos.lowercase_sentence_start import LEADING, _some_line_starts_in_lower_case
from rules.typos.name_variant import NameSpelledTwoWays
from rules.typos.text import (
    CAPITALISED,
    LOWER_WORD,
    PROTECTED,
    Analysis,
    _overlaps,
    gazetteer_for,
    name_candidates,
)


def analysis_of(text: str) -> Analysis:
    return Analysis(Document(text=text, path="<text>"))


@pytest.mark.parametrize(
    "text",
    [
        "See https://example.com/a.b?c=d#x and www.bbc.co.uk/news, then mail john.doe@example.co.uk.",
        "The U.S. report.pdf (data.csv) was posted by @handle with #Tag at 10.30 a.m.",
        "Run `make test.py now` and `x`; also open index.html.",
        "no.spaces.anywhere.com,and@more.org;foo.bar#baz\nnext.line.net",
        "Plain prose with a full stop. And another sentence.",
        "",
    ],
)
def test_protected_spans_match_a_full_scan(text: str) -> None:
    spans = [match.span() for match in PROTECTED.finditer(text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    assert analysis_of(text).protected == merged


def test_lower_word_starts_are_whole_words_only() -> None:
    text = "the post-war order, a post office and a post."
    analysis = analysis_of(text)
    assert "post" in analysis.lower_words
    starts = analysis.lower_word_starts("post")
    assert starts == [match.start() for match in LOWER_WORD.finditer(text) if match.group() == "post"]
    assert [text[s : s + 4] for s in starts] == ["post", "post"]
    assert text.index("post-war") not in starts


def test_previous_name_needs_only_spaces_between() -> None:
    text = "Vladimir Putin met Putin's aide. Kremlin, Putin said.  Dmitry\tPeskov agreed."
    analysis = analysis_of(text)
    tokens = {token.start: token for form in analysis.capitalised_counts for token in analysis.name_tokens(form)}
    previous = {text[start : token.end]: analysis.previous_name(token) for start, token in sorted(tokens.items())}
    assert previous["Vladimir"] == ""
    assert analysis.previous_name(tokens[text.index("Putin")]) == "Vladimir"
    assert analysis.previous_name(tokens[text.index("Putin said")]) == ""  # a comma between
    assert previous["Peskov"] == "Dmitry"
    assert analysis.capitalised_counts["Putin"] == 3  # the possessive counts as the name


def test_name_candidates_keep_first_occurrence_order() -> None:
    text = "Kovalchuk met Zelenskyy. Later Kovalchuk and Zelenskyy spoke; “Medinsky” declined."
    analysis = analysis_of(text)
    candidates = name_candidates(analysis, gazetteer_for(NameSpelledTwoWays({})))
    assert list(candidates)[:1] == ["Kovalchuk"]
    assert candidates["Kovalchuk"].start == 0
    assert "Medinsky" not in candidates  # only found inside a short quotation


@pytest.mark.parametrize(
    ("spans", "start", "end", "expected"),
    [
        ([], 0, 5, False),
        ([(2, 4)], 0, 2, False),
        ([(2, 4)], 0, 3, True),
        ([(2, 4)], 3, 6, True),
        ([(2, 4)], 4, 6, False),
        ([(2, 4), (10, 12)], 5, 11, True),
        ([(2, 4), (10, 12)], 5, 10, False),
    ],
)
def test_overlaps(spans: list[tuple[int, int]], start: int, end: int, expected: bool) -> None:
    assert _overlaps(spans, start, end) is expected


CAPITALISED_TEXTS = [
    "Vladimir Putin met Putin's aide. Kremlin, Putin said.  Dmitry\tPeskov agreed.",
    "Rock'n'roll Smith and Ban Ki Moon met O'Neill's team; Jean-Claude Juncker's EU.",
    "Putin’s Russia. Blair's Britain, Blair’s. Don't Stop Believing, Mr Brown.",
    "no capitals at all",
    "",
    "Éric Zemmour, Łódź and Ōsaka: Zemmour's Łódź.",
]


def reference_capitalised(text: str) -> tuple[dict[str, list[int]], set[str]]:
    """Capitalised words by the plain definition: one loop over the matches, possessives dropped."""
    positions: dict[str, list[int]] = {}
    after: set[str] = set()
    previous_end = -2
    for match in CAPITALISED.finditer(text):
        form = match.group()
        form = form[:-2] if form[-2:] in ("'s", "’s") else form
        positions.setdefault(form, []).append(match.start())
        if match.start() == previous_end + 1 and text[previous_end] == " ":
            after.add(form)
        previous_end = match.end()
    return positions, after


@pytest.mark.parametrize("text", CAPITALISED_TEXTS)
def test_capitalised_words_match_the_plain_definition(text: str) -> None:
    positions, after = reference_capitalised(text)
    analysis = analysis_of(text)
    assert list(analysis.capitalised_counts.items()) == [(form, len(starts)) for form, starts in positions.items()]
    assert analysis.forms_after_capitalised == after
    for form, starts in positions.items():
        assert analysis.first_position(form) == starts[0]
        assert [token.start for token in analysis.name_tokens(form)] == starts
        assert all(token.end == token.start + len(form) for token in analysis.name_tokens(form))
    assert list(analysis.name_tokens("Absent")) == []


@pytest.mark.parametrize(
    "text",
    [
        "A headline\n\nthe paragraph lost its first word.",
        "  “quoted start\nand (bracketed",
        "All lines\nStart Upper\n\n",
        "ⅰ roman numeral line\nª ordinal",
        "",
        "\n\n\"\n(",
    ],
)
def test_lower_case_line_test_matches_the_walk_over_lines(text: str) -> None:
    document = Document(text=text, path="<text>")
    expected = any(
        line[LEADING.match(line).end() : LEADING.match(line).end() + 1].islower() for _, _, line in document.lines()
    )
    assert _some_line_starts_in_lower_case(text) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Todo depende de la forma en que se mire, dice el autor.",
        "Il serait temps de le dire, mais je vais attendre encore un peu.",
        "Nós temos tantos problemas que não sabemos por onde começar.",
        "Die Regierung will die Steuern senken, sagte der Minister am Montag.",
    ],
)
def test_lines_in_other_languages_are_foreign(line: str) -> None:
    assert is_foreign(line)


@pytest.mark.parametrize(
    "line",
    [
        "Ursula von der Leyen met U.S. officials, e.g. the envoy, at 10.30 a.m.; that that was so, he had had doubts.",
        "Hollywood to sue net film pirates",
        "Cech, Paulo Ferreira, Ricardo Carvalho, Terry, Gallas, Tiago, Makelele, Lampard, Drogba.",
        "The former mayor, then-senator Luis de la Fuente, said the fiesta was a joie de vivre moment for Madrid.",
        "The goverments of both countries agreed on new legisation last week.",
        "",
    ],
)
def test_english_lines_with_foreign_names_and_phrases_are_not_foreign(line: str) -> None:
    assert not is_foreign(line)
