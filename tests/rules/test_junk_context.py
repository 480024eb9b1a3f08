"""The junk family's shared analysis: the context model, the regions, the widget data, JNK007's evidence."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from linter import Document
from linter.engine import check_document
from rules.junk import widgets
from rules.junk.context import context
from rules.junk.phrases import phrase_table
from rules.junk.recurring_line import RecurringLine, evidence, site_of
from rules.junk.regions import furniture_regions, page_evidence
from rules.junk.stopwords import detect_language, detect_languages, languages, stopwords

ARTICLE = (
    "Russian and Ukrainian negotiators met in Istanbul on Monday for the first direct talks in three years, "
    "and they agreed to exchange prisoners.\n"
    "The meeting lasted less than two hours, according to a Turkish official who was in the room at the time.\n"
    "Both sides said that they would meet again, but no date was set for the next round of the talks.\n"
)
PAGE = "Home\nNews\nSport\nWeather\nTalks end in Istanbul\nBy Jane Carter\n" + ARTICLE + "Leave a Reply\nPrivacy Policy\nContact Us\nSite Map\n"


def lines_of(document: Document, indices: range) -> list[str]:
    model = context(document)
    return [document.text[line.start : line.end] for line in model.lines[indices.start : indices.stop]]


def test_the_core_is_the_prose_and_the_header_is_title_and_byline() -> None:
    document = Document(text=PAGE, path="page.txt")
    model = context(document)
    core = lines_of(document, range(model.core_start, model.core_end))
    header = lines_of(document, range(model.header_start, model.core_start))
    assert core == ARTICLE.splitlines()
    assert header == ["Talks end in Istanbul", "By Jane Carter"]
    assert model.languages == ("English",)


def test_language_is_told_by_stop_words() -> None:
    assert detect_language("die Verhandlungen in Istanbul und der Austausch von Gefangenen mit den".split()) == "German"
    assert detect_language("les négociations ont eu lieu à Istanbul et les deux pays sont".split()) == "French"
    assert detect_language("el perro está en la casa y no quiere que se vaya por la".split()) == "Spanish"
    assert detect_language("il cane è nella casa e non vuole che sia per la".split()) == "Italian"
    assert detect_language("o cão está na casa e não quer que seja para o".split()) == "Portuguese"
    assert detect_language([]) == "English"
    assert len(languages()) > 50 and "the" in stopwords("English")
    english = "the talks were held on monday and they said that the war would end when the army left"
    spanish = "los delegados dijeron que la guerra no se termina hasta que el ejército se vaya y que las conversaciones siguen"
    mixed = (english + " " + spanish).split()
    assert set(detect_languages(mixed)) == {"English", "Spanish"}


def test_regions_need_a_page_around_them() -> None:
    page = Document(text=PAGE, path="page.txt")
    assert page_evidence(page) is not None
    kinds = [(region.kind, len(region.lines)) for region in furniture_regions(page)]
    assert kinds == [("menu", 4), ("menu", 4)]
    clean = Document(text=ARTICLE + "Arsenal v Stoke\nDerby v Wigan\nHull v Colchester\n", path="clean.txt")
    assert page_evidence(clean) is None and furniture_regions(clean) == []


def test_a_headline_between_two_list_entries_joins_their_region() -> None:
    """A sentence-case headline between "Watch" labels is one more entry; a sentence there is not."""
    tail = "Watch\nChurch refuses to wed black couple\nWatch\nSite Map\n"
    page = Document(text=PAGE + tail, path="page.txt")
    last = furniture_regions(page)[-1]
    assert [page.text[line.start : line.end] for line in last.lines][-4:] == tail.splitlines()
    sentence = "Watch\nThe church said it would not wed them.\nWatch\nSite Map\n"
    page = Document(text=PAGE + sentence, path="page.txt")
    assert "The church said it would not wed them." not in [
        page.text[line.start : line.end] for region in furniture_regions(page) for line in region.lines
    ]


def test_widget_rows_are_well_formed() -> None:
    kinds = phrase_table().kinds
    rows = [raw.split("\t") for raw in (widgets.DATA / "widget_lines.tsv").read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if row[0] and not row[0].startswith("#")]
    assert len({row[2] for row in rows}) == len(rows), "duplicate patterns"
    for kind, language, pattern in rows:
        assert kind in kinds and re.fullmatch(r"[a-z]{2}", language), (kind, language)
        assert re.compile(pattern).groups == 0, pattern
    assert len(widgets.widget_patterns().kinds) == len(rows)


def test_recurring_line_names_its_sites() -> None:
    rule = RecurringLine({"min_documents": 3})
    footer = "Sign up for our Morning Briefing newsletter"
    facts: dict[str, list] = {}
    for index, site in enumerate(["https://www.example.com/a", "https://example.com/b", "https://news.example.org/c"]):
        document = Document(text=f"Story {index} about the talks.\n{footer}\n", path="c.jsonl", record=index, metadata={"url": site})
        for _code, key, value in check_document([rule], document).facts:
            facts.setdefault(key, []).append(value)
    messages = {finding.message for key, values in facts.items() for finding in rule.reduce(key, values)}
    evidence_given = "line recurs in 3 documents from 2 sites (example.com 2, news.example.org 1): site boilerplate"
    assert [message.split(" (confidence ")[0] for message in messages] == [evidence_given]


def test_site_of_reads_site_fields_and_urls() -> None:
    assert site_of(Document(text="", path="x", metadata={"domain": "Example.com"})) == "example.com"
    assert site_of(Document(text="", path="x", metadata={"url": "not a url"})) is None
    assert evidence(6, Counter()) == "line recurs in 6 documents (site boilerplate)"


def test_junk_data_files_are_utf8_text() -> None:
    for path in Path(widgets.DATA).glob("*.t*"):
        path.read_text(encoding="utf-8")
