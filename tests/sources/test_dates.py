"""Dates read from headers, front matter and feeds: real days only, as the story wrote them."""

from __future__ import annotations

import datetime as dt
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sources import parse_text
from reader.sources.dates import parse_date, parse_date_line
from reader.sources.feed import parse as parse_feed
from reader.sources.markdown import parse as parse_markdown


@pytest.mark.parametrize(
    "value",
    [
        "0000-00-00",
        "0000-00-00T00:00:00Z",
        "2021-13-45T99:00",
        "2021-13-01",
        "2021-02-30",
        "2023-02-29",
        "2021-07-27T25:61:00Z",
        "July 27, 2021 25:61",
        "27.07.2021 24.30",
        "February 30, 2021",
        "32 July 2021",
        "Mon, 00 Jan 0000 00:00:00 GMT",
        "0001-01-01T00:00:00Z",  # .NET's empty date
        "9999-12-31",
        "31/31/2021",
        "yesterday",
        "2021",
        "July 2021",
        "1627378200",
        "",
    ],
)
def test_impossible_or_partial_dates_are_no_date(value: str) -> None:
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2024-02-29", "2024-02-29"),
        ("2021-07-27T09:30:00Z", "2021-07-27"),
        ("2021-07-27T09:30:00.123456+00:00", "2021-07-27"),
        # The day the story printed, not the day in UTC.
        ("2021-07-27T23:30:00-05:00", "2021-07-27"),
        ("Tue, 27 Jul 2021 09:30:00 +0000", "2021-07-27"),
        ("Tue, 27 Jul 2021 23:30:00 EDT", "2021-07-27"),
        ("27 July 2021 9.30 pm", "2021-07-27"),
        ("Sept. 3, 2021", "2021-09-03"),
        ("'July 27, 2021'", "2021-07-27"),
        ("20210727", "2021-07-27"),
        ("2021/07/27 09:30", "2021-07-27"),
        ("27-Jul-2021", "2021-07-27"),
        ("Tuesday 27 July 2021, 10:42 BST", "2021-07-27"),
        ("13/04/2021", "2021-04-13"),
        ("04/13/2021", "2021-04-13"),
        ("1789-07-14", "1789-07-14"),
    ],
)
def test_real_dates_in_many_forms(value: str, iso: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "time zone not understood" noise either
        assert parse_date(value) == iso


@pytest.mark.parametrize(
    "value",
    [
        "0000-01-01",  # year 0
        "0 January 0000",
        "00.00.0000",
        "0/0/0000",
        "January 0, 2021",
        "1900-02-29",  # a century year that is not a leap year
        "2021-04-31",
        "2021-06-31T12:00",
        "2021-07-27T24:00:00",
        "2021-07-27T12:00:00+25:00",  # no zone is a day ahead
        "Tue, 27 Jul 2021 09:30:00 +0575",  # nor 75 minutes past the hour
        "Tue, 27 Jul 2021 09:30:00 GMT-2400",
        "27/07/21",  # two-digit year and numbers only: which is the day is a guess
        "07/27/21",
        "21-07-27",
        "2021-W30-2",  # ISO week dates: no feed writes them, and dateutil misreads them
        "🦆 2021-07-27",
        "\x1b[2J2021-07-27",
        "-",
        "12:30",
        "31",
        "Tuesday",
        "9" * 5_000,
        "2021-07-27 " + "x" * 100_000,
        "January " * 10_000,
        "2021-07-27T09:30:00Z" * 1_000,
    ],
    ids=lambda value: value[:24],
)
def test_edge_cases_are_no_date_and_no_error(value: str) -> None:
    # Long values are refused by length before any parsing, so the work is bounded.
    assert parse_date(value) is None


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2000-02-29", "2000-02-29"),  # a century year that is a leap year
        ("2021-07-27T12:00:00+14:00", "2021-07-27"),  # Kiribati, the earliest zone
        ("2021-07-27T00:30:00-12:00", "2021-07-27"),  # and the latest
        ("2021-07-27T09:30:00+05:45", "2021-07-27"),  # Nepal
        ("Tue, 27 Jul 2021 09:30:00 PST", "2021-07-27"),
        ("Tue, 27 Jul 2021 09:30:00 GMT+0100", "2021-07-27"),
        ("2021-07-27T09:30:00.123456789Z", "2021-07-27"),
        # Two-digit years as mail and RSS 0.9x wrote them (RFC 5322): 00-49 is
        # 20xx, 50-99 is 19xx, whatever the year the reader runs in.
        ("Tue, 27 Jul 21 09:30:00 GMT", "2021-07-27"),
        ("27 Jul 49", "2049-07-27"),
        ("Sat, 01 Jan 50 00:00:00 GMT", "1950-01-01"),
        ("Jul 27, 75", "1975-07-27"),
        ("Tue, 27 Jul 99 09:30:00 +0000", "1999-07-27"),
        ("2021-07-27\x00", "2021-07-27"),
        ("   2021-07-27   " + " " * 10_000, "2021-07-27"),
    ],
)
def test_edge_cases_that_are_real_days(value: str, iso: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_date(value) == iso


@pytest.mark.parametrize("line", ["July 27, 2021 10:42 +2500", "2021-07-27T09:30:00-0590"])
def test_a_header_date_with_an_impossible_zone_is_a_date_line_with_no_date(line: str) -> None:
    article = parse_text(f"A Headline\n\nBy Jo Bloggs\n\n{line}\n\nReuters\n\nThe body.\n")
    assert (article.published, article.source) == (None, "Reuters")


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("0000-00-00", None),
        ("2021-13-45T99:00", None),
        ('"2021-02-30"', None),
        ("2021-07-27T09:30:00+25:00", None),
        ("Jul 27, 75", "1975-07-27"),
        ("2021-07-27", "2021-07-27"),
    ],
)
def test_front_matter_dates(value: str, iso: str | None) -> None:
    article = parse_markdown(f"---\ntitle: Ferry\ndate: {value}\n---\n\nThe council met.\n")
    assert article.published == iso


