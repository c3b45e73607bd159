"""Filters (what the controls select) and queries (the kit's one query syntax, :mod:`araz.search`'s)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Mapping

import numpy as np
import pandas as pd

from ..errors import ScopeError

TONE_LABELS = ("coop", "conf", "mixed", "neutral")
VOICES = ("author", "quoted")
CATEGORIES = ("actor", "corridor", "format")
UNITS = ("sentence", "paragraph")
PAGE_SIZE = 25
MAX_PAGE_SIZE = 50
_EPOCH = np.datetime64("1970-01-01", "D")


# ---------------------------------------------------------------------------
# Filters
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Filters:
    """What the explorer's controls select. Every field left empty selects everything.

    * ``outlets``, ``perspectives``: document-level, any of them;
    * ``start``, ``end``: publication dates (inclusive). A document whose date is an
      inferred range matches when its range **overlaps** ``[start, end]`` — it may have
      been published then;
    * ``actors``, ``corridors``: entity ids (or labels) mentioned in the sentence;
      ``entity_match`` is ``"any"`` (default) or ``"all"`` of the chosen actors and corridors;
    * ``three_plus_three``: only sentences that mention the 3+3 format;
    * ``tone``: tone labels (``coop``, ``conf``, ``mixed``, ``neutral``); ``voice``:
      ``author`` and/or ``quoted``;
    * ``query``: full-text query — words, ``"a phrase"``, ``prefix*``, ``AND``/``OR``/``NOT``
      and parentheses (SQLite FTS5 syntax, case- and accent-insensitive);
    * ``doc_ids``: restrict to these documents;
    * ``unit``: ``"sentence"`` (default) or ``"paragraph"``. In paragraph mode a paragraph
      matches when any of its sentences passes the sentence-level filters.
    """

    outlets: tuple = ()
    perspectives: tuple = ()
    start: dt.date | None = None
    end: dt.date | None = None
    actors: tuple = ()
    corridors: tuple = ()
    entity_match: str = "any"
    three_plus_three: bool = False
    tone: tuple = ()
    voice: tuple = ()
    query: str = ""
    doc_ids: tuple = ()
    unit: str = "sentence"

    @classmethod
    def of(cls, value: "Filters | Mapping | None" = None, **changes) -> "Filters":
        """Build filters from a dict (or ``None``), checking every field's type and value."""
        if value is None:
            value = {}
        if isinstance(value, Filters):
            value = dataclasses.asdict(value)
        if not isinstance(value, Mapping):
            raise ScopeError(f"filters must be a dict or araz.explore.Filters, not {type(value).__name__}")
        data = {**value, **changes}
        names = [f.name for f in dataclasses.fields(cls)]
        unknown = sorted(set(data) - set(names))
        if unknown:
            raise ScopeError(f"unknown filter{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                             f"the filters are: {', '.join(names)}")
        out = {}
        for name in ("outlets", "perspectives", "actors", "corridors", "tone", "voice", "doc_ids"):
            v = data.get(name, ())
            if v is None or v == "":
                v = ()
            if isinstance(v, str):
                v = (v,)
            try:
                v = tuple(str(x) for x in v)
            except TypeError:
                raise ScopeError(f"filter '{name}' must be a list of text values, not {type(v).__name__}") from None
            out[name] = v
        bad = [t for t in out["tone"] if t not in TONE_LABELS]
        if bad:
            raise ScopeError(f"filter 'tone': {', '.join(map(repr, bad))} is not a tone label; use {', '.join(TONE_LABELS)}")
        bad = [v for v in out["voice"] if v not in VOICES]
        if bad:
            raise ScopeError(f"filter 'voice': {', '.join(map(repr, bad))} is not a voice; use 'author' and/or 'quoted'")
        for name in ("start", "end"):
            out[name] = _as_date(data.get(name), name)
        if out["start"] and out["end"] and out["start"] > out["end"]:
            raise ScopeError(f"filter dates: start {out['start']} is after end {out['end']}; swap them")
        match = data.get("entity_match", "any") or "any"
        if match not in ("any", "all"):
            raise ScopeError(f"filter 'entity_match' is {match!r}; use 'any' or 'all'")
        out["entity_match"] = match
        unit = data.get("unit", "sentence") or "sentence"
        if unit not in UNITS:
            raise ScopeError(f"filter 'unit' is {unit!r}; use 'sentence' or 'paragraph'")
        out["unit"] = unit
        out["three_plus_three"] = bool(data.get("three_plus_three", False))
        q = data.get("query", "") or ""
        if not isinstance(q, str):
            raise ScopeError(f"filter 'query' must be text, not {type(q).__name__}")
        out["query"] = q.strip()
        return cls(**out)

    def replace(self, **changes) -> "Filters":
        """A copy with some fields changed (checked like :meth:`of`)."""
        return Filters.of(self, **changes)

    def is_empty(self) -> bool:
        return self == Filters(unit=self.unit)


def _as_date(value, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ScopeError(f"filter '{name}' is {value!r}; expected a date like 2025-12-08") from None
    raise ScopeError(f"filter '{name}' must be a date, not {type(value).__name__}")


def _days(d: dt.date) -> int:
    return (d - dt.date(1970, 1, 1)).days


# ---------------------------------------------------------------------------
# Queries (the syntax and the FTS5 index are araz.search's)
# ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Term:
    """One positive term of a query: a ``word``, a ``prefix`` or a ``phrase`` (its words)."""

    kind: str
    tokens: tuple[str, ...]

    @property
    def fts(self) -> str:
        return '"' + " ".join(self.tokens).replace('"', '""') + '"' + ("*" if self.kind == "prefix" else "")


@dataclass(frozen=True)
class ParsedQuery:
    """A checked query: ``text`` as typed, ``fts`` (the FTS5 expression of :func:`araz.search.to_fts`)
    and its positive ``terms`` (used to rank)."""

    text: str
    fts: str
    terms: tuple[Term, ...]


_TOKEN = re.compile(r'"[^"]*"\*?|\(|\)|[^\s"()]+')
_WORD = re.compile(r"\w+", re.UNICODE)


def parse_query(query: str | None) -> ParsedQuery | None:
    """Check a query with :func:`araz.search.to_fts` (the kit's one query syntax); ``None`` if empty.

    Words, ``"phrases"``, ``prefix*``, ``AND`` / ``OR`` / ``NOT`` and parentheses; a query
    that cannot be read raises :class:`araz.QueryError` saying what to change.

    >>> [t.fts for t in parse_query('Zangezur NOT Aras corrid*').terms]
    ['"Zangezur"', '"corrid"*']
    """
    from ..search import to_fts

    if query is None or (isinstance(query, str) and not query.strip()):
        return None
    fts = to_fts(query)  # raises QueryError with the kit's wording
    terms: list[Term] = []
    depth, negated_at, after_not = 0, None, False
    for tok in _TOKEN.findall(query):
        if tok == "(":
            depth += 1
            if after_not and negated_at is None:
                negated_at = depth
            after_not = False
            continue
        if tok == ")":
            if negated_at is not None and depth == negated_at:
                negated_at = None
            depth -= 1
            continue
        if tok in ("AND", "OR", "NOT"):
            after_not = tok == "NOT"
            continue
        positive = not after_not and negated_at is None
        after_not = False
        prefix = tok.endswith("*")
        words = tuple(_WORD.findall(tok))
        if not words or not positive:
            continue
        kind = "prefix" if prefix and len(words) == 1 else "phrase" if len(words) > 1 else "word"
        terms.append(Term(kind, words))
    return ParsedQuery(query.strip(), fts, tuple(dict.fromkeys(terms)))



