"""Events, publication dates and dating from internal evidence (araz.timeline, araz.plots.timeline)."""
from __future__ import annotations

import csv
import datetime as dt
import re

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import araz  # noqa: E402
from araz import timeline  # noqa: E402
from araz.errors import ScopeError, TableError  # noqa: E402
from araz.paths import shipped  # noqa: E402

from conftest import make_corpus  # noqa: E402

HEADER = "event_id,date,event,citations,date_source,note\n"
DOCS = {
    "a.md": ({"doc_id": "a", "title": "A", "outlet": "A Daily", "published": "2024-03-02"},
             "The embassy reopened last week. Talks went on."),
    "b.md": ({"doc_id": "b", "title": "B", "outlet": "B Wire", "published": "2024-02/2024-04"},
             "After the reopening, trade grew."),
}


def user_corpus(tmp_path, rows=None):
    folder = make_corpus(tmp_path, DOCS)
    if rows is not None:
        (folder / "annotations").mkdir()
        (folder / "annotations" / "events.csv").write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return araz.load_corpus(folder)


# ---------------------------------------------------------------- the shipped events
def test_events_csv_has_exactly_the_documented_columns():
    with open(shipped("annotations", "events.csv"), encoding="utf-8", newline="") as fh:
        assert next(csv.reader(fh)) == timeline.EVENT_COLUMNS


@pytest.mark.parametrize("event_id", [
    "karabakh-war-2020", "ceasefire-2020", "zarif-tour-2021", "embassy-attack-2023", "embassy-reopening-2024",
    "rasht-astara-agreement-2023", "pezeshkian-visit-2025-04", "bandar-abbas-explosion-2025", "israel-iran-war-2025",
    "eco-summit-khankendi-2025", "washington-declaration-2025", "sahand-2025", "araghchi-visit-2025-12",
])
def test_every_event_the_issue_lists_is_on_the_timeline(corpus, event_id):
    ev = timeline.events(corpus).set_index("event_id")
    assert ev.loc[event_id, "n_citations"] >= 1


@pytest.mark.parametrize("event_id, start, end", [
    ("ceasefire-2020", "2020-11-10", "2020-11-10"),
    ("zarif-tour-2021", "2021-01-25", "2021-01-29"),
    ("embassy-attack-2023", "2023-01-27", "2023-01-27"),
    ("embassy-reopening-2024", "2024-07-15", "2024-07-15"),
    ("rasht-astara-agreement-2023", "2023-05-17", "2023-05-17"),
    ("bandar-abbas-explosion-2025", "2025-04-26", "2025-04-26"),
    ("pezeshkian-visit-2025-04", "2025-04-28", "2025-04-28"),
    ("israel-iran-war-2025", "2025-06-13", "2025-06-24"),
    ("eco-summit-khankendi-2025", "2025-07-03", "2025-07-04"),
    ("washington-declaration-2025", "2025-08-08", "2025-08-08"),
    ("sahand-2025", "2025-12-01", "2025-12-05"),
    ("araghchi-visit-2025-12", "2025-12-08", "2025-12-08"),
])
def test_dates_are_those_of_the_public_record(corpus, event_id, start, end):
    r = timeline.events(corpus).set_index("event_id").loc[event_id]
    assert (str(r["start"].date()), str(r["end"].date())) == (start, end)


def test_every_citation_resolves_and_events_are_sorted(corpus):
    ev = timeline.events(corpus)
    for cits in ev["citations"]:
        for c in cits.split(" | "):
            corpus.cite(c)
    assert ev["start"].is_monotonic_increasing


def test_a_date_not_stated_in_the_corpus_names_a_public_source(corpus):
    ev = timeline.events(corpus)
    for r in ev.itertuples():
        if r.date_in_corpus:
            first = re.match(r"(\S+ ¶[\d.]+)", r.date_source).group(1)
            corpus.cite(first)
        else:
            assert "¶" not in r.date_source and re.search(r"\b(19|20)\d\d\b", r.date_source), r.event_id


def test_ranges_stay_ranges(corpus):
    ev = timeline.events(corpus).set_index("event_id")
    assert ev.loc["sahand-2025", "precision"] == "range"
    assert ev.loc["embassy-attack-2023", "precision"] == "day"
    assert (ev["end"] >= ev["start"]).all()


