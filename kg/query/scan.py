"""SPARQL text read once, left to right: which parts are code, how deep brackets nest, which words
of concern appear. Every step moves forward (no backtracking regex), so the work is linear in the
length of the text whatever it holds: a run of `"a\\`, of `'''`, of `<` or of `#` costs one pass.

Two readings of the same text, because the two engines read it differently:
- Oxigraph's (``rdflib_view=False``): ``\\u`` escapes only inside strings and IRIs; a comment ends
  at CR or LF.
- rdflib's (``rdflib_view=True``): the caller has already expanded every ``\\u``/``\\U`` escape
  (rdflib does that to the whole text before parsing); a comment ends at LF only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

# Words whose presence in code makes a query refused or double-checked, matched as whole words
# (a bare word, or a prefix). SERVICE is also matched inside a word: Oxigraph reads 'trueSERVICE'
# as `true SERVICE` and 'SERVICE:x' as `SERVICE :x`, and no SPARQL keyword contains it.
WATCHED = frozenset(
    {"SERVICE", "LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "COPY", "MOVE", "ADD", "WITH", "FROM"}
)
# Tokens that make a left-deep tree in Oxigraph's parser: a long flat chain of them (`1+1+1+…`,
# `{} UNION {} UNION …`) overflows its stack as nesting does.
CHAIN_WORDS = frozenset({"UNION", "OPTIONAL", "MINUS", "FILTER", "BIND", "EXISTS"})
CHAIN_OPS = frozenset({"||", "&&", "=", "!=", "<", ">", "<=", ">=", "+", "-", "*", "/", "|", "!", "^"})
OPENERS, CLOSERS = "({[", ")}]"
IRI_STOP = frozenset('<>"{}|^`\\')
LOCAL_ESCAPED = frozenset("_~.-!$&'()*+,;=/?#@%")
HEX = frozenset("0123456789abcdefABCDEF")


@dataclass
class Scan:
    depth: int = 0  # deepest bracket nesting seen
    operators: int = 0  # chain-forming tokens seen
    words: set[str] = field(default_factory=set)  # WATCHED words seen in code
    unclosed: int | None = None  # offset of a string or long string that never closes
    ambiguous: int | None = None  # offset of an IRI inside an expression that holds a parenthesis
    quiet: list[tuple[int, int]] = field(default_factory=list)  # strings, IRIs, comments: (start, end)


def is_name(c: str) -> bool:
    return c.isalnum() or c == "_" or c >= "\x80"


def scan(text: str, *, rdflib_view: bool = False, keep_spans: bool = False) -> Scan:
    found = Scan()
    depth = parentheses = 0
    for kind, start, end in tokens(text, rdflib_view):
        if kind == "quiet":
            # A comparison '<' only stands inside parentheses (every SPARQL expression does). There,
            # '<2)SERVICE:x#>' may be an IRI to this scan and `< 2 ) SERVICE :x` to an engine: an
            # IRI that could close the expression is not taken on trust.
            if parentheses and text[start] == "<" and found.ambiguous is None:
                if "(" in text[start:end] or ")" in text[start:end]:
                    found.ambiguous = start
            if keep_spans:
                found.quiet.append((start, end))
        elif kind == "unclosed":
            found.unclosed = start if found.unclosed is None else found.unclosed
            if keep_spans:
                found.quiet.append((start, end))
        elif kind == "open":
            depth += 1
            parentheses += text[start] == "("
            found.depth = max(found.depth, depth)
        elif kind == "close":
            depth = max(depth - 1, 0)
            parentheses = max(parentheses - (text[start] == ")"), 0)
        elif kind == "word":
            word = text[start:end].upper()
            found.operators += word in CHAIN_WORDS
            if word in WATCHED:
                found.words.add(word)
            elif "SERVICE" in word:
                found.words.add("SERVICE")
        elif kind == "op":
            found.operators += text[start:end] in CHAIN_OPS
    return found


def tokens(text: str, rdflib_view: bool) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end): quiet (string, IRI, comment), unclosed (a string running to the end of
    its line or of the text), open, close, word (a bare word, or a prefix or dotted part of a
    prefixed name, all checked), name (variable, language tag, local name: never keywords), op."""
    n, i = len(text), 0
    line_ends = "\n" if rdflib_view else "\r\n"
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
        elif c == "#":
            j = i
            while j < n and text[j] not in line_ends:
                j += 1
            yield "quiet", i, j
            i = j
        elif c in "\"'":
            kind, j = string_end(text, i)
            yield kind, i, j
            i = j
        elif c == "<":
            j = iri_end(text, i, rdflib_view)
            if j:
                yield "quiet", i, j
                i = j
            elif text.startswith("<<", i):  # RDF-star quoted triple: nests like a bracket
                yield "open", i, i + 2
                i += 2
            else:
                j = i + 2 if text.startswith("<=", i) else i + 1
                yield "op", i, j
                i = j
        elif c == ">" and text.startswith(">>", i):
            yield "close", i, i + 2
            i += 2
        elif c in "?$" and i + 1 < n and is_name(text[i + 1]):
            j = i + 1
            while j < n and (is_name(text[j]) or text[j] == "\u00b7"):
                j += 1
            yield "name", i, j
            i = j
        elif c == "@":
            j = i + 1
            while j < n and (text[j].isascii() and (text[j].isalnum() or text[j] == "-")):
                j += 1
            yield "name", i, j
            i = j
        elif is_name(c) or c == ":":
            j = i
            while j < n and (is_name(text[j]) or text[j] == "-"):
                j += 1
            if j > i:
                yield "word", i, j  # a keyword, or a prefix: both checked
            if j < n and text[j] == ":":
                yield from local_name(text, j + 1)
                i = local_end(text, j + 1)
            else:
                i = j
        elif c in OPENERS:
            yield "open", i, i + 1
            i += 1
        elif c in CLOSERS:
            yield "close", i, i + 1
            i += 1
        else:
            j = i + 2 if text[i : i + 2] in ("||", "&&", "!=", ">=", "^^") else i + 1
            yield "op", i, j
            i = j


