"""araz.search: keyword in context, escaped HTML, ranked FTS5 search with filters, query errors."""
from __future__ import annotations

import pandas as pd
import pytest

import araz
from araz import search as s
from conftest import make_corpus

INJECTION = '<script>alert("x")</script> and <img src=x onerror=alert(1)>'


@pytest.fixture
def hostile(tmp_path):
    """A corpus whose title and text carry markup."""
    return araz.load_corpus(make_corpus(tmp_path, {"evil.md": (
        {"title": "<script>alert('t')</script>", "outlet": "Evil <b>Daily</b>", "published": "2024-05-01"},
        f"The Aras corridor is near. {INJECTION} follows the Aras corridor.")}))


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """Three outlets, three dates (one an inferred range), known sentences."""
    folder = make_corpus(tmp_path_factory.mktemp("dated"), {
        "a.md": ({"title": "A", "outlet": "Alpha", "perspective": "left", "published": "2021-03-01"},
                 "Tehran welcomed the Aras corridor. The Zangezur corridor worries Tehran.\n"
                 "Corridors and more corridors were debated in Baku."),
        "b.md": ({"title": "B", "outlet": "Beta", "perspective": "right", "published": "2023-01/2023-06"},
                 "Baku and Yerevan met. The Zangezur corridor was not named.\n"
                 "Israel and Iran traded accusations."),
        "c.md": ({"title": "C", "outlet": "Gamma", "perspective": "right", "published": "2025-09-10"},
                 "The North–South corridor through Astara grew. Iran's railway to Rasht is planned.\n"
                 "Nobody spoke of Armenia."),
    })
    return araz.load_corpus(folder)


# ---- query syntax ------------------------------------------------------------------------------
@pytest.mark.parametrize("query, expected", [
    ("Baku", '"Baku"'),
    ('"Zangezur corridor"', '"Zangezur corridor"'),
    ("corrid*", '"corrid"*'),
    ("Aras OR Araz", '"Aras" OR "Araz"'),
    ("Iran Israel", '"Iran" AND "Israel"'),
    ("Iran NOT Israel", '"Iran" NOT "Israel"'),
    ("(Aras OR Araz) corridor", '("Aras" OR "Araz") AND "corridor"'),
    ("North-South", '"North-South"'),
    ("3+3 format", '"3+3" AND "format"'),
    ("Iran's — policy", '"Iran\'s" AND "policy"'),
])
def test_queries_translate_to_safe_fts5(query, expected):
    assert s.to_fts(query) == expected


@pytest.mark.parametrize("query, message", [
    ('"Zangezur corridor', "unbalanced quotes"),
    ("OR Baku", "'OR' in 'OR Baku' needs a word on its left"),
    ("Baku AND", "'AND' at the end of 'Baku AND' needs a word on its right"),
    ("Baku AND OR Tehran", "'OR' in 'Baku AND OR Tehran' needs a word on its left"),
    ("NOT Israel", "'NOT' in 'NOT Israel' needs a word on its left"),
    ("AND", "needs a word on its left"),
    ("(Aras OR Araz", "'(' is never closed"),
    ("Aras)", "a ')' has no '(' before it"),
    ("()", "has nothing after it"),
    ('""', "has no words"),
    ("   ", "has no words"),
    ("*", "must follow the start of a word"),
    ("co*rr", "can only end a word"),
])
def test_bad_queries_raise_a_readable_query_error(corpus, query, message):
    with pytest.raises(araz.QueryError, match=__import__("re").escape(message)):
        s.search(corpus, query) if query.strip() else s.to_fts(query)


def test_query_error_is_a_value_error_and_an_araz_error(corpus):
    with pytest.raises(ValueError):
        s.search(corpus, '"open')
    with pytest.raises(araz.ArazError):
        s.kwic(corpus, '"open')


def test_operators_are_words_in_lower_case(corpus):
    assert s.to_fts("war and peace") == '"war" AND "and" AND "peace"'