def test_events_name_the_outlets_that_mention_them(corpus):
    ev = timeline.events(corpus).set_index("event_id")
    assert set(ev.loc["araghchi-visit-2025-12", "outlets"].split(" | ")) == {"Alwaght", "Financial Tribune"}


def test_publications_are_spans_with_their_estimate_flag(corpus):
    p = timeline.publications(corpus)
    assert len(p) == 4 and p["date_estimate"].all()
    assert (p["end"] > p["start"]).all()


# ---------------------------------------------------------------- dating from internal evidence
def test_date_window_of_the_undated_april_article(corpus):
    w = timeline.date_window(corpus, "anon-2025-pezeshkian-visit")
    assert w["not_before"] == dt.date(2025, 4, 28) and w["not_before_event"] == "pezeshkian-visit-2025-04"
    assert w["silent_after"] == dt.date(2025, 6, 13) and w["silent_after_event"] == "israel-iran-war-2025"
    assert set(w["mentioned"]["event_id"]) >= {"bandar-abbas-explosion-2025", "pezeshkian-visit-2025-04"}
    assert all(c.startswith("anon-2025-pezeshkian-visit ") for cs in w["mentioned"]["citations"] for c in cs.split(" | "))


def test_date_window_agrees_with_the_front_matter_of_the_financial_tribune_report(corpus):
    w = timeline.date_window(corpus, "ftribune-2025-araghchi-baku")
    assert pd.Timestamp(w["not_before"]) == corpus.documents.set_index("doc_id").loc["ftribune-2025-araghchi-baku", "published_start"]
    assert w["silent_after"] is None


def test_date_window_of_an_unknown_document(corpus):
    with pytest.raises(ScopeError, match="no document 'nope'"):
        timeline.date_window(corpus, "nope")


# ---------------------------------------------------------------- a user corpus
def test_a_user_corpus_brings_its_own_events(tmp_path):
    c = user_corpus(tmp_path, [
        "reopen,2024-02-20,The embassy reopens,a ¶1.1 | b ¶1.1,Ministry statement (example),",
        "talks,2024-02/2024-03,Talks,a ¶1.2,a ¶1.2,",
    ])
    ev = timeline.events(c).set_index("event_id")
    assert ev.loc["reopen", "n_citations"] == 2 and ev.loc["reopen", "outlets"] == "A Daily | B Wire"
    assert ev.loc["talks", "date_in_corpus"]
    w = timeline.date_window(c, "b")
    assert w["not_before"] == dt.date(2024, 2, 20)


def test_a_user_corpus_without_events_gets_the_shipped_ones_as_context(tmp_path):
    c = user_corpus(tmp_path)
    ev = timeline.events(c)
    assert "embassy-attack-2023" in set(ev["event_id"])
    assert (ev["n_citations"] == 0).all()


@pytest.mark.parametrize("row, field, message", [
    ("x,2024-13-01,Bad,a ¶1.1,src 2024,", "date", "'2024-13-01' has month 13; expected YYYY-MM-DD"),
    ("x,24-01-01,Bad,a ¶1.1,src 2024,", "date", "does not match the pattern"),
    ("x,2024-02-30,Bad,a ¶1.1,src 2024,", "date", "'2024-02-30' is not a real day"),
    ("x,2024-03/2024-01,Bad,a ¶1.1,src 2024,", "date", "ends before it starts"),
    ("x,2024-02-20,Bad,a ¶3.1,src 2024,", "citations", "a has 1 paragraph, not 3"),
    ("x,2024-02-20,Bad,zzz ¶1.1,src 2024,", "citations", "document 'zzz' is not in the corpus"),
    ("x,2024-02-20,Bad,a 1.1,src 2024,", "citations", "is not a citation"),
    ("x,2024-02-20,Bad,a ¶1.1,a ¶1.9,", "date_source", "paragraph 1 of a has 2 sentences, not 9"),
    ("x,2024-02-20,Bad,a ¶1.1,,", "date_source", "is required but empty"),
])
def test_each_bad_event_row_is_named_with_file_line_and_column(tmp_path, row, field, message):
    c = user_corpus(tmp_path, ["ok,2024-02-20,Fine,a ¶1.1,src 2024,", row])
    with pytest.raises(TableError) as err:
        timeline.events(c)
    text = str(err.value)
    assert "events.csv, line 3" in text and f"field '{field}'" in text and message in text


