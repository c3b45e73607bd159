"""The query workload: ≥ 50 varied searches, each as an ``araz.search`` call and a pandas peer.

Kinds: keyword, phrase, prefix, two-word AND, and each of those with an outlet, a date
or an actor filter. Words and phrases all occur in the shipped corpus, so every query can
hit on the synthetic corpus (made of its sentences); a few rare words make selective queries.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

KEYWORDS = ["corridor", "Araghchi", "Baku", "Tehran", "cooperation", "security", "Armenia", "Russia",
            "Aliyev", "Pezeshkian", "transit", "railway", "border", "dialogue", "stability", "Zangezur",
            "Nakhchivan", "Astara", "trade", "energy", "Georgia", "Israel", "drills", "Karabakh", "Caspian"]
PHRASES = ["South Caucasus", "foreign minister", "transport corridors", "Patriotic War", "territorial integrity",
           "regional cooperation", "information warfare", "Islamic Republic", "mutual respect", "President Ilham Aliyev"]
PREFIXES = ["corrid", "cooperat", "Azerbaij", "region", "diplom", "secur", "neighbo", "connect"]
PAIRS = [("Iran", "corridor"), ("Baku", "visit"), ("Armenia", "peace"), ("Russia", "format"), ("trade", "energy")]


@dataclass(frozen=True)
class Query:
    """One search: ``kind`` and terms, plus optional outlet / date / actor filters."""

    kind: str  # keyword | phrase | prefix | and
    terms: tuple[str, ...]
    outlets: tuple[str, ...] | None = None
    start: str | None = None
    end: str | None = None
    actors: tuple[str, ...] | None = None
    label: str = field(default="", compare=False)

    def fts(self) -> str:
        """The query string for ``araz.search.search`` (FTS5 syntax)."""
        if self.kind == "phrase":
            return f'"{self.terms[0]}"'
        if self.kind == "prefix":
            return f"{self.terms[0]}*"
        if self.kind == "and":
            return " AND ".join(self.terms)
        return self.terms[0]

    def kwargs(self) -> dict:
        """Filter keyword arguments for ``araz.search.search``."""
        kw = {}
        if self.outlets:
            kw["outlets"] = list(self.outlets)
        if self.start:
            kw["start"] = self.start
        if self.end:
            kw["end"] = self.end
        if self.actors:
            kw["actors"] = list(self.actors)
        return kw

    def patterns(self) -> list[re.Pattern]:
        """Regular expressions a pandas user would pass to ``str.contains`` (all must match)."""
        if self.kind == "phrase":
            words = [re.escape(w) for w in self.terms[0].split()]
            return [re.compile(r"\b" + r"\s+".join(words) + r"\b", re.IGNORECASE)]
        if self.kind == "prefix":
            return [re.compile(r"\b" + re.escape(self.terms[0]) + r"\w*", re.IGNORECASE)]
        return [re.compile(r"\b" + re.escape(t) + r"\b", re.IGNORECASE) for t in self.terms]

    def describe(self) -> str:
        parts = [self.fts()]
        if self.outlets:
            parts.append(f"outlets={len(self.outlets)}")
        if self.start or self.end:
            parts.append(f"{self.start or ''}..{self.end or ''}")
        if self.actors:
            parts.append(f"actors={','.join(self.actors)}")
        return " ".join(parts)


def workload(outlets: list[str], actors: list[str], *, n: int = 60, seed: int = 0) -> list[Query]:
    """Return ``n`` (≥ 50) varied queries, deterministic from ``seed``.

    ``outlets`` are the corpus's outlets (for outlet filters), ``actors`` the actor ids
    known to the gazetteer (for actor filters; empty skips them).
    """
    rng = random.Random(seed)
    base: list[Query] = []
    base += [Query("keyword", (w,)) for w in KEYWORDS]
    base += [Query("phrase", (p,)) for p in PHRASES]
    base += [Query("prefix", (p,)) for p in PREFIXES]
    base += [Query("and", pair) for pair in PAIRS]
    out: list[Query] = []
    i = 0
    while len(out) < n:
        q = base[i % len(base)] if i < len(base) else rng.choice(base)
        i += 1
        r = rng.random()
        if r < 0.4:  # unfiltered
            out.append(q)
        elif r < 0.6 and outlets:
            k = rng.randint(1, min(3, len(outlets)))
            out.append(Query(q.kind, q.terms, outlets=tuple(rng.sample(sorted(outlets), k))))
        elif r < 0.8:
            year = rng.randint(2020, 2025)
            if rng.random() < 0.5:
                out.append(Query(q.kind, q.terms, start=f"{year}", end=f"{year + rng.randint(0, 1)}"))
            else:
                month = rng.randint(1, 12)
                out.append(Query(q.kind, q.terms, start=f"{year}-{month:02d}", end=f"{year}-{month:02d}"))
        elif actors:
            out.append(Query(q.kind, q.terms, actors=(rng.choice(sorted(actors)),)))
        else:
            out.append(q)
    return out