# ---- search -----------------------------------------------------------------------------------
def test_search_returns_the_documented_columns(corpus):
    r = s.search(corpus, "Baku")
    assert r.columns.tolist() == s.SEARCH_COLUMNS
    assert r["rank"].tolist() == list(range(1, len(r) + 1))
    assert r["score"].is_monotonic_decreasing
    assert r.attrs["total"] == len(r) > 5


def test_every_hit_is_verbatim_at_its_citation(corpus):
    for r in s.search(corpus, "corridor OR route").itertuples():
        assert corpus.cite(r.citation) == r.text
        assert corpus[r.doc_id].text[r.start:r.end] == r.text


def test_phrase_query_needs_the_words_in_order(dated):
    assert s.search(dated, '"Zangezur corridor"')["citation"].tolist() == ["a ¶1.2", "b ¶1.2"]
    assert s.search(dated, '"corridor Zangezur"').empty


def test_prefix_query_finds_every_word_that_starts_so(dated):
    hits = set(s.search(dated, "corrid*")["citation"])
    assert hits == {"a ¶1.1", "a ¶1.2", "a ¶2.1", "b ¶1.2", "c ¶1.1"}
    assert set(s.search(dated, "Arm*")["citation"]) == {"c ¶2.1"}


def test_search_stems_english_words(dated):
    assert set(s.search(dated, "corridors")["citation"]) == set(s.search(dated, "corridor")["citation"])


def test_and_or_not(dated):
    assert set(s.search(dated, "Baku AND Yerevan")["citation"]) == {"b ¶1.1"}
    assert set(s.search(dated, "Yerevan OR Rasht")["citation"]) == {"b ¶1.1", "c ¶1.2"}
    assert set(s.search(dated, "Tehran NOT Aras")["citation"]) == {"a ¶1.2"}


def test_bm25_ranks_the_denser_sentence_first(dated):
    r = s.search(dated, "corridors")
    assert r.iloc[0]["citation"] == "a ¶2.1"  # "Corridors and more corridors…"


def test_snippet_marks_the_matched_words(dated):
    snip = s.search(dated, "Yerevan").iloc[0]["snippet"]
    assert "⟦Yerevan⟧" in snip
    assert s.snippet_html('<b>⟦x⟧</b>') == "&lt;b&gt;<mark>x</mark>&lt;/b&gt;"


def test_filter_by_outlet_and_perspective(dated):
    assert set(s.search(dated, "corridor", outlets="Alpha")["doc_id"]) == {"a"}
    assert set(s.search(dated, "corridor", perspectives=["right"])["doc_id"]) == {"b", "c"}
    assert s.search(dated, "Yerevan", outlets=["Alpha", "Gamma"]).empty


def test_filter_by_dates_respects_inferred_ranges(dated):
    # b is dated 2023-01/2023-06: a window that overlaps the range finds it
    assert set(s.search(dated, None, start="2023-05", end="2023-12")["doc_id"]) == {"b"}
    assert set(s.search(dated, None, start="2022")["doc_id"]) == {"b", "c"}
    assert set(s.search(dated, None, end="2021-03-01")["doc_id"]) == {"a"}
    assert s.search(dated, None, start="2023-07", end="2025-09-09").empty


def test_filter_by_actor_and_corridor_uses_the_gazetteer(dated):
    # "Tehran" is a metonym of Iran: the actor filter finds it without the word "Iran"
    assert set(s.search(dated, None, actors="iran")["citation"]) == {"a ¶1.1", "a ¶1.2", "b ¶2.1", "c ¶1.2"}
    assert set(s.search(dated, None, corridors=["zangezur-corridor"])["citation"]) == {"a ¶1.2", "b ¶1.2"}
    both = s.search(dated, "worries", actors=["iran"], corridors=["zangezur-corridor"])
    assert both["citation"].tolist() == ["a ¶1.2"]
    assert set(s.search(dated, None, corridors=["aras-corridor", "instc"])["citation"]) == {"a ¶1.1", "c ¶1.1"}


