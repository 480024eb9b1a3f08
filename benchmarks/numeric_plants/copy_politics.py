"""The benchmark's own copy, politics: elections, votes in parliament, interest rates, summits.

Each generator writes a short wire article from invented facts, in phrasings drawn for the split
(``pick``), and plants at most one contradiction of the kind asked for. With no kind it writes a
trap article: every figure right, with the look-alikes that must stay silent (an earlier
election's seats, a seat change, a threshold, another bank's rate, a part of a list).
"""

from __future__ import annotations

import datetime as dt
import random

from numeric_plants.common import MONTHS, WEEKDAYS, Article, pick, spell, transpose
from numeric_plants.world import BANKS, World


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def _day(date: dt.date) -> str:
    return f"{date.day} {MONTHS[date.month - 1]}"


def _birth_year(age: int, today: dt.date, rng: random.Random) -> int:
    return today.year - age - (1 if rng.random() < 0.5 else 0)


def _wrong_year(year: int, rng: random.Random) -> int:
    return year + rng.choice((-4, -3, -2, 2, 3, 4))


def _seat_counts(rng: random.Random, total: int, parties: int) -> list[int]:
    while True:
        cuts = sorted(rng.sample(range(1, total), parties - 1))
        seats = sorted((b - a for a, b in zip([0, *cuts], [*cuts, total])), reverse=True)
        if len(set(seats)) == parties and seats[-1] >= 3 and seats[0] < total * 0.6:
            return seats