# ---------------------------------------------------------------- the chart
def bars(ax):
    return [p for p in ax.patches if p.get_width() > 0]


def test_timeline_draws_events_and_publications_on_one_axis(corpus):
    fig, ax = plt.subplots()
    assert araz.plots.timeline(ax, corpus) is ax
    n_ev, n_docs = len(timeline.events(corpus)), len(corpus)
    assert len(bars(ax)) == n_ev + n_docs
    assert len(ax.get_yticklabels()) == n_ev + n_docs
    plt.close(fig)


def test_ranges_are_drawn_as_bars_never_points(corpus):
    fig, ax = plt.subplots()
    araz.plots.timeline(ax, corpus)
    widths = sorted(p.get_width() for p in bars(ax))
    pubs = timeline.publications(corpus)
    longest_pub = max((pubs["end"] - pubs["start"]).dt.days) + 1
    assert widths[-1] >= 12 and any(abs(w - longest_pub) < 1e-6 for w in widths)
    sahand = [p for p in bars(ax) if abs(p.get_width() - 5) < 1e-6]
    assert sahand, "the five-day drill is a five-day bar"
    plt.close(fig)


def test_timeline_zooms_to_a_date_range(corpus):
    fig, ax = plt.subplots()
    araz.plots.timeline(ax, corpus, start="2025-04", end="2025-12")
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert not any("2020" in l.split("(")[-1] for l in labels[:3])
    left, right = ax.get_xlim()
    assert mdates.num2date(left).date() == dt.date(2025, 4, 1)
    plt.close(fig)


def test_timeline_with_end_before_start_is_refused(corpus):
    fig, ax = plt.subplots()
    with pytest.raises(ScopeError, match="is before start"):
        araz.plots.timeline(ax, corpus, start="2025-12", end="2025-01")
    plt.close(fig)


def test_timeline_of_a_user_corpus_with_its_own_events(tmp_path):
    c = user_corpus(tmp_path, ["reopen,2024-02-20,The embassy reopens,a ¶1.1,Ministry (example) 2024,"])
    fig, ax = plt.subplots()
    araz.plots.timeline(ax, c)
    assert len(bars(ax)) == 1 + 2
    plt.close(fig)


def test_every_table_is_csv_exportable(corpus, tmp_path):
    for i, t in enumerate([timeline.events(corpus), timeline.publications(corpus),
                           timeline.date_window(corpus, "mehr-2021-korybko")["mentioned"]]):
        t.to_csv(tmp_path / f"{i}.csv", index=False)
        assert len(pd.read_csv(tmp_path / f"{i}.csv")) == len(t)


def test_publications_of_a_user_corpus_keep_exact_dates_and_ranges_apart(tmp_path):
    p = timeline.publications(user_corpus(tmp_path)).set_index("doc_id")
    assert p.loc["a", "precision"] == "day" and not p.loc["a", "date_estimate"]
    assert p.loc["b", "precision"] == "range" and p.loc["b", "date_label"] == "2024-02 – 2024-04 (estimate)"


def test_the_october_2020_plan_and_tour_are_dated_from_the_public_record():
    e = timeline.events(araz.load_corpus()).set_index("event_id")
    plan = e.loc["iran-plan-announced-2020"]
    assert (plan["start"], plan["end"]) == (pd.Timestamp("2020-10-05"), pd.Timestamp("2020-10-05"))
    assert "Tasnim" in plan["date_source"]
    tour = e.loc["iran-initiative-2020"]
    assert (tour["start"], tour["end"]) == (pd.Timestamp("2020-10-27"), pd.Timestamp("2020-10-31"))
    assert "Ankara" in tour["date_source"] and "Verified, including the Ankara leg" in tour["note"]
    assert "not verified" not in tour["note"] and "estimate" not in tour["note"]
    assert plan["start"] < tour["start"]


def test_the_aras_corridor_event_names_the_2022_memorandum_and_the_later_ceremonies():
    e = timeline.events(araz.load_corpus()).set_index("event_id").loc["aras-corridor-mou-2022"]
    assert e["start"] == pd.Timestamp("2022-03-11")
    assert "6 Oct 2023" in e["note"] and "19 May 2024" in e["note"] and "disputed" in e["note"]
