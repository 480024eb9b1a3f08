"""Clean, well-edited articles must pass every junk and encoding rule; scraped ones must be cleaned."""

from __future__ import annotations

import pytest

from linter.plugin import default_host
from linter.registry import build_registry
from linter.testing import assert_clean, assert_finds, assert_fixes, lint

REGISTRY = build_registry(default_host())
RULES = [rule for code, rule in sorted(REGISTRY.rules.items()) if code.startswith(("JNK", "ENC"))]
DOCUMENT_RULES = [rule for rule in RULES if rule.enabled_by_default and not rule.is_corpus_rule()]

WIRE_REPORT = """\
ISTANBUL (Reuters) - Russian and Ukrainian negotiators met in Istanbul on Monday for their second round of direct talks in a month, agreeing to exchange more prisoners of war but making no progress towards a ceasefire.

The meeting at the Ciragan Palace lasted just over an hour, according to Turkish Foreign Minister Hakan Fidan, who said both sides had agreed to meet again.

Ukrainian Defence Minister Rustem Umerov told reporters that Kyiv would study a Russian memorandum over the coming week. "We need time to review the document," he said.

Kremlin spokesman Dmitry Peskov said the talks were "useful" but warned that a settlement would take time.

Key outcomes

- Both sides agreed to swap 1,000 prisoners of war each.
- Russia offered a two- to three-day truce in some sectors to recover bodies.
- No date was set for a meeting between the two presidents.

The committee left a reply on the table, officials said, and read more of the annex on Tuesday.

(Reporting by Jane Doe in Istanbul; additional reporting by John Smith in Kyiv; editing by Mark Heinrich)
"""

EUROPEAN_REPORT = """\
Talks at Dolmabahçe Palace

President Recep Tayyip Erdoğan welcomed the delegations to Dolmabahçe Palace, where talks resumed after a three-year pause. Ukraine's deputy foreign minister, Sergiy Kyslytsya, and Andrii Sybiha, the foreign minister, travelled from Kyiv.

European officials in Zürich and Brussels were cautious. “It's a first step — nothing more,” one diplomat said. Ursula von der Leyen said the EU would keep sanctions in place; Charles de Gaulle's old maxim about nations having no friends was quoted in Le Monde.

Markets in São Paulo and London barely moved: the euro held at €1.14 and sterling at £0.84. A naïve reading of the communiqué, one analyst said, would miss its caveats.

In Moscow, the newspaper Коммерсантъ quoted Владимир Мединский, while Greek media in Αθήνα focused on shipping. The former U.S. envoy, then-ambassador to NATO, said talks e.g. on prisoners were "the only channel that works".

Photos of the talks (© AP) were shown on Turkish television to 3.5 times the usual audience.
"""

GERMAN_REPORT = """\
Gespräche in Istanbul

Die Delegationen aus Moskau und Kiew trafen sich am Montag im Çırağan-Palast. Der türkische Außenminister Hakan Fidan sprach von einem „konstruktiven“ Treffen.

Beide Seiten vereinbarten einen Austausch von jeweils 1000 Kriegsgefangenen. Eine Waffenruhe wurde nicht beschlossen.
"""

FRENCH_REPORT = """\
Les négociations d'Istanbul

Les délégations russe et ukrainienne se sont retrouvées lundi à Istanbul. « Nous avons convenu d'un échange de prisonniers », a déclaré Roustem Oumerov\u00a0; la Russie a proposé une trêve de deux à trois jours.

Le prix du gaz a atteint 35\u00a0€ le mégawattheure, soit 10\u202f000 roubles.
"""

CLEAN_ARTICLES = [WIRE_REPORT, EUROPEAN_REPORT, GERMAN_REPORT, FRENCH_REPORT]

SCRAPED_PAGE = """\
Home » World » Talks end without ceasefire

Talks end without ceasefire in Istanbul

Select Language

Down Icon

Talks end without ceasefire in Istanbul
Russian and Ukrainian negotiators met on Monday.

READ MORE: Celebrity chef opens new restaurant in Manchester

Delegates at the palace on Monday
Delegates at the palace on Monday(Image: Reuters)

The talks lasted less than two hours &amp; ended with a prisoner deal.

Share on Facebook | Share on Twitter | Email

reuters.

You may also like

Leave a Reply
"""


@pytest.mark.parametrize("article", CLEAN_ARTICLES, ids=["wire", "european", "german", "french"])
@pytest.mark.parametrize("rule", DOCUMENT_RULES, ids=[rule.code for rule in DOCUMENT_RULES])
def test_clean_articles_have_no_findings(rule, article) -> None:
    assert_clean(rule, article)


def test_clean_articles_pass_the_document_level_info_rules() -> None:
    junk_share = REGISTRY.rules["JNK008"]
    for article in CLEAN_ARTICLES:
        assert_clean(junk_share, article)


def test_clean_articles_recur_nowhere_as_a_corpus() -> None:
    assert_clean(REGISTRY.rules["JNK007"], CLEAN_ARTICLES, options={"min_documents": 2})


def test_scraped_page_is_flagged_line_by_line() -> None:
    flagged = {
        code: [SCRAPED_PAGE[f.start : f.end] for f in lint(REGISTRY.rules[code], SCRAPED_PAGE)]
        for code in ("JNK001", "JNK002", "JNK003", "JNK004", "JNK005", "JNK006", "ENC006")
    }
    assert flagged["JNK001"] == [
        "Select Language",
        "Down Icon",
        "Share on Facebook | Share on Twitter | Email",
        "You may also like",
        "Leave a Reply",
    ]
    assert flagged["JNK002"] == ["READ MORE: Celebrity chef opens new restaurant in Manchester"]
    assert flagged["JNK003"] == ["Home » World » Talks end without ceasefire"]
    assert flagged["JNK004"] == [
        "Talks end without ceasefire in Istanbul",
        "Delegates at the palace on Monday(Image: Reuters)",
    ]
    assert flagged["JNK005"] == ["(Image: Reuters)"]
    assert flagged["JNK006"] == ["reuters."]
    assert flagged["ENC006"] == ["&amp;"]


def test_scraped_page_is_mostly_junk() -> None:
    assert_finds(REGISTRY.rules["JNK008"], SCRAPED_PAGE)


def test_safe_fixes_clean_furniture_and_leave_the_article() -> None:
    page = "Talks ended on Monday.\n\nLeave a Reply\n\nBack to top button"
    assert_fixes(REGISTRY.rules["JNK001"], page, "Talks ended on Monday.\n\n", unsafe=False)


def test_corpus_footer_is_found_in_each_document() -> None:
    footer = "Sign up for the Morning Briefing, delivered daily"
    corpus = [f"Story number {n} about the talks.\n{footer}\n" for n in range(6)]
    findings = lint(REGISTRY.rules["JNK007"], corpus)
    assert len(findings) == 6
    assert all(f.related for f in findings)
    assert {f.path for f in findings} == {f"doc{n}.txt" for n in range(6)}


def test_rules_survive_odd_input() -> None:
    odd = ["", "\n\n\n", "\x00\x01\ufffd" * 50, "»" * 1000, "a" * 100_000, "\ud800 lone surrogate", "<" * 500 + "&" * 500]
    for rule in RULES:
        for text in odd:
            lint(rule, text)
