"""The class server's worker process: one Tornado server, one shared corpus, one Visitor per open page.

``python -m araz.serve._web --port N --max-visitors N --idle-timeout MIN`` (``araz serve``
starts it and restarts it if it dies). Routes — there are no others, and none takes a path
from the visitor, so no file on the server can be asked for:

* ``GET /``            the page (``static/page.html``), or a 503 "the class is full" page;
* ``GET /static/page.js``, ``/static/page.css``  its two assets;
* ``GET /health``      JSON: visitors, limits, RSS of this process (for the lecturer and the benchmark);
* ``GET /download/<token>``  a visitor's export, from memory, once (the token is random, 128 bits);
* ``/ws``              the page's websocket: JSON actions answered by :class:`~._visitor.Visitor`.

Each visitor's messages are answered one at a time (Tornado delivers the next message
when the previous coroutine returns), in a small thread pool so that one visitor's chart
never stalls the event loop for the others. A visitor whose tab closes mid-action is
dropped: the action finishes in its thread and the answer is thrown away.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import tornado.httpserver
import tornado.ioloop
import tornado.web
import tornado.websocket

from . import _state, normalise_base_url
from ._visitor import Visitor

STATIC = Path(__file__).with_name("static")
MAX_MESSAGE = 256 * 1024  # the largest message a page sends (notes are capped at 50,000 characters)
SECURITY_HEADERS = {
    # only our own script runs; server-built fragments can carry styles and data: images, nothing else
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                               "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                               "frame-ancestors 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
FULL_MESSAGE = ("The class is full: {n} people are using the explorer, the most this server takes — "
                "try again in a minute.")
IDLE_MESSAGE = ("You were idle for {m:g} minutes, so the server let your session go to make room for others. "
                "Reload the page to carry on (your filters start afresh).")


def rss_bytes(pid: int | None = None) -> int:
    """Resident memory of a process (this one by default), from /proc (0 where there is no /proc)."""
    try:
        with open(f"/proc/{pid or os.getpid()}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class Hub:
    """Who is connected, the limits, and the pool that runs their actions."""

    def __init__(self, max_visitors: int, idle_timeout_s: float, workers: int = 4):
        self.max_visitors = max_visitors
        self.idle_timeout_s = idle_timeout_s
        self.sockets: dict[str, "VisitorSocket"] = {}
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="araz-visitor")
        self.started = time.time()
        self.served = 0
        self.released_idle = 0

    def full(self) -> bool:
        return len(self.sockets) >= self.max_visitors

    def reap_idle(self) -> None:
        """Close the pages idle longer than the timeout and release their state."""
        now = time.monotonic()
        for sock in list(self.sockets.values()):
            if now - sock.visitor.last_seen > self.idle_timeout_s:
                self.released_idle += 1
                sock.say({"event": "idle", "message": IDLE_MESSAGE.format(m=self.idle_timeout_s / 60)})
                sock.close(code=4000, reason="idle")
                sock.release()


def _headers(handler: tornado.web.RequestHandler) -> None:
    for k, v in SECURITY_HEADERS.items():
        handler.set_header(k, v)


class PageHandler(tornado.web.RequestHandler):
    def initialize(self, hub: Hub):
        self.hub = hub

    def get(self):
        _headers(self)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        if self.hub.full():
            self.set_status(503)
            self.set_header("Retry-After", "60")
            msg = FULL_MESSAGE.format(n=self.hub.max_visitors)
            self.finish(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>The class is full</title>"
                        f"<meta http-equiv='refresh' content='60'></head><body style='font-family:system-ui;margin:40px'>"
                        f"<h1>The class is full</h1><p class='full'>{msg}</p>"
                        f"<p>This page tries again by itself every minute.</p></body></html>")
            return
        self.finish((STATIC / "page.html").read_bytes())


class AssetHandler(tornado.web.RequestHandler):
    """One of a fixed set of files (the name comes from the route table, never from the visitor)."""

    def initialize(self, name: str, mime: str):
        self.name, self.mime = name, mime

    def get(self):
        _headers(self)
        self.set_header("Content-Type", self.mime)
        self.finish((STATIC / self.name).read_bytes())


class DownloadHandler(tornado.web.RequestHandler):
    """A visitor's export, fetched once by its random token; from memory, never from a file."""

    def initialize(self, hub: Hub):
        self.hub = hub

    def get(self, token: str):
        _headers(self)
        for sock in list(self.hub.sockets.values()):
            visitor = sock.visitor
            got = visitor.take_download(token) if visitor is not None else None
            if got is not None:
                name, mime, data = got
                self.set_header("Content-Type", mime)
                self.set_header("Content-Disposition", f'attachment; filename="{name}"')
                self.finish(data)
                return
        self.set_status(404)
        self.finish("This download has expired: make the export again.")


