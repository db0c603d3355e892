"""Line-ups and lists of names, which are not sentences: no claim is read from them.

"Newcastle: Given, Carr, Bramble, Boumsong, Babayaro, ..." and "Subs Not Used: Poole, Fadiga, Vaz Te"
end every football report; the parser makes appositions, places and even verbs ("Given") of them.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

MIN_SEGMENTS = 5  # stretches between commas, semicolons and colons
NAME_SHARE = 0.75  # of them short and capitalised
MAX_NAME_WORDS = 3
HEADER_TOKENS = 5  # "Subs Not Used:" - a colon this early heads a list


def is_roster(unit: Span) -> bool:
    """Mostly short capitalised stretches between commas, and either headed by "Name:" or without any
    verb ("Sting, Mariah Carey, ... and Kylie Minogue joined Band Aid" is a sentence)."""
    headed = any(t.text == ":" for t in unit[:HEADER_TOKENS])
    if not headed and any(t.pos_ in ("VERB", "AUX") for t in unit):
        return False
    segments: list[list[Token]] = [[]]
    for token in unit:
        if token.text in (",", ";", ":"):
            segments.append([])
        elif token.is_alpha:
            segments[-1].append(token)
    segments = [s for s in segments if s]
    if len(segments) < MIN_SEGMENTS:
        return False
    names = sum(1 for s in segments if len(s) <= MAX_NAME_WORDS and all(t.text[0].isupper() for t in s))
    return names >= NAME_SHARE * len(segments)
