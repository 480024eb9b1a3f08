"""Arithmetic planted in real copy: a count that does not match the list it introduces, shares of
one whole that add up to more than 100%, a lead or a winning margin that does not match the two
figures it is the difference of, stated a paragraph or more later.
"""

from __future__ import annotations

import random
import re

from numeric_plants.common import Article, append_to_paragraph, paragraphs, pick, sentences, spell, spelled_values

COUNT = re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?:(?: [a-z-]+){0,3}?) [a-z]+s\b")
NAME = r"[A-Z][\w'.&-]*(?: (?:[A-Z][\w'.&-]*|of|de|and the|the))*"
LIST = re.compile(rf"(?:{NAME})((?:, {NAME})+),? and (?:{NAME})")


def plant_list_count(article: Article, rng: random.Random, split: str) -> bool:
    """"three marques - BMW, Mini and Rolls-Royce" becomes "four marques - ..." (or two)."""
    values = spelled_values()
    found = []
    text = article.text
    for start, end in paragraphs(text):
        for s, e in sentences(text, start, end):
            for count in COUNT.finditer(text, s, e):
                listed = LIST.search(text, count.end(), e)
                if listed and listed.start() - count.end() <= 40 and listed.group(1).count(", ") + 2 == values[count.group("n")]:
                    found.append((count, listed))
    if not found:
        return False
    count, listed = rng.choice(found)
    n = values[count.group("n")]
    new = spell(n + rng.choice((-1, 1)) if n > 2 else n + 1)
    article.label(listed.start(), listed.end(), "the items listed", level="may")
    end = article.replace(count.start("n"), count.end("n"), new)
    article.label(count.start("n"), end, f"{new}, but {n} are listed")
    article.kind = "totals"
    return True


PERCENT = re.compile(r"(?<![\d.])(\d{1,2})%")


def plant_shares(article: Article, rng: random.Random, split: str) -> bool:
    """Three or more shares in one sentence adding up to 97-101%: one of them slips upwards."""
    text = article.text
    for start, end in paragraphs(text):
        for s, e in sentences(text, start, end):
            shares = list(PERCENT.finditer(text, s, e))
            values = [int(m.group(1)) for m in shares]
            if len(values) >= 3 and 97 <= sum(values) <= 101:
                share = rng.choice(shares)
                value = int(share.group(1))
                new = value + rng.choice((10, 9, 11)) if value < 80 else value + 5
                if len(str(value)) == 2 and str(value)[0] != str(value)[1] and int(str(value)[::-1]) > value + 4:
                    new = int(str(value)[::-1])
                end = article.replace(share.start(1), share.end(1), str(new))
                article.label(share.start(1), end + 1, f"the shares now add up to {sum(values) - value + new}%")
                article.kind = "totals"
                return True
    return False


POLL = re.compile(r"(?<![\d.])(?P<a>\d{1,2})% to (?P<b>\d{1,2})%")
LEAD_SENTENCES = [
    "That {N}-point lead is the largest in the series.",
    "The {N}-point gap has held steady for a month.",
    "A lead of {N} points would be enough for a comfortable win.",
    "Analysts said a {N}-point lead was unusual at this stage.",
    "The gap of {N} points has surprised some in the party.",
    "Such a {N}-point margin, if repeated, would change little.",
]


def plant_poll_lead(article: Article, rng: random.Random, split: str, wrong: bool = True) -> bool:
    """"Labour lead the Conservatives by 39% to 34%" ... later "That 7-point lead"."""
    matches = [m for m in POLL.finditer(article.text) if int(m.group("a")) > int(m.group("b"))]
    spans = paragraphs(article.text)
    matches = [m for m in matches if _paragraph_of(spans, m.start()) < len(spans) - 1]
    if len(matches) != 1:
        return False
    match = matches[0]
    lead = int(match.group("a")) - int(match.group("b"))
    stated = (lead + rng.choice((-2, 2, 3)) if lead > 3 else lead + rng.choice((2, 3))) if wrong else lead
    sentence = pick(rng, LEAD_SENTENCES, split)
    word = spell(stated) if rng.random() < 0.3 and "-point" not in sentence else str(stated)
    sentence = sentence.replace("{N}", word)
    if sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    target = rng.randrange(_paragraph_of(spans, match.start()) + 1, len(spans))
    start = append_to_paragraph(article, target, sentence)
    at = start + sentence.index(word)
    if wrong:
        article.label(match.start(), match.end(), "the two figures", level="may")
        article.label(at, at + len(word), f"a lead of {stated}, but {match.group()} is {lead} points")
        article.kind = "margins"
    else:
        article.kind = "trap"
    return True


SCORE = re.compile(r"\b(?:beat|won|winning|victory|win)\b[^.\d]{0,40}?(?<![\d-])(?P<a>\d)-(?P<b>\d)(?![-\d]|\s\d|\s?\()")
GOAL_MARGINS = [
    "The {N}-goal margin could have been wider.",
    "Winning by {N} goals lifts them up the table.",
    "It was a {N}-goal win they barely deserved.",
    "A margin of {N} goals flattered them, the manager admitted.",
    "The {N}-goal victory was their biggest of the season.",
    "Victory by {N} goals keeps their hopes alive.",
]


def plant_goal_margin(article: Article, rng: random.Random, split: str, wrong: bool = True) -> bool:
    """A football report with one score: a later sentence gives the winning margin in goals."""
    if not article.id.startswith("sport") or len(re.findall(r"\d-\d", article.text)) != 1:
        return False
    spans = paragraphs(article.text)
    match = SCORE.search(article.text)
    if match is None or _paragraph_of(spans, match.start()) >= len(spans) - 1 or "goal" not in article.text:
        return False
    margin = abs(int(match.group("a")) - int(match.group("b")))
    if margin == 0:
        return False
    stated = margin + rng.choice((1, 2)) if wrong else margin
    if wrong and margin > 2 and rng.random() < 0.5:
        stated = margin - 1
    word = spell(stated) if rng.random() < 0.6 else str(stated)
    sentence = pick(rng, GOAL_MARGINS, split).replace("{N}", word)
    target = rng.randrange(_paragraph_of(spans, match.start()) + 1, len(spans))
    start = append_to_paragraph(article, target, sentence)
    at = start + sentence.index(word)
    if wrong:
        article.label(match.start("a"), match.end("b"), "the score", level="may")
        article.label(at, at + len(word), f"a {stated}-goal margin, but the score was {match.group('a')}-{match.group('b')}")
        article.kind = "margins"
    else:
        article.kind = "trap"
    return True


def _paragraph_of(spans: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(spans):
        if start <= position <= end:
            return index
    return len(spans) - 1
