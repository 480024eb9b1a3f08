"""Comparing two mentions: are they the same quantity of the same thing at the same time, and
can both values be true?

The first question is answered from the mentions' fields alone (unit, currency, what is counted,
base, entity, time); the second from their intervals, with room for rounding ("about 1.5
million" and "1,486,000") and for a per-side figure against a total of twice it.
"""

from __future__ import annotations

import math
import re

from rules.numeric.mentions import Mention

ROUNDED_ZEROS = 2
"""Trailing zeros that make a whole number in digits read as rounded: "300 homes" may stand for
312, but "10 countries" means ten (writers round hundreds and thousands, not small counts)."""
NUMBER_PART = re.compile(r"[\d,]*\.?\d+")


def thing(mention: Mention) -> tuple:
    """What a mention measures, as a key: mentions with different keys are never the same quantity."""
    return (mention.unit, mention.currency, mention.counted, mention.base, mention.per_side)


def same_quantity(a: Mention, b: Mention) -> bool:
    """Same thing counted (by ``thing``), the same words before it, the same entity and time."""
    if thing(a) != thing(b):
        return False
    if a.modifiers and b.modifiers and a.modifiers != b.modifiers:
        return False
    if a.entity and b.entity and a.entity != b.entity:
        return False
    return a.time == b.time


def interval(mention: Mention, slack: float = 0.0) -> tuple[float, float]:
    high = math.inf if mention.high is None else mention.high
    return mention.low * (1 - slack), high * (1 + slack)


def meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def compatible(a: Mention, b: Mention, slack: float = 0.0) -> bool:
    """Whether two statements of one quantity can both be true.

    A per-side figure ("1,000 each") also agrees with a total of twice it; a rounded figure
    agrees with any figure that rounds to it ("1.5 million" and 1,486,000; 1,000 and 1,012), but
    not with one of the same precision (45,000 and 46,000) or off by more than its rounding
    (410,000 and 401,000)."""
    if a.exact and b.exact and abs(a.value - b.value) <= max(precision(a), precision(b)) / 2:
        return True
    wa, wb = interval(a, slack), interval(b, slack)
    if meet(wa, wb):
        return True
    if a.per_side != b.per_side:
        side, whole = (wa, wb) if a.per_side else (wb, wa)
        return meet((side[0] * 2, side[1] * 2), whole)
    return False


def precision(mention: Mention) -> float:
    """The rounding a figure's writing implies: 1 for "412" and "20", 100 for "300", 10,000 for
    "410,000", 0.1bn for "£2.4bn"."""
    if mention.spelled:
        return 1.0
    number = NUMBER_PART.match(mention.written)
    if number is None:
        return 1.0
    written = number.group().replace(",", "")
    factor = mention.value / float(written) if float(written) else 1.0
    if "." in written:
        return factor * 10 ** -len(written.partition(".")[2])
    zeros = len(written) - len(written.rstrip("0"))
    if zeros < ROUNDED_ZEROS and factor == 1.0:
        return 1.0
    return factor * 10**zeros


def transposed(a: Mention, b: Mention) -> bool:
    """3,412 and 3,142; £2.4bn and £4.2bn: the same digits in another order, same magnitude."""
    x, y = a.digits, b.digits
    return len(x) == len(y) and len(significant(x)) >= 2 and x != y and sorted(x) == sorted(y)


def one_digit_off(a: Mention, b: Mention) -> bool:
    """827 and 837; 45,000 and 46,000: one digit changed, same magnitude and precision."""
    x, y = a.digits, b.digits
    return len(x) == len(y) and len(significant(x)) == len(significant(y)) and sum(p != q for p, q in zip(x, y)) == 1


def slip_strength(a: Mention, b: Mention) -> int:
    """How surely two values are one slip of the hand apart: 2 for digits swapped (3,412 and
    3,142) or one of three or more significant digits changed (827 and 837); 1 for one of two
    changed (14 and 12), which different figures often are by chance; 0 for no slip. Round
    figures of one significant digit (40,000 and 30,000) are no slip: most pairs are one apart."""
    if a.spelled or b.spelled:  # words do not slip a digit, but a restatement in words may swap two
        return 2 if transposed(a, b) else 0
    if transposed(a, b):
        return 2
    if one_digit_off(a, b):
        return 2 if len(significant(a.digits)) >= 3 else (1 if len(significant(a.digits)) == 2 else 0)
    return 0


def significant(digits: str) -> str:
    return digits.rstrip("0") or "0"