def election(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    world = World(rng)
    country = world.country()
    parties = [world.party() for _ in range(4)]
    chamber = rng.choice([101, 151, 179, 200, 349, 450])
    seats = _seat_counts(rng, chamber, 4)
    shares = sorted(rng.sample(range(120, 420), 3), reverse=True)
    shares = [s / 10 for s in shares]
    leader, surname = world.person()
    age = rng.randint(38, 71)
    born = _birth_year(age, date, rng)
    previous = date.year - rng.choice((4, 5))
    turnout, old_turnout = rng.randint(52, 81), rng.randint(52, 81)
    voted = date - dt.timedelta(days=1)
    p1, p2, p3, p4 = parties
    why = ""

    when = pick(rng, ["on {W}", "on {W}", "on {W}"], split).format(W=WEEKDAYS[voted.weekday()])
    if plant == "weekdays":
        wrong = voted + dt.timedelta(days=rng.choice((-1, 1)))
        when = "on " + pick(rng, ["«{W}, {D}»", "«{W} {D}»", "«{W} ({D})»"], split).format(W=WEEKDAYS[voted.weekday()], D=_day(wrong))
        why = f"{_day(wrong)} {wrong.year} was a {WEEKDAYS[wrong.weekday()]}"
    elif plant is None and rng.random() < 0.5:
        when = f"on {WEEKDAYS[voted.weekday()]}, {_day(voted)}"

    first = pick(
        rng,
        [
            "{P1} won {S1} of the {C} seats in {X}'s parliamentary election {WHEN}, official results showed.",
            "{P1} took {S1} seats in the {C}-seat parliament in {X}'s election {WHEN}, according to official results.",
            "Official results from the election in {X} {WHEN} gave {p1} {S1} of the {C} seats in parliament.",
        ],
        split,
    )
    s1_text = f"‹{seats[0]}›" if plant in ("restated", "totals") else str(seats[0])
    paragraphs = [
        pick(rng, ["{P1} wins {X} election", "{X} election: {P1} comes first", "{P1} claims victory in {X}"], split).format(
            P1=_cap(p1)[4:] if p1.startswith("the ") else _cap(p1), X=country
        ),
        first.format(P1=_cap(p1), p1=p1, S1=s1_text, C=chamber, X=country, WHEN=when),
    ]
    others = list(seats[1:])
    other_texts = [str(s) for s in others]
    if plant == "totals":
        index = rng.randrange(3)
        bigger = transpose(str(others[index]), rng)
        new = int(bigger) if bigger and int(bigger) > others[index] else others[index] + rng.choice((10, 20, 11))
        other_texts[index] = f"«{new}»"
        why = f"the parties' seats add up to {sum(seats) - others[index] + new}, more than the {chamber} seats"
    paragraphs.append(
        pick(
            rng,
            [
                "{P2} won {A} seats, {p3} {B} and {p4} {C}.",
                "{P2} came second with {A} seats, ahead of {p3} on {B} and {p4} on {C}.",
                "Of the remaining seats, {A} went to {p2}, {B} to {p3} and {C} to {p4}.",
            ],
            split,
        ).format(P2=_cap(p2), p2=p2, P3=_cap(p3), p3=p3, P4=_cap(p4), p4=p4, A=other_texts[0], B=other_texts[1], C=other_texts[2])
    )
    lead = round(shares[0] - shares[1], 1)
    paragraphs.append(
        pick(
            rng,
            [
                "{P1} won {V1}% of the vote, against {V2}% for {p2} and {V3}% for {p3}.",
                "{P1} polled {V1}% of the vote; {p2} had {V2}% and {p3} {V3}%.",
                "With {V1}% of the vote, {p1} finished ahead of {p2} on {V2}% and {p3} on {V3}%.",
            ],
            split,
        ).format(P1=_cap(p1), p1=p1, p2=p2, p3=p3, V1=f"‹{shares[0]}›" if plant == "margins" else shares[0], V2=shares[1], V3=shares[2])
    )
    paragraphs.append(
        pick(
            rng,
            [
                "Turnout was {T}%, down from {T0}% in {Y0}.",
                "Some {T}% of voters cast a ballot, compared with {T0}% at the {Y0} election.",
                "Turnout reached {T}%; in {Y0} it was {T0}%.",
            ],
            split,
        ).format(T=turnout, T0=old_turnout, Y0=previous)
    )
    needed = chamber // 2 + 1
    if seats[0] >= needed:
        majority = 2 * seats[0] - chamber
        paragraphs.append(f"The result gives {p1} an overall majority of {majority}.")
    else:
        paragraphs.append(
            pick(
                rng,
                [
                    "{P1} is {N} seats short of the {M} needed to govern alone.",
                    "With {S1} seats, {p1} falls {N} short of a majority of {M}.",
                    "{P1} needs {N} more seats to reach the {M} required for a majority.",
                ],
                split,
            ).format(P1=_cap(p1), p1=p1, N=needed - seats[0], M=needed, S1=seats[0])
        )
    age_text = f"‹{age}›" if plant == "ages" else str(age)
    paragraphs.append(
        pick(
            rng,
            [
                "{L}, {A}, is expected to start talks with smaller parties this week.",
                "Party leader {L}, {A}, said the voters had asked for change.",
                "{L}, {A}, thanked supporters at a rally in the capital.",
            ],
            split,
        ).format(L=leader, A=age_text)
    )
    born_text = str(born)
    if plant == "ages":
        wrong_born = _wrong_year(born, rng)
        born_text = f"«{wrong_born}»"
        why = f"born {wrong_born}, but {age} on {date}"
    paragraphs.append(
        pick(
            rng,
            [
                "{S}, who was born in {Y}, has led the party for six years.",
                "Born in {Y}, {S} trained as a lawyer before entering parliament.",
                "{S} was born in {Y} and first stood for parliament a decade ago.",
            ],
            split,
        ).format(S=surname, Y=born_text)
    )
    old_seats = max(3, seats[0] + rng.choice((-23, -14, -9, 8, 12, 19)))
    paragraphs.append(
        pick(
            rng,
            [
                "At the last election, in {Y0}, {p1} won {S0} seats.",
                "{P1} held {S0} seats in the outgoing parliament.",
                "In {Y0}, {p1} won {S0} seats.",
            ],
            split,
        ).format(P1=_cap(p1), p1=p1, S0=old_seats, Y0=previous)
    )
    if plant == "margins":
        wrong_lead = round(lead + rng.choice((-1.0, 1.0, 2.0, -0.6, 0.9)), 1)
        paragraphs.append(
            pick(
                rng,
                [
                    "Analysts said {p1}'s lead of «{L}» points over {p2} was wider than polls had suggested.",
                    "The «{L}»-point lead over {p2} surprised even party officials.",
                    "{P1} finished «{L}» points ahead of {p2}, its best result in years.",
                ],
                split,
            ).format(P1=_cap(p1), p1=p1, p2=p2, L=wrong_lead)
        )
        why = f"a lead of {wrong_lead} points, but {shares[0]}% and {shares[1]}% differ by {lead}"
    elif plant == "restated":
        new = transpose(str(seats[0]), rng) or str(seats[0] + rng.choice((-10, 10)))
        paragraphs.append(
            pick(
                rng,
                [
                    "The «{N}» seats won by {p1} make it the largest party by a distance.",
                    "{P1}'s «{N}» seats leave it needing partners, commentators said.",
                    "With «{N}» seats, {p1} will lead the talks on a new government.",
                ],
                split,
            ).format(P1=_cap(p1), p1=p1, N=new)
        )
        why = f"{new} seats here, {seats[0]} earlier"
    kind = plant or "trap"
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, kind, why)


