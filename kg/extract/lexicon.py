"""The pattern tables in ontology/lexicons, loaded once. Editing those files changes extraction."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.config import ONTOLOGY_DIR


def _lines(path: Path) -> list[str]:
    return [
        line.rstrip("\n")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _words(path: Path) -> frozenset[str]:
    return frozenset(w.strip().lower() for w in _lines(path))


def _pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in _lines(path):
        key, value = line.split("\t")
        pairs.append((key.strip(), value.strip()))
    return pairs


def _table(path: Path) -> dict[str, str]:
    return {key.lower(): value for key, value in _pairs(path)}


# Peerage titles: "Lord Roberts of Conwy" is known by his title, and "of Conwy" is part of it.
PEERS = frozenset({"lord", "lady", "baroness", "baron", "viscount", "earl", "countess", "duke", "duchess", "marquess"})
# Royal and religious titles before a given name: "Prince Charles" has no surname, and is not "Ray Charles".
ROYALS = frozenset({"prince", "princess", "king", "queen", "pope", "emperor", "empress", "sheikh", "sheik"})


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # "give asylum to" -> "kg:grantedAsylumTo"
    roles: dict[str, str]  # "spokesman" -> "kg:spokespersonFor"
    kinds: dict[str, str]  # "embassy" -> "Organization"
    cues: frozenset[str]  # speech verbs: "say", "add"
    titles: frozenset[str]  # words that may precede a name as a title
    state_abbreviations: dict[str, str]  # "conn." -> "Connecticut"
    demonyms: dict[str, str]  # irregular nationality words: "french" -> "France"
    agencies: dict[str, str]  # news agencies as written -> home country code: "Interfax" -> "RU"
    person_nouns: frozenset[str]  # "professor": whoever is one is a person
    not_employment: frozenset[str]  # "patient", "student": a tie to a body that is no job
    place_nouns: frozenset[str]  # "capital": whatever is one is a place
    aliases: dict[str, tuple[str, str]]  # "britain" -> ("United Kingdom", "Country"); "tories" -> a party
    hyphenated_roles: frozenset[str]  # "co-ordinator", "vice-chairman": one token each
    portfolios: frozenset[str]  # "home", "culture", "fisheries": before "Secretary", part of the title
    parties: frozenset[str]  # political parties' names and other names, lower case: "tory", "labour party"

    def agency_home(self, name: str) -> str | None:
        return self.agencies.get(name) or next((h for a, h in self.agencies.items() if a.upper() == name), None)

    def verb_property(self, *patterns: str) -> str | None:
        for pattern in patterns:
            if pattern in self.verbs:
                return self.verbs[pattern]
        return None

    def role_property(self, role: str) -> str | None:
        """Match a role phrase ('executive director') on its longest known suffix; a co-founder is a
        founder, but a vice-chairman, a deputy leader or an assistant director is not the chairman,
        leader or director: only someone who works for the body."""
        words = role.lower().split()
        for i in range(len(words)):
            found = self.roles.get(" ".join(words[i:]))
            if found:
                if found != "kg:worksFor" and any(w in DEPUTY_WORDS for w in words[:i]):
                    return "kg:worksFor"
                if found in HEAD_ROLES and any(w in self.portfolios or w in FIELD_WORDS for w in words[:i]):
                    return "kg:worksFor"  # "EU foreign policy chief", "election chief": heads a part of it
                return found
        if words and "-" in words[-1]:
            first, rest = words[-1].split("-", 1)
            if first == "co":
                return self.role_property(rest)
            if first in DEPUTY_WORDS and self.role_property(rest):
                return "kg:worksFor"
        return None

    def is_title(self, word: str) -> bool:
        """A title word, hyphenated ones by their last part: 'minister', 'co-founder', 'vice-chairman'."""
        return _listed(word.lower().rstrip("."), self.titles)

    def is_portfolio(self, words: list[str]) -> bool:
        """'Home', 'Culture', 'Foreign Affairs', 'Work and Pensions': what a minister is for, not a body."""
        words = [w.lower() for w in words]
        while words and words[0] in ("new", "shadow", "former"):
            words = words[1:]
        return any(w != "and" for w in words) and all(w in self.portfolios or w == "and" for w in words)

    def is_person_noun(self, word: str) -> bool:
        return _listed(word.lower(), self.person_nouns)

    def is_employment(self, word: str) -> bool:
        """False for what someone is to a body without working for it: a patient, a student, a sniper."""
        return not _listed(word.lower(), self.not_employment)


# Roles that head a body: a field before them ("foreign policy chief") makes them head a part of it.
HEAD_ROLES = frozenset({"kg:leaderOf", "kg:presidentOf", "kg:directorOf"})
# Fields a head role may be the head of, within a body: "election chief", "marketing director",
# "investment director", "football chief" (an adjective, "embattled chairman", leaves him the head).
FIELD_WORDS = frozenset({
    "election", "campaign", "marketing", "sales", "investment", "investments", "project", "policy",
    "communications", "strategy", "technology", "research", "design", "security", "media", "press",
    "development", "programme", "program", "operations", "football", "cricket", "rugby", "sports", "music",
    "news", "editorial", "creative", "commercial", "legal", "medical", "transport", "energy", "fashion",
    "film", "games", "brand", "product", "planning", "equities", "trading", "risk", "compliance",
})


# A second to the role that follows: "vice president", "deputy leader", "assistant director".
DEPUTY_WORDS = frozenset({"vice", "deputy", "assistant", "associate", "under", "junior"})


def _listed(word: str, words: frozenset[str]) -> bool:
    """``word`` or, hyphenated, its last part is in ``words`` (the lists hold the base words)."""
    return word in words or ("-" in word and word.rsplit("-", 1)[1] in words)


@lru_cache(maxsize=2)
def census_names(kind: str) -> frozenset[str]:
    """Given names ("first": about 5,000) or surnames ("last": about 89,000) of the US census, lower
    case: the `names` package's data."""
    if kind == "first":
        return frozenset(_first_name_shares())
    from importlib.resources import files

    lines = files("names").joinpath("dist.all.last").read_text(encoding="ascii").splitlines()
    return frozenset(line.split()[0].lower() for line in lines if line.strip())


