"""Which documents a briefing note covers: dates, outlets, actors and corridors.

Rules (each tested in ``tests/test_briefing.py``):

* **dates** — ``start``/``end`` are ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a month means
  its first or last day). A document is in scope when its publication span *overlaps*
  ``[start, end]``: a document dated only by an estimated range (``2025-12-07 – 2025-12-31
  (estimate)``) is in a December brief. The note shows each date as the corpus gives it.
* **outlets** — names as in the corpus's ``outlet`` field, case-insensitive.
* **actors / corridors** — an ``entity_id`` (``araghchi``), an English label (``Abbas
  Araghchi``) or an alias (``Araqchi``), case-insensitive. A document is in scope when it
  mentions *at least one* of the selected actors or corridors.
* an unknown outlet, actor or corridor, an end before the start, or a scope that selects
  no document raises :class:`araz.ScopeError` saying what exists.
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field

import pandas as pd

from ..dates import parse_bound
from ..errors import ScopeError


@dataclass(frozen=True)
class Scope:
    """What the note covers. ``doc_ids`` are in corpus order (publication date, then id)."""

    topic: str | None
    start: dt.date | None
    end: dt.date | None
    outlets: tuple[str, ...]
    actors: tuple[str, ...]          # entity ids
    corridors: tuple[str, ...]       # entity ids
    doc_ids: tuple[str, ...]
    labels: dict = field(default_factory=dict, compare=False, hash=False)  # entity id -> label

    def date_range(self) -> str:
        """``2025-12-01 – 2025-12-31``, ``from 2025-12-01``, ``until …`` or ``all dates``."""
        if self.start and self.end:
            return f"{self.start.isoformat()} – {self.end.isoformat()}"
        if self.start:
            return f"from {self.start.isoformat()}"
        if self.end:
            return f"until {self.end.isoformat()}"
        return "all dates"

    @property
    def entities(self) -> tuple[str, ...]:
        return self.actors + self.corridors


def _as_list(value, name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    try:
        items = list(value)
    except TypeError:
        raise ScopeError(f"{name}: expected a name or a list of names, not {type(value).__name__}") from None
    out = []
    for v in items:
        if not isinstance(v, str) or not v.strip():
            raise ScopeError(f"{name}: {v!r} is not a name; give names as text, e.g. {name}=['Alwaght']")
        out.append(v.strip())
    return out


def _suggest(word: str, known) -> str:
    close = difflib.get_close_matches(word.lower(), [k.lower() for k in known], n=3, cutoff=0.6)
    lookup = {k.lower(): k for k in known}
    return f" Did you mean {', '.join(repr(lookup[c]) for c in close)}?" if close else ""


def _listing(known, limit: int = 12) -> str:
    known = sorted(set(known), key=str.lower)
    shown = ", ".join(repr(k) for k in known[:limit])
    return shown + (f" … ({len(known)} in all)" if len(known) > limit else "")


def resolve_outlets(corpus, outlets) -> tuple[str, ...]:
    """The corpus's own spelling of each requested outlet; :class:`ScopeError` for an unknown one."""
    wanted = _as_list(outlets, "outlets")
    known = sorted(set(corpus.documents["outlet"]))
    lookup = {k.lower(): k for k in known}
    out = []
    for w in wanted:
        if w.lower() not in lookup:
            raise ScopeError(f"unknown outlet '{w}': no document in this corpus has it.{_suggest(w, known)} "
                             f"Outlets in this corpus: {_listing(known)}.")
        out.append(lookup[w.lower()])
    return tuple(dict.fromkeys(out))


def resolve_entities(wanted, table: pd.DataFrame | None, kind: str) -> dict[str, str]:
    """Map each requested actor/corridor to ``{entity_id: label}`` using a gazetteer table.

    ``table`` has ``entity_id``, ``label`` and optionally ``alias`` columns (one row per alias).
    """
    names = _as_list(wanted, f"{kind}s")
    if not names:
        return {}
    if table is None or table.empty:
        raise ScopeError(f"cannot select by {kind}: the {kind} gazetteer is not available in this installation")
    by_key: dict[str, tuple[str, str]] = {}
    for col in ("alias", "label", "entity_id"):  # later columns win: ids beat labels beat aliases
        if col in table.columns:
            for eid, label, key in zip(table["entity_id"], table["label"], table[col]):
                if isinstance(key, str) and key.strip():
                    by_key[key.strip().lower()] = (eid, label)
    out: dict[str, str] = {}
    for n in names:
        hit = by_key.get(n.lower())
        if hit is None:
            labels = sorted(set(table["label"]))
            ids = sorted(set(table["entity_id"]))
            raise ScopeError(f"unknown {kind} '{n}': it is not an id, label or alias in the {kind} gazetteer."
                             f"{_suggest(n, labels + ids)} Give an id such as {_listing(ids, 6)}, "
                             "or list them with araz.gazetteer.load_gazetteer().entities.")
        out[hit[0]] = hit[1]
    return out


def date_filter(corpus, start, end) -> tuple[dt.date | None, dt.date | None, pd.Series]:
    """Parse the bounds; return them and a boolean mask over ``corpus.documents``."""
    s = parse_bound(start, first=True, name="start")
    e = parse_bound(end, first=False, name="end")
    if s and e and e < s:
        raise ScopeError(f"end {e.isoformat()} is before start {s.isoformat()}; give the earlier date as the start "
                         "(--from) and the later one as the end (--to)")
    docs = corpus.documents
    mask = pd.Series(True, index=docs.index)
    if s is not None:
        mask &= docs["published_end"].dt.date >= s
    if e is not None:
        mask &= docs["published_start"].dt.date <= e
    return s, e, mask


def describe_corpus_dates(corpus) -> str:
    docs = corpus.documents
    if docs.empty:
        return "the corpus is empty"
    a = docs["published_start"].min().date().isoformat()
    b = docs["published_end"].max().date().isoformat()
    return f"the corpus's {len(docs)} document{'s' if len(docs) != 1 else ''} are dated {a} – {b}"
