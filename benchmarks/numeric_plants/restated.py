"""Restated counts: a figure given again later in the article with a slipped digit.

Three ways, as copy goes wrong in newsrooms: a figure the article already repeats is changed in
one of its two places; a later sentence refers back to a figure and gets it wrong (often written
another way: "homes were destroyed" becomes "destroyed homes", "bn" becomes "billion", digits
become words); a match report restates its score or the minute of a goal.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from numeric_plants.common import (
    Article,
    add_paragraph,
    append_to_paragraph,
    paragraphs,
    pick,
    qualifier_before,
    slip,
    slip_against,
    spell,
    value_of,
)

FIGURE = re.compile(
    r"(?<![\w.,£$€/-])(?P<token>[£$€]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:bn|m)?)"
    r"(?P<after>(?: (?:[a-z]+))(?: [a-z]+){0,3})"
)
NOT_NOUNS = frozenset(
    """and in to of a on for from at was is with per when as by but or will the has would were he that it are more
    than year years month months week weeks day days hour hours minute minutes second seconds time times point points
    last while which if an over so into against could had took hit each less include following compared worth cost
    across through between within without among around via like near off out up down
    during separate public new mark world list show title election champion hurdles metres yards miles percentage
    million billion trillion per cent mph mile set games world have been be being since under up down after before
    rise fall rose fell increase decrease higher lower ahead behind only just almost nearly about around some
    its his her their our this these those such say said says we they she you can may might must should""".split()
)
PARTICIPLE = re.compile(r" (?:were|have been|had been) (?P<verb>[a-z]+ed)\b")
RANGE_AROUND = re.compile(r"\b(?:between|from)\s+$|\d\s*(?:-|–|to|and|or)\s*[£$€]?$")
RANGE_AFTER = re.compile(r"\s*(?:-|–|to|and|or)\s*[£$€]?\d")
CURRENCY_WORDS = frozenset({"euro", "euros", "dollars", "pounds", "yen", "yuan", "rupees", "kronor", "pence", "cents"})
MONEY_NOUNS = frozenset(
    """deal takeover bid profit loss contract package fund loan fine investment budget debt payment settlement offer
    sale scheme project programme plan payout bill windfall deficit surplus revenue revenues sales profits losses
    savings assets merger acquisition award grant bonus write-down charge cut""".split()
)


@dataclass
class Figure:
    start: int
    end: int
    token: str
    noun: str
    """The counted noun phrase as restatements write it ("jobs", "destroyed homes", "deal")."""
    money: bool
    qualifier: str | None


def count_figures(text: str) -> list[Figure]:
    """Figures followed by what they count, as a reader would restate them."""
    found = []
    for match in FIGURE.finditer(text):
        token = match.group("token")
        value = value_of(token)
        if value is None or re.fullmatch(r"(?:19|20)\d\d", token) or value < 10:
            continue
        before = text[max(0, match.start() - 25) : match.start()]
        if re.search(r"[A-Z][\w.]*\s$", before) and not re.search(r"\b(?:The|About|Some|Nearly|Almost|Around|More|Over|Only)\s$", before):
            continue  # "Nokia 7610", "Windows 95": a name, not a count
        words = match.group("after").split()
        money = token[0] in "£$€"
        if token.endswith("m") and not money or not words or words[0] in NOT_NOUNS or words[0] in CURRENCY_WORDS:
            continue  # "400m" alone may be metres; "70 euros" is restated with its currency
        noun = words[0]
        if money and noun not in MONEY_NOUNS:
            noun = ""
        elif not money and not noun.endswith("s"):
            if len(words) > 1 and words[1].endswith("s") and words[1] not in NOT_NOUNS:
                noun = f"{words[0]} {words[1]}"
            else:
                continue
        participle = PARTICIPLE.match(text, match.start("after") + len(noun) + 1)
        if participle and not money:
            noun = f"{participle.group('verb')} {noun}"
        if RANGE_AROUND.search(text[max(0, match.start() - 9) : match.start()]) or RANGE_AFTER.match(text, match.end("token")):
            continue  # a range: "30,000 to 50,000 polygons" allows any figure between
        qualifier = qualifier_before(text, match.start("token"))
        found.append(Figure(match.start("token"), match.end("token"), token, noun, money, qualifier))
    return found


COUNT_TEMPLATES = [
    "The {N} {NP} were a central part of the announcement.",
    "Observers pointed to the {N} {NP} as the key figure.",
    "Those {N} {NP} were the focus of much of the coverage.",
    "Critics said the {N} {NP} told only part of the story.",
    "The figure of {N} {NP} was repeated by officials later.",
    "Reports put the number of {NP} at {N}.",
    '"These {N} {NP} are what matters," one analyst said.',
    "It was the {N} {NP} that drew the most comment.",
    "In all, {N} {NP} are involved, according to the figures.",
    "Of the {N} {NP}, little more was said.",
    "The total of {N} {NP} has been widely reported.",
    "Some questioned whether all {N} {NP} would be affected.",
]
MONEY_TEMPLATES = [
    "The {N} {NP} was a central part of the announcement.",
    "Analysts said the {N} {NP} had been expected for some time.",
    "That {N} {NP} has drawn comment from analysts.",
    "Critics said the {N} {NP} did not go far enough.",
    "Details of the {N} {NP} are expected to follow.",
    "The {NP}, worth {N}, was welcomed by some investors.",
]
MONEY_FIGURE_TEMPLATES = [
    "The {N} figure was higher than many had expected.",
    "Analysts focused on the {N} figure.",
    "That {N} figure surprised some in the City.",
]
SCORE = re.compile(
    r"\b(?P<verb>beat|beating|won|winning|lost|losing|drew|draw|defeat|defeated|victory|win)\b[^.\d]{0,40}?"
    r"(?<![\d-])(?P<a>\d{1,2})-(?P<b>\d{1,2})(?![-\d]|\s\d|\s?\()"
)
SCORE_TEMPLATES = [
    "The {S} {R} was deserved, according to the manager.",
    "After the {S} {R}, the mood in the dressing room was upbeat.",
    "That {S} {R} will be remembered for a long time.",
    "Their {S} {R} came in front of a big crowd.",
    "The {S} {R} followed a tense week for the club.",
    "It finished {S}, and the celebrations went on long after the whistle.",
]
MINUTE = re.compile(r"\bin the (?P<n>\d{1,2})(?:st|nd|rd|th) minute\b")
MINUTE_TEMPLATES = [
    "That {N}th-minute goal changed the game.",
    "The {N}th-minute strike was the turning point.",
    "Until the goal on {N} minutes, the visitors had looked comfortable.",
    "Few will forget the {N}th-minute goal.",
    "His goal in the {N}th minute settled the nerves.",
    "The goal, scored {N} minutes in, lifted the crowd.",
]


def plant_restated(article: Article, rng: random.Random, split: str) -> bool:
    """Plant one restated figure; False when the article offers no place for it."""
    planters = [_existing_repeat, _score, _minute, _inserted]
    for planter in planters:
        if planter(article, rng, split):
            article.kind = "restated"
            return True
    return False


def _rendered(token: str, new: str, rng: random.Random) -> str:
    """The slipped figure, written another way now and then (bn as billion, small numbers in words)."""
    if rng.random() < 0.35:
        if new.endswith("bn"):
            return new[:-2] + " billion"
        if new.endswith("m") and new[-2].isdigit():
            return new[:-1] + " million"
        if new.isdigit() and 10 <= int(new) < 100 and int(new) % 10 != 0:
            return spell(int(new))
    return new


def _existing_repeat(article: Article, rng: random.Random, split: str) -> bool:
    """A figure already given twice with the same counted noun: one of the two slips."""
    figures = count_figures(article.text)
    seen: dict[tuple[str, str], list[Figure]] = {}
    for figure in figures:
        seen.setdefault((figure.token, figure.noun), []).append(figure)
    repeats = [places for places in seen.values() if len(places) >= 2 and not _same_sentence(article.text, places[0], places[1])]
    if not repeats:
        return False
    places = rng.choice(repeats)
    first, second = places[0], places[1]
    changed, kept = (second, first) if rng.random() < 0.7 else (first, second)
    new = slip_against(changed.token, changed.qualifier or kept.qualifier, rng)
    if new is None:
        return False
    article.label(kept.start, kept.end, "the other statement of the same figure", level="may")
    end = article.replace(changed.start, changed.end, new)
    article.label(changed.start, end, f"{new} {changed.noun} here, {changed.token} in the other place")
    return True


def _inserted(article: Article, rng: random.Random, split: str) -> bool:
    """A later sentence that refers back to a figure and slips a digit."""
    spans = paragraphs(article.text)
    figures = [f for f in count_figures(article.text) if _paragraph_of(spans, f.start) < len(spans) - 1]
    figures = [f for f in figures if _paragraph_of(spans, f.start) >= 1]
    if not figures:
        return False
    figure = rng.choice(figures)
    new = slip_against(figure.token, figure.qualifier, rng)
    if new is None:
        return False
    written = _rendered(figure.token, new, rng) if not figure.money or rng.random() < 0.5 else new
    if figure.money and figure.noun:
        template = pick(rng, MONEY_TEMPLATES, split)
    elif figure.money:
        template = pick(rng, MONEY_FIGURE_TEMPLATES, split)
    else:
        template = pick(rng, COUNT_TEMPLATES, split)
    sentence = template.replace("{NP}", figure.noun)
    before, _placeholder, after = sentence.partition("{N}")
    sentence = before + written + after
    if sentence[0].islower():
        sentence = sentence[0].upper() + sentence[1:]
    paragraph = _paragraph_of(spans, figure.start)
    article.label(figure.start, figure.end, "the figure as first given", level="may")
    target = rng.randrange(paragraph + 1, len(spans))
    if rng.random() < 0.4:
        start = add_paragraph(article, target, sentence)
    else:
        start = append_to_paragraph(article, target, sentence)
    at = start + len(before)
    article.label(at, at + len(written), f"restates {figure.token} {figure.noun} as {written}")
    return True


def _score(article: Article, rng: random.Random, split: str) -> bool:
    if not article.id.startswith("sport") or len(re.findall(r"\d-\d", article.text)) != 1:
        return False  # a report on one match: a round-up's scores are many results
    spans = paragraphs(article.text)
    matches = [m for m in SCORE.finditer(article.text) if _paragraph_of(spans, m.start()) < len(spans) - 1]
    if not matches:
        return False
    match = matches[0]
    a, b = int(match.group("a")), int(match.group("b"))
    if max(a, b) > 9:
        return False
    options = [(a + 1, b), (a, b + 1), (b, a)] + ([(a - 1, b)] if a - 1 > b else []) + ([(a, b - 1)] if b > 0 and a != b - 1 else [])
    options = [(x, y) for x, y in options if (x, y) != (a, b) and x != y]
    new_a, new_b = rng.choice(options)
    verb = match.group("verb")
    result = "draw" if a == b else ("defeat" if verb.startswith("los") else rng.choice(["win", "victory"]))
    template = pick(rng, SCORE_TEMPLATES, split)
    score = f"{new_a}-{new_b}"
    sentence = template.replace("{R}", result)
    before, _placeholder, after = sentence.partition("{S}")
    article.label(match.start("a"), match.end("b"), "the score as first given", level="may")
    target = rng.randrange(_paragraph_of(spans, match.start()) + 1, len(spans))
    start = append_to_paragraph(article, target, before + score + after)
    article.label(start + len(before), start + len(before) + len(score), f"the {a}-{b} {result} restated as {score}")
    return True


def _minute(article: Article, rng: random.Random, split: str) -> bool:
    spans = paragraphs(article.text)
    matches = [m for m in MINUTE.finditer(article.text) if _paragraph_of(spans, m.start()) < len(spans) - 1]
    if len(matches) != 1 or len(re.findall(r"\bminute\b", article.text)) != 1:
        return False  # one goal's minute, so a restatement can only mean it
    match = matches[0]
    token = match.group("n")
    new = slip(token, rng) if len(token) == 2 else None
    if new is None or not 1 <= int(new) <= 90:
        return False
    template = pick(rng, MINUTE_TEMPLATES, split)
    before, _placeholder, after = template.partition("{N}")
    article.label(match.start("n"), match.end(), "the minute as first given", level="may")
    target = rng.randrange(_paragraph_of(spans, match.start()) + 1, len(spans))
    start = append_to_paragraph(article, target, before + new + after)
    article.label(start + len(before), start + len(before) + len(new), f"minute {token} restated as {new}")
    return True


def _same_sentence(text: str, first: Figure, second: Figure) -> bool:
    """Two figures in one sentence are two things ("12 channels of video and 12 of audio")."""
    return not re.search(r"[.!?]\s", text[first.end : second.start])


def _paragraph_of(spans: list[tuple[int, int]], position: int) -> int:
    for index, (start, end) in enumerate(spans):
        if start <= position <= end:
            return index
    return len(spans) - 1