def test_paragraph_unit(dated):
    r = s.search(dated, "Zangezur", unit="paragraph")
    assert r["citation"].tolist() == ["a ¶1", "b ¶1"]
    assert r["sentence"].isna().all()
    # "Yerevan" stands for Armenia (a metonym)
    assert set(s.search(dated, None, unit="paragraph", actors="armenia")["citation"]) == {"b ¶1", "c ¶2"}


def test_no_query_lists_units_in_document_order(dated):
    r = s.search(dated, "", outlets="Beta")
    assert r["citation"].tolist() == ["b ¶1.1", "b ¶1.2", "b ¶2.1"]
    assert r["score"].isna().all()
    assert r["snippet"].tolist() == r["text"].tolist()


def test_limit_and_offset_page_through_results_with_the_total(dated):
    full = s.search(dated, "corrid*")
    page = s.search(dated, "corrid*", limit=2, offset=2)
    assert page["citation"].tolist() == full["citation"].tolist()[2:4]
    assert page["rank"].tolist() == [3, 4]
    assert page.attrs["total"] == len(full) == s.count(dated, "corrid*")


def test_a_filter_that_matches_nothing_is_an_empty_frame(dated):
    r = s.search(dated, "Zangezur", outlets="Gamma")
    assert r.empty and r.columns.tolist() == s.SEARCH_COLUMNS and r.attrs["total"] == 0


@pytest.mark.parametrize("kwargs, message", [
    ({"outlets": "Delta"}, "unknown outlet 'Delta'; this corpus has: Alpha, Beta, Gamma"),
    ({"perspectives": ["centre"]}, "unknown perspective 'centre'"),
    ({"actors": ["irn"]}, "unknown actor 'irn'"),
    ({"actors": ["aras-corridor"]}, "unknown actor 'aras-corridor'"),
    ({"corridors": ["zangezur"]}, "unknown corridor 'zangezur' (did you mean zangezur-corridor"),
    ({"start": "2024", "end": "2023"}, "end 2023 is before start 2024"),
    ({"start": "2024-13"}, "start:"),
    ({"unit": "word"}, "unit='word' is not supported"),
    ({"limit": -1}, "limit must be a whole number"),
])
def test_bad_filters_raise_scope_errors(dated, kwargs, message):
    with pytest.raises(araz.ScopeError, match=__import__("re").escape(message)):
        s.search(dated, "Baku", **kwargs)


def test_the_index_is_built_once_per_corpus(dated):
    first = s.build_index(dated)
    s.search(dated, "Baku")
    s.search(dated, "Tehran", outlets="Alpha")
    assert s.build_index(dated) is first


def test_the_index_is_saved_and_reopened_by_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(tmp_path / "cache"))
    folder = make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "O", "published": "2024"}, "Tehran and Baku. The Aras corridor.")})
    one = araz.load_corpus(folder)
    built = s.build_index(one, cache=True)
    assert built.source == "built" and built.path is not None and built.path.exists()
    assert built.path.parent == tmp_path / "cache"
    again = araz.load_corpus(folder)
    reopened = s.build_index(again, cache=True)
    assert reopened.source == "disk cache"
    assert s.search(again, "Aras")["citation"].tolist() == ["a ¶1.2"]
    assert set(s.search(again, None, actors="iran")["citation"]) == {"a ¶1.1"}


def test_a_changed_corpus_does_not_reuse_the_old_index(tmp_path, monkeypatch):
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(tmp_path / "cache"))
    folder = make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "O", "published": "2024"}, "Tehran and Baku.")})
    s.build_index(araz.load_corpus(folder), cache=True)
    make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "O", "published": "2024"}, "Yerevan only.")})
    changed = araz.load_corpus(folder)
    assert s.build_index(changed, cache=True).source == "built"
    assert s.search(changed, "Yerevan")["citation"].tolist() == ["a ¶1.1"]


