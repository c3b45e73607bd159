"""From a web page's bytes to its main text and provenance, with the evidence for its date.

* **Main text**: trafilatura, configured for precision on news (``favor_precision``, no
  comments, no tables, no links, no images): navigation, cookie banners, "related
  articles", comments, share buttons, scripts and footers are left out; each paragraph
  stays one line of the text (the corpus's paragraphs are its lines).
* **Metadata**: title, site name, author, canonical URL and licence from the page's
  metadata (trafilatura reads JSON-LD, Open Graph, Dublin Core and ``<meta>`` tags).
* **Date**: htmldate's finding (``original_date=True``: the publication date, not the
  last modification). :func:`date_with_evidence` then says *where* it is: the JSON-LD
  ``datePublished``, an ``article:published_time`` (or similar) meta tag, a ``<time>``
  element, the URL, or — when only htmldate's extensive search of the visible text finds
  one — the page's dateline. No date found is said plainly (``published`` is ``None``).

Bad input is reported as :class:`Unreadable` with a message naming what to do.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache

MIN_WORDS = 50  # below this a page is an empty page, a paywall or a consent stub
_BINARY = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x00\x00\x01\x00")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_MARKUP = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|title)\b", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:[/-]|$)")
_META_DATES = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date",
    "parsely-pub-date", "article.published", "published_time", "citation_publication_date",
)


class Unreadable(Exception):
    """A page that cannot be imported; the message says why and what to do."""


@dataclass(frozen=True)
class Extracted:
    """What a page says about itself. Fields it does not give are ``None``."""

    text: str
    title: str | None
    outlet: str | None
    author: str | None
    url: str | None
    host: str | None
    licence: str | None
    published: str | None  # YYYY-MM-DD
    date_evidence: str  # where the date came from, or that none was found


@lru_cache(maxsize=1)
def _config():
    from trafilatura.settings import use_config

    cfg = use_config()
    # trafilatura's own timeout uses signal.alarm, which only works in the main thread
    # (the import panel runs in a kernel thread): araz limits the input size instead.
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    cfg.set("DEFAULT", "MIN_EXTRACTED_SIZE", "50")
    return cfg


def versions() -> str:
    """``extractor`` field: the tools and versions that read the page."""
    import htmldate
    import trafilatura

    return f"trafilatura {trafilatura.__version__}; htmldate {htmldate.__version__}"


def decode(raw: bytes, declared: str | None = None) -> str:
    """The page's text: the HTTP charset, else the ``<meta charset>``, else UTF-8.
    Raises :class:`Unreadable` for binary data, non-HTML or undecodable bytes."""
    if not raw.strip():
        raise Unreadable("is empty; save the page again once it has loaded")
    head = raw[:4096]
    if raw.startswith(_BINARY) or b"\x00" in head:
        raise Unreadable("is binary data, not an HTML page (a file renamed .html?); import the original file")
    if not _MARKUP.search(raw[:65536]):
        raise Unreadable("is not HTML (no <html>, <body> or <p> markup); import it as a .txt file if it is plain text")
    m = _CHARSET.search(head)
    names = [n for n in (declared, m.group(1).decode("ascii", "replace") if m else None, "utf-8") if n]
    for name in dict.fromkeys(n.lower() for n in names):
        try:
            return raw.decode(name)
        except LookupError:
            continue
        except UnicodeDecodeError as exc:
            if name == names[-1].lower() or len(names) == 1:
                raise Unreadable(f"cannot be decoded as {name}: byte {exc.start} (0x{raw[exc.start]:02x}) is invalid; "
                                 "re-save the page as UTF-8 (or with its right charset)") from None
            last = exc
    raise Unreadable(f"cannot be decoded ({last}); re-save the page as UTF-8")  # pragma: no cover


def extract(html: str, url: str | None = None, *, min_words: int = MIN_WORDS) -> Extracted:
    """Main text and provenance of one page (see the module docstring)."""
    import lxml.html
    import trafilatura

    try:
        tree = lxml.html.fromstring(html)
    except Exception as exc:  # noqa: BLE001 - lxml's errors are varied
        raise Unreadable(f"is not readable HTML ({type(exc).__name__}); save the page again from a browser") from None
    doc = trafilatura.bare_extraction(
        tree, url=url, favor_precision=True, include_comments=False, include_tables=False,
        include_links=False, include_images=False, include_formatting=False, deduplicate=False,
        with_metadata=True, config=_config())
    text = _paragraphs(getattr(doc, "text", None) or "") if doc is not None else ""
    n = len(text.split())
    if n < min_words:
        what = "no article text" if n == 0 else f"only {n} words of article text"
        raise Unreadable(f"has {what} (an empty page, a paywall or a cookie-consent stub?); save the page after "
                         "accepting or logging in, or paste the article into a .txt file")
    title = _clean(getattr(doc, "title", None))
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest:
        text = rest  # the headline is the title, not a paragraph of the text
    page_url = getattr(doc, "url", None) or url
    host = getattr(doc, "hostname", None) or (_host(page_url) if page_url else None)
    published, evidence = date_with_evidence(html, tree, page_url, text)
    return Extracted(
        text=text, title=title, outlet=_sitename(getattr(doc, "sitename", None), host),
        author=_clean(getattr(doc, "author", None)), url=page_url, host=host,
        licence=_clean(getattr(doc, "license", None)), published=published, date_evidence=evidence)


def _clean(v) -> str | None:
    v = re.sub(r"\s+", " ", str(v)).strip() if v else ""
    return v or None


def _sitename(name, host) -> str | None:
    name = _clean(name)
    bare = lambda h: h.lower().removeprefix("www.").split(":")[0]  # noqa: E731
    if name and host and bare(name) == bare(host):
        return None  # trafilatura's fallback: the host is not a site name the page states
    return name


def _host(url: str) -> str | None:
    from urllib.parse import urlsplit

    h = urlsplit(url).hostname
    return h.removeprefix("www.") if h else None


def _paragraphs(text: str) -> str:
    """One paragraph per line, spaces tidied, no empty lines."""
    lines = (re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.replace("\r", "\n").split("\n"))
    return "\n".join(ln for ln in lines if ln)


# ---- the date and where it comes from -------------------------------------------------------

def _day(value: str) -> str | None:
    m = re.search(r"((?:19|20)\d{2})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _json_ld_dates(tree) -> list[str]:
    out = []

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "datePublished" and isinstance(v, str):
                    out.append(v)
                else:
                    walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content() or "null"))
        except ValueError:
            continue
    return out


def _evidence(tree, url: str | None, day: str) -> list[str]:
    """Every place in the page's markup or URL that states ``day``, most explicit first."""
    found = []
    for v in _json_ld_dates(tree):
        if _day(v) == day:
            found.append(f"JSON-LD datePublished {v}")
            break
    for meta in tree.xpath("//meta[@content]"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in _META_DATES and _day(meta.get("content")) == day:
            found.append(f"meta {name} {meta.get('content').strip()}")
            break
    for t in tree.xpath("//time[@datetime]"):
        if _day(t.get("datetime")) == day:
            found.append(f"<time datetime> {t.get('datetime').strip()}")
            break
    m = _URL_DATE.search(url or "")
    if m and "-".join(m.groups()) == day:
        found.append(f"URL pattern {m.group(0).strip('/')} in {url}")
    return found


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


def _dateline(tree, day: str) -> str | None:
    """A short stretch of the visible text that writes ``day`` (for the evidence)."""
    d = dt.date.fromisoformat(day)
    forms = [day, f"{d.day} {_MONTHS[d.month - 1]} {d.year}", f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
             f"{d.day:02d}.{d.month:02d}.{d.year}", f"{d.day}.{d.month:02d}.{d.year}", f"{d.day:02d}/{d.month:02d}/{d.year}"]
    for el in tree.xpath("//body//*[not(self::script or self::style)]/text()"):
        s = re.sub(r"\s+", " ", str(el)).strip()
        for f in forms:
            i = s.lower().find(f.lower())
            if i >= 0:
                return s[max(0, i - 40): i + len(f) + 40]
    return None


def date_with_evidence(html: str, tree, url: str | None, text: str = "") -> tuple[str | None, str]:
    """``(YYYY-MM-DD or None, evidence)``: htmldate's finding and where the page states it.

    Markup first (``extensive_search=False``: JSON-LD, meta tags, ``<time>``, the URL);
    only when that finds nothing, htmldate's search of the visible text (a dateline).
    """
    import htmldate

    version = f"htmldate {htmldate.__version__}"
    day = htmldate.find_date(tree, url=url, original_date=True, extensive_search=False)
    if day:
        where = _evidence(tree, url, day)
        if where:
            return day, f"{'; also '.join(where)} (found by {version}, publication date)"
        line = _dateline(tree, day)
        if line:
            return day, f"visible dateline “{line}” (found by {version} in the page's markup; no date field in its metadata)"
        return day, f"{version} found it in the page's markup (publication date; no single field identified)"
    day = htmldate.find_date(tree, url=url, original_date=True, extensive_search=True)
    if day:
        line = _dateline(tree, day)
        shown = f"visible dateline “{line}”" if line else "a date in the visible text"
        return day, f"{shown} (found by {version}'s search of the page text; no date in the page's metadata — check it)"
    return None, f"no publication date found ({version} searched JSON-LD, meta tags, <time> elements, the URL and the visible text)"
