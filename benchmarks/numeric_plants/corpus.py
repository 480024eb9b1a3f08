"""Clusters of reports on one event from several outlets, for the corpus phase (NUM002).

A planted cluster has one outlet whose toll slipped (digits swapped or one changed); a trap
cluster agrees (with rounding, "at least", and a toll that rose a day later), and trap pairs put
two events of one kind in the same week in different countries, with different tolls.
"""

from __future__ import annotations

import datetime as dt
import random

from numeric_plants.common import WEEKDAYS, Article, pick, qualifier_before, slip_against
from numeric_plants.world import SOURCES, World

EVENTS = {
    "ferry": ("ferry sinking", "A ferry sank", "the ferry disaster"),
    "train": ("train crash", "Two trains collided", "the rail crash"),
    "mine": ("mine collapse", "A mine collapsed", "the mine disaster"),
    "fire": ("factory fire", "A fire swept through a factory", "the factory fire"),
    "quake": ("earthquake", "An earthquake struck", "the quake"),
    "flood": ("floods", "Flash floods hit", "the floods"),
}
LEADS = [
    "{E} near {C}, {X}, on {W}, killing {N} people, officials said.",
    "At least {N} people died when {e} near {C} in {X} on {W}.",
    "The death toll from {the} near {C}, {X}, stands at {N}, the authorities said on {W}.",
    "{N} people were killed in {the} near {C}, in {X}, on {W}, according to officials.",
    "Officials in {X} said {N} people had died in {the} near {C} on {W}.",
    "{E} near {C} on {W}, leaving {N} people dead, {X}'s government said.",
    "Rescuers near {C}, {X}, have recovered the bodies of {N} people after {the} on {W}.",
    "{the_} near {C} on {W} has claimed {N} lives, {X}'s health ministry said.",
    "{N} people are confirmed dead after {e} near {C}, {X}, on {W}.",
]
SECONDS = [
    "{O}, who is leading the rescue, said {I} people were injured.",
    "Rescue chief {O} said {I} people had been taken to hospital.",
    "{I} people were injured, according to {O}, the regional governor.",
    "{O}, the interior minister, said {I} people were hurt.",
    "The injured numbered {I}, {O} told reporters.",
    "{O} said the {I} injured were being treated in {C}.",
]
THIRDS = [
    "It is the worst disaster in {X} since {Y}, when {P} people died.",
    "{X} declared three days of mourning.",
    "{O2}, a local official, said families were gathering at the scene.",
    "Investigators are trying to establish the cause.",
    "In {Y}, a similar disaster in {X} killed {P}.",
    "Neighbouring countries offered help on {W2}.",
]


def _zeros(figure: str) -> int:
    """Trailing zeros: a slip that adds them (301 -> 300) reads as rounding, not as a slip."""
    return len(figure) - len(figure.rstrip("0"))


def cluster(
    rng: random.Random, split: str, planted: bool, id_prefix: str, date: dt.date, size: int, event_key: str | None = None
) -> list[Article]:
    """Reports on one event from ``size`` outlets; if ``planted``, one of them gives a slipped toll."""
    world = World(rng)
    country, city = world.country(), world.city()
    official, _ = world.person()
    other_official, _ = world.person()
    event_key = event_key or rng.choice(sorted(EVENTS))
    noun, lead_phrase, the_event = EVENTS[event_key]
    dead = rng.randint(23, 640)
    injured = rng.randint(dead // 2, dead * 3)
    injured_text = f"{injured:,}"
    past_year = date.year - rng.randint(6, 30)
    past_dead = rng.randint(40, 900)
    sources = rng.sample(SOURCES, size)
    wrong_at = rng.randrange(1, size) if planted else -1
    articles = []
    own_leads = [v for i, v in enumerate(LEADS) if (i % 3 == 2) == (split == "held")]
    leads = rng.sample(own_leads, min(size, len(own_leads)))
    leads += rng.sample(own_leads * 2, size - len(leads))
    for index, source in enumerate(sources):
        day = date + dt.timedelta(days=rng.choice((0, 0, 1)))
        toll = str(dead)
        why = ""
        if index == wrong_at:
            qualifier = qualifier_before(leads[index], leads[index].index("{N}"))
            slips = (slip_against(toll, qualifier, rng) for _ in range(12))
            slipped = next((s for s in slips if s and _zeros(s) == _zeros(toll)), str(dead - 11))
            toll = f"«{slipped}»"
            why = f"{slipped} dead here; the other outlets report {dead}"
        elif not planted and index == size - 1 and rng.random() < 0.5:
            toll = f"about {round(dead, -1)}" if dead >= 100 else f"at least {dead - rng.randint(1, 5)}"
        lead = leads[index].format(
            E=lead_phrase, e=lead_phrase[0].lower() + lead_phrase[1:], the=the_event, the_=the_event.capitalize(), C=city, X=country,
            W=WEEKDAYS[(day - dt.timedelta(days=1)).weekday()], N=toll,
        )
        lead = lead[0].upper() + lead[1:]
        if lead.endswith(" said.") or lead.endswith("officials."):
            lead = lead[:-1] + rng.choice([".", " on " + WEEKDAYS[day.weekday()] + ".", ", reports said."])
        paragraphs = [
            pick(rng, ["{X} mourns after {N}", "{N_} in {X}", "Dozens dead in {X} {N}"], split).format(
                X=country, N=noun, N_=noun.capitalize()
            ),
            lead,
            pick(rng, SECONDS, split).format(O=official, I=injured_text, C=city),
            pick(rng, THIRDS, split).format(
                X=country, Y=past_year, P=past_dead, O2=other_official, W2=WEEKDAYS[day.weekday()]
            ),
        ]
        if not planted and index == size - 1:
            risen = dead + rng.randint(3, 30)
            paragraphs.append(f"Later, officials said the toll had risen to {risen}.")
        articles.append(
            Article.from_marked(
                f"{id_prefix}-{index}", "\n\n".join(paragraphs), day.isoformat(), source,
                "corpus" if index == wrong_at else ("trap" if not planted else "cluster"), why,
            )
        )
    return articles
