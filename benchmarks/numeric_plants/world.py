"""The people, places, parties and outlets of the benchmark's own copy (invented, plausible)."""

from __future__ import annotations

import random

GIVEN = """Anna Maria Elena Sofia Ingrid Amara Chiara Leila Nadia Yuki Priya Olga Marta Ines Grace Hannah Zainab Lucia
Ewa Katarina Peter Jonas Marco Tomas Rafael Ahmed Kenji Ravi Pavel Lars Diego Samuel Omar Viktor Felix Andre Karim
Stefan Julian Mateo Emeka Hugo Nikolai Daniel Tariq""".split()
SURNAMES = """Lindqvist Okafor Moreau Tavares Holmqvist Ferreira Dubois Tanabe Kowalski Novak Haddad Mensah Varga
Castellano Brennan Rasmussen Petrov Silva Nakamura Osei Lindgren Marchetti Jansen Kaur Volkov Adeyemi Horvat Bauer
Morales Sato Ndiaye Kaminski Aalto Fischer Quintero Oyelaran Demir Lucchesi Sorensen Balogun Weiss Ortega Costa
Hamid Eriksen Rossi Koenig Abara Larsen""".split()
COUNTRIES = """Norway Portugal Chile Ghana Finland Croatia Uruguay Slovenia Estonia Kenya Malta Latvia Ireland Denmark
Austria Slovakia Namibia Iceland Belgium Tunisia Peru Paraguay Botswana Lithuania""".split()
CITIES = """Tampere Porto Valparaiso Kumasi Bergen Split Salto Maribor Tartu Mombasa Gozo Riga Cork Aarhus Graz Kosice
Windhoek Akureyri Ghent Sfax Cartago Encarnacion Maun Kaunas Lyon Leeds Bilbao Turin Utrecht Krakow""".split()
PARTIES = [
    "the Social Democrats", "the National Party", "the Green Alliance", "the Liberal Union", "the Centre Party",
    "the People's Movement", "the Labour Party", "the Christian Democrats", "the Reform Party", "the Left Alliance",
    "the Farmers' Union", "the Progress Party",
]
BANKS = ["central bank", "Reserve Bank", "National Bank", "monetary authority"]
TEAMS = """Rovers United Athletic Wanderers Albion City Rangers Celtic Dynamo Olympic Sporting Real""".split()
SOURCES = ["wire-a", "wire-b", "daily-c", "herald-d", "times-e", "post-f", "news-g", "gazette-h"]
COMPANIES = """Norvik Altamira Kestrel Halden Brightwater Corvina Sundstrom Meridian Larkspur Tallis Orbis Valmet""".split()


class World:
    """Draws names without repeating them inside one article."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _fresh(self, pool: list[str]) -> str:
        options = [item for item in pool if item not in self.used] or pool
        choice = self.rng.choice(options)
        self.used.add(choice)
        return choice

    def person(self) -> tuple[str, str]:
        """(full name, surname)."""
        surname = self._fresh(SURNAMES)
        return f"{self._fresh(GIVEN)} {surname}", surname

    def country(self) -> str:
        return self._fresh(COUNTRIES)

    def city(self) -> str:
        return self._fresh(CITIES)

    def party(self) -> str:
        return self._fresh(PARTIES)

    def team(self) -> str:
        return f"{self._fresh(CITIES)} {self._fresh(TEAMS)}"

    def company(self) -> str:
        return self._fresh(COMPANIES)
