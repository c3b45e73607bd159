"""araz.explore: the explorer's state as plain functions — what each filter selects, ranking,
pages, the reader, compare, tone over time, export, and every bad input's message."""
from __future__ import annotations

import doctest

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import araz  # noqa: E402
from araz import explore  # noqa: E402
from conftest import make_corpus  # noqa: E402

ALWAGHT = "alwaght-2025-araghchi-baku"
FTRIBUNE = "ftribune-2025-araghchi-baku"
MEHR = "mehr-2021-korybko"


# ---- filters -------------------------------------------------------------------
def test_no_filter_selects_every_sentence_in_reading_order(corpus):
    page = explore.select(corpus)
    assert page.attrs["total"] == len(corpus.sentences)
    assert page["citation"].tolist() == corpus.sentences["citation"].head(len(page)).tolist()
    assert page["rank"].tolist() == list(range(1, len(page) + 1))


def test_a_page_never_holds_more_than_fifty_rows(corpus):
    page = explore.select(corpus, page_size=500)
    assert len(page) == 50 and page.attrs["page_size"] == 50
    assert page.attrs["pages"] == -(-len(corpus.sentences) // 50)


def test_page_numbers_are_clamped_to_the_pages_there_are(corpus):
    last = explore.select(corpus, page=10_000, page_size=25)
    assert last.attrs["page"] == last.attrs["pages"]
    assert last["citation"].iloc[-1] == corpus.sentences["citation"].iloc[-1]
    assert explore.select(corpus, page=-3).attrs["page"] == 1


def test_page_turn_continues_the_ranking(corpus):
    one = explore.select(corpus, {"query": "Iran"}, page=1, page_size=5)
    two = explore.select(corpus, {"query": "Iran"}, page=2, page_size=5)
    assert two["rank"].tolist() == [6, 7, 8, 9, 10]
    assert not set(one["citation"]) & set(two["citation"])


def test_outlet_filter_keeps_only_that_outlet(corpus):
    page = explore.select(corpus, {"outlets": ["Alwaght"]}, page_size=50)
    assert page.attrs["total"] == int((corpus.sentences["doc_id"] == ALWAGHT).sum())
    assert set(page["outlet"]) == {"Alwaght"}


def test_perspective_filter(corpus):
    persp = corpus[FTRIBUNE].perspective
    assert explore.count(corpus, {"perspectives": [persp]}) == int((corpus.sentences["doc_id"] == FTRIBUNE).sum())


def test_actor_filter_counts_metonyms_and_labels(corpus):
    cits = set(explore.table(corpus, {"actors": ["israel"]})["citation"])
    assert f"{ALWAGHT} ¶11.3" in cits          # "mainly Tel Aviv"
    assert f"{FTRIBUNE} ¶8.1" in cits          # "partnership with Israel"
    assert explore.count(corpus, {"actors": ["Israel"]}) == len(cits)  # a label works like its id


def test_all_of_two_actors_is_never_more_than_any(corpus):
    anyof = explore.count(corpus, {"actors": ["iran", "israel"]})
    allof = explore.count(corpus, {"actors": ["iran", "israel"], "entity_match": "all"})
    assert 0 < allof < anyof
    both = explore.table(corpus, {"actors": ["iran", "israel"], "entity_match": "all"})
    assert both["actors"].str.contains("Iran").all() and both["actors"].str.contains("Israel").all()


def test_an_actor_the_gazetteer_knows_but_the_corpus_never_names_selects_nothing(corpus):
    assert explore.count(corpus, {"actors": ["france"]}) == 0
    assert explore.select(corpus, {"actors": ["France"]}).attrs["total"] == 0


def test_corridor_filter(corpus):
    rows = explore.table(corpus, {"corridors": ["zangezur-corridor"]})
    assert rows["citation"].tolist() == [f"{ALWAGHT} ¶16.2"]
    assert rows["corridors"].iloc[0] == "Zangezur corridor"


def test_three_plus_three_filter(corpus):
    rows = explore.table(corpus, {"three_plus_three": True})
    assert f"{FTRIBUNE} ¶5.2" in set(rows["citation"])
    assert (rows["formats"] != "").all()


def test_tone_and_voice_filters(corpus):
    rows = explore.table(corpus, {"tone": ["conf"], "voice": ["quoted"]})
    assert set(rows["label"]) <= {"conf"} and set(rows["voice"]) <= {"quoted"}
    scored = araz.tone.score_sentences(corpus)
    assert len(rows) == int(((scored["label"] == "conf") & (scored["voice"] == "quoted")).sum())


def test_date_filter_keeps_documents_whose_range_overlaps(corpus):
    # Alwaght is dated 2025-12-07/2025-12-31: a window inside its range still selects it
    docs = set(explore.table(corpus, {"start": "2025-12-20", "end": "2025-12-21"})["doc_id"])
    assert docs == {ALWAGHT, FTRIBUNE}
    assert set(explore.table(corpus, {"end": "2021-12-31"})["doc_id"]) == {MEHR}


def test_doc_ids_filter(corpus):
    assert explore.count(corpus, {"doc_ids": [MEHR]}) == int((corpus.sentences["doc_id"] == MEHR).sum())


def test_a_filter_that_matches_nothing_gives_an_empty_page_not_an_error(corpus):
    page = explore.select(corpus, {"outlets": ["Mehr News Agency"], "corridors": ["zangezur-corridor"]})
    assert page.empty and page.attrs["total"] == 0 and page.attrs["pages"] == 1
    assert list(page.columns) == explore.RESULT_COLUMNS + ["matches"]


# ---- queries --------------------------------------------------------------------
def test_query_finds_a_word_and_marks_where(corpus):
    page = explore.select(corpus, {"query": "Zangezur"})
    assert page["citation"].tolist() == [f"{ALWAGHT} ¶16.2"]
    (a, b), = page["matches"].iloc[0]
    assert page["text"].iloc[0][a:b] == "Zangezur"


def test_query_phrase_prefix_and_stemming(corpus):
    assert explore.count(corpus, {"query": '"Zangezur Corridor"'}) == 1
    prefix = explore.table(corpus, {"query": "corrid*"})
    assert prefix["text"].str.contains("corrid", case=False).all() and len(prefix) >= 5
    # araz.search stems: "corridors" also finds "corridor"
    assert explore.count(corpus, {"query": "corridors"}) == explore.count(corpus, {"query": "corridor"})


def test_query_results_are_ranked_by_relevance(corpus):
    page = explore.select(corpus, {"query": "Tehran OR cooperation"}, page_size=50)
    rel = page["relevance"].tolist()
    assert rel == sorted(rel, reverse=True)
    both = page[page["text"].str.contains("Tehran") & page["text"].str.contains("cooperation")]
    assert len(both) and both.index[0] < len(page) // 2  # sentences with both terms rank high


def test_query_and_filters_combine(corpus):
    page = explore.select(corpus, {"query": "Baku", "outlets": ["Financial Tribune"]}, page_size=50)
    assert set(page["outlet"]) == {"Financial Tribune"}
    assert page.attrs["total"] < explore.count(corpus, {"query": "Baku"})


def test_query_in_paragraph_mode_matches_terms_across_sentences(corpus):
    paras = explore.table(corpus, {"query": "Zangezur AND Armenia", "unit": "paragraph"})
    assert f"{ALWAGHT} ¶16" in set(paras["citation"])
    assert paras["sentence"].isna().all()


@pytest.mark.parametrize("query, words", [
    ('"Zangezur', "unbalanced quotes"),
    ("(Aras OR Araz", "parenthes"),
    ("Iran AND", "AND"),
    ("NOT Israel", "NOT"),
    ("---", "no words"),
])
def test_an_invalid_query_raises_a_readable_query_error(corpus, query, words):
    with pytest.raises(araz.QueryError) as err:
        explore.select(corpus, {"query": query})
    assert words in str(err.value) and "Traceback" not in str(err.value)


def test_parse_query_keeps_negated_terms_out_of_the_ranking():
    parsed = explore.parse_query('Zangezur NOT (Aras OR Araz) corrid*')
    assert [t.fts for t in parsed.terms] == ['"Zangezur"', '"corrid"*']
    assert explore.parse_query("   ") is None


# ---- bad filters ----------------------------------------------------------------------
@pytest.mark.parametrize("filters, words", [
    ({"outlet": ["Alwaght"]}, "unknown filter 'outlet'"),
    ({"tone": ["hostile"]}, "not a tone label"),
    ({"voice": ["narrator"]}, "not a voice"),
    ({"start": "2025-12-31", "end": "2021-01-01"}, "after end"),
    ({"start": "last year"}, "expected a date"),
    ({"unit": "word"}, "'sentence' or 'paragraph'"),
    ({"entity_match": "most"}, "'any' or 'all'"),
    ({"outlets": ["Daily Nowhere"]}, "unknown outlet 'Daily Nowhere'"),
    ({"actors": ["atlantis"]}, "unknown actor 'atlantis'"),
    ({"doc_ids": ["nope"]}, "unknown document 'nope'"),
])
def test_a_bad_filter_raises_a_scope_error_naming_it(corpus, filters, words):
    with pytest.raises(araz.ScopeError) as err:
        explore.select(corpus, filters)
    assert words in str(err.value)


def test_filters_must_be_a_dict(corpus):
    with pytest.raises(araz.ScopeError, match="must be a dict"):
        explore.select(corpus, ["Alwaght"])


def test_bad_page_size(corpus):
    with pytest.raises(araz.ScopeError, match="page_size"):
        explore.select(corpus, page_size=0)


# ---- index -----------------------------------------------------------------------------
def test_the_index_is_built_once_per_corpus(corpus):
    assert explore.index(corpus) is explore.index(corpus)
    assert explore.selection(corpus, {"query": "Baku"}) is explore.selection(corpus, {"query": "Baku"})


def test_options_offer_what_the_corpus_holds(corpus):
    opts = explore.options(corpus)
    assert set(opts["outlets"]["value"]) == set(corpus.documents["outlet"])
    assert {"iran", "azerbaijan", "israel"} <= set(opts["actors"]["entity_id"])
    assert "zangezur-corridor" in set(opts["corridors"]["entity_id"])
    assert opts["formats"]["entity_id"].tolist() == ["three-plus-three"]
    assert opts["months"][0].day == 1 and opts["tone"]
    iran = opts["actors"].set_index("entity_id").loc["iran"]
    assert iran["sentences"] == explore.count(corpus, {"actors": ["iran"]})


# ---- reader --------------------------------------------------------------------------------
def test_reader_opens_the_document_at_the_sentence(corpus):
    r = explore.reader(corpus, f"{FTRIBUNE} ¶5.2")
    assert r["selected"] == [f"{FTRIBUNE} ¶5.2"]
    assert r["card"]["outlet"] == "Financial Tribune" and r["card"]["date_label"] == corpus[FTRIBUNE].date_label
    sents = [s for p in r["paragraphs"] for s in p["sentences"]]
    assert len(sents) == int((corpus.sentences["doc_id"] == FTRIBUNE).sum())
    for s in sents:  # the segments put the sentence back together, character for character
        assert "".join(seg["text"] for seg in s["segments"]) == corpus.cite(s["citation"])
    sel = next(s for s in sents if s["selected"])
    cats = {seg["category"]: seg["text"] for seg in sel["segments"] if seg["category"]}
    assert cats["format"] == "“3+3” regional format" and "actor" in cats
    assert sel["label"] in explore.TONE_LABELS and sel["voice"] in explore.VOICES


def test_reader_marks_the_query_inside_a_mention(corpus):
    r = explore.reader(corpus, f"{FTRIBUNE} ¶5.2", query='"3+3"')
    sel = next(s for p in r["paragraphs"] for s in p["sentences"] if s["selected"])
    hit = [seg for seg in sel["segments"] if seg["match"]]
    assert [(seg["text"], seg["category"]) for seg in hit] == [("3+3", "format")]


def test_reader_of_a_paragraph_or_a_document(corpus):
    para = explore.reader(corpus, f"{ALWAGHT} ¶16")
    assert para["selected"] == corpus.sentences.query("citation.str.startswith(@ALWAGHT + ' ¶16.')")["citation"].tolist()
    assert len(para["selected"]) > 1
    whole = explore.reader(corpus, MEHR)
    assert whole["selected"] == [] and whole["title"] == corpus[MEHR].title
    heading = [p for p in explore.reader(corpus, ALWAGHT)["paragraphs"] if p["is_heading"]]
    assert heading  # Alwaght keeps its section headings as paragraphs


@pytest.mark.parametrize("citation", ["nope ¶1.1", f"{MEHR} ¶99.1", "", "¶"])
def test_reader_of_a_bad_citation_raises_citation_error(corpus, citation):
    with pytest.raises(araz.CitationError):
        explore.reader(corpus, citation)


# ---- kwic --------------------------------------------------------------------------------------
def test_kwic_lines_the_query_up_with_offsets_into_the_document(corpus):
    k = explore.kwic(corpus, {"query": '"3+3"'}, window=4)
    assert len(k) >= 4 and set(k["match"]) == {"3+3", "3 + 3"}  # FTS5 matches the tokens, any spacing
    for r in k.itertuples():
        doc = r.citation.split(" ¶")[0]
        assert corpus[doc].text[r.start:r.end] == r.match
        assert len(r.left.split()) <= 4 and len(r.right.split()) <= 4
    assert explore.kwic(corpus, {}).empty


# ---- compare ---------------------------------------------------------------------------------------
def test_compare_two_outlets(corpus):
    c = explore.compare(corpus, ["Alwaght", "Financial Tribune"])
    assert c["summary"].loc["documents"].tolist() == [1, 1]
    assert c["summary"].loc["sentences", "Alwaght"] == explore.count(corpus, {"outlets": ["Alwaght"]})
    assert c["actors"].loc["Israel"].tolist() == [6, 2]
    assert "Zangezur corridor" in c["corridors"].index
    tone = c["tone"]
    assert tone.loc["author", "Alwaght"].sum() + tone.loc["quoted", "Alwaght"].sum() == c["summary"].loc["sentences", "Alwaght"]


def test_compare_documents_within_filters(corpus):
    c = explore.compare(corpus, [ALWAGHT, FTRIBUNE], filters={"query": "Baku"})
    assert c["by"]["by"].iloc[0] == "doc"
    assert c["summary"].loc["sentences", FTRIBUNE] == explore.count(corpus, {"query": "Baku", "doc_ids": [FTRIBUNE]})


@pytest.mark.parametrize("sources, words", [
    (["Alwaght"], "two or more"),
    ("Alwaght", "two or more"),
    (["Alwaght", MEHR], "not a mix"),
    (["Alwaght", "Nowhere Times"], "'Nowhere Times'"),
])
def test_compare_bad_sources(corpus, sources, words):
    with pytest.raises(araz.ScopeError) as err:
        explore.compare(corpus, sources)
    assert words in str(err.value)


def test_compare_chart_draws_one_bar_per_source_and_voice(corpus):
    fig, ax = plt.subplots()
    out = explore.compare_chart(ax, explore.compare(corpus, ["Alwaght", "Mehr News Agency"]))
    assert out is ax and len(ax.get_yticks()) == 4
    plt.close(fig)


# ---- tone over time ----------------------------------------------------------------------------------
def test_tone_series_keeps_date_ranges_and_n(corpus):
    s = explore.tone_series(corpus, {"voice": ["author"]})
    assert s["n"].sum() == explore.count(corpus, {"voice": ["author"]})
    assert s["estimate"].all() and (s["end"] > s["start"]).all()  # every shipped date is an inferred range


def test_chart_warns_that_four_articles_are_an_anecdote(corpus):
    fig, ax = plt.subplots()
    assert explore.chart(ax, corpus, {}) is ax
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "anecdote" in texts and "n=" in texts
    plt.close(fig)


def test_chart_of_nothing_says_no_matches(corpus):
    fig, ax = plt.subplots()
    explore.chart(ax, corpus, {"outlets": ["Mehr News Agency"], "corridors": ["zangezur-corridor"]})
    assert "no matches" in [t.get_text() for t in ax.texts]
    plt.close(fig)


# ---- export ---------------------------------------------------------------------------------------------
def test_export_csv_writes_every_match_with_citations(corpus, tmp_path):
    path = explore.export_csv(corpus, {"actors": ["iran"], "tone": ["coop"]}, folder=tmp_path / "exports")
    df = pd.read_csv(path)
    assert path.parent == tmp_path / "exports" and path.suffix == ".csv"
    assert len(df) == explore.count(corpus, {"actors": ["iran"], "tone": ["coop"]})
    assert {"citation", "outlet", "date", "label", "voice", "actors", "text"} <= set(df.columns)
    assert df["citation"].map(corpus.cite).tolist() == df["text"].tolist()
    assert "actors" in path.with_suffix(".filters.txt").read_text(encoding="utf-8")


def test_export_csv_name_cannot_escape_the_folder(corpus, tmp_path):
    path = explore.export_csv(corpus, {}, folder=tmp_path, name="../../evil")
    assert path == tmp_path / "evil.csv"


def test_export_png(corpus, tmp_path):
    fig, ax = plt.subplots()
    explore.chart(ax, corpus)
    path = explore.export_png(fig, folder=tmp_path)
    assert path.read_bytes()[:4] == b"\x89PNG"
    plt.close(fig)


def test_export_to_a_folder_that_cannot_be_made(corpus, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(araz.ScopeError, match="export folder"):
        explore.export_csv(corpus, {}, folder=blocker / "sub")


# ---- tone lab state --------------------------------------------------------------------------------------
def test_lab_score_of_a_typed_sentence_and_of_a_citation(corpus):
    typed = explore.lab_score(corpus, "Tehran is ready for cooperation instead of confrontation.")
    assert typed.label == "coop" and typed.citation is None
    cited = explore.lab_score(corpus, f"{ALWAGHT} ¶11.1")
    assert cited.citation == f"{ALWAGHT} ¶11.1" and not cited.words.empty
    with pytest.raises(araz.ScopeError):
        explore.lab_score(corpus, "   ")


def test_lab_agreement_moves_with_the_lexicon(corpus):
    from araz import tone

    before = explore.lab_agreement(corpus).macro_f1("ours", "all")
    lex = tone.load_lexicon().copy()
    for term in lex.table.query("`class` == 'verbal_cooperation'")["term"].head(25):
        lex.remove(term)
    assert explore.lab_agreement(corpus, lex).macro_f1("ours", "all") != before


# ---- a user corpus ----------------------------------------------------------------------------------------
def test_a_user_corpus_explores_like_the_shipped_one(tmp_path):
    folder = make_corpus(tmp_path, {
        "a.md": ({"title": "One", "outlet": "Alpha", "published": "2024-03-02"},
                 "Tehran and Baku signed a deal on the Aras corridor. The route opens in May."),
        "b.md": ({"title": "Two", "outlet": "Beta", "published": "2025-01/2025-02"},
                 "Officials in Baku welcomed the deal.\nNothing else happened."),
    })
    c = araz.load_corpus(folder)
    assert explore.count(c) == len(c.sentences)
    assert explore.select(c, {"corridors": ["aras-corridor"]})["outlet"].tolist() == ["Alpha"]
    assert explore.count(c, {"query": "Baku", "start": "2025-01-15"}) == 1
    assert explore.reader(c, "a ¶1.1")["card"]["outlet"] == "Alpha"


def test_when_tone_cannot_be_computed_the_explorer_still_filters_and_says_why(tmp_path, monkeypatch):
    from araz import tone

    def broken(*args, **kwargs):
        raise RuntimeError("lexicon exploded")

    monkeypatch.setattr(tone, "score_sentences", broken)
    c = araz.load_corpus(make_corpus(tmp_path, {"a.md": ({"title": "A", "outlet": "X", "published": "2024"},
                                                          "Tehran met Baku. Nothing else.")}))
    opts = explore.options(c)
    assert not opts["tone"] and "lexicon exploded" in opts["warnings"][0]
    assert explore.count(c, {"actors": ["iran"]}) == 1
    assert explore.select(c)["label"].tolist() == ["", ""]


def test_docstring_examples_run():
    import importlib
    import pkgutil

    failed = attempted = 0
    for info in pkgutil.iter_modules(explore.__path__):
        result = doctest.testmod(importlib.import_module(f"araz.explore.{info.name}"), optionflags=doctest.ELLIPSIS)
        failed, attempted = failed + result.failed, attempted + result.attempted
    result = doctest.testmod(explore, optionflags=doctest.ELLIPSIS)
    assert failed + result.failed == 0 and attempted + result.attempted > 10


def test_a_session_has_its_own_tone_labels_and_shares_everything_else(corpus):
    from araz import tone

    s, t = explore.Session(corpus), explore.Session(corpus)
    assert explore.index(s) is explore.index(corpus)  # no copy until the lexicon is edited
    lex = tone.load_lexicon().copy().add("Baku", "verbal_cooperation", 3)
    seen = []
    s.on_change(lambda session: seen.append(session))
    s.set_lexicon(lex)
    assert seen == [s]
    ix, shared = explore.index(s), explore.index(corpus)
    assert ix is not shared and ix.s_text is shared.s_text and ix.s_tone is not shared.s_tone
    coop = {"tone": ["coop"]}
    assert explore.count(s, coop) > explore.count(t, coop) == explore.count(corpus, coop)
    assert explore.tone_series(s)["coop"].sum() >= explore.tone_series(corpus)["coop"].sum()
    assert explore.lab_score(s, "Baku.").label == "coop" and explore.lab_score(t, "Baku.").label == "neutral"
    s.set_lexicon(None)
    assert explore.index(s) is shared


def test_csv_bytes_and_brief_markdown_write_no_file(corpus, tmp_path, monkeypatch):
    import io

    monkeypatch.chdir(tmp_path)
    data = explore.csv_bytes(corpus, {"outlets": ["Alwaght"]})
    df = pd.read_csv(io.BytesIO(data), comment="#")
    assert data.startswith(b"# Araz explorer export") and len(df) == explore.count(corpus, {"outlets": ["Alwaght"]})
    assert list(df.columns) == explore.RESULT_COLUMNS
    md = explore.brief_markdown(corpus, {"outlets": ["Alwaght"]}, notes="Mine. [[alwaght-2025-araghchi-baku ¶16.2]]")
    assert md.startswith("# Briefing note") and "Mine." in md
    assert list(tmp_path.iterdir()) == []
