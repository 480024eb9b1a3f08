"""What a figure is about, read from the words around it: the thing counted, the base of a
percentage, the entity it belongs to, its time, and whether it refers back to an earlier figure.

Each reader looks at a short window beside the figure (never the whole text), so a mention costs
the same wherever it stands.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import NamedTuple

import regex

from rules.numeric.lexicon import alternation, compiled, data_yaml, noun_classes, not_names, time_cues, word_set

WORD = re.compile(r"[^\W\d_%]?[^\W\d_][\w’'.%-]*(?<!['’])|%")
"""A word after a figure (the stdlib engine: several times faster on this simple pattern)."""
CAPITALISED_RUN = regex.compile(r"\p{Lu}[\p{L}\p{M}’'.&-]*(?:\s+(?:of\s+|de\s+|the\s+)?\p{Lu}[\p{L}\p{M}’'.&-]*)*")
CLAUSE_MARK = regex.compile(r"[,;:()\"“”—–]|\s-\s")


class Counted(NamedTuple):
    """What a figure counts: the head noun's class (or lemma) and the words before it (a tuple:
    one is made for every figure, and a frozen dataclass costs several times more to build)."""

    head: str | None
    modifiers: tuple[str, ...] = ()
    end: int = 0
    """Where the counted phrase ends in the text."""
    partitive: bool = False
    """"12 of the 20 seats": the figure counts part of a whole stated after it."""


@lru_cache(maxsize=8192)
def lemma(word: str) -> str:
    """A rough singular, lower-case form of a noun ("combatants’" -> "combatant")."""
    word = word.lower().rstrip("’'.")
    if word.endswith(("’s", "'s")):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@cache
def noun_pattern() -> regex.Pattern:
    return regex.compile(rf"(?:{alternation(list(noun_classes()))})(?![\w-])", regex.IGNORECASE)


@cache
def multiword_nouns() -> frozenset[str]:
    """First words of the counted nouns written in several words ("prisoners" of "prisoners of war")."""
    return frozenset(form.split()[0] for form in noun_classes() if " " in form)


def noun_class(word: str) -> str:
    """The class of a counted noun ("pows" -> "prisoner"), or its lemma when it has none."""
    return noun_classes().get(word.lower(), None) or lemma(word)


PARTITIVE = regex.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?=\d|\p{L})")


def counted_after(text: str, position: int, limit: int) -> Counted:
    """The counted noun after a figure: "3,412 destroyed homes", "1,000 Ukrainian prisoners", "20-vote"."""
    window_end = min(limit, position + 80)
    if text.startswith("-", position):
        compound = compiled(r"-(\p{L}+)(?:\s+(\p{Ll}+))?").match(text, position, window_end)
        if compound:
            word, noun = compound.group(1), compound.group(2)
            if noun and noun not in word_set("function_words.txt") and not noun.endswith(("ed", "ing")):
                return Counted(noun_class(noun), (word.lower(),), compound.end())  # "the 349-seat parliament"
            return Counted(noun_class(word), (), compound.end(1))
    partitive = PARTITIVE.match(text, position, window_end) if text.startswith(" of", position) else None
    if partitive:
        after = compiled(r"[\d,.]+\s*").match(text, partitive.end(), window_end)
        inner = counted_after(text, after.end() if after else partitive.end(), limit)
        return Counted(inner.head, inner.modifiers, inner.end, partitive=True)
    function_words = word_set("function_words.txt")
    classes = noun_classes()
    words: list[tuple[str, int, int]] = []
    last_end = position
    for match in WORD.finditer(text, position, window_end):
        gap = text[last_end : match.start()]
        if words and gap.strip() in ("'", "’"):
            token, start, end = words[-1]
            words[-1] = (token + "’", start, end)  # a possessive: "combatants’ prisoners"
        elif gap and not gap.isspace() and not (not words and gap.strip() in ("", "-")):
            break
        token = match.group().rstrip(".")
        lowered = token.lower()
        if lowered in function_words and lowered not in classes:
            break
        words.append((token, match.start(), match.start() + len(token)))
        last_end = match.end()
        if len(words) == 4:
            break
    phrases = multiword_nouns()
    for index, (token, start, end) in enumerate(words):
        lowered = token.lower()
        if lowered in phrases:  # "prisoners of war": a class written in several words
            hit = noun_pattern().match(text, start, window_end)
            if hit and text[hit.end() : hit.end() + 1] not in ("'", "’"):
                return Counted(classes[compiled(r"\s+").sub(" ", hit.group().lower())], _modifiers(words[:index]), hit.end())
        if lowered in classes and not token.endswith("’"):
            return Counted(classes[lowered], _modifiers(words[:index]), end)
    head = None
    for index, (token, _start, _end) in enumerate(words):
        lowered = token.lower()
        if index and lowered.endswith(("ed", "ing")):
            break  # a verb after the noun: "prisoners released"
        if token[:1].islower() and not token.endswith(("'", "’", "'s", "’s")):
            head = index
            if lemma(lowered) != lowered:
                break  # a plural noun ends its phrase: "30 sources told ..."
    if head is None:
        return Counted(None, (), position)
    token, _start, end = words[head]
    return Counted(noun_class(token), _modifiers(words[:head]), end)


def _modifiers(words: list[tuple[str, int, int]]) -> tuple[str, ...]:
    """Words before the head that tell counts apart ("Ukrainian", "electoral"); participles
    ("destroyed homes", "recalled vehicles") only restate what happened, so they are left out."""
    return tuple(w.lower() for w, _s, _e in words if not w.lower().endswith("ed"))


@cache
def noun_before_pattern() -> regex.Pattern:
    """The counted noun written before the figure: "a death toll of", "the number of jobs at",
    "the toll stood at", "turnout was", "inflation, at"."""
    return regex.compile(
        r"(?:\bnumber\s+of\s+(?P<counted>\p{L}+(?:\s+\p{L}+)?)\s+(?:\p{L}+\s+){0,2}?(?:at|to|was|is|stood\s+at|stands\s+at|reached|hit)"
        r"|\b(?:(?P<pre>\p{L}+)\s+)?(?P<noun>\p{L}+)\s+(?:of|at|was|is|were|are|stood\s+at|stands\s+at|rose\s+to|fell\s+to|reached|hit|totalled|totaled)"
        r"|\b(?P<verbnoun>\p{L}+),\s+(?:at|worth))\s+(?:(?:about|around|some|nearly|almost|just|over|under|more\s+than|less\s+than|at\s+least)\s+)?$",
        regex.IGNORECASE,
    )


NOUN_BEFORE_ENDINGS = (
    " of", " worth", " at", " was", " is", " were", " are", " to", " reached", " hit", " totalled", " totaled",
    " about", " around", " some", " nearly", " almost", " just", " over", " under", " than", " least",
)
"""The last words ``noun_before_pattern`` can end with (its verbs and prepositions, or a qualifier)."""


def counted_before(text: str, start: int, floor: int) -> str | None:
    """The class of a noun that a figure with no noun after it counts: "a death toll of 35" -> death."""
    tail = text[max(floor, start - 16) : start].rstrip().lower()
    if not tail.endswith(NOUN_BEFORE_ENDINGS):
        return None  # the pattern ends with one of these words: nothing to search for
    match = noun_before_pattern().search(text, max(floor, start - 60), start)
    if match is None:
        return None
    if match.group("counted"):
        return noun_class(match.group("counted").split()[-1])
    word = (match.group("noun") or match.group("verbnoun")).lower()
    known = noun_classes()
    pre = (match.group("pre") or "").lower()
    if word not in known and pre in known:
        return known[pre]  # "a prisoner exchange of 1,000": the prisoners are counted
    if word in word_set("function_words.txt") or word in ("it", "figure", "number", "which", "who"):
        return None
    return noun_class(word)


BASE = regex.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?((?:\p{L}[\p{L}’'-]*\s+){0,2}\p{L}[\p{L}’'-]*)")


VERBS_AFTER_BASE = frozenset(
    "said say says think thought believe believed want wanted use used own owned agree agreed back backed "
    "voted vote prefer preferred expect expected".split()
)


def percent_base(text: str, end: int, limit: int) -> str | None:
    """The whole a percentage is of: "84% of net users" -> "net user"."""
    match = BASE.match(text, end, min(limit, end + 60))
    if match is None:
        return None
    words = match.group(1).split()
    stop = word_set("function_words.txt") | VERBS_AFTER_BASE
    kept = []
    for word in words:
        lowered = word.lower()
        if lowered in stop or (kept and lowered.endswith("ed")):
            break
        kept.append(word)
    return " ".join([w.lower() for w in kept[:-1]] + [lemma(kept[-1])]) if kept else None


def entity_before(text: str, start: int, floor: int) -> str | None:
    """The name a figure belongs to: the last name in its clause before it ("Labour won 356")."""
    window_start = max(floor, start - 70)
    if not any(char.isupper() for char in text[window_start:start]):
        return None  # no capital letter, so no name
    clause_start = window_start
    for mark in CLAUSE_MARK.finditer(text, window_start, start):
        clause_start = mark.end()
    best = None
    speech = SPEECH.search(text, clause_start, start)
    if speech:
        clause_start = speech.end()  # "Varga said the 410,000 cars": the speaker owns no figure
    for run in CAPITALISED_RUN.finditer(text, clause_start, start):
        words = [w for w in run.group().split() if w.lower().strip("’'.") not in not_names()]
        at_sentence_start = run.start() == floor or not text[floor : run.start()].strip()
        if words and not (at_sentence_start and len(words) == 1 and run.group() == words[0]):
            best = " ".join(words)
    if best is None:
        return None
    return compiled(r"(?:’s|'s)$").sub("", best).lower()


SPEECH = regex.compile(r"\b(?:said|says|say|told|added|announced|confirmed|according\s+to)\b(?!.*\b(?:said|says|say|told|added|announced|confirmed)\b)", regex.IGNORECASE)
AFTER_ENTITY = regex.compile(r"\s+(?:(?:won|taken|held|secured|claimed|backed|supported)\s+by|went\s+to|to|for)\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)")


def entity_after(text: str, end: int, limit: int, fronted: bool = False) -> str | None:
    """"94 to the Liberal Union", "36% for the Social Democrats": a name right after the figure;
    for a figure in a phrase that opens the sentence, the subject after the comma ("With 80
    seats, the Liberal Union ...")."""
    match = AFTER_ENTITY.match(text, end, min(limit, end + 50))
    if match is None and fronted:
        match = SUBJECT_AFTER_COMMA.match(text, end, min(limit, end + 50))
    if match is None or match.group(1).lower() in not_names():
        return None
    return match.group(1).lower()


SUBJECT_AFTER_COMMA = regex.compile(r",\s+(?:the\s+)?(\p{Lu}[\p{L}’'-]*(?:\s+\p{Lu}[\p{L}’'-]*)*)")
FRONTED = regex.compile(r"\s*(?:With|On|At|After|Having)\s+(?:about\s+|some\s+|just\s+|only\s+)?$")
"""A phrase opening the sentence up to the figure ("With 80 seats, ...")."""


@cache
def cue_patterns() -> dict[str, regex.Pattern]:
    return {kind: regex.compile(rf"\b(?:{alternation(words)})\b") for kind, words in time_cues().items()}


YEAR = regex.compile(r"(?<![\d,.£$€])(?:1[89]|20)\d\d(?!\d|,\d|\s*(?:gmt|bst|cet|utc|local|hrs)\b)")


SINCE = regex.compile(r"\bsince\s+(?:\p{L}+\s+){0,6}$")
"""A year after "since" starts a period that runs to the story's time ("since November 2003")."""


WHEN_AFTER = regex.compile(r",?\s+when\b")
"""A year followed by "when" names a past event ("since 2006, when 368 people died")."""


def sentence_time(lowered: str, start: int, end: int, document_year: int | None) -> str | None:
    """The time a sentence's figures belong to when it is not the story's: "other" for a cue such as
    "previous" or "a year ago", the year for a year other than the document's ("in 2019")."""
    if cue_patterns()["other_time"].search(lowered, start, end):
        return "other"
    for year in YEAR.finditer(lowered, start, end):
        value = int(year.group())
        since = SINCE.search(lowered, max(start, year.start() - 50), year.start())
        if value != document_year and (not since or WHEN_AFTER.match(lowered, year.end())):
            return str(value)
    return None


def is_update(lowered: str, start: int, clause_floor: int) -> bool:
    """"The toll rose to 161", "now 45": an update word in the clause just before the figure."""
    window_start = max(clause_floor, start - 50)
    if update_words().isdisjoint(WORDS_OF.findall(lowered, window_start, start)):
        return False  # no word of any update cue: nothing to search for
    for mark in CLAUSE_MARK.finditer(lowered, window_start, start):
        window_start = mark.end()
    return cue_patterns()["update"].search(lowered, window_start, start) is not None


WORDS_OF = regex.compile(r"[a-z]+")


@cache
def update_words() -> frozenset[str]:
    """Every word of every update cue, for a quick look before the search."""
    return frozenset(word for cue in time_cues()["update"] for word in cue.split())


@cache
def death_patterns() -> dict[str, regex.Pattern]:
    data = data_yaml("death_counts.yaml")
    # "before_..." patterns end where the figure starts: searched in reverse, they try that one place.
    return {
        key: regex.compile(value, regex.IGNORECASE | (regex.REVERSE if key.startswith("before_") else 0))
        for key, value in data.items()
        if isinstance(value, str)
    }


@cache
def people_classes() -> frozenset[str]:
    return frozenset(data_yaml("death_counts.yaml")["people"])


def after_death_toll(text: str, start: int) -> bool:
    """"The death toll from the floods near Porto stands at 301": a bare figure counting the dead."""
    return "toll" in text[max(0, start - 100) : start] and death_patterns()["before_figure"].search(text, max(0, start - 100), start) is not None


def people_counted(text: str, start: int, phrase_end: int, head: str | None) -> str | None:
    """What counted people are: "death" ("116 people were killed", "killing 116 people", "the
    death toll rose to 161", "the bodies of 312 people"), "injury" ("315 people were hurt"), or
    the head unchanged."""
    patterns = death_patterns()
    if head in people_classes():
        if patterns["after_people"].match(text, phrase_end) or patterns["before_people"].search(text, max(0, start - 40), start):
            return "death"
        if patterns["injured_after_people"].match(text, phrase_end):
            return "injury"
    elif head is None and patterns["before_figure"].search(text, max(0, start - 100), start):
        return "death"
    return head


@cache
def vote_patterns() -> tuple[frozenset[str], regex.Pattern]:
    data = data_yaml("vote_counts.yaml")
    return frozenset(data["voters"]), regex.compile(data["after_voters"], regex.IGNORECASE)


def counts_votes(text: str, phrase_end: int, head: str | None) -> bool:
    """"297 members voting in favour", "125 MPs who backed the bill", "the 125 who voted yes":
    people counted as votes."""
    voters, after = vote_patterns()
    return (head in voters or head is None) and after.match(text, phrase_end) is not None


DIFFERENCE_BEFORE = regex.compile(
    r"\b(?:margin|majority|lead|gap|difference|shortfall|swing|deficit|advantage)\s+of\s+(?:just\s+|only\s+|some\s+|about\s+)?$|\bby\s+(?:just\s+|only\s+)?$",
    regex.IGNORECASE | regex.REVERSE,
)
"""Searched in reverse, as every pattern here that must end where a figure starts (``$``): a reverse
search tries that one place, a forward one every place in the window, and both find the same."""


PARTICIPLE_BY = regex.compile(r"\b(\p{L}+ed)\s+by\s+(?:just\s+|only\s+)?$", regex.IGNORECASE | regex.REVERSE)


def is_difference(text: str, start: int, floor: int) -> bool:
    """"a majority of 63", "won by 12 votes": the figure is a difference between two counts; but
    not "backed by 100 firms", where "by" names who did it."""
    window = text[max(floor, start - 30) : start]
    if " of " not in window and "by " not in window:
        return False
    match = DIFFERENCE_BEFORE.search(text, max(floor, start - 30), start)
    if match is None:
        return False
    agent = PARTICIPLE_BY.search(text, max(floor, start - 40), start) if match.group().lower().startswith("by") else None
    return agent is None or agent.group(1).lower() in word_set("difference_verbs.txt")


DEFINITE = regex.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|That|(?:of|for|on|in|with|about|to|by|from)\s+that"
    r"|(?<![Aa]t\s+)[Aa]ll(?:\s+(?:the|these|those))?)\s+$",
    regex.REVERSE,
)
"""A determiner that refers back; "that" only as one ("That 54,000 figure", "of that 54,000"), not
as the conjunction of "found that 16% ..."; "all" as in "all 30 starts", the whole of a set the
reader has been told of."""
BACK_REFERENCE_NOUNS = ("figure", "total", "number", "tally", "toll", "sum")
BACK_REFERENCE = regex.compile(
    r"\b(?:the|that|this)\s+(?:figure|total|number|tally|toll|sum)\s+(?:of\s+)?(?:\p{L}+\s+){0,3}?(?:at\s+|was\s+|is\s+|of\s+)?$",
    regex.IGNORECASE | regex.REVERSE,
)


def refers_back(text: str, start: int) -> bool:
    """"the 872 deaths", "those 3,142 homes", "the figure of 54,000": a figure that points at one given before."""
    if DEFINITE.search(text, max(0, start - 14), start):
        return True
    window = text[max(0, start - 50) : start].lower()
    return any(word in window for word in BACK_REFERENCE_NOUNS) and BACK_REFERENCE.search(text, max(0, start - 50), start) is not None
