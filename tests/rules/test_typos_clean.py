"""Clean, well-edited wire copy full of foreign names: no typo rule may fire on it."""

from __future__ import annotations

import pytest

from linter.testing import assert_clean, lint
from rules.typos.corpus_name_variant import NameSpelledDifferentlyInCorpus
from rules.typos.lowercase_proper_noun import LowercaseProperNoun
from rules.typos.lowercase_sentence_start import LowercaseSentenceStart
from rules.typos.misspelling import Misspelling
from rules.typos.missing_space import MissingSpaceAfterPunctuation
from rules.typos.name_variant import NameSpelledTwoWays
from rules.typos.repeated_word import RepeatedWord
from rules.typos.thousands_separator import BrokenThousandsSeparator

DOCUMENT_RULES = [
    Misspelling,
    MissingSpaceAfterPunctuation,
    RepeatedWord,
    LowercaseProperNoun,
    LowercaseSentenceStart,
    BrokenThousandsSeparator,
    NameSpelledTwoWays,
]

WIRE_DIPLOMACY = """\
KYIV, June 3 (Reuters) - Ukrainian Foreign Minister Andrii Sybiha said on Tuesday that talks with Russia in
Istanbul had produced "no real progress" on a ceasefire, although both sides agreed to swap 1,200 prisoners.

Kremlin spokesman Dmitry Peskov told reporters in Moscow that it was "wrong to expect immediate
decisions". Russia's delegation, led by Vladimir Medinsky, handed over a memorandum of 4.5 pages.

Serhiy Kyslytsya, Ukraine's first deputy foreign minister, said Kyiv would study the document. "We said
that that was unacceptable," he added, quoting the Ukrainian position paper (pp. 3-4).

Turkish President Tayyip Erdoğan, speaking in Ankara, said he hoped to host Volodymyr Zelenskyy,
Vladimir Putin and U.S. President Donald Trump. European Commission President Ursula von der Leyen
said the EU would prepare a 17th package of sanctions, e.g. on shadow-fleet tankers.

The talks at the Çırağan Palace on the Bosphorus began at 10.30 a.m. and lasted about an hour.
Details are at https://www.mfa.gov.ua/en/news and in report.pdf; write to press@mfa.gov.ua.
"""

WIRE_POLITICS = """\
LONDON (AP) — Prime Minister Keir Starmer met French President Emmanuel Macron and German Chancellor
Friedrich Merz in Kyiv on Saturday, a day after the leaders had had talks by phone with Trump.

"It's time for Putin to show he is serious about peace," Starmer said. Macron, asked whether Paris
would send troops, replied: "Not now." Merz said Germany would spend 3.5% of GDP on defence by 2029.

Polish Prime Minister Donald Tusk joined them. Tusk told reporters the coalition of the willing
had 30 members, including Canada, Australia and Austria; Slovakia and Slovenia did not take part.

Earlier, Italian Prime Minister Giorgia Meloni spoke with Recep Tayyip Erdoğan. Dutch Prime
Minister Dick Schoof, Spain's Pedro Sánchez and Portugal's Luís Montenegro backed the plan.

The iPhone maker Apple and eBay were not involved, the spokesperson said, adding that de Gaulle's
legacy still shaped French policy. Talks resume in Geneva on June 20 at 9:00 GMT.
"""

WIRE_ECONOMY = """\
BEIJING, June 2 (Xinhua) — China's exports rose 4.8 percent year on year in May, customs data
showed, while imports fell 3.4 percent. The trade surplus widened to 103.2 billion U.S. dollars.

Analysts at Nomura and Goldman Sachs said tariffs imposed by Washington weighed on shipments to the
United States, which fell 34.5 percent. Exports to the Association of Southeast Asian Nations rose.

"Demand from Europe held up," said Zhang Zhiwei, chief economist at Pinpoint Asset Management. He
expects the People's Bank of China to cut rates by 10 basis points in the third quarter.

Meanwhile, Japan's Nikkei index closed at 37,446.81, and the yen traded at 143.90 per dollar. In
Seoul, the KOSPI gained 1.5%. Indonesia, Malaysia and Vietnam reported stronger factory orders.
"""

CLEAN_ARTICLES = [WIRE_DIPLOMACY, WIRE_POLITICS, WIRE_ECONOMY]


@pytest.mark.parametrize("rule", DOCUMENT_RULES, ids=[r.code for r in DOCUMENT_RULES])
@pytest.mark.parametrize("article", CLEAN_ARTICLES, ids=["diplomacy", "politics", "economy"])
def test_clean_article_has_no_finding(rule, article) -> None:
    assert_clean(rule, article)


def test_clean_corpus_has_no_corpus_finding() -> None:
    assert_clean(NameSpelledDifferentlyInCorpus, CLEAN_ARTICLES)


@pytest.mark.parametrize("rule", [*DOCUMENT_RULES, NameSpelledDifferentlyInCorpus], ids=lambda r: r.code)
@pytest.mark.parametrize("text", ["", "\n\n", "a", "\x00\x01\ufffd" * 50, "x" * 100_000, ". , ; : ? !" * 200])
def test_bad_input_never_raises(rule, text) -> None:
    lint(rule, text)