def test_ambiguous_numeric_date_is_a_date_line_without_a_date() -> None:
    assert parse_date_line("03/04/2021") is not None
    assert parse_date_line("03/04/2021").iso is None  # type: ignore[union-attr]
    assert parse_date("03/04/2021") is None
    assert parse_date("Tue 03/04/2021") is None


@pytest.mark.parametrize("line", ["0000-00-00", "2021-13-45T99:00", "February 30, 2021"])
def test_impossible_date_line_is_the_header_date_line_with_no_date(line: str) -> None:
    article = parse_text(f"A Headline\n\nBy Jo Bloggs\n\n{line}\n\nReuters\n\nThe body.\n")
    assert (article.published, article.source) == (None, "Reuters")
    assert article.text[article.body_start :] == "The body.\n"


def _rss(date: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Gazette</title>'
        f"<item><title>Ferry fares</title><pubDate>{date}</pubDate>"
        "<description>The council met.</description></item></channel></rss>"
    ).encode()


def _atom(published: str, updated: str) -> bytes:
    return (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Valley Ledger</title><entry><title>Drought</title>"
        f"<published>{published}</published><updated>{updated}</updated>"
        "<summary>Towns ration water.</summary></entry></feed>"
    ).encode()


@pytest.mark.parametrize(
    "date", ["0000-00-00", "2021-13-45T99:00", "Mon, 00 Jan 0000 00:00:00 GMT", "soon"]
)
def test_feed_item_with_an_impossible_date_has_no_date(date: str) -> None:
    [item] = parse_feed(_rss(date))
    assert item.published is None


def test_feed_item_keeps_the_date_it_was_published_where_it_was() -> None:
    [item] = parse_feed(_rss("Tue, 27 Jul 2021 23:30:00 -0500"))
    assert item.published == "2021-07-27"  # feedparser's UTC form said the 28th


def test_feed_entry_falls_back_to_its_update_date() -> None:
    [entry] = parse_feed(_atom("0000-00-00T00:00:00Z", "2021-07-28T08:00:00Z"))
    assert entry.published == "2021-07-28"


FORMS = [
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%SZ",
    "%d %B %Y",
    "%B %d, %Y",
    "%A, %d %B %Y %H:%M",
    "%a, %d %b %Y %H:%M:%S +0000",
    "%d.%m.%Y",
    "%Y%m%d",
]


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    st.datetimes(min_value=dt.datetime(1600, 1, 1), max_value=dt.datetime(2199, 12, 31)),
    st.sampled_from(FORMS),
)
def test_any_real_day_in_a_common_form_reads_back(moment: dt.datetime, form: str) -> None:
    assert parse_date(moment.strftime(form)) == moment.date().isoformat()


def _real(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.integers(1600, 2199), st.integers(0, 19), st.integers(0, 39))
def test_numbers_the_calendar_lacks_are_no_date(year: int, month: int, day: int) -> None:
    assert parse_date(f"{year:04d}-{month:02d}-{day:02d}") == _real(year, month, day)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.integers(1600, 2199), st.integers(1, 12), st.integers(0, 39))
def test_named_month_days_the_calendar_lacks_are_no_date(year: int, month: int, day: int) -> None:
    name = dt.date(2000, month, 1).strftime("%B")
    assert parse_date(f"{name} {day}, {year}") == _real(year, month, day)
    assert parse_date(f"{day} {name} {year}") == _real(year, month, day)


def _dateutil_reading(line: str) -> str | None:
    """What the date line reads as when dateutil reads every value (the slow path)."""
    from unittest import mock

    from reader.sources import dates

    with mock.patch.object(dates, "_whole_day", return_value=None):
        found = dates.parse_date_line(line)
    return found.iso if found is not None else None


@pytest.mark.parametrize("year", [2020, 2021])
def test_days_read_without_dateutil_match_dateutils_reading(year: int) -> None:
    lines = []
    for month in range(1, 13):
        name = dt.date(2000, month, 1).strftime("%B")
        for day in range(0, 33):
            lines += [
                f"{name} {day}, {year}",
                f"{name[:3]}. {day},{year}",
                f"{day} {name.lower()} {year}",
                f"{year}-{month:02d}-{day:02d}",
                f"{year}/{month}/{day}",
                f"{day}.{month}.{year}",
                f"{month}/{day}/{year}",
            ]
    for line in lines:
        found = parse_date_line(line)
        assert (found.iso if found is not None else None) == _dateutil_reading(line), line


def test_times_read_without_dateutil_match_dateutils_reading() -> None:
    from dateutil import parser

    from reader.sources.dates import _FILLERS, _clock_exists

    def by_dateutil(clock: str) -> bool:
        try:
            parser.parse(clock if ":" in clock else clock.replace(".", ":", 2), default=_FILLERS[0])
        except (ValueError, OverflowError):
            return False
        return True

    for hour in range(0, 30):
        for minute in (0, 5, 30, 59, 60, 61, 99):
            for clock in (
                f"{hour}:{minute:02d}",
                f"{hour:02d}.{minute:02d}",
                f"{hour}:{minute:02d}:{minute:02d}",
                f"{hour}:{minute:02d} ",
            ):
                assert _clock_exists(clock) == by_dateutil(clock), clock