def string_end(text: str, i: int) -> tuple[str, int]:
    """Where the string opening at ``i`` ends; 'unclosed' when it runs out first (a short string
    ends at a line break, a long one at the end of the text: no second attempt from elsewhere)."""
    n, quote = len(text), text[i]
    long = text.startswith(quote * 3, i)
    j = i + (3 if long else 1)
    while j < n:
        c = text[j]
        if c == "\\":
            j += 2
        elif long and text.startswith(quote * 3, j):
            return "quiet", j + 3
        elif not long and c == quote:
            return "quiet", j + 1
        elif not long and c in "\r\n":
            return "unclosed", j
        else:
            j += 1
    return "unclosed", n


def iri_end(text: str, i: int, rdflib_view: bool) -> int:
    """End of the IRI opening at ``i``, or 0 when this '<' is an operator. The scan stops at the
    first character an IRI cannot hold, '<' among them, so no character is scanned from two '<'."""
    n, j = len(text), i + 1
    while j < n:
        c = text[j]
        if c == ">":
            return j + 1
        if c == "\\" and not rdflib_view and text[j + 1 : j + 2] in ("u", "U"):
            width = 4 if text[j + 1] == "u" else 8
            if all(h in HEX for h in text[j + 2 : j + 2 + width]) and j + 2 + width <= n:
                j += 2 + width
                continue
        if c <= " " or c in IRI_STOP:
            return 0
        j += 1
    return 0


def local_end(text: str, i: int) -> int:
    """End of the local part of a prefixed name starting at ``i`` (PN_LOCAL: escapes like `\\#`
    and `%41` included, a trailing '.' left to end the triple)."""
    n, j = len(text), i
    while j < n:
        c = text[j]
        if is_name(c) or c in "-.:\u00b7":
            j += 1
        elif c == "\\" and text[j + 1 : j + 2] in LOCAL_ESCAPED and j + 1 < n:
            j += 2
        elif c == "%" and j + 2 < n and text[j + 1] in HEX and text[j + 2] in HEX:
            j += 3
        else:
            break
    while j > i and text[j - 1] == "." and text[j - 2 : j - 1] != "\\":
        j -= 1
    return j


def local_name(text: str, i: int) -> Iterator[tuple[str, int, int]]:
    """The local part as tokens: the first dot-separated part is a name; the parts after a '.' are
    also reported as words (a parser that ends the name at a '.' would read them as keywords)."""
    end = local_end(text, i)
    start = i
    for k in range(i, end + 1):
        if k == end or (text[k] == "." and text[k - 1 : k] != "\\"):
            yield ("name" if start == i else "word"), start, k
            start = k + 1