def vote(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    """A vote in parliament: for and against, the majority, how many more votes were needed."""
    world = World(rng)
    country = world.country()
    minister, surname = world.person()
    seats = rng.choice([349, 435, 460, 577, 650])
    present = seats - rng.randint(5, 60)
    yes = rng.randint(present // 2 + 5, present * 2 // 3)
    no = present - yes - rng.randint(0, 12)
    margin = yes - no
    why = ""
    topic = rng.choice(["pension reform", "the budget", "the energy bill", "the new asylum law", "the defence bill"])
    yes_text, no_text = (f"‹{yes}›", f"‹{no}›") if plant == "margins" else (str(yes), str(no))
    paragraphs = [
        pick(rng, ["{X} parliament passes {T}", "{X} MPs back {T}", "Lawmakers in {X} approve {T}"], split).format(X=country, T=topic),
        pick(
            rng,
            [
                "Lawmakers in {X} approved {T} on {W} by {Y} votes to {N}.",
                "The {X} parliament passed {T} on {W}, with {Y} members voting in favour and {N} against.",
                "{T_} was approved by {Y} votes to {N} in the {X} parliament on {W}.",
            ],
            split,
        ).format(X=country, T=topic, T_=_cap(topic), W=WEEKDAYS[(date - dt.timedelta(days=1)).weekday()], Y=yes_text, N=no_text),
        pick(
            rng,
            [
                "{M}, the minister in charge, said the vote showed broad support.",
                "Minister {M} called the result a mandate for change.",
                "The bill was introduced by {M}, the finance minister.",
            ],
            split,
        ).format(M=minister),
        f"The chamber has {seats} seats; {seats - present} members did not vote.",
    ]
    if plant == "margins":
        wrong = margin + rng.choice((-10, 10, -9, 9)) if margin > 12 else margin + rng.choice((5, 7))
        if len(str(margin)) >= 2 and str(margin)[0] != str(margin)[1] and rng.random() < 0.5:
            wrong = int(str(margin)[::-1])
        paragraphs.append(
            pick(
                rng,
                [
                    "The government's majority of «{D}» was smaller than it had hoped.",
                    "A margin of «{D}» votes gives the government little room on later stages of the bill.",
                    "Opposition leaders said the «{D}»-vote majority showed the country was divided.",
                ],
                split,
            ).format(D=wrong)
        )
        why = f"a majority of {wrong}, but {yes} to {no} is {margin}"
    else:
        paragraphs.append(f"The government's majority of {margin} was smaller than it had hoped.")
    paragraphs.append(
        pick(
            rng,
            [
                "A similar bill was defeated in {Y0} by {A} votes to {B}.",
                "In {Y0}, a first version of the bill fell by {A} votes to {B}.",
                "An earlier attempt, in {Y0}, was rejected {A} to {B}.",
            ],
            split,
        ).format(Y0=date.year - rng.randint(2, 6), A=yes + rng.randint(5, 30), B=no - rng.randint(5, 30))
    )
    if plant == "restated":
        new = transpose(str(yes), rng) or str(yes + 10)
        paragraphs.append(
            pick(
                rng,
                [
                    "The «{N}» votes in favour included several from the opposition.",
                    "Among the «{N}» members who backed the bill were a dozen opposition MPs.",
                    "Of the «{N}» who voted yes, most were from the governing coalition.",
                ],
                split,
            ).format(N=new)
        )
        why = f"{new} votes in favour here, {yes} earlier"
        paragraphs[1] = paragraphs[1].replace(str(yes), f"‹{yes}›", 1)
    paragraphs.append(f"{surname} said the law would take effect next year.")
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)


def rates(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    """An interest-rate decision: the change in basis points or points, the new and old rates."""
    world = World(rng)
    country = world.country()
    governor, surname = world.person()
    old = rng.choice([1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0, 3.25, 3.5, 4.0, 4.5, 4.75])
    step = rng.choice([0.25, 0.5, 0.25, 0.75])
    up = rng.random() < 0.6
    new = old + step if up else old - step
    bank = rng.choice(BANKS)
    verb = "raised" if up else "cut"
    why = ""
    stated_step = step
    if plant == "margins":
        stated_step = step + rng.choice((0.25, -0.25)) if step > 0.25 else 0.5
        why = f"a change of {stated_step} points, but {old}% to {new}% is {step}"
    bp = int(round(stated_step * 100))
    change = pick(
        rng,
        [
            "by {BP} basis points",
            "by {P} percentage points",
            "by {BP} basis points",
        ],
        split,
    ).format(BP=bp, P=f"{stated_step:g}")
    if plant == "margins":
        change = change.replace(str(bp), f"«{bp}»").replace(f"{stated_step:g} ", f"«{stated_step:g}» ")
    other_rate = rng.choice([0.5, 1.0, 1.25, 2.0, 3.75, 5.25])
    paragraphs = [
        pick(rng, ["{X} {V} interest rates", "{X} central bank {V} rates to {N}%", "Rates {V} in {X}"], split).format(
            X=country, V=verb, N=f"{new:g}"
        ),
        pick(
            rng,
            [
                "The {B} of {X} {V} its key interest rate {C} to {N}% from {O}% on {W}.",
                "{X}'s {B} {V} its main rate {C} on {W}, taking it from {O}% to {N}%.",
                "On {W} the {B} of {X} {V} its benchmark rate {C}, to {N}%, from {O}%.",
            ],
            split,
        ).format(
            B=bank, X=country, V=verb, C=change, N=f"{new:g}", O=f"{old:g}", W=WEEKDAYS[(date - dt.timedelta(days=1)).weekday()]
        ),
        pick(
            rng,
            [
                "Governor {G} said inflation, at {I}%, was still above target.",
                "{G}, the governor, said inflation of {I}% called for caution.",
                "Inflation stood at {I}% last month, governor {G} told reporters.",
            ],
            split,
        ).format(G=governor, I=rng.choice([2.4, 3.1, 3.6, 4.2, 5.0])),
        pick(
            rng,
            [
                "The neighbouring {B2} kept its own rate at {R}%.",
                "Elsewhere, the European Central Bank held its rate at {R}%.",
                "A year ago the rate stood at {R}%.",
            ],
            split,
        ).format(B2=rng.choice(BANKS), R=f"{other_rate:g}"),
        f"{surname} said further moves would depend on the data.",
    ]
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)


def summit(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    """A summit of a group of states: the members named, the pledges and their total, a vote share."""
    world = World(rng)
    members = [world.country() for _ in range(rng.randint(4, 8))]
    city = world.city()
    chair, surname = world.person()
    pledges = [rng.choice(range(15, 95, 5)) for _ in range(3)]
    total = sum(pledges)
    delegates = rng.choice([90, 120, 150, 300, 450, 600])
    fraction, share = rng.choice([("two-thirds", 2 / 3), ("three-quarters", 3 / 4), ("a third", 1 / 3), ("half", 1 / 2)])
    backing = int(delegates * share)
    why = ""
    count = len(members)
    listed = ", ".join(members[:-1]) + " and " + members[-1]
    count_text = spell(count)
    if plant == "totals" and rng.random() < 0.4:
        wrong = count + rng.choice((-1, 1))
        count_text = f"«{spell(wrong)}»"
        listed = f"‹{listed}›"
        why = f"{wrong} member states, but {count} are named"
    pledge_total, backing_text = str(total), str(backing)
    if plant == "totals" and not why:
        if rng.random() < 0.5:
            wrong = total + rng.choice((-10, 10, 20))
            pledge_total = f"«{wrong}»"
            why = f"€{pledges[0]}m, €{pledges[1]}m and €{pledges[2]}m add up to €{total}m, not €{wrong}m"
        else:
            wrong_backing = backing + rng.choice((-10, 10, 20, -20))
            backing_text = f"«{wrong_backing}»"
            why = f"{fraction} of {delegates} is {backing}, not {wrong_backing}"
    paragraphs = [
        pick(rng, ["Summit in {C} agrees aid fund", "{C} talks end with pledges", "Leaders meet in {C}"], split).format(C=city),
        pick(
            rng,
            [
                "Leaders of the {K} member states - {L} - met in {C} on {W}.",
                "The group's {K} members, {L}, sent their leaders to {C} for the talks on {W}.",
                "All {K} member states ({L}) were represented at the meeting in {C} on {W}.",
            ],
            split,
        ).format(K=count_text, L=listed, C=city, W=WEEKDAYS[(date - dt.timedelta(days=1)).weekday()]),
        pick(
            rng,
            [
                "They pledged €{A}m, €{B}m and €{D}m to a new fund, a total of €{T}m.",
                "Three donors pledged €{A}m, €{B}m and €{D}m, bringing the fund to €{T}m.",
                "Pledges of €{A}m, €{B}m and €{D}m took the total to €{T}m.",
            ],
            split,
        ).format(A=pledges[0], B=pledges[1], D=pledges[2], T=pledge_total),
    ]
    paragraphs.append(f"A resolution was backed by {fraction} of the {delegates} delegates, or {backing_text}.")
    paragraphs.append(
        pick(
            rng,
            [
                "The chair, {P}, said at least 40 countries had asked to join the fund.",
                "{P}, who chaired the talks, said three of the members wanted a larger fund.",
                "Last year's summit raised €{X}m, {S} said.",
            ],
            split,
        ).format(P=chair, S=surname, X=rng.choice(range(50, 300, 10)))
    )
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)