def test_a_damaged_cache_file_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(tmp_path / "cache"))
    folder = make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "O", "published": "2024"}, "Tehran and Baku.")})
    path = s.build_index(araz.load_corpus(folder), cache=True).path
    path.write_bytes(b"not a database")
    again = araz.load_corpus(folder)
    assert s.build_index(again, cache=True).source == "built"
    assert len(s.search(again, "Baku")) == 1


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(blocker / "sub"))
    c = araz.load_corpus(make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "O", "published": "2024"}, "Baku.")}))
    idx = s.build_index(c, cache=True)
    assert idx.cache_error and idx.path is None
    assert len(s.search(c, "Baku")) == 1


def test_small_corpora_stay_off_the_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("ARAZ_CACHE_DIR", str(tmp_path / "cache"))
    c = araz.load_corpus(make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "O", "published": "2024"}, "Baku.")}))
    assert s.build_index(c).path is None
    assert not (tmp_path / "cache").exists()


def test_search_works_on_persian_text(small_corpus):
    assert s.search(small_corpus, "باکو")["citation"].tolist() == ["b ¶1.2"]


# ---- keyword in context -------------------------------------------------------------------------
def test_kwic_columns_and_context(corpus):
    k = s.kwic(corpus, "Khodaafrin", window=3)
    assert k.columns.tolist() == s.KWIC_COLUMNS
    row = k.iloc[0]
    assert (row.left, row.match, row.right) == ("asked about the", "Khodaafrin", "dam, which he")
    assert row.citation == "mehr-2021-korybko ¶1.15"
    assert corpus[row.doc_id].text[row.start:row.end] == "Khodaafrin"


def test_kwic_finds_a_phrase_quoted_or_not(corpus):
    quoted = s.kwic(corpus, '"Zangezur Corridor"')
    bare = s.kwic(corpus, "zangezur corridor")
    assert quoted["citation"].tolist() == bare["citation"].tolist() == ["alwaght-2025-araghchi-baku ¶16.2"]


def test_kwic_prefix_and_alternatives(corpus):
    k = s.kwic(corpus, "Khud* OR Khoda*")
    assert k["match"].tolist() == ["Khodaafrin", "Khudaferin"]


def test_kwic_respects_word_boundaries(corpus):
    # "Iran" must not match inside "Iranian"
    assert not s.kwic(corpus, "Iran")["match"].str.lower().eq("iranian").any()
    assert (s.kwic(corpus, "Iran")["match"] == "Iran").all()


def test_kwic_treats_dashes_and_spaced_plus_alike(corpus):
    assert s.kwic(corpus, "North–South")["match"].tolist() == ["North-South"]
    assert s.kwic(corpus, "3+3")["match"].tolist() == ["3 + 3", "3+3", "3+3", "3+3"]


def test_kwic_context_stays_in_the_paragraph(corpus):
    k = s.kwic(corpus, "Common interests", window=20)
    assert k.iloc[0]["left"] == "" and k.iloc[0]["right"] == "in joint corridor"


def test_kwic_entity_query_expands_to_every_alias(corpus):
    k = s.kwic(corpus, "@aras-corridor")
    assert set(k["match"]) == {"Araz Corridor", "Aras River Transit Corridor"}
    assert (k["entity_id"] == "aras-corridor").all()
    iran = s.kwic(corpus, "@iran")
    assert {"Tehran", "Iranian", "the Islamic Republic"} <= set(iran["match"])


def test_kwic_several_entities(corpus):
    k = s.kwic(corpus, "@aras-corridor OR @zangezur-corridor")
    assert set(k["entity_id"]) == {"aras-corridor", "zangezur-corridor"}


def test_kwic_doc_ids_and_limit(corpus):
    k = s.kwic(corpus, "@iran", doc_ids=["ftribune-2025-araghchi-baku"], limit=3)
    assert len(k) == 3 and set(k["doc_id"]) == {"ftribune-2025-araghchi-baku"}
    with pytest.raises(araz.ScopeError, match="no document"):
        s.kwic(corpus, "Baku", doc_ids=["nope"])