class NoIcon(tornado.web.RequestHandler):
    def get(self):
        self.set_status(204)
        self.finish()


class HealthHandler(tornado.web.RequestHandler):
    def initialize(self, hub: Hub):
        self.hub = hub

    def get(self):
        _headers(self)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps({
            "visitors": len(self.hub.sockets), "max_visitors": self.hub.max_visitors,
            "idle_timeout_s": self.hub.idle_timeout_s, "served": self.hub.served,
            "released_idle": self.hub.released_idle, "pid": os.getpid(), "rss_bytes": rss_bytes(),
            "uptime_s": round(time.time() - self.hub.started, 1),
        }))


class VisitorSocket(tornado.websocket.WebSocketHandler):
    def initialize(self, hub: Hub):
        self.hub = hub
        self.visitor: Visitor | None = None
        self.key = ""

    def open(self):
        if self.hub.full():
            self.say({"event": "full", "message": FULL_MESSAGE.format(n=self.hub.max_visitors)})
            self.close(code=1013, reason="the class is full")
            return
        self.key = secrets.token_hex(8)
        self.visitor = Visitor(_state.corpus(), self.key)
        self.hub.sockets[self.key] = self
        self.hub.served += 1

    def say(self, payload: dict) -> None:
        try:
            self.write_message(json.dumps(payload))
        except tornado.websocket.WebSocketClosedError:
            pass

    async def on_message(self, message):
        visitor = self.visitor
        if visitor is None:
            return
        try:
            msg = json.loads(message)
        except (ValueError, TypeError):
            msg = "not JSON"
        loop = asyncio.get_running_loop()
        # the action and the encoding of its (possibly large) answer both run off the event loop
        answer = await loop.run_in_executor(self.hub.pool, lambda: json.dumps(visitor.handle(msg)))
        if self.visitor is visitor and self.ws_connection is not None:  # still here: a closed tab gets nothing
            try:
                await self.write_message(answer)
            except tornado.websocket.WebSocketClosedError:
                pass

    def release(self) -> None:
        if self.visitor is not None:
            self.hub.sockets.pop(self.key, None)
            visitor, self.visitor = self.visitor, None
            visitor.close()

    def on_close(self):
        self.release()


def make_app(hub: Hub, base_url: str = "/") -> tornado.web.Application:
    import re

    b = re.escape(normalise_base_url(base_url))
    return tornado.web.Application([
        (rf"{b}", PageHandler, {"hub": hub}),
        (rf"{b}static/page\.js", AssetHandler, {"name": "page.js", "mime": "text/javascript; charset=utf-8"}),
        (rf"{b}static/page\.css", AssetHandler, {"name": "page.css", "mime": "text/css; charset=utf-8"}),
        (rf"{b}health", HealthHandler, {"hub": hub}),
        (rf"{b}download/([0-9a-f]{{32}})", DownloadHandler, {"hub": hub}),
        (r"/favicon\.ico", NoIcon),
        (rf"{b}ws", VisitorSocket, {"hub": hub}),
    ], websocket_max_message_size=MAX_MESSAGE, websocket_ping_interval=20, compress_response=True)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m araz.serve._web")
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--max-visitors", type=int, default=40)
    p.add_argument("--idle-timeout", type=float, default=30.0, help="minutes")
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--base-url", default="/")
    return p


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    t0 = time.perf_counter()
    info = _state.warm()
    print(f"araz serve worker {os.getpid()}: {info['documents']:,} documents, {info['sentences']:,} sentences ready "
          f"in {time.perf_counter() - t0:.1f} s", flush=True)
    # From here on nothing a visitor does writes to disk: a tone-lab edit rescores the corpus with
    # the visitor's lexicon, which araz.tone would otherwise keep in the on-disk cache.
    os.environ["ARAZ_CACHE"] = "off"
    hub = Hub(args.max_visitors, args.idle_timeout * 60, workers=args.workers)
    base = normalise_base_url(args.base_url)
    server = tornado.httpserver.HTTPServer(make_app(hub, base), xheaders=True)
    server.listen(args.port, address=args.host)
    tick = max(0.2, min(30.0, hub.idle_timeout_s / 4))
    tornado.ioloop.PeriodicCallback(hub.reap_idle, tick * 1000).start()
    print(f"araz serve worker listening on http://{args.host}:{args.port}{base}", flush=True)
    tornado.ioloop.IOLoop.current().start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
