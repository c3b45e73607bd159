"""RSS and Atom feeds: every item's link, with the feed's metadata as a fallback.

feedparser reads RSS 0.9x/1.0/2.0 and Atom (and is lenient with broken markup: its
``bozo`` flag is only fatal here when no item could be read). Each item becomes a URL to
import; its title, author and date, and the feed's title as the outlet, fill only what
the linked page itself does not say (``date_evidence`` then names the feed).
"""
from __future__ import annotations

import time
from dataclasses import dataclass


class FeedError(Exception):
    """The bytes are not a feed araz can read; the message says what to do."""


@dataclass(frozen=True)
class FeedItem:
    link: str
    fallback: dict


def looks_like_feed(raw: bytes) -> bool:
    head = raw[:2048].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in raw[:4096].lower() or b"<feed" in raw[:4096].lower()
                                          or b"<rdf:rdf" in raw[:4096].lower())


def items(raw: bytes, where: str) -> tuple[str, list[FeedItem]]:
    """``(feed title, items)``; raise :class:`FeedError` when nothing can be read."""
    import feedparser

    parsed = feedparser.parse(raw)
    if not parsed.get("version") or not any(e.get("link") for e in parsed.entries):
        why = f" ({parsed.bozo_exception})" if parsed.get("bozo") and parsed.get("bozo_exception") else ""
        raise FeedError(f"is not an RSS or Atom feed araz can read, or lists no items{why}; check the address or the file")
    title = (parsed.feed.get("title") or "").strip() or None
    out = []
    for e in parsed.entries:
        link = (e.get("link") or "").strip()
        fb = {"outlet": title, "title": (e.get("title") or "").strip() or None,
              "author": (e.get("author") or "").strip() or None, "feed": where}
        when = e.get("published_parsed") or e.get("updated_parsed")
        if when:
            field = "published" if e.get("published_parsed") else "updated"
            fb["published"] = time.strftime("%Y-%m-%d", when)
            fb["date_evidence"] = f"the feed's <{'pubDate' if field == 'published' else 'updated'}> for this item: {e.get(field)} ({where}; the page itself gives no date)"
        out.append(FeedItem(link, fb))
    return title, out