@pytest.mark.parametrize("query, message", [
    ("@irn", "unknown entity 'irn' (did you mean"),
    ("@iran Baku", "do not mix them with words"),
    ("Iran AND Israel", "'AND' in 'Iran AND Israel' cannot be used"),
    ('"unclosed', "unbalanced quotes"),
    ("", "kwic needs a word"),
    ("@", "write entity queries as @entity_id"),
])
def test_bad_kwic_queries(corpus, query, message):
    with pytest.raises(araz.QueryError, match=__import__("re").escape(message)):
        s.kwic(corpus, query)


def test_kwic_window_must_be_a_count(corpus):
    with pytest.raises(araz.QueryError, match="window must be a whole number"):
        s.kwic(corpus, "Baku", window=-1)


def test_kwic_with_no_match_is_empty(corpus):
    k = s.kwic(corpus, "Vladivostok")
    assert k.empty and k.columns.tolist() == s.KWIC_COLUMNS
    assert s.kwic_html(k) == '<p class="araz-kwic-empty">no matches</p>'


# ---- HTML safety ----------------------------------------------------------------------------------
def test_kwic_html_escapes_script_tags(hostile):
    k = s.kwic(hostile, "follows", window=12)
    html_out = s.kwic_html(k)
    assert "<script>" not in html_out and "<img" not in html_out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html_out
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_out
    assert html_out.count("<mark>") == 1


def test_kwic_html_escapes_the_match_and_citation_too():
    df = pd.DataFrame([{"doc_id": "d", "citation": "<i>d</i> ¶1.1", "left": "a < b", "match": "<b>x</b>",
                        "right": "& c", "start": 0, "end": 1, "entity_id": None}])
    out = s.kwic_html(df)
    assert "&lt;i&gt;d&lt;/i&gt;" in out and "<mark>&lt;b&gt;x&lt;/b&gt;</mark>" in out and "a &lt; b" in out and "&amp; c" in out


def test_kwic_html_cuts_long_tables():
    df = pd.DataFrame([{"citation": f"d ¶{i}", "left": "l", "match": "m", "right": "r"} for i in range(5)])
    out = s.kwic_html(df, max_rows=2)
    assert out.count("<tr>") == 3 and "3 more rows not shown" in out


def test_kwic_html_needs_kwic_columns():
    with pytest.raises(araz.ScopeError, match="missing: left, match, right"):
        s.kwic_html(pd.DataFrame({"citation": ["x"]}))


def test_search_on_a_hostile_corpus_returns_text_unchanged_for_the_caller_to_escape(hostile):
    r = s.search(hostile, "onerror")
    assert INJECTION in r.iloc[0]["text"]
    assert "<img" not in s.snippet_html(r.iloc[0]["snippet"])


def test_ranking_agrees_with_fts5_bm25_on_single_words(corpus):
    idx = s.build_index(corpus)
    for word in ("Baku", "corridor", "Iran", "cooperation"):
        ours = s.search(corpus, word)["citation"].tolist()
        fts5 = [r[0] for r in idx.query(
            "SELECT u.citation FROM sentence_fts JOIN sentence u ON u.id = sentence_fts.rowid "
            "WHERE sentence_fts MATCH ? ORDER BY bm25(sentence_fts), u.id", (f'"{word}"',))]
        assert ours == fts5, word


def test_search_returns_the_best_hundred_by_default_and_counts_every_match(tmp_path):
    from conftest import make_corpus

    text = "\n".join(f"Iran and Azerbaijan met again, meeting number {i}." for i in range(150))
    corpus = araz.load_corpus(make_corpus(tmp_path, {"a.md": ({"title": "t", "outlet": "o", "published": "2024"}, text)}))
    top = s.search(corpus, "Azerbaijan")
    assert len(top) == 100 and top.attrs["total"] == 150
    assert len(s.search(corpus, "Azerbaijan", limit=None)) == 150
