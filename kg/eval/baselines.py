"""Peer systems run inside the benchmark harness, on the same parses, so tables compare like with like."""

from __future__ import annotations

from kg.eval.carb import Tuple


def textacy_svo(sentences: list[str], settings=None) -> list[tuple[str, Tuple]]:
    """textacy's subject_verb_object_triples on the same spaCy pipeline (install with `.[bench]`)."""
    try:
        from textacy.extract import subject_verb_object_triples
    except ImportError as exc:
        from kg.errors import ConfigError

        raise ConfigError("textacy is not installed; run `make bench-quality` or pip install -e '.[bench]'") from exc
    from kg.config import Settings
    from kg.nlp import load_pipeline

    settings = settings or Settings()
    nlp = load_pipeline(settings.model)
    rows = []
    for sentence, doc in zip(sentences, nlp.pipe(sentences, batch_size=settings.batch_size)):
        for triple in subject_verb_object_triples(doc):
            words = lambda tokens: " ".join(t.text for t in tokens)  # noqa: E731
            rows.append((sentence, Tuple(words(triple.verb), (words(triple.subject), words(triple.object)), 1.0)))
    return rows
