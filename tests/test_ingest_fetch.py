"""``araz import`` over HTTP: a loopback server started by the test (no other network)."""
from __future__ import annotations

import threading
import time

import pytest

from araz.corpus import load_corpus
from araz.ingest import import_sources
from araz.ingest.fetch import USER_AGENT, Fetcher
from araz.validate import read_document, validate
from ingest_helpers import Server, fixture_bytes, make_pdf

URL_DATED_PAGE = """<html><head><title>Harbour festival draws crowds</title></head><body>
<div class="nav"><a href="/">Home</a> <a href="/events">Events</a></div>
<p>Thousands of visitors came to the invented harbour festival in the fictional port of Saltmere at the weekend,
the organisers said, with boat races, music on the quay and a market of local crafts. URLDATE-KEEP</p>
<p>The organisers said the festival, now in its tenth year, would return next summer with a longer programme,
more space for families and a new stage for local choirs on the old pier.</p>
<p>Every name and event in this page is fictional and was written for the Araz kit's tests.</p>
</body></html>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    s = Server()
    s.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    s.add("/world/ferry-talks-resume", fixture_bytes("example-daily-jsonld.html"))
    s.add("/culture/river-museum", fixture_bytes("no-date.html"))
    s.add("/local/frost", fixture_bytes("plain-dateline.html"))
    s.add("/2025/05/20/harbour-festival", URL_DATED_PAGE)
    s.add("/private/secret", fixture_bytes("azerbaijani.html"))
    s.add("/slow", fixture_bytes("persian.html"), delay=0.3)
    s.add("/hang", fixture_bytes("sample-times-reprint.html"), delay=3)
    s.add("/feed.xml", fixture_bytes("feed.rss.xml").replace(b"{BASE}", s.base.encode()), "application/rss+xml")
    s.add("/atom.xml", fixture_bytes("feed.atom.xml").replace(b"{BASE}", s.base.encode()), "application/atom+xml")
    s.add("/broken-feed.xml", b"<?xml version='1.0'?><rss><channel><title>x</title>", "application/rss+xml")
    s.add("/report.pdf", make_pdf(tmp_path_factory.mktemp("pdf") / "r.pdf").read_bytes(), "application/pdf")
    s.add("/server-error", "oops", "text/plain", status=500)
    yield s
    s.close()


def _row(report, url):
    rows = report[report["source"].str.startswith(url)]
    assert len(rows) == 1, report[["source", "status", "message"]].to_string()
    return rows.iloc[0]


def test_urls_pages_feeds_and_errors_in_one_run(site, tmp_path):
    b = site.base
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my reading list\n{b}/2025/05/20/harbour-festival\n\n{b}/private/secret\n{b}/report.pdf\n", encoding="utf-8")
    into = tmp_path / "c"
    report = import_sources([f"{b}/feed.xml", f"{b}/atom.xml", str(urls), f"{b}/slow", f"{b}/hang",
                             f"{b}/server-error", f"{b}/broken-feed.xml", "http://127.0.0.1:9/nothing-listens"],
                            into, timeout=1.0, delay=0)
    # the RSS items: the page's own metadata wins; the feed fills only what the page lacks
    ferry = _row(report, f"{b}/world/ferry-talks-resume")
    assert ferry["status"] == "imported" and ferry["published"] == "2025-03-14"
    meta = read_document(__import__("pathlib").Path(ferry["path"])).meta
    assert meta["date_evidence"].startswith("JSON-LD datePublished")
    assert meta["source"] == f"{b}/world/ferry-talks-resume (via {b}/feed.xml)"
    museum = _row(report, f"{b}/culture/river-museum")
    m = read_document(__import__("pathlib").Path(museum["path"])).meta
    assert str(m["published"]) == "2025-04-01"
    assert m["date_evidence"].startswith("the feed's <pubDate> for this item: Tue, 01 Apr 2025")
    assert m["outlet"] == "Example Daily — World"  # the feed's title: the page names no site
    assert m["url"] == f"{b}/culture/river-museum"
    gone = _row(report, f"{b}/missing-page")
    assert gone["status"] == "error" and "HTTP error 404" in gone["message"]
    # Atom
    frost = _row(report, f"{b}/local/frost")
    assert frost["status"] == "imported" and frost["published"] == "2025-04-07"
    assert frost["outlet"] == "Valley Courier"
    # the URL list: a URL pattern as date evidence, robots.txt honoured, a PDF by content type
    fest = _row(report, f"{b}/2025/05/20/harbour-festival")
    m = read_document(__import__("pathlib").Path(fest["path"])).meta
    assert str(m["published"]) == "2025-05-20" and m["date_evidence"].startswith("URL pattern 2025/05/20")
    assert m["outlet"] == "127.0.0.1"  # no site name, no default: the host, and said so
    assert "outlet is the host 127.0.0.1" in fest["message"]
    secret = _row(report, f"{b}/private/secret")
    assert secret["status"] == "error" and "disallowed by the site's robots.txt" in secret["message"]
    assert not any(p == "/private/secret" for p, _ in site.requests)  # never even requested
    pdf = _row(report, f"{b}/report.pdf")
    assert pdf["status"] == "imported" and pdf["title"] == "Grain barges return to the invented canal"
    # a slow host is waited for; a host that does not answer in time is an error
    assert _row(report, f"{b}/slow")["language"] == "fa"
    hang = _row(report, f"{b}/hang")
    assert hang["status"] == "error" and "timed out after 1 s" in hang["message"]
    assert "HTTP error 500" in _row(report, f"{b}/server-error")["message"]
    assert "is not an RSS or Atom feed" in _row(report, f"{b}/broken-feed.xml")["message"]
    assert "is unreachable" in _row(report, "http://127.0.0.1:9/")["message"]
    # politeness: our User-Agent on every request, robots.txt read once
    assert {ua for _, ua in site.requests} == {USER_AGENT} and "araz" in USER_AGENT
    assert [p for p, _ in site.requests].count("/robots.txt") == 1
    # the folder validates and loads
    assert [i for i in validate(into) if i.severity == "error"] == []
    assert len(load_corpus(into)) == int(report["status"].isin(["imported", "near-duplicate"]).sum()) == 6


def test_one_request_per_host_at_a_time_and_the_delay(site):
    fetcher = Fetcher(timeout=5, delay=0.15)
    deadline = time.monotonic() + 5
    while site.active and time.monotonic() < deadline:  # a request another test gave up on may still be served
        time.sleep(0.05)
    site.max_active = 0
    results = []
    threads = [threading.Thread(target=lambda: results.append(fetcher.get(f"{site.base}/slow"))) for _ in range(3)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert site.max_active == 1  # three threads, one host: one request at a time
    assert all(not r.error and r.body.startswith(b"<!DOCTYPE html>") for r in results)
    assert time.monotonic() - t0 >= 3 * 0.3 + 2 * 0.15  # each waits for the one before, and the delay


def test_size_limit_on_a_download(site):
    got = Fetcher(timeout=5, max_bytes=500, delay=0).get(f"{site.base}/world/ferry-talks-resume")
    assert got.body == b"" and "over the limit of 500" in got.error


def test_not_a_url():
    assert "is not an http(s):// URL" in Fetcher().get("ftp://example.org/x").error


def test_a_feed_file_imports_its_items(site, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(fixture_bytes("feed.atom.xml").replace(b"{BASE}", site.base.encode()))
    report = import_sources([str(feed)], tmp_path / "c", delay=0)
    assert report["status"].tolist() == ["imported"]
    assert report.loc[0, "source"] == f"{site.base}/local/frost" and report.loc[0, "outlet"] == "Valley Courier"


def test_robots_txt_that_fails_means_nothing_is_fetched():
    s = Server()
    try:
        s.add("/robots.txt", "server trouble", "text/plain", status=503)
        s.add("/page", "<html><body><p>x</p></body></html>")
        got = Fetcher(timeout=2, delay=0).get(f"{s.base}/page")
        assert got.error.startswith("was not fetched: the site's robots.txt HTTP error 503")
        assert [p for p, _ in s.requests] == ["/robots.txt"]
    finally:
        s.close()
