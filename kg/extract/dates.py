"""Time expressions: spaCy's DATE mentions read against the article's publication date.

"the weekend", "this year", "May 26", "earlier in August", "the past three months" become the
interval of days they cover (first and last day, inclusive). Each keeps the character offset of the
verb it qualifies, so mapping attaches it to the claims built on that verb. Without a publication
date only expressions that carry their own year ("26 May 2017", "2004") are normalised; the rest
are left out rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from kg.types import TimeMention

Interval = tuple[date, date]

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({"a": 1, "an": 1, "a few": 3, "several": 3, "couple of": 2, "a couple of": 2})
# Words around a date that do not change the days it names.
FILLER = re.compile(r"^(?:(?:over|during|in|on|at|by|since|until|for|from|earlier|later|early|late|mid|the)\b[\s-]*)+")

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
ABSOLUTE = [
    re.compile(rf"^{MONTH}\s+{DAY}(?:,?\s+{YEAR})?$"),  # May 26 / May 26, 2017
    re.compile(rf"^{DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?$"),  # 26 May / 26th of May 2017
    re.compile(rf"^{MONTH}(?:,?\s+{YEAR})?$"),  # August / August 2017
    re.compile(rf"^{YEAR}$"),
    re.compile(r"^(?P<iso>\d{4}-\d{2}-\d{2})$"),
]
DECADE = re.compile(r"^(?P<decade>1[89]\d0|20\d0)'?s$")
SPAN = re.compile(r"^(?:past|last|previous|next|coming)\s+(?P<n>\w+(?:\s+\w+)?)\s+(?P<unit>day|week|month|year)s?$")
AGO = re.compile(r"^(?P<n>\w+(?:\s+\w+)?)\s+(?P<unit>day|week|month|year)s?\s+ago$")
RELATIVE_UNIT = re.compile(r"^(?P<which>this|last|next|past|previous|coming)\s+(?P<unit>week|month|year|weekend)$")


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def closest_year(month: int, day: int, anchor: date) -> int:
    """The year that puts a month and day nearest the anchor ("May 26" read in early June)."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append((abs((date(year, month, min(day, 28 if month == 2 else day)) - anchor).days), year))
        except ValueError:
            continue
    return min(candidates)[1]


def unit_interval(unit: str, offset: int, anchor: date) -> Interval:
    """The week, weekend, month or year that contains the anchor, shifted by ``offset`` units."""
    if unit == "year":
        return date(anchor.year + offset, 1, 1), date(anchor.year + offset, 12, 31)
    if unit == "month":
        first = add_months(anchor.replace(day=1), offset)
        return first, month_end(first.year, first.month)
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=offset)
        return monday, monday + timedelta(days=6)
    # weekend: the one on or before the anchor (news reports the weekend that has just passed)
    saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7) + timedelta(weeks=offset)
    return saturday, saturday + timedelta(days=1)


def absolute(text: str, anchor: date | None) -> Interval | None:
    for pattern in ABSOLUTE:
        found = pattern.match(text)
        if not found:
            continue
        parts = found.groupdict()
        if parts.get("iso"):
            try:
                day = date.fromisoformat(parts["iso"])
            except ValueError:
                return None
            return day, day
        year = int(parts["year"]) if parts.get("year") else None
        month = MONTHS.get(parts["month"].lower()) if parts.get("month") else None
        if month is None:
            return (date(year, 1, 1), date(year, 12, 31)) if year else None
        if parts.get("day"):
            day_number = int(parts["day"])
            year = year or (closest_year(month, day_number, anchor) if anchor else None)
            if year is None:
                return None
            try:
                day = date(year, month, day_number)
            except ValueError:
                return None
            return day, day
        year = year or (closest_year(month, 15, anchor) if anchor else None)
        return (date(year, month, 1), month_end(year, month)) if year else None
    return None


def relative(text: str, anchor: date) -> Interval | None:
    simple = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if text in simple:
        day = anchor + timedelta(days=simple[text])
        return day, day
    if text in ("weekend", "this weekend"):
        return unit_interval("weekend", 0, anchor)
    words = text.split()
    if words and words[-1] in WEEKDAYS and len(words) <= 2 and words[0] in (words[-1], "last", "this"):
        back = (anchor.weekday() - WEEKDAYS[words[-1]]) % 7 or (7 if words[0] == "last" else 0)
        day = anchor - timedelta(days=back)
        return day, day
    found = RELATIVE_UNIT.match(text)
    if found:
        offset = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[found["which"]]
        return unit_interval(found["unit"], offset, anchor)
    found = SPAN.match(text)
    if found:
        n = NUMBERS.get(found["n"]) or (int(found["n"]) if found["n"].isdigit() else None)
        if not n:
            return None
        step = {"day": timedelta(days=n), "week": timedelta(weeks=n)}.get(found["unit"])
        forward = text.startswith(("next", "coming"))
        if step is None:
            months = n if found["unit"] == "month" else 12 * n
            other = add_months(anchor, months if forward else -months)
        else:
            other = anchor + step if forward else anchor - step
        return (anchor, other) if forward else (other, anchor)
    return None


def interval(text: str, anchor: date | None) -> Interval | None:
    """The days a time expression covers, read against ``anchor`` (the publication date)."""
    key = FILLER.sub("", " ".join(text.lower().split())).strip(" ,.")  # FILLER also drops a leading "the"
    found = absolute(key, anchor)
    decade = DECADE.match(key) if found is None else None
    if decade:
        start = int(decade["decade"])
        found = date(start, 1, 1), date(start + 9, 12, 31)
    if found is None and anchor is not None:
        found = relative(key, anchor) or ago(key, anchor)
    lead = text.lower().lstrip()
    if found is not None and anchor is not None and lead.startswith("earlier") and found[1] > anchor >= found[0]:
        found = found[0], anchor  # "earlier this month": up to the article's day, not the month's end
    return found


def ago(text: str, anchor: date) -> Interval | None:
    """'three years ago' -> that year; 'two days ago' -> that day."""
    found = AGO.match(text)
    n = found and (NUMBERS.get(found["n"]) or (int(found["n"]) if found["n"].isdigit() else None))
    if not n:
        return None
    if found["unit"] == "day":
        day = anchor - timedelta(days=n)
        return day, day
    if found["unit"] == "week":
        return unit_interval("week", -n, anchor)
    return unit_interval(found["unit"], -n, anchor)


def governing_verb(span: Span) -> Token:
    """The verb a date phrase hangs from ("charged ... on Monday" -> charged)."""
    # ``token.ancestors`` ends at the root; a loop on ``token.head is token`` never would, because
    # spaCy makes a new Token object on every ``.head``.
    root = span.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    return next((t for t in root.ancestors if t.pos_ in ("VERB", "AUX")), root.sent.root)


def time_mentions(doc: Doc, anchor: date | None, sentence_of: dict[int, int]) -> list[TimeMention]:
    found = []
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        days = interval(ent.text, anchor)
        if days is None:
            continue
        verb = governing_verb(ent)
        found.append(
            TimeMention(
                ent.text, ent.start_char, ent.end_char, sentence_of[ent.start], days[0].isoformat(),
                days[1].isoformat(), verb.idx,
            )
        )
    return found
