"""Readable, stable, never-colliding document ids: ``outlet-date-slug``.

``example-daily-2025-03-14-ferry-talks-resume-on-the-caspian``: the outlet, the day (or
``undated``) and the first words of the title, all folded to ASCII letters, digits and
``-`` (what ``araz validate`` accepts as a ``doc_id``). A title in another script
(Persian, Armenian, Cyrillic) has no ASCII words: the slug is then ``t`` and the first
8 hex digits of the SHA-1 of the normalised text, stable across runs. An id already
taken (in the corpus, in this run, or by a file on disk) gets ``-2``, ``-3``…
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_WORDS = 8
_NON = re.compile(r"[^a-z0-9]+")
# Latin letters Unicode does not decompose into a base letter and an accent
_LATIN = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss",
                        "đ": "d", "Đ": "d", "ł": "l", "Ł": "l", "œ": "oe", "Œ": "oe", "þ": "th"})


def ascii_slug(text: str, max_words: int = MAX_WORDS) -> str:
    """``"Ferry talks: resume!"`` → ``"ferry-talks-resume"`` (accents dropped, other scripts gone)."""
    folded = unicodedata.normalize("NFKD", (text or "").translate(_LATIN)).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in _NON.split(folded) if w]
    return "-".join(words[:max_words])


def make_id(outlet: str | None, published: str | None, title: str | None, text: str, taken, host: str | None = None) -> str:
    """A ``doc_id`` not in ``taken`` (a container of ids; the caller adds the result).

    An outlet with no ASCII letters (``روزنامه نمونه``) is named by the site's host, else
    ``outlet`` (never ``unknown``, which would say the outlet is not known)."""
    o = (ascii_slug(outlet or "", 3) if outlet and outlet != "unknown" else "unknown") or ascii_slug(host or "", 3) or "outlet"
    d = published[:10] if published else "undated"
    t = ascii_slug(title or "") or "t" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    base = f"{o}-{d}-{t}"
    did, n = base, 1
    while did in taken:
        n += 1
        did = f"{base}-{n}"
    return did
