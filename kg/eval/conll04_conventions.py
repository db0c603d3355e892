"""How the CoNLL04 corpus draws its spans where kg draws them differently, read from the train split.

kg's output is not changed by any of this: it decides only how kg's relations are written as corpus
spans before scoring. ``kg eval conll04 --raw-spans`` scores without it.

- Where a person was born, "City, State" is one location: "born in Niles , Ohio" is a single span
  in all 35 "born in" cases of train (and "born on May 3 , 1907 , in ..." alike), while "of Miami ,
  Fla." stays two. kg says livesIn Niles and
  Niles locatedIn Ohio.
- "President" belongs to a full name after it unless a capitalised modifier precedes it ("the
  assassination of President John F. Kennedy" but "Haitian President Jean-Bertrand Aristide"). kg
  labels the entity without the title, so that it merges with the plain name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Relation:
    head: tuple[int, int]
    head_type: str
    tail: tuple[int, int]
    tail_type: str
    type: str

    def boundaries(self) -> tuple:
        return self.head, self.tail, self.type


def as_corpus_draws_them(relations: set[Relation], tokens: list[str]) -> set[Relation]:
    return {titled(r, tokens) for r in merge_home_places(relations, tokens)}


def merge_home_places(relations: set[Relation], tokens: list[str]) -> set[Relation]:
    """livesIn Niles + Niles locatedIn Ohio after "born ... in" (comma between) -> Live_In "Niles , Ohio"."""
    merged = set(relations)
    for home in relations:
        start = home.tail[0]
        if home.type != "Live_In" or tokens[start - 1] != "in" or "born" not in tokens[max(0, start - 10) : start]:
            continue  # "born in", "born on Feb. 5, 1907, in", "born Charles Hardin Holley in"
        for inside in relations:
            if (
                inside.type == "Located_In"
                and inside.head == home.tail
                and inside.tail[0] == home.tail[1] + 1
                and tokens[home.tail[1]] == ","
            ):
                merged.discard(home)
                merged.discard(inside)
                merged.add(replace(home, tail=(home.tail[0], inside.tail[1])))
    return merged


def with_president(span: tuple[int, int], tokens: list[str]) -> tuple[int, int]:
    start, end = span
    if end - start < 2 or start < 1 or tokens[start - 1] != "President":
        return span
    if start >= 2 and tokens[start - 2][:1].isupper() and tokens[start - 2] != "Former":
        return span  # "Soviet President Mikhail Gorbachev": the corpus leaves the title out
    return start - 1, end


def titled(relation: Relation, tokens: list[str]) -> Relation:
    head = with_president(relation.head, tokens) if relation.head_type == "Peop" else relation.head
    tail = with_president(relation.tail, tokens) if relation.tail_type == "Peop" else relation.tail
    return replace(relation, head=head, tail=tail)
