"""Recognise the date line of a story's header and turn it into an ISO 8601 date.

Accepts what news copy actually carries: "July 27,2021", "Jul. 27, 2021",
"27 July 2021", "Tuesday, 27th of July 2021", "2021-07-27", "2021-07-27T09:30:00Z",
"27.07.2021", "07/27/2021", optionally after "Published:" and before a time
of day ("10:42 AM EDT").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PREFIX = (
    r"(?:(?:published|updated|last\s+updated|posted|date|dated|filed)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
)
_CLOCK = (
    r"(?:\s*(?:,|\bat\b|[-|/\u2013\u2014\u00b7])?\s*"
    r"\d{1,2}(?:[:.]\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?\s*"
    r"(?:\(?[a-z]{1,5}\)?|z|[+-]\d{2}:?\d{2})?)?"
)
_ISO_TIME = r"(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:z|[+-]\d{2}:?\d{2})?)?"

_FORMS = (
    re.compile(_PREFIX + _MONTH + r"\s*" + _DAY + r"\s*,?\s*" + _YEAR + _CLOCK, re.I),
    re.compile(_PREFIX + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\s*,?\s*" + _YEAR + _CLOCK, re.I),
    re.compile(
        _PREFIX
        + _YEAR
        + r"(?P<sep>[-/.])(?P<mm>\d{1,2})(?P=sep)(?P<dd>\d{1,2})"
        + _ISO_TIME
        + _CLOCK,
        re.I,
    ),
    re.compile(
        _PREFIX + r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)" + _YEAR + _CLOCK, re.I
    ),
)


@dataclass(slots=True, frozen=True)
class DateLine:
    """A line that is a date. ``iso`` is None when the date is ambiguous (03/04/2021)."""

    iso: str | None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(first: int, second: int, year: int, separator: str) -> str | None:
    if first > 12:
        return _iso(year, second, first)
    if second > 12 or first == second:
        return _iso(year, first, second)
    if separator == ".":
        # Dotted numeric dates are a day-first European habit.
        return _iso(year, second, first)
    return None


def parse_date_line(line: str) -> DateLine | None:
    """A DateLine when the whole line is a date (and maybe a time), else None."""
    line = line.strip()
    if not line or len(line) > 80:
        return None
    for form in _FORMS:
        match = form.fullmatch(line)
        if match is None:
            continue
        groups = match.groupdict()
        year = int(groups["year"])
        if groups.get("month"):
            month = _MONTHS[groups["month"][:3].lower()]
            iso = _iso(year, month, int(groups["day"]))
            if iso is None:
                return None
            return DateLine(iso)
        if groups.get("mm"):
            iso = _iso(year, int(groups["mm"]), int(groups["dd"]))
            return DateLine(iso) if iso else None
        first, second = int(groups["a"]), int(groups["b"])
        if first == 0 or second == 0 or first > 31 or second > 31:
            return None
        if first > 12 and second > 12:
            return None
        return DateLine(_numeric(first, second, year, groups["sep"]))
    return None


def parse_date(value: str) -> str | None:
    """The ISO date in a metadata value such as front matter's ``date:``, if any."""
    found = parse_date_line(value.strip().strip("\"'"))
    return found.iso if found else None
