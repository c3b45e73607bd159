"""Helpers for the araz import tests: the fixture pages, generated PDFs, a loopback web server."""
from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
PAGES = ["example-daily-jsonld.html", "sample-times-reprint.html", "plain-dateline.html", "no-date.html",
         "persian.html", "azerbaijani.html"]


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def make_pdf(path: Path, *, text: bool = True) -> Path:
    """A PDF written by WeasyPrint: four paragraphs of invented text, or only a grey box (no text layer)."""
    import weasyprint

    if text:
        paras = "".join(
            f"<p>Paragraph {i} of an invented report: grain barges return to the fictional Northfield canal after "
            f"repairs to its locks were finished, the canal office said in a statement written for tests. PDF-KEEP-{i}</p>"
            for i in range(1, 5))
        html = (f"<html><head><title>Grain barges return to the invented canal</title>"
                f"<meta name='author' content='Canal Desk'></head><body>{paras}</body></html>")
    else:
        html = "<html><body><div style='width:300px;height:300px;background:#555'></div></body></html>"
    weasyprint.HTML(string=html).write_pdf(str(path))
    return path


class Server:
    """A loopback HTTP server: ``routes[path] = (status, content_type, body, delay_seconds)``.

    It records every request (path, User-Agent) and the most requests it ever served at once.
    """

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes, float]] = {}
        self.requests: list[tuple[str, str]] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                with server._lock:
                    server.requests.append((self.path, self.headers.get("User-Agent", "")))
                    server.active += 1
                    server.max_active = max(server.max_active, server.active)
                try:
                    status, ctype, body, delay = server.routes.get(self.path, (404, "text/plain", b"not found", 0))
                    if delay:
                        time.sleep(delay)
                    try:
                        self.send_response(status)
                        self.send_header("Content-Type", ctype)
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass
                finally:
                    with server._lock:
                        server.active -= 1

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def add(self, path: str, body: bytes | str, ctype: str = "text/html; charset=utf-8", status: int = 200, delay: float = 0):
        self.routes[path] = (status, ctype, body.encode("utf-8") if isinstance(body, str) else body, delay)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
