"""The plain, frozen data that flows between pipeline stages.

Everything holds character offsets into ``Document.text`` rather than live spaCy objects, so it
pickles across processes and serialises to JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Mapping


class Factuality(str, Enum):
    """How the source puts a claim forward. Only ASSERTED claims become plain triples."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    ALLEGED = "alleged"
    DENIED = "denied"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"
    FORMER = "former"  # a tie held once and no longer: "former Vodafone boss Chris Gent"


@dataclass(frozen=True)
class Document:
    id: str  # content hash of ``text``
    text: str  # cleaned article text; every offset in kg points into it
    title: str = ""
    source: str = ""  # path, URL or "<stdin>"
    published: str | None = None  # ISO date when known
    meta: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Provenance:
    doc_id: str
    sentence: int  # index into the document's sentences
    start: int  # evidence span, character offsets into the document text
    end: int
    extractor: str  # versioned rule name, e.g. "kg.relations.v1"


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names or describes an entity."""

    text: str  # the name as it should be labelled (titles and determiners stripped)
    start: int
    end: int
    cls: str  # ontology class local name: Person, Organization, Place, Country, City, Group, Event, Concept
    sentence: int
    ner: str = ""  # spaCy label, "" for noun-phrase concepts
    pronoun: bool = False  # "he", "she": resolved to a person by the resolve stage
    local: bool = False  # an unnamed description ("the uncle"): its entity belongs to this document only
    subject: bool = False  # the grammatical subject of its clause (salient for pronouns that follow)
    described: bool = False  # its class comes from the words around it, not NER: it outvotes NER's guesses
    qualifier: str = ""  # what follows a description's head and says which one: "with Tony Blair" of "talks"

    @property
    def label(self) -> str:
        """How the entity reads: a description with its qualifier ("talks with Tony Blair")."""
        return f"{self.text} {self.qualifier}" if self.qualifier else self.text


@dataclass(frozen=True)
class Literal:
    value: str
    datatype: str = "string"  # string | date | integer


@dataclass(frozen=True)
class RawClaim:
    """A claim as an extractor sees it: arguments are mentions in this document."""

    subject: Mention
    predicate: str  # "kg:worksFor", "open:charge"
    object: Mention | Literal
    provenance: Provenance
    confidence: float
    factuality: Factuality = Factuality.ASSERTED
    speaker: Mention | None = None
    cue: str | None = None


@dataclass(frozen=True)
class RawQuote:
    text: str  # the words inside the quotation marks, or the reported clause
    start: int
    end: int
    provenance: Provenance
    speaker: Mention | None
    cue: str | None
    confidence: float
    direct: bool = True  # False for reported speech: "said that ...", "according to X"


@dataclass(frozen=True)
class TimeMention:
    """A date or period in the text and the days it covers, read against the publication date."""

    text: str
    start: int
    end: int
    sentence: int
    earliest: str  # ISO date, first day
    latest: str  # ISO date, last day (inclusive)
    verb: int  # character offset of the verb the expression qualifies


@dataclass(frozen=True)
class DocumentExtraction:
    """Mention-level results for one document, before resolution."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[RawClaim, ...]
    quotes: tuple[RawQuote, ...]
    times: tuple[TimeMention, ...] = ()
    seconds: float = field(default=0.0, compare=False)  # wall time spent parsing and extracting it


@dataclass(frozen=True)
class Entity:
    id: str  # stable key: class + normalised name (document-scoped for concepts)
    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    doc_scoped: bool = False  # concepts are local to one document
    links: tuple[str, ...] = ()  # IRIs outside kg that name the same thing (GeoNames, a user's knowledge base)
    iri_key: str = ""  # when set, the name key its IRI is made from (a link fixes its identity)


@dataclass(frozen=True)
class Claim:
    subject: str  # Entity.id
    predicate: str
    object: str | Literal  # Entity.id or a literal
    provenance: Provenance
    confidence: float
    factuality: Factuality = Factuality.ASSERTED
    speaker: str | None = None  # Entity.id
    cue: str | None = None


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    provenance: Provenance
    speaker: str | None  # Entity.id
    cue: str | None
    confidence: float
    direct: bool = True


@dataclass(frozen=True)
class Extraction:
    """Everything kg learned from one document, at entity level."""

    document: Document
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    claims: tuple[Claim, ...]
    quotes: tuple[Quote, ...]
    times: tuple[TimeMention, ...] = ()
    min_confidence: float = 0.0  # the build's gate: asserted claims at least this sure are plain triples
    seconds: float = field(default=0.0, compare=False)  # wall time spent parsing and extracting it
