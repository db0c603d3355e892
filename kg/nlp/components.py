"""kg's own spaCy components, registered under versioned names.

News text comes as paragraphs. A paragraph break always ends a sentence, and no entity may cross
one; the small English model gets both wrong on captions and headlines without help.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans


@Language.component("kg_paragraph_breaks_v1")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after any whitespace token that contains a line break (runs before the parser)."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("kg_entity_trim_v1")
def entity_trim(doc: Doc) -> Doc:
    """Split entities at line breaks (keeping every piece) and trim punctuation and spaces at their edges."""
    spans = []
    for ent in doc.ents:
        pieces, start = [], ent.start
        for token in ent:
            if "\n" in token.text:
                pieces.append((start, token.i))
                start = token.i + 1
            elif "\n" in token.whitespace_:
                pieces.append((start, token.i + 1))
                start = token.i + 1
        pieces.append((start, ent.end))
        for start, end in pieces:
            while start < end and (doc[start].is_space or doc[start].is_punct):
                start += 1
            while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct):
                end -= 1
            if end > start:
                spans.append(Span(doc, start, end, label=ent.label))
    doc.ents = filter_spans(spans)
    return doc
