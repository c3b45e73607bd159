"""Polite fetching of web pages: who we are, what robots.txt allows, one request per host.

* every request sends a ``User-Agent`` naming the kit (:data:`USER_AGENT`);
* ``robots.txt`` is read once per host (``urllib.robotparser``) and honoured, with its
  ``Crawl-delay`` (capped at :data:`MAX_DELAY` seconds); a host without one (404) allows all;
  one that fails (a server error, a timeout) allows nothing, as RFC 9309 asks — the page
  would most likely fail too, and a site in trouble should not be crawled;
* one request per host at a time (a lock per host), with at least ``delay`` seconds
  between two requests to the same host;
* every request has a timeout, and a body larger than ``max_bytes`` is refused before it
  is read whole.

Failures are not raised: :meth:`Fetcher.get` returns a :class:`Fetched` whose ``error``
says what went wrong and what to do, so one bad URL loses nothing else.
"""
from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urlsplit

from .. import __version__

USER_AGENT = f"araz-import/{__version__} (Araz teaching kit; fetches pages its user asked for; honours robots.txt)"
MAX_BYTES = 20_000_000
TIMEOUT = 20.0
MAX_DELAY = 10.0


@dataclass(frozen=True)
class Fetched:
    """A response: ``body`` and ``content_type`` (``charset`` when the server named one),
    the ``url`` after redirects, or ``error`` (text) when nothing usable came back."""

    url: str
    body: bytes = b""
    content_type: str = ""
    charset: str | None = None
    error: str = ""


class Fetcher:
    """Fetch URLs politely (see the module docstring). Safe to share between threads."""

    def __init__(self, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES, delay: float = 1.0,
                 user_agent: str = USER_AGENT):
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.delay = delay
        self.user_agent = user_agent
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_error: dict[str, str] = {}
        self._guard = threading.Lock()

    def _lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def _open(self, url: str):
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept": "*/*"})
        return urllib.request.urlopen(req, timeout=self.timeout)  # noqa: S310 - http(s) only, checked by the caller

    def _raw(self, url: str) -> Fetched:
        """One request, no politeness (the caller holds the host's lock)."""
        try:
            with self._open(url) as resp:
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    return Fetched(url, error=f"is {int(length):,} bytes, over the limit of {self.max_bytes:,}; save the page and import the file, or raise max_bytes")
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    return Fetched(url, error=f"is over the limit of {self.max_bytes:,} bytes; save the page and import the file, or raise max_bytes")
                ctype = resp.headers.get_content_type() or ""
                return Fetched(resp.geturl(), body, ctype, resp.headers.get_content_charset())
        except urllib.error.HTTPError as exc:
            return Fetched(url, error=f"HTTP error {exc.code} ({exc.reason}); check the address, or save the page from a browser and import the file")
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                return Fetched(url, error=f"timed out after {self.timeout:g} s; try again later, or save the page and import the file")
            return Fetched(url, error=f"is unreachable ({reason}); check the address and your connection")
        except (socket.timeout, TimeoutError):
            return Fetched(url, error=f"timed out after {self.timeout:g} s; try again later, or save the page and import the file")
        except (OSError, ValueError) as exc:
            return Fetched(url, error=f"could not be fetched ({type(exc).__name__}: {exc}); check the address")

    def _robots_for(self, scheme: str, host: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's robots.txt (read with our User-Agent and timeout), or ``None``: none there."""
        if host in self._robots:
            return self._robots[host]
        got = self._raw(f"{scheme}://{host}/robots.txt")
        self._last[host] = time.monotonic()
        rp = None
        if not got.error:
            rp = urllib.robotparser.RobotFileParser()
            rp.parse(got.body.decode("utf-8", "replace").splitlines())
        elif "HTTP error 401" in got.error or "HTTP error 403" in got.error:
            rp = urllib.robotparser.RobotFileParser()
            rp.disallow_all = True  # the convention urllib.robotparser itself follows
        elif "HTTP error 4" not in got.error:  # 5xx, timeout, unreachable: assume complete disallow (RFC 9309)
            rp = urllib.robotparser.RobotFileParser()
            rp.disallow_all = True
            self._robots_error[host] = got.error
        self._robots[host] = rp
        return rp

    def get(self, url: str) -> Fetched:
        """Fetch ``url`` if robots.txt allows it; never raises."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return Fetched(url, error="is not an http(s):// URL")
        host = parts.netloc.lower()
        with self._lock(host):
            rp = self._robots_for(parts.scheme, host)
            if host in self._robots_error:
                return Fetched(url, error=f"was not fetched: the site's robots.txt {self._robots_error[host]}")
            if rp is not None and not rp.can_fetch(self.user_agent, url):
                return Fetched(url, error="is disallowed by the site's robots.txt; araz does not fetch it. Save the page from a browser (if its terms allow) and import the file")
            wait = self.delay
            if rp is not None:
                crawl = rp.crawl_delay(self.user_agent)
                if crawl:
                    wait = max(wait, min(float(crawl), MAX_DELAY))
            since = time.monotonic() - self._last.get(host, -1e9)
            if since < wait:
                time.sleep(wait - since)
            try:
                return self._raw(url)
            finally:
                self._last[host] = time.monotonic()
