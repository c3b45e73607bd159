"""Exact and near duplicates: the same text again, and the same story reprinted.

* **Exact**: the SHA-1 of the *normalised* text (Unicode NFKC, case folded, punctuation
  and spacing ignored) — the same article saved twice, fetched again, or with other
  line breaks. Such a document is not written again: rerunning an import changes nothing.
* **Near**: a wire story reprinted by another outlet with its own headline, first line
  or tail. MinHash (datasketch) over word shingles estimates the Jaccard similarity of two
  texts' sets of ``SHINGLE``-word sequences; an LSH index finds the candidates without
  comparing every pair (10,000 documents: 50 million pairs). A document whose estimated
  similarity to an earlier one reaches :data:`THRESHOLD` is imported with
  ``near_duplicate_of`` naming that earlier document, so wire copies can be counted once.

:class:`Index` holds both, filled with the target corpus and then with every document the
run imports ("earlier" = already in the corpus, or imported before in this run).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

SHINGLE = 3      # words per shingle: short enough for short news items, long enough to carry word order
NUM_PERM = 128   # MinHash permutations: standard error of the estimate ~ 1/sqrt(128) = 0.09
THRESHOLD = 0.5  # estimated Jaccard similarity of shingle sets from which a text is a near-duplicate
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces (punctuation and layout ignored)."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def text_key(text: str) -> str:
    """The SHA-1 of :func:`normalise` (the exact-duplicate key)."""
    return hashlib.sha1(normalise(text).encode("utf-8")).hexdigest()


def shingles(norm: str, k: int = SHINGLE) -> set[bytes]:
    words = norm.split()
    if len(words) < k:
        return {norm.encode("utf-8")} if norm else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def minhash(norm: str):
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM)
    # update_batch hashes all shingles with numpy at once: ~10x faster than update() per shingle
    m.update_batch(list(shingles(norm)))
    return m


@dataclass(frozen=True)
class Match:
    """What :meth:`Index.check` found: ``kind`` is ``duplicate``, ``near-duplicate`` or ``new``;
    ``doc_id`` the earlier document (exact match or most similar near one), ``similarity``
    the estimated Jaccard similarity of a near-duplicate."""

    kind: str
    doc_id: str = ""
    path: str = ""
    similarity: float = 1.0


class Index:
    """Exact keys and a MinHash LSH index of the documents seen so far."""

    def __init__(self, threshold: float = THRESHOLD):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self._exact: dict[str, tuple[str, str]] = {}
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, object] = {}
        self._order: dict[str, int] = {}
        self._paths: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._order)

    def check(self, text: str) -> tuple[Match, str, object]:
        """Classify ``text`` against the index; also return its key and MinHash (for :meth:`add`)."""
        norm = normalise(text)
        key = hashlib.sha1(norm.encode("utf-8")).hexdigest()
        if key in self._exact:
            did, path = self._exact[key]
            return Match("duplicate", did, path), key, None
        mh = minhash(norm)
        best = None
        for did in self._lsh.query(mh):
            sim = mh.jaccard(self._hashes[did])
            if sim >= self.threshold and (best is None or (sim, -self._order[did]) > (best[0], -self._order[best[1]])):
                best = (sim, did)
        if best is not None:
            return Match("near-duplicate", best[1], self._paths[best[1]], round(best[0], 2)), key, mh
        return Match("new"), key, mh

    def add(self, doc_id: str, path: str, key: str, mh=None, text: str | None = None) -> None:
        """Record a document (``mh`` from :meth:`check`, or computed from ``text``)."""
        if doc_id in self._order:
            return
        if mh is None:
            mh = minhash(normalise(text or ""))
        self._exact.setdefault(key, (doc_id, path))
        self._lsh.insert(doc_id, mh)
        self._hashes[doc_id] = mh
        self._order[doc_id] = len(self._order)
        self._paths[doc_id] = path
