"""Quotes with their speaker and cue verb: direct ones in quotation marks, and reported speech.

A quote may be split around its cue ("“...,” he said, “...”") or run over several paragraphs
(news style opens each continued paragraph with a quotation mark and closes only the last).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from kg.extract.lexicon import lexicon
from kg.extract.mentions import MentionIndex
from kg.extract.syntax import grammatical_subjects
from kg.types import Provenance, RawQuote

EXTRACTOR = "kg.quotes.v1"
OPENING = "“"
CLOSING = "”"
MIN_WORDS = 4
# "X denied that Y": Y is not what X said; the denial is kept as a denied claim instead.
NOT_SAYING = {"deny", "reject", "dispute"}  # shorter quoted stretches are scare quotes or titles, not speech


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # offset of the opening mark
    end: int  # offset just after the closing mark

    def inner(self, text: str) -> str:
        body = text[self.start + 1 : self.end - 1]
        body = re.sub(r"\s*\n\s*[“\"]?", " ", body)  # a quote continued over paragraphs
        body = re.sub(r"(?<=[.!?])\s+[“\"](?=\S)", " ", body)  # ... or over sentences, reopened: 'club. "He can't'
        return body.strip().rstrip(",")


def mark_direction(text: str, i: int) -> str:
    """'open' or 'close' for the quotation mark at ``i``; straight quotes are judged by their neighbours."""
    ch = text[i]
    if ch == OPENING:
        return "open"
    if ch == CLOSING:
        return "close"
    before = text[i - 1] if i else " "
    return "open" if before.isspace() or before in "([{—–-" else "close"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Pair curly or straight double quotes. An opening mark inside an open quote continues it when a
    sentence or paragraph has just ended (news style reopens a quote without closing it), and
    otherwise replaces it as a stray mark; a paragraph that ends without continuing closes nothing."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    skip_to = -1
    breaks: list[tuple[int, int]] | None = None
    for i, ch in enumerate(text):
        if i <= skip_to:
            continue
        if ch in (OPENING, CLOSING, '"'):
            direction = mark_direction(text, i)
            if direction == "open":
                if open_at is None:
                    open_at = i
                elif not re.search(r"([.!?,]\s*|\n\n)$", text[max(open_at, i - 8) : i]):  # its tail only
                    if breaks is None:
                        breaks = [(m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)]
                    nested = nested_end(text, i, breaks)
                    if nested is not None:
                        skip_to = nested  # 'he was going to "fake" an injury': a quote within the quote
                    else:
                        open_at = i  # a stray opening mark: restart from the newer one
            elif open_at is not None:
                spans.append(QuoteSpan(open_at, i + 1))
                open_at = None
        elif ch == "\n" and open_at is not None and text[i + 1 : i + 2] == "\n":
            if text[i + 2 : i + 3] not in (OPENING, '"'):
                open_at = None  # the paragraph ended without continuing the quote
    return [s for s in spans if len(s.inner(text).split()) >= MIN_WORDS]


MAX_NESTED_WORDS = 6
LOOK_AHEAD_MARKS = 8


QUOTE_MARK = re.compile(r'[“”"]')
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def nested_end(text: str, i: int, breaks: list[tuple[int, int]]) -> int | None:
    """Where a short quotation opened at ``i`` inside another one closes, if the outer one goes on
    after it in the same paragraph (its next mark closes), or the paragraph ends and the next one
    continues the quote; None when the mark at ``i`` is rather a fresh start. Looks only as far as
    a few marks ahead and the paragraph's end (``breaks``: the paragraph breaks' (start, end), found
    once per text), so a long quote full of scare quotes stays linear."""
    mark = QUOTE_MARK.search(text, i + 1)
    if mark is None:
        return None
    j = mark.start()
    inner = text[i + 1 : j]
    if mark_direction(text, j) != "close" or "\n" in inner or not 0 < len(inner.split()) <= MAX_NESTED_WORDS:
        return None
    k = bisect.bisect_left(breaks, (j, j))
    paragraph = breaks[k] if k < len(breaks) else None
    paragraph_end = paragraph[0] if paragraph else len(text)
    following = zip(range(LOOK_AHEAD_MARKS), QUOTE_MARK.finditer(text, j + 1, paragraph_end))
    goes_on = any(mark_direction(text, m.start()) == "close" for _, m in following)  # within a few marks
    reopened = paragraph is not None and text[paragraph[1] : paragraph[1] + 1] in (OPENING, '"')
    return j if goes_on or reopened else None


def cue_for(doc: Doc, span: QuoteSpan) -> Token | None:
    """A speech verb outside the quote in the sentence that closes it, else the one that opens it."""
    cues = lexicon().cues
    inside = range(span.start, span.end)
    closing = doc.char_span(span.end - 1, span.end, alignment_mode="expand")
    opening = doc.char_span(span.start, span.start + 1, alignment_mode="expand")
    for anchor in (closing, opening):
        if anchor is None:
            continue
        candidates = [t for t in anchor.sent if t.lemma_.lower() in cues and t.pos_ == "VERB" and t.idx not in inside]
        if candidates:
            return min(candidates, key=lambda t: abs(t.idx - anchor.start_char))
    return None


def reported_speech(doc: Doc, mentions: MentionIndex, doc_id: str, direct: list[RawQuote]) -> list[RawQuote]:
    """'X said that Y' and 'Y, according to X': the clause Y, attributed to X (not in quotation marks)."""
    cues = lexicon().cues
    found: list[RawQuote] = []
    for token in doc:
        if token.lemma_.lower() in cues and token.pos_ == "VERB" and token.lemma_.lower() not in NOT_SAYING:
            clauses = [c for c in token.children if c.dep_ == "ccomp"]
            speakers = grammatical_subjects(token)
        elif token.lower_ == "according" and any(c.lower_ == "to" for c in token.children):
            clauses = [token.head] if token.head.pos_ in ("VERB", "AUX") else []
            speakers = [p for to in token.children if to.lower_ == "to" for p in to.children if p.dep_ == "pobj"]
        else:
            continue
        speaker = next((m for m in map(mentions.speaker_for, speakers) if m is not None), None)
        for clause in clauses:
            words = [
                t for t in clause.subtree if not (t.i == token.i or token.is_ancestor(t) and clause.dep_ != "ccomp")
            ]
            words = [t for t in words if not (t.dep_ == "mark" and t.head.i == clause.i and t.i == words[0].i)]
            while words and (words[-1].is_punct or words[-1].is_space):
                words.pop()
            while words and (words[0].is_punct or words[0].is_space):
                words.pop(0)
            if speaker is None or len(words) < MIN_WORDS:
                continue
            start, end = words[0].idx, words[-1].idx + len(words[-1])
            if any(q.start <= start < q.end for q in direct):
                continue  # already a direct quote
            sentence = mentions.sentence_of[clause.i]
            found.append(
                RawQuote(
                    doc[words[0].i : words[-1].i + 1].text,
                    start,
                    end,
                    Provenance(doc_id, sentence, min(start, speaker.start), max(end, speaker.end), EXTRACTOR),
                    speaker,
                    "according to" if token.lower_ == "according" else token.lemma_.lower(),
                    0.7 if not speaker.pronoun else 0.55,
                    direct=False,
                )
            )
    return found


MAX_CONTINUATION_GAP = 200  # characters between a speaker's quote and one that carries on without a cue


def continues(text: str, previous: RawQuote, span: QuoteSpan, mentions: MentionIndex) -> bool:
    """A quotation with no cue of its own right after someone's quote, in the same paragraph or the
    next, is the same speaker going on (news style attributes only the first), unless the words
    between bring in another person or body ("Shearer said he was unsure. 'I don't know ...'")."""
    gap = text[previous.end : span.start]
    if not 0 <= len(gap) <= MAX_CONTINUATION_GAP or gap.count("\n\n") > 1 or any(q in gap for q in (OPENING, CLOSING, '"')):
        return False
    others = [m for m in mentions.named if previous.end <= m.start < span.start and m.cls in ("Person", "Organization")]
    return all(m.text in previous.speaker.text or previous.speaker.text in m.text for m in others)


def quote_claims(doc: Doc, mentions: MentionIndex, doc_id: str) -> list[RawQuote]:
    quotes: list[RawQuote] = []
    text = doc.text  # built from the tokens on every access: once per document
    for span in mentions.quotations:
        cue = cue_for(doc, span)
        speaker = next((m for m in map(mentions.speaker_for, grammatical_subjects(cue)) if m is not None), None) if cue else None
        sentence = mentions.sentence_of[doc.char_span(span.start, span.start + 1, alignment_mode="expand").start]
        if speaker is None:
            if cue is None and quotes and continues(text, quotes[-1], span, mentions):  # '"...," said Hrbaty. "I was so ..."'
                last = quotes[-1]
                provenance = Provenance(doc_id, sentence, span.start, span.end, EXTRACTOR)
                quotes.append(RawQuote(span.inner(text), span.start, span.end, provenance, last.speaker, last.cue, 0.75))
            continue
        start, end = min(span.start, speaker.start, cue.idx), max(span.end, speaker.end, cue.idx + len(cue))
        quotes.append(
            RawQuote(
                span.inner(text),
                span.start,
                span.end,
                Provenance(doc_id, sentence, start, end, EXTRACTOR),
                speaker,
                cue.lemma_.lower(),
                0.9 if not speaker.pronoun else 0.75,
            )
        )
    return quotes + reported_speech(doc, mentions, doc_id, quotes)
