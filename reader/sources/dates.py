"""Recognise the date line of a story's header and turn it into an ISO 8601 date.

Accepts what news copy actually carries: "July 27,2021", "Jul. 27, 2021",
"27 July 2021", "Tuesday, 27th of July 2021", "2021-07-27", "2021-07-27T09:30:00Z",
"27.07.2021", "07/27/2021", optionally after "Published:" and before a time
of day ("10:42 AM EDT").

Our patterns decide whether a line is a date and which way round "03/04" is read;
python-dateutil reads the values, so a date or a time that cannot exist
("0000-00-00", "2021-13-45T99:00", "February 30", "25:61") is no date rather than
one rolled over into the next month or year; so is a stamp whose zone offset no
clock has ("+2500"). Metadata values (front matter, feeds, a page's meta tags) may
also come in any unambiguous form dateutil reads, two-digit years read as mail and
feeds define them (RFC 5322: "99" is 1999, "21" is 2021).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from dateutil.parser import parserinfo

_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PREFIX = (
    r"(?:(?:(?:published|updated|last\s+updated|posted|date|dated|filed)\s*:?\s*(?:on\s+)?)?"
    r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?)"
)
_CLOCK = (
    r"(?:\s*(?:,|\bat\b|[-|/\u2013\u2014\u00b7])?\s*"
    r"(?P<clock>\d{1,2}(?:[:.]\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?)\s*"
    r"(?:\(?[a-z]{1,5}\)?|z|[+-]\d{2}:?\d{2})?)?"
)
_ISO_TIME = r"(?:[t ](?P<iso_clock>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?:z|[+-]\d{2}:?\d{2})?)?"

# Compiled when first tried (see _form): the four take ~10 ms of CPU to compile, and a
# launch reading one story's header mostly needs the first; the rest wait for a line
# the first does not read.
_FORM_PATTERNS = (
    (_PREFIX + _MONTH + r"\s*" + _DAY + r"\s*,?\s*" + _YEAR + _CLOCK, re.I),
    (_PREFIX + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\s*,?\s*" + _YEAR + _CLOCK, re.I),
    (
        _PREFIX
        + _YEAR
        + r"(?P<sep>[-/.])(?P<mm>\d{1,2})(?P=sep)(?P<dd>\d{1,2})"
        + _ISO_TIME
        + _CLOCK,
        re.I,
    ),
    (_PREFIX + r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)" + _YEAR + _CLOCK, re.I),
)
_HAS_YEAR = re.compile(r"\d{4}")  # every form has one: a line without it is no date


@functools.cache
def _form(index: int) -> re.Pattern[str]:
    pattern, flags = _FORM_PATTERNS[index]
    return re.compile(pattern, flags)


class DateLine(NamedTuple):
    """A line that is a date. ``iso`` is None when the date is ambiguous (03/04/2021)."""

    iso: str | None


# Two different fillers for missing parts: a value read the same with both names a whole day.
_FILLERS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))
# Printed news begins in 1605; a year outside this is a placeholder such as 0001-01-01.
_YEARS = range(1600, 2200)
_STARTS_WITH_YEAR = re.compile(r"\s*\d{4}")


@functools.cache
def _names_a_month() -> re.Pattern[str]:
    return re.compile(r"\b" + _MONTH, re.I)


# A numeric offset after a time of day ("09:30:00 +0200"): its hours and minutes must be
# ones a zone can have, or the stamp was garbled and its date is not to be trusted.
@functools.cache
def _clock_offset() -> re.Pattern[str]:
    return re.compile(
        r"\d[:.]\d{2}(?:[:.]\d{2})?(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?\s*)?(?:gmt|utc)?"
        r"[+-](?P<hours>\d{2}):?(?P<minutes>\d{2})(?!\d)",
        re.I,
    )


def _offset_exists(text: str) -> bool:
    """Whether every numeric time-zone offset in ``text`` is one a clock can be set to."""
    if "+" not in text and "-" not in text:
        return True  # no offset to check (and no pattern to compile: see _form)
    return all(
        int(match["hours"]) < 24 and int(match["minutes"]) < 60
        for match in _clock_offset().finditer(text)
    )


@functools.cache
def _parser_info() -> parserinfo:
    from dateutil import parser

    class MailYears(parser.parserinfo):
        """Two-digit years as mail and feeds define them (RFC 5322): 00-49 is 20xx,
        50-99 is 19xx, whatever today's date (dateutil's default window moves with it,
        so "Jul 27, 75" would become 2075)."""

        def convertyear(self, year: int, century_specified: bool = False) -> int:
            if year < 100 and not century_specified:
                return year + (2000 if year < 50 else 1900)
            return int(super().convertyear(year, century_specified))

    return MailYears()


def _read(text: str, *, dayfirst: bool = False) -> str | None:
    """The ISO date dateutil reads in ``text``, if it names a whole day that can exist."""
    from dateutil import parser

    if not _offset_exists(text):
        return None
    try:
        # Time zones are dropped: the date as the story printed it, not moved to UTC.
        first, second = (
            parser.parse(text, _parser_info(), default=filler, dayfirst=dayfirst, ignoretz=True)
            for filler in _FILLERS
        )
    except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
        return None
    if first.date() != second.date() or first.year not in _YEARS:
        return None
    return first.date().isoformat()


_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def _whole_day(year: str, month: int, day: int) -> str | None:
    """The ISO date of a day given in full, when it exists in our years; None when it
    needs dateutil's reading. Importing dateutil costs ~10 ms, paid by the first frame
    that shows a story with a date line: the usual date is settled here, the same way."""
    if int(year) not in _YEARS:
        return None
    try:
        return dt.date(int(year), month, day).isoformat()
    except ValueError:
        return None


def _day_first(first: int, second: int, separator: str) -> bool | None:
    """How to read "first/second/year": day first, month first, or None when it is a guess."""
    if first > 12:
        return True
    if second > 12 or first == second:
        return False
    if separator == ".":
        return True  # dotted numeric dates are a day-first European habit
    return None


# A 24-hour time with one kind of separator, no fraction, no am/pm.
_PLAIN_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")


def _clock_exists(clock: str | None) -> bool:
    """Whether a time of day such as "10:42" or "9.30 pm" is one a clock shows (not 25:61)."""
    if not clock:
        return True
    colons = clock if ":" in clock else clock.replace(".", ":", 2)
    plain = _PLAIN_CLOCK.fullmatch(colons.rstrip())
    if plain is not None and all(
        int(value) < limit
        for value, limit in zip(plain.groups(), (24, 60, 60), strict=True)
        if value is not None
    ):
        return True  # "18:40", "09:30:00": plainly a time, settled without dateutil
    from dateutil import parser

    try:
        parser.parse(colons, default=_FILLERS[0])
    except (ValueError, OverflowError):
        return False
    return True


def parse_date_line(line: str) -> DateLine | None:
    """A DateLine when the whole line is a date (and maybe a time), else None."""
    line = line.strip()
    if not line or len(line) > 80:
        return None
    if _HAS_YEAR.search(line) is None:
        return None
    for index in range(len(_FORM_PATTERNS)):
        match = _form(index).fullmatch(line)
        if match is None:
            continue
        groups = match.groupdict()
        clock = groups.get("clock") or groups.get("iso_clock")
        if not _clock_exists(clock) or not _offset_exists(line):
            return DateLine(None)  # a date line, but 25:61 says its date is not to be trusted
        year = groups["year"]
        if groups.get("month"):
            # Spaced and stripped of ordinals, so "27th of July,2021" reads as it looks.
            month = _MONTH_NUMBERS[groups["month"][:3].lower()]
            text = f"{groups['day']} {groups['month'].rstrip('.')} {year}"
            iso = _whole_day(year, month, int(groups["day"])) or _read(text)
        elif groups.get("mm"):
            iso = _whole_day(year, int(groups["mm"]), int(groups["dd"])) or _read(
                f"{year}-{groups['mm']}-{groups['dd']}"
            )
        else:
            first, second = int(groups["a"]), int(groups["b"])
            day_first = _day_first(first, second, groups["sep"])
            if day_first is None:
                return DateLine(None)  # a date, but which one is a guess
            month, day = (second, first) if day_first else (first, second)
            iso = _whole_day(year, month, day) or _read(
                f"{first}/{second}/{year}", dayfirst=day_first
            )
        # Shaped like a date but naming none (0000-00-00): still the header's date line.
        return DateLine(iso)
    return None


def parse_date(value: str) -> str | None:
    """The ISO date in a metadata value such as front matter's ``date:``, if any.

    Beyond the header forms, any value dateutil reads whole ("20210727",
    "Tue, 27 Jul 2021 09:30:00 +0000") counts when it cannot be read two ways: it
    names its month or starts with the year.
    """
    value = value.strip().strip("\"'").strip()
    if not value or len(value) > 80:
        return None
    found = parse_date_line(value)
    if found is not None:
        return found.iso
    if _STARTS_WITH_YEAR.match(value) or _names_a_month().search(value):
        return _read(value)
    return None
