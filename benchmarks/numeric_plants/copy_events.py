"""The benchmark's own copy, events: disasters, matches, company news, profiles.

As in ``copy_politics``: invented facts, phrasings drawn for the split, at most one planted
contradiction, and with no kind a trap article whose look-alike figures are all right (a toll
that rose, a rounded figure, an earlier disaster's toll, a 1500m final, a chart position, a
clock time, a per-head figure beside a total).
"""

from __future__ import annotations

import datetime as dt
import random

from numeric_plants.common import (
    MONTHS,
    WEEKDAYS,
    Article,
    pick,
    qualifier_before,
    slip,
    slip_against,
    spell,
    transpose,
    with_commas,
)
from numeric_plants.world import World


def _weekday(date: dt.date, back: int = 1) -> str:
    return WEEKDAYS[(date - dt.timedelta(days=back)).weekday()]


def disaster(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    world = World(rng)
    country, city = world.country(), world.city()
    official, surname = world.person()
    kind = rng.choice(["earthquake", "flood", "storm"])
    dead = rng.randint(23, 480)
    children = rng.randint(3, dead // 3)
    injured = rng.randint(dead, dead * 4)
    homes = rng.randint(1200, 9800)
    previous_dead = rng.randint(100, 2000)
    why = ""
    homes_text = f"‹{with_commas(homes)}›" if plant == "restated" else with_commas(homes)
    paragraphs = [
        pick(rng, ["{K} kills {D} in {X}", "Deadly {k} hits {C}", "{X} {k}: dozens dead"], split).format(
            K=kind.capitalize(), k=kind, D=dead, X=country, C=city
        ),
        pick(
            rng,
            [
                "A powerful {k} struck the region around {C} in {X} on {W}, killing at least {D} people and injuring {I}.",
                "At least {D} people were killed and {I} injured when a {k} hit {C}, in {X}, on {W}.",
                "The {k} that struck {C} on {W} killed at least {D} people, {X}'s government said, and left {I} injured.",
            ],
            split,
        ).format(k=kind, C=city, X=country, W=_weekday(date), D=dead, I=with_commas(injured)),
    ]
    if plant == "totals":
        adults = dead - children + rng.choice((5, 9, 12, 20))
        paragraphs.append(
            pick(
                rng,
                [
                    "Among the {D} dead were {A} children and «{B}» adults, officials said.",
                    "The {D} victims included {A} children and «{B}» adults.",
                    "Of the {D} people killed, {A} were children and «{B}» were adults.",
                ],
                split,
            ).format(D=dead, A=children, B=adults)
        )
        why = f"{children} children and {adults} adults are more than the {dead} dead"
    else:
        paragraphs.append(
            pick(
                rng,
                [
                    "Among the dead were {A} children, officials said.",
                    "The victims included {A} children.",
                    "At least {A} of those killed were children.",
                ],
                split,
            ).format(A=children)
        )
    homes_sentence = pick(
        rng,
        [
            "At least {H} homes were destroyed, according to the civil protection agency.",
            "The agency said {H} homes had been destroyed and many more damaged.",
            "Some {H} homes were destroyed across the province.",
        ],
        split,
    )
    homes_qualifier = qualifier_before(homes_sentence, homes_sentence.index("{H}"))
    paragraphs.append(homes_sentence.format(H=homes_text))
    paragraphs.append(
        pick(
            rng,
            [
                "{O}, the regional governor, said the toll was likely to rise as rescuers reached remote villages.",
                "Governor {O} said teams were still searching the rubble on {W} night.",
                "{O}, who leads the rescue effort, appealed for blood donors.",
            ],
            split,
        ).format(O=official, W=_weekday(date, 0))
    )
    paragraphs.append(
        pick(
            rng,
            [
                "A {k} in {Y} killed {P} people in the same region.",
                "In {Y}, {P} people died in a similar {k} further north.",
                "The region's worst {k} in living memory, in {Y}, killed {P}.",
            ],
            split,
        ).format(k=kind, Y=date.year - rng.randint(5, 40), P=with_commas(previous_dead))
    )
    if plant == "restated":
        new = slip_against(with_commas(homes), homes_qualifier, rng) or with_commas(homes - 1000)
        paragraphs.append(
            pick(
                rng,
                [
                    "Rebuilding the «{N}» destroyed homes will take years, {S} said.",
                    "The «{N}» homes lost will cost millions to rebuild, {S} said.",
                    "{S} said families from the «{N}» destroyed homes were in temporary shelters.",
                ],
                split,
            ).format(N=new, S=surname)
        )
        why = f"{new} destroyed homes here, {with_commas(homes)} earlier"
    elif plant is None:
        rose = dead + rng.randint(4, 40)
        paragraphs.append(
            pick(
                rng,
                [
                    "By {W} evening the death toll had risen to {R}.",
                    "Later on {W}, officials revised the toll up to {R}.",
                    "The number of dead later rose to {R}, state television said.",
                ],
                split,
            ).format(W=_weekday(date, 0), R=rose)
        )
        paragraphs.append(f"About {round(homes, -3):,} homes will need to be rebuilt, {surname} said.")
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)


def football(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    world = World(rng)
    home, away = world.team(), world.team()
    scorer, surname = world.person()
    coach, coach_surname = world.person()
    a, b = rng.choice([(2, 0), (3, 1), (4, 1), (2, 1), (3, 0), (4, 2), (1, 0), (5, 2)])
    minute = rng.randint(12, 89)
    crowd = rng.randint(8000, 61000)
    age = rng.randint(19, 34)
    why = ""
    score = f"‹{a}-{b}›" if plant in ("restated", "margins") else f"{a}-{b}"
    minute_text = str(minute)
    paragraphs = [
        pick(rng, ["{H} beat {A}", "{H} see off {A}", "{A} lose at {H}"], split).format(H=home, A=away),
        pick(
            rng,
            [
                "{H} beat {A} {S} on {W} in front of {C} fans.",
                "{H} won {S} against {A} on {W}, watched by a crowd of {C}.",
                "A crowd of {C} saw {H} beat {A} {S} on {W}.",
            ],
            split,
        ).format(H=home, A=away, S=score, W=_weekday(date), C=with_commas(crowd)),
        pick(
            rng,
            [
                "{P}, {G}, opened the scoring in the {M}th minute.",
                "The {G}-year-old {P} scored first, in the {M}th minute.",
                "{P}, {G}, put them ahead after {M} minutes.",
            ],
            split,
        ).format(P=scorer, G=age, M=minute_text),
        pick(
            rng,
            [
                "Kick-off had been moved to 1945 local time because of the heat.",
                "The match, the first of the 2024-25 season at the ground, kicked off at 1500.",
                "It was their 12th win in 20 league games this season.",
            ],
            split,
        ),
    ]
    if plant == "restated":
        options = [(a + 1, b), (a, b + 1), (a - 1, b)] if a - 1 > b else [(a + 1, b), (a, b + 1)]
        new_a, new_b = rng.choice(options)
        paragraphs.append(
            pick(
                rng,
                [
                    "Coach {C} said the «{A}-{B}» win was the team's best display of the season.",
                    "After the «{A}-{B}» victory, {C} praised his defence.",
                    "The «{A}-{B}» result lifts {H} to third.",
                ],
                split,
            ).format(C=coach, A=new_a, B=new_b, H=home)
        )
        why = f"the {a}-{b} win restated as {new_a}-{new_b}"
    elif plant == "margins":
        wrong = a - b + rng.choice((1, 2)) if a - b < 3 else a - b - 1
        paragraphs.append(
            pick(
                rng,
                [
                    "Coach {C} said the «{N}»-goal margin did not flatter his side.",
                    "Winning by «{N}» goals keeps {H} in the race, {C} said.",
                    "A «{N}»-goal win is their biggest of the season.",
                ],
                split,
            ).format(C=coach, N=spell(wrong), H=home)
        )
        why = f"a {wrong}-goal margin, but the score was {a}-{b}"
    else:
        paragraphs.append(f"Coach {coach} said the {a}-{b} win was the team's best display of the season.")
    paragraphs.append(f"{coach_surname}'s side play again on {_weekday(date, -4)}.")
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)


def games(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    """A medal table, a squad by position, a cricket result: parts, totals and margins."""
    world = World(rng)
    country = world.country()
    athlete, surname = world.person()
    gold, silver, bronze = rng.randint(5, 40), rng.randint(5, 40), rng.randint(5, 40)
    medals = gold + silver + bronze
    keepers, defenders, midfielders, forwards = 3, rng.randint(7, 9), rng.randint(7, 9), rng.randint(4, 6)
    squad = keepers + defenders + midfielders + forwards
    target = rng.randint(180, 330)
    made = target - 1 - rng.randint(1, 12)
    why = ""
    total_text, squad_text, runs_text = str(medals), str(squad), spell(target - 1 - made)
    if plant == "totals":
        if rng.random() < 0.5:
            wrong = medals + rng.choice((-10, 10, -1, 1, 9))
            total_text = f"«{wrong}»"
            why = f"{gold}, {silver} and {bronze} add up to {medals}, not {wrong}"
        else:
            wrong = squad + rng.choice((-1, 1))
            squad_text = f"«{wrong}»"
            why = f"the positions add up to {squad}, not {wrong}"
    elif plant == "margins":
        wrong = target - 1 - made + rng.choice((2, 3, -1)) if target - 1 - made > 2 else target - 1 - made + 2
        runs_text = f"«{spell(wrong)}»"
        why = f"chasing {target} they made {made}: beaten by {target - 1 - made}, not {wrong}"
    paragraphs = [
        pick(rng, ["{X} top the medal table", "{X} name squad and celebrate medals", "Medals, a squad and a narrow defeat"], split).format(X=country),
        pick(
            rng,
            [
                "{X} finished the games with {G} gold, {S} silver and {B} bronze medals, {T} in all.",
                "With {G} golds, {S} silvers and {B} bronzes, {X} ended with a total of {T} medals.",
                "{X} won {T} medals: {G} gold, {S} silver and {B} bronze.",
            ],
            split,
        ).format(X=country, G=gold, S=silver, B=bronze, T=total_text),
        pick(
            rng,
            [
                "{P} won the 1500m final in three minutes 38 seconds.",
                "{P}, 24, took gold in the 10,000m final.",
                "{P} won the 400m final, the country's first since 1996.",
            ],
            split,
        ).format(P=athlete),
        pick(
            rng,
            [
                "The football squad of {N} players includes {K} goalkeepers, {D} defenders, {M} midfielders and {F} forwards.",
                "The coach named a squad of {N}: {K} goalkeepers, {D} defenders, {M} midfielders and {F} strikers.",
                "The {N}-man squad has {K} goalkeepers, {D} defenders, {M} midfielders and {F} forwards.",
            ],
            split,
        ).format(N=squad_text, K=keepers, D=defenders, M=midfielders, F=forwards),
        pick(
            rng,
            [
                "In the cricket, {X} were beaten by {R} runs: chasing {T}, they were all out for {M}.",
                "The cricketers, set {T} to win, were bowled out for {M} and lost by {R} runs.",
                "Chasing {T} for victory, {X} made {M}, a defeat by {R} runs.",
            ],
            split,
        ).format(X=country, R=runs_text, T=target, M=made),
        f"{surname} said the team would be stronger at the next games in {date.year + 4}.",
    ]
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)


def company(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    """A recall and a results statement: vehicles recalled, revenue by division, per-share figures."""
    world = World(rng)
    name = world.company()
    boss, surname = world.person()
    recalled = rng.randint(120, 990) * 1000
    divisions = [rng.randint(20, 95) for _ in range(3)]
    revenue = sum(divisions)
    staff = rng.randint(2000, 40000)
    why = ""
    recalled_text = f"‹{with_commas(recalled)}›" if plant == "restated" else with_commas(recalled)
    revenue_text = str(revenue)
    if plant == "totals":
        wrong = revenue + rng.choice((-10, 10, 15, -5))
        revenue_text = f"«{wrong}»"
        why = f"€{divisions[0]}m, €{divisions[1]}m and €{divisions[2]}m make €{revenue}m, not €{wrong}m"
    paragraphs = [
        pick(rng, ["{N} recalls cars", "{N} recall hits profits", "Carmaker {N} recalls vehicles"], split).format(N=name),
        pick(
            rng,
            [
                "{N} said on {W} it was recalling {R} vehicles to fix a faulty brake sensor.",
                "Carmaker {N} is recalling {R} vehicles worldwide over a brake fault, it said on {W}.",
                "{N} will recall {R} cars because of a fault in the brakes, the company said on {W}.",
            ],
            split,
        ).format(N=name, W=_weekday(date), R=recalled_text),
        pick(
            rng,
            [
                "Its three divisions earned €{A}m, €{B}m and €{C}m in the quarter, a total of €{T}m.",
                "Quarterly revenue of €{T}m came from its three divisions: €{A}m, €{B}m and €{C}m.",
                "The three divisions reported €{A}m, €{B}m and €{C}m, or €{T}m in all.",
            ],
            split,
        ).format(A=divisions[0], B=divisions[1], C=divisions[2], T=revenue_text),
        pick(
            rng,
            [
                "The company employs {S} people and paid a dividend of 12 cents a share.",
                "{N}, which has {S} staff, earned 41 cents per share.",
                "With {S} employees, revenue per worker was about €{P},000.",
            ],
            split,
        ).format(S=with_commas(staff), N=name, P=rng.randint(5, 60)),
        pick(
            rng,
            [
                "A year ago it recalled {O} cars over a steering fault.",
                "In {Y} {N} recalled {O} vehicles.",
                "Its last recall, in {Y}, covered {O} vehicles.",
            ],
            split,
        ).format(O=with_commas(rng.randint(100, 900) * 1000), Y=date.year - 2, N=name),
    ]
    if plant == "restated":
        new = slip(with_commas(recalled), rng)
        paragraphs.append(
            pick(
                rng,
                [
                    "Owners of the «{N}» recalled vehicles will be contacted by letter, {S} said.",
                    "{S} said the «{N}» affected cars would be fixed free of charge.",
                    "Fixing the «{N}» vehicles will cost about €40m, the company said.",
                ],
                split,
            ).format(N=new, S=boss)
        )
        why = f"{new} recalled vehicles here, {with_commas(recalled)} earlier"
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)


def profile(rng: random.Random, split: str, plant: str | None, id: str, date: dt.date, source: str) -> Article:
    """A profile: an age this year, an age at an event, a birth year, said in different places."""
    world = World(rng)
    name, surname = world.person()
    city = world.city()
    age = rng.randint(32, 70)
    turned_this_year = rng.random() < 0.5
    born = date.year - age if turned_this_year else date.year - age - 1
    event_year = rng.randint(born + 22, date.year - 2)
    event_age = event_year - born - rng.choice((0, 1))
    why = ""
    born_text, event_text = str(born), str(event_age)
    if plant == "ages":
        if rng.random() < 0.5:
            wrong = born + rng.choice((-3, -2, 2, 3, 4))
            born_text = f"«{wrong}»"
            why = f"born {wrong}, but {age} in {date.year}"
        else:
            wrong = event_age + rng.choice((-3, -2, 2, 3))
            event_text = f"«{wrong}»"
            why = f"{wrong} in {event_year}, but born {born}"
    opener = (
        f"{name}, who turned {age} this {'spring' if date.month in (3, 4, 5, 6) else 'year'},"
        if turned_this_year
        else f"{name}, {age},"
    )
    paragraphs = [
        pick(rng, ["Profile: {N}", "{N}: the quiet favourite", "Who is {N}?"], split).format(N=name),
        f"{opener} is the favourite to become the next head of the national orchestra.",
        pick(
            rng,
            [
                "Born in {C} in {B}, {S} studied the violin before turning to conducting.",
                "{S} was born in {B} in {C} and studied music there.",
                "{S}, born in {C} in {B}, began playing at the age of six.",
            ],
            split,
        ).format(C=city, B=born_text, S=surname),
        pick(
            rng,
            [
                "At {A}, in {Y}, {S} became the youngest director in the orchestra's history.",
                "In {Y}, aged {A}, {S} took over the city's opera house.",
                "{S} was {A} when, in {Y}, the opera house offered a first contract.",
            ],
            split,
        ).format(A=event_text, Y=event_year, S=surname),
        pick(
            rng,
            [
                "The orchestra, founded in 1921, has 96 musicians and gives 80 concerts a year.",
                "The post has been vacant since March; the previous director served 14 years.",
                "{S} has recorded 23 albums and conducted more than 400 concerts.",
            ],
            split,
        ).format(S=surname),
    ]
    return Article.from_marked(id, "\n\n".join(paragraphs), date.isoformat(), source, plant or "trap", why)
