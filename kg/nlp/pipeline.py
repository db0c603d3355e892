"""Loading the pipeline (once per process) and parsing documents with ``nlp.pipe``."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.config import MODEL_INSTALL_HINT
from kg.errors import ModelNotInstalled
from kg.types import Document


@lru_cache(maxsize=4)
def load_pipeline(name: str):
    """Load a spaCy pipeline by package name and add kg's components."""
    import spacy

    from kg.nlp import components, wire  # noqa: F401  (registers the components)

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy pipeline '{name}' is not installed; {MODEL_INSTALL_HINT}, or set KG_MODEL to one that is"
        ) from exc
    nlp.add_pipe("kg_paragraph_breaks_v1", first=True)
    keep_hyphenated_roles(nlp)
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("kg_lemma_fixes_v1", after="lemmatizer")
    add_place_patterns(nlp)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_entity_trim_v1", after="ner")
        nlp.add_pipe("kg_of_place_names_v1", after="kg_entity_trim_v1")
        nlp.add_pipe("kg_and_names_v1", after="kg_of_place_names_v1")
        nlp.add_pipe("kg_repeated_names_v1", after="kg_and_names_v1")
        nlp.add_pipe("kg_wire_names_v1", last=True)
    return nlp


def keep_hyphenated_roles(nlp) -> None:
    """'co-ordinator', 'Vice-Chairman' as one token: split in three, the parser hangs the role's
    "for"/"of" on the name and the title becomes "ordinator"."""
    from spacy.symbols import ORTH

    from kg.extract.lexicon import lexicon

    for word in lexicon().hyphenated_roles:
        first, _, rest = word.partition("-")
        for form in (word, word.capitalize(), f"{first.capitalize()}-{rest.capitalize()}"):
            for inflected in (form, form + "s"):
                nlp.tokenizer.add_special_case(inflected, [{ORTH: inflected}])


def add_place_patterns(nlp) -> None:
    """US state abbreviations ("Conn.", "N.Y.") and countries in capitals ("USA") as places where NER
    found nothing."""
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kg_state_abbreviations_v1", name="kg_places", after="ner")
        nlp.add_pipe("kg_country_abbreviations_v1", name="kg_countries", after="kg_places")


# spaCy's memory grows with the length of one Doc (4 GB for 1 MB of text, whether one Doc or one batch), so a
# long article is parsed in pieces cut between paragraphs (or sentences) and joined back into one
# Doc with the same text and offsets. Articles shorter than this are parsed whole, as before.
PIECE_CHARS = 10_000
BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"'”’)]*\s+"), re.compile(r"\s+"))


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters (a piece with no break in it may be
    longer), at the last paragraph break before the limit, else the last sentence end, else space."""
    found = []
    while len(text) > size:
        cut = 0
        for pattern in BREAKS:
            ends = [m.end() for m in pattern.finditer(text, 0, size)]
            if ends and ends[-1] < len(text):
                cut = ends[-1]
                break
        if not cut:
            cut = size  # one unbroken run of characters: cut it anyway
        found.append(text[:cut])
        text = text[cut:]
    return found + [text] if text or not found else found


def parse_document(document: Document, model: str):
    """The spaCy Doc of one document (parsed in pieces if it is long). One document at a time, so
    that its time budget is its own: batching documents measured no faster on this pipeline."""
    from spacy.tokens import Doc

    nlp = load_pipeline(model)
    nlp.max_length = max(nlp.max_length, PIECE_CHARS * 2)
    # One piece at a time: nlp.pipe would batch the pieces (1,000 by default) and hold the whole
    # article's tensors at once, which is what cutting it was meant to avoid.
    parts = [nlp(piece) for piece in pieces(document.text)]
    return parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)


# spaCy's cost per call dominates short documents (a sentence: 5 ms a call, 2 ms in a batch), so
# documents this short are parsed together; longer ones one at a time, each within its own budget.
SHORT_CHARS = 2_000
SHORT_BATCH = 32


def parse_short(documents: list[Document], model: str) -> list:
    """The spaCy Docs of several short documents, parsed as one batch."""
    nlp = load_pipeline(model)
    return list(nlp.pipe([document.text for document in documents], batch_size=len(documents)))