@lru_cache(maxsize=1)
def _first_name_shares() -> dict[str, tuple[float, float]]:
    """Given name -> (share of US men, share of US women) per cent, from the census tables."""
    from importlib.resources import files

    shares: dict[str, list[float]] = {}
    for column, table in enumerate(("dist.male.first", "dist.female.first")):
        for line in files("names").joinpath(table).read_text(encoding="ascii").splitlines():
            if line.strip():
                name, share = line.split()[:2]
                shares.setdefault(name.lower(), [0.0, 0.0])[column] = float(share)
    return {name: (male, female) for name, (male, female) in shares.items()}


# Given names the US census gives to women that elsewhere are mostly men's (Andrea Pirlo, Yuri Gagarin).
NOT_US_GENDER = frozenset({"andrea", "nicola", "nikita", "sasha", "yuri", "jean", "simone", "michele", "gabriele",
                           "daniele", "luca", "misha", "kim", "rene", "dominique", "claude", "ashley"})


def first_name_gender(name: str) -> str | None:
    """'m' or 'f' when a given name is borne almost only by men or by women (9 in 10 by the census
    shares: "Steven", "Ruth"; "Kelly", "Jordan" and the names above neither), else None."""
    if name.lower() in NOT_US_GENDER:
        return None
    male, female = _first_name_shares().get(name.lower(), (0.0, 0.0))
    if male + female == 0:
        return None
    if male >= 9 * female:
        return "m"
    if female >= 9 * male:
        return "f"
    return None


@lru_cache(maxsize=1)
def lexicon(directory: Path = ONTOLOGY_DIR / "lexicons") -> Lexicon:
    alias_rows = [line.split("\t") for line in _lines(directory / "aliases.tsv")]
    return Lexicon(
        verbs=_table(directory / "verbs.tsv"),
        roles=_table(directory / "roles.tsv"),
        kinds=_table(directory / "kinds.tsv"),
        cues=_words(directory / "cues.txt"),
        titles=_words(directory / "titles.txt"),
        state_abbreviations=_table(directory / "us_states.tsv"),
        demonyms=_table(directory / "demonyms.tsv"),
        agencies=dict(_pairs(directory / "news_agencies.tsv")),
        person_nouns=_words(directory / "person_nouns.txt"),
        not_employment=_words(directory / "not_employment.txt"),
        place_nouns=_words(directory / "place_nouns.txt"),
        hyphenated_roles=_words(directory / "hyphenated_roles.txt"),
        portfolios=_words(directory / "portfolios.txt"),
        aliases={name.lower(): (canonical, cls) for name, canonical, cls, *_ in alias_rows},
        parties=frozenset(name.lower() for name, _, _, *kind in alias_rows if kind == ["party"]),
    )
