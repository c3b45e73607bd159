"""Publication dates: exact (``YYYY-MM-DD``), partial (``YYYY-MM``, ``YYYY``) or an inferred range ``START/END``."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
EXPECTED = "expected YYYY-MM-DD, YYYY-MM, YYYY or START/END (e.g. 2025-12-01/2025-12-31)"


@dataclass(frozen=True)
class DateSpan:
    """A publication date as a span of days. ``estimate`` is true for an inferred range."""

    start: dt.date
    end: dt.date
    text: str
    estimate: bool

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year`` or ``range``."""
        if self.estimate:
            return "range"
        return {10: "day", 7: "month", 4: "year"}[len(self.text)]

    @property
    def midpoint(self) -> dt.date:
        return self.start + (self.end - self.start) / 2

    def label(self) -> str:
        """Human label: ``2025-12-08``, or ``2025-12-07 – 2025-12-31 (estimate)``."""
        if self.estimate:
            a, b = self.text.split("/")
            return f"{a} – {b} (estimate)"
        return self.text


def _part(text: str, *, first: bool) -> dt.date:
    m = _PART.match(text)
    if not m:
        raise ValueError(f"'{text}' is not a date; {EXPECTED}")
    y, mo, d = m.group(1), m.group(2), m.group(3)
    year = int(y)
    if mo is None:
        return dt.date(year, 1, 1) if first else dt.date(year, 12, 31)
    month = int(mo)
    if not 1 <= month <= 12:
        raise ValueError(f"'{text}' has month {mo}; {EXPECTED}")
    if d is None:
        return dt.date(year, month, 1) if first else dt.date(year, month, calendar.monthrange(year, month)[1])
    try:
        return dt.date(year, month, int(d))
    except ValueError:
        raise ValueError(f"'{text}' is not a real day; {EXPECTED}") from None


def parse_published(value) -> DateSpan:
    """Parse a ``published`` value; raise ``ValueError`` with a readable message.

    >>> parse_published("2025-12").end
    datetime.date(2025, 12, 31)
    >>> parse_published("2021-01/2021-08").label()
    '2021-01 – 2021-08 (estimate)'
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        # a real day already (YAML read it): what parsing its ISO text would give, without the parse
        return DateSpan(value, value, value.isoformat(), False)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"is empty or not text; {EXPECTED}")
    text = value.strip()
    if text.lower() == "unknown":
        raise ValueError(f"is 'unknown', but a date is required; give a range of what the text allows ({EXPECTED})")
    if "/" in text:
        a, _, b = text.partition("/")
        start, end = _part(a.strip(), first=True), _part(b.strip(), first=False)
        if end < start:
            raise ValueError(f"range '{text}' ends before it starts; write START/END with START first")
        return DateSpan(start, end, f"{a.strip()}/{b.strip()}", True)
    return DateSpan(_part(text, first=True), _part(text, first=False), text, False)


def parse_bound(value, *, first: bool, name: str = "date") -> dt.date | None:
    """Parse a ``start``/``end`` filter (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; date objects pass)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return _part(str(value).strip(), first=first)
    except ValueError as exc:
        from .errors import ScopeError

        raise ScopeError(f"{name}: {exc}") from None
