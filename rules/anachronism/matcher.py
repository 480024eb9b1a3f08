"""Finding "Title Name" mentions of office holders in a text, in one pass.

One multi-pattern search (``search.KeySearch``) holds every title (in its usual
casings) and every person's name and aliases; a single pass over the text
yields all of them.
A mention is a person's name with a title right before it ("UK Prime
Minister Boris Johnson", "ex-President Trump") or in an appositive after it
("Boris Johnson, Britain's prime minister,").  The words in front of the
title are read backwards from it: a jurisdiction ("UK", "Britain's"),
"former"/"ex-", "then-"/"the late", or a word that makes it another office
("deputy", "Microsoft").  Everything else (dates, sentences, quotes) is
looked at only around the few mentions found.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any
from functools import cache
from pathlib import Path

from rules.anachronism.context import ABBREVIATION
from rules.anachronism.kb import KnowledgeBase
from rules.anachronism.search import KeySearch

CUES_FILE = Path(__file__).parent / "data" / "cues.yaml"
SMALL_WORDS = {"of", "the", "for", "and", "on", "to", "in"}
MAX_NAME_WORDS = 6
"""The longest jurisdiction name, in words ("Organisation for Economic Co-operation and Development")."""
REACH = 80
"""How far before a title its modifiers and jurisdiction are read, and how far after a name its appositive title may start."""
POSSESSIVES = ("'s", "\u2019s")
SPACES = " \t\u00a0"
ELECT_SUFFIXES = ("-elect", " elect", "-Elect", " Elect")
APOSTROPHES = ("'", "\u2019")
_NAME_CLOSED = re.compile(r"[ \t\u00a0]*(?:[,)\u2014\u2013]|\.(?:[ \t\u00a0\n]|\Z))")
_ARTICLE_OR_POSSESSIVE = re.compile(r"(?:\b[Tt]he\b|['\u2019]s\b)")
_WORD_CHARS = re.compile(r"[\w'\u2019.-]+")
GLUED_MODIFIERS = {"ex", "then", "former"}
"""Words joined to a title by a hyphen that do not make another office ("ex-President")."""
_APPOSITIVE_END = re.compile(
    r"[ \t\u00a0]*(?:[,.;:)\u2014\u2013]|\Z|\n|[ \t\u00a0]+(?:who|and|said|says|has|had|is|was|will|told)\b)"
)


@dataclass(frozen=True)
class Cues:
    former: frozenset[str]
    not_current: frozenset[str]
    hypothetical_article: frozenset[str]
    era: frozenset[str]
    acting: frozenset[str]
    neutral: frozenset[str]
    blockers: frozenset[str]
    function_words: frozenset[str]
    capitalised_ok: frozenset[str]
    """Capitalised words that may stand before a title: function words and the cues above."""
    past_time: re.Pattern[str]
    hypothetical: re.Pattern[str]
    future: re.Pattern[str]
    recent_time: re.Pattern[str]
    be_forms: frozenset[str]
    sequence_then_after: frozenset[str]
    """Words after which "then" orders events ("will then vote")."""
    past_verbs: frozenset[str]
    """Irregular past forms: "then" before one orders events ("then sworn in"); regular ones end in -ed."""
    past_event_before: re.Pattern[str]
    """A past event whose object the mention is, ending right before it ("the assassination of")."""

    def past_event(self, before: str) -> bool:
        """Whether ``before`` (the text right before a mention) ends with a past event it is the object of."""
        return self.past_event_before.search(before) is not None

    def says(self, pattern: re.Pattern[str], text: str) -> bool:
        """Whether a cue of ``pattern`` is in ``text``, outside the phrases that only look like one ("would have to")."""
        return any(match.lastgroup != "look_alike" for match in pattern.finditer(text))

    def about_other_time(self, sentence: str, mention_at: int) -> bool:
        """A past-time cue in the sentence; "then" that orders events ("and then flew", "was then sworn in") is none."""
        return any(
            match.lastgroup != "look_alike" and not self.orders_events(sentence, match.start(), match.end(), mention_at)
            for match in self.past_time.finditer(sentence)
        )

    def orders_events(self, sentence: str, start: int, end: int, mention_at: int) -> bool:
        """Whether ``sentence[start:end]`` is "then" meaning "next", not "at that time".

        "Then" orders events after a modal ("the bill will then go to the
        Senate") or before a past verb ("and then flew home", "he was then
        sworn in by President X"), but not after a comma or "the" ("Johnson,
        then embattled,", "the then embattled premier") and not after "was"
        when the person mentioned is who "was then": "Prime Minister X was
        then embroiled in a scandal" describes X at that time.
        """
        if sentence[start:end].lower() != "then":
            return False
        before = sentence[:start].rstrip()
        previous = before.rsplit(None, 1)[-1].lower() if before else ""
        if previous in self.sequence_then_after:
            return True
        following = re.match(r"[ \t\u00a0]+([a-z]+)\b(?!-)", sentence[end:])
        if not following or before.endswith((",", "(", "\u2014", "\u2013")) or previous == "the":
            return False
        if previous in self.be_forms and mention_at < start:
            return False
        verb = following.group(1)
        return verb in self.past_verbs or (verb.endswith("ed") and len(verb) > 4)


@cache
def cues() -> Cues:
    import yaml  # here: most runs never meet a title that needs the cues

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when PyYAML has it: 8 times faster, same data
    data = yaml.load(CUES_FILE.read_text(encoding="utf-8"), Loader=loader)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    def alternation(items: list[str]) -> str:
        return "|".join(re.escape(str(p)).replace(r"\ ", r"\s+") for p in sorted(items, key=len, reverse=True))

    def phrases(key: str) -> re.Pattern[str]:
        """The cues of ``key``; its look-alikes (``not_<key>``) match first, as the group ``look_alike``."""
        look_alikes = data.get(f"not_{key}") or []
        first = f"(?P<look_alike>{alternation(look_alikes)})|" if look_alikes else ""
        return re.compile(rf"(?<![\w-])(?:{first}{alternation(data[key])})(?![\w-])", re.IGNORECASE)

    return Cues(
        former=words("former"),
        not_current=words("not_current"),
        hypothetical_article=words("hypothetical_article"),
        era=words("era"),
        acting=words("acting"),
        neutral=words("neutral"),
        blockers=words("blockers"),
        function_words=words("function_words"),
        capitalised_ok=frozenset().union(
            *(words(k) for k in ("function_words", "former", "not_current", "acting", "neutral", "hypothetical_article", "era"))
        ),
        past_time=phrases("past_time"),
        hypothetical=phrases("hypothetical"),
        future=phrases("future"),
        recent_time=phrases("recent_time"),
        be_forms=words("be_forms"),
        sequence_then_after=words("sequence_then_after"),
        past_verbs=words("past_verbs"),
        past_event_before=re.compile(rf"(?<![\w-])(?:{alternation(data['past_event_before'])})[ \t\u00a0]+(?:the[ \t\u00a0]+)?\Z", re.IGNORECASE),
    )


@dataclass(frozen=True)
class Mention:
    """A person named with a title, and what the words around the title say."""

    start: int
    """Start of the reported span: the first modifier, jurisdiction or the title."""
    end: int
    title_start: int
    title_end: int
    name_start: int
    name_end: int
    title: str
    """The title as a lower-case key of the title index (without "-elect")."""
    elect: bool
    person_ids: frozenset[str]
    jurisdictions: frozenset[str]
    former: bool
    not_current: str
    """Why the title is not claimed as current ("then", "the late", "a ..."), or ""."""


@dataclass(frozen=True)
class Index:
    keys: KeySearch[tuple[tuple[str, str], ...]]
    """Titles and names as written -> what they are: ("title" | "elect", title key) or ("name", person id)."""
    titles: dict[str, frozenset[str]]
    """Lower-case title -> office ids."""
    jurisdiction_names: dict[str, frozenset[str]]
    """A name as written ("UK", "British") -> jurisdiction keys."""
    full_names: frozenset[str]
    """People's full names as written ("Boris Johnson", "Suharto"), not aliases ("Johnson")."""
    office_places: dict[str, frozenset[str]]
    """Office id -> the jurisdictions it answers to: its own and, for a central bank, its country's."""


def fold(text: str) -> str:
    """Accents removed: "Erdoğan" -> "Erdogan", so both spellings match."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def title_variants(title: str) -> set[str]:
    """The casings writers use for a title; acronyms ("PM") only as written."""
    if title.isupper() or any(c.isdigit() for c in title):
        return {title}
    words = title.split(" ")
    headline = " ".join(w if w.lower() in SMALL_WORDS and i else w[:1].upper() + w[1:] for i, w in enumerate(words))
    return {title, title.lower(), headline, title[:1].upper() + title[1:].lower(), title.upper()}


def name_variants(name: str) -> set[str]:
    names = {name, fold(name)}
    for variant in list(names):
        for a, b in (APOSTROPHES, APOSTROPHES[::-1]):
            names.add(variant.replace(a, b))
    return {n for n in names if len(n) > 1}


def without_title(name: str, titles: dict[str, Any]) -> str:
    """A name without the title it starts with ("Emperor Akihito" -> "Akihito"): the title is matched as a title."""
    words = name.split(" ")
    for count in range(min(len(words) - 1, MAX_NAME_WORDS), 0, -1):
        if " ".join(words[:count]).lower() in titles:
            return " ".join(words[count:])
    return name


def build_index(kb: KnowledgeBase) -> Index:
    titles: dict[str, set[str]] = {}
    for office in kb.offices.values():
        for title in office.titles:
            titles.setdefault(title.lower(), set()).add(office.id)
    keys: dict[str, set[tuple[str, str]]] = {}
    for office in kb.offices.values():
        for title in office.titles:
            for variant in title_variants(title):
                keys.setdefault(variant, set()).add(("title", title.lower()))
                for suffix in ELECT_SUFFIXES:
                    keys.setdefault(variant + suffix, set()).add(("elect", title.lower()))
    full_names: set[str] = set()
    for person in kb.people.values():
        full_names |= name_variants(without_title(person.name, titles))
        for name in (person.name, *person.aliases):
            for variant in name_variants(without_title(name, titles)):
                keys.setdefault(variant, set()).add(("name", person.id))
    jurisdiction_names: dict[str, set[str]] = {}
    for jurisdiction in kb.jurisdictions.values():
        for name in jurisdiction.names:
            for variant in name_variants(name):
                jurisdiction_names.setdefault(variant, set()).add(jurisdiction.key)
    return Index(
        KeySearch({key: tuple(sorted(values)) for key, values in keys.items()}),
        {k: frozenset(v) for k, v in titles.items()},
        {k: frozenset(v) for k, v in jurisdiction_names.items()},
        frozenset(full_names),
        {o.id: frozenset(p for p in (o.jurisdiction, o.country) if p) for o in kb.offices.values()},
    )


def _words_before(text: str, position: int, floor: int) -> tuple[str, list[str]]:
    """The line's text right before ``position`` (at most ``REACH`` characters) and its last words."""
    window = text[max(floor, position - REACH) : position]
    window = window[window.rfind("\n") + 1 :]
    return window, window.split()[-MAX_NAME_WORDS:]


def _jurisdiction_before(index: Index, text: str, position: int, floor: int) -> tuple[int, frozenset[str]] | None:
    """A jurisdiction named right before ``position`` ("UK ", "Britain's ", "United States "): (its start, keys)."""
    window, words = _words_before(text, position, floor)
    if not window or window[-1] not in SPACES:
        return None
    for count in range(len(words), 0, -1):
        candidate = " ".join(words[-count:])
        for name in (candidate, candidate[:-2] if candidate.endswith(POSSESSIVES) else ""):
            keys = index.jurisdiction_names.get(name)
            if keys:
                offset = len(window)
                for word in reversed(words[-count:]):
                    offset = window.rfind(word, 0, offset)
                return position - len(window) + offset, keys
    return None


def _jurisdiction_after(index: Index, text: str) -> tuple[int, frozenset[str]] | None:
    """A jurisdiction at the start of ``text`` ("Britain, ...", "United Kingdom."): (its end, keys)."""
    run = re.match(r"\S+(?:[ \t\u00a0]+\S+){0,%d}" % (MAX_NAME_WORDS - 1), text)
    if not run:
        return None
    ends = [m.end() for m in re.finditer(r"\S+", run.group(0))]
    for end in reversed(ends):
        candidate = " ".join(text[:end].split())
        for name in (candidate, candidate.rstrip(",.;:)")):
            keys = index.jurisdiction_names.get(name)
            if keys:
                return end - (len(candidate) - len(name)), keys
    return None


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass
class _Hit:
    start: int
    end: int
    values: tuple[tuple[str, str], ...]


def scan(index: Index, text: str) -> list[Mention]:
    """Every "Title Name" and "Name, the Title," mention in the text."""
    if not text:
        return []
    titles_by_end: dict[int, list[_Hit]] = {}
    """All titles ending at a place, longest first once sorted: "Central Bank President", "President"."""
    titles_by_start: dict[int, _Hit] = {}
    names: list[_Hit] = []
    length = len(text)
    for start, end, values in index.keys.find(text):
        before = text[start - 1] if start else " "
        after = text[end] if end < length else " "
        if _is_word(before) or _is_word(after) or after == "-":
            continue
        title_values = tuple(v for v in values if v[0] != "name")
        name_values = tuple(v for v in values if v[0] == "name")
        if name_values and before != "-" and (text[start].isupper() or not text[start:end].islower()):
            names.append(_Hit(start, end, name_values))  # "Lula", or with a particle: "al-Maliki", "el-Sisi"
        if title_values:
            hit = _Hit(start, end, title_values)
            titles_by_end.setdefault(end, []).append(hit)
            known = titles_by_start.get(start)
            if known is None or known.end < end:
                titles_by_start[start] = hit
    for hits in titles_by_end.values():
        hits.sort(key=lambda hit: hit.start)
    mentions = []
    for name in _outermost(names):
        mention = (
            _title_before(index, text, name, titles_by_end)
            or _title_comma_before(index, text, name, titles_by_end)
            or _title_after(index, text, name, titles_by_start)
        )
        if mention is not None:
            mentions.append(mention)
    return mentions


def _outermost(hits: list[_Hit]) -> list[_Hit]:
    """Name hits not inside a longer one ("Johnson" inside "Boris Johnson")."""
    hits.sort(key=lambda h: (h.start, -h.end))
    kept: list[_Hit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def _continues(text: str, end: int) -> bool:
    """The name goes on past the match ("Johnson Sirleaf"), so it is someone else."""
    match = re.match(r"[ \t\u00a0]+([A-Z][\w'\u2019.-]*)", text[end : end + 40])
    if not match:
        return False
    word = match.group(1).rstrip(".").lower()
    return word not in cues().function_words


@dataclass(frozen=True)
class _Context:
    """What the words before a title say, read backwards from it."""

    start: int
    """Where the reported span starts: the first modifier or jurisdiction kept."""
    reach: int
    """How far back the words were understood."""
    jurisdictions: frozenset[str]
    former: bool
    not_current: str


def _title_before(index: Index, text: str, name: _Hit, titles_by_end: dict[int, list[_Hit]]) -> Mention | None:
    """ "Title Name": the longest title right before the name that fits the jurisdiction named before it.

    "European Central Bank President X" is the ECB's "President", not a "Central Bank President" of
    some "European" body: a shorter title is tried when the longer one lies inside a jurisdiction's
    name, never when a word makes it another office ("deputy prime minister").
    """
    for gap in (1, 2):
        candidates = titles_by_end.get(name.start - gap, [])
        if candidates and all(c in SPACES for c in text[candidates[0].end : name.start]):
            break
    else:
        return None
    if _continues(text, name.end):
        return None
    longest = candidates[0]
    for title in candidates:
        context = _read_backwards(index, text, title.start, 0)
        if title is not longest and (context is None or not context.jurisdictions or context.start > longest.start):
            return None  # a shorter title stands only inside a jurisdiction's name ("European Central Bank President")
        if context is not None and _fits(index, title, context.jurisdictions):
            return _mention(title, name, context, context.start, name.end)
    return None


def _fits(index: Index, title: _Hit, jurisdictions: frozenset[str]) -> bool:
    """Whether some office carrying the title belongs to one of the jurisdictions named (any, if none is)."""
    if not jurisdictions:
        return True
    offices = index.titles.get(title.values[0][1], frozenset())
    return any(index.office_places[office] & jurisdictions for office in offices)


def _title_comma_before(index: Index, text: str, name: _Hit, titles_by_end: dict[int, list[_Hit]]) -> Mention | None:
    """"the prime minister, Tony Blair, said", "Japan's finance minister, Taro Aso, said": the title with its
    article or possessive, a comma, then the full name (several words, or the person's one name), itself
    closed by a comma, bracket, dash or full stop.

    A name that is not closed ("After meeting the president, Blair said") is the sentence's subject, not the title's.
    """
    comma = re.search(r",[ \t\u00a0]+\Z", text[max(0, name.start - 4) : name.start])
    written = text[name.start : name.end]
    if comma is None or (" " not in written and written not in index.full_names) or not _NAME_CLOSED.match(text, name.end):
        return None
    candidates = titles_by_end.get(name.start - len(comma.group()))
    if not candidates:
        return None
    title = candidates[0]
    context = _read_backwards(index, text, title.start, 0)
    if context is None or not _ARTICLE_OR_POSSESSIVE.search(text, context.reach, title.start):
        return None
    return _mention(title, name, context, context.start, name.end)


def _title_after(index: Index, text: str, name: _Hit, titles_by_start: dict[int, _Hit]) -> Mention | None:
    match = re.match(r",[ \t\u00a0]+", text[name.end : name.end + 4])
    if not match:
        return None
    floor = name.end + match.end()
    for position in range(floor, min(floor + REACH, len(text))):
        title = titles_by_start.get(position)
        if title is not None:
            break
        if text[position] in ",;\n" or (text[position] == "." and not ABBREVIATION.search(text, floor, position)):
            return None
    else:
        return None
    context = _read_backwards(index, text, title.start, floor)
    if context is None or context.reach != floor:
        return None
    rest = text[title.end : title.end + 80]
    of_place = re.match(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?", rest)
    named = _jurisdiction_after(index, rest[of_place.end() :]) if of_place else None
    if of_place and named:
        jurisdictions = context.jurisdictions | named[1]
        context = _Context(context.start, context.reach, jurisdictions, context.former, context.not_current)
        rest = rest[of_place.end() + named[0] :]
    if rest.startswith(("'s", "\u2019s")) or not _APPOSITIVE_END.match(rest):
        return None
    return _mention(title, name, context, name.start, title.end)


def _mention(title: _Hit, name: _Hit, context: _Context, start: int, end: int) -> Mention:
    kind, key = title.values[0]
    return Mention(
        start=start,
        end=end,
        title_start=title.start,
        title_end=title.end,
        name_start=name.start,
        name_end=name.end,
        title=key,
        elect=kind == "elect",
        person_ids=frozenset(v[1] for v in name.values),
        jurisdictions=context.jurisdictions,
        former=context.former,
        not_current=context.not_current,
    )


def _former_qualifier(word: str, c: Cues) -> bool:
    """A hyphenated word that makes what follows former: "ex-Labour", "former-Tory"."""
    head, dash, _rest = word.partition("-")
    return bool(dash) and head in c.former


def _read_backwards(index: Index, text: str, position: int, floor: int) -> _Context | None:
    """Read the words before a title, nearest first, down to ``floor``.

    None when a word there makes the title another office ("deputy prime
    minister", "Microsoft President", "Vice-President").
    """
    c = cues()
    jurisdictions: set[str] = set()
    former = False
    not_current = ""
    start = position
    for _ in range(8):
        if position > floor and text[position - 1] == "-":
            window, words = _words_before(text, position - 1, floor)
            if window and not window[-1].isspace() and words and words[-1].lower() in GLUED_MODIFIERS:
                word = words[-1].lower()
                former = former or word in c.former
                not_current = not_current or ("then" if word == "then" else "")
                position = start = position - 1 - len(words[-1])
                continue
            return None
        named = _jurisdiction_before(index, text, position, floor)
        if named:
            jurisdictions |= named[1]
            position = start = named[0]
            continue
        window, words = _words_before(text, position, floor)
        if not window or window[-1] not in SPACES or not words or not _WORD_CHARS.fullmatch(words[-1]):
            break
        word = words[-1]
        if word.endswith(".") and not ABBREVIATION.search(word[:-1]):
            break
        lower = word.lower().strip(".")
        if word[:1].isdigit():
            return None
        if lower in c.blockers or (word[:1].isupper() and lower not in c.capitalised_ok):
            return None
        if _former_qualifier(lower, c):
            not_current = not_current or "former"  # "ex-Labour chancellor": a former title with a party or qualifier
            break
        if lower in c.hypothetical_article or lower in c.era:
            not_current = not_current or (f"{lower} ..." if lower in c.hypothetical_article else lower)
            break
        if lower in c.former:
            former = True
        elif lower in c.not_current:
            not_current = not_current or ("the late" if lower == "late" else lower)
        elif lower not in c.acting and lower not in c.neutral:
            if any(_former_qualifier(w.lower(), c) or w.lower() in c.former for w in words[-3:-1]):
                not_current = not_current or "former"  # "former long-serving chancellor", "ex-Tory party chairman"
            break
        position = position - len(window) + window.rfind(word)
        if lower not in c.neutral:
            start = position
    return _Context(start, position, frozenset(jurisdictions), former, not_current)
