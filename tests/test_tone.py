"""araz.tone: an explainable cooperation–conflict measure, validated against hand labels."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import araz  # noqa: E402
from araz import tone  # noqa: E402
from conftest import make_corpus  # noqa: E402

LEXICON_HEADER = "term,class,weight,note\n"


def text_of(explanation) -> dict:
    return dict(zip(explanation.words["surface"], explanation.words["contribution"]))


# ---- negation and contrast ---------------------------------------------------------------
@pytest.mark.parametrize("sentence, label", [
    ("Tehran is ready for cooperation instead of confrontation.", "coop"),
    ("Yes to cooperation, no to confrontation", "coop"),
    ("The reality is that Iran does not pursue disputes with Azerbaijan.", "coop"),
    ("Both sides prefer dialogue rather than confrontation.", "coop"),
    ("Relations could continue with zero tension.", "coop"),
    ("These principles help to prevent crises.", "coop"),
    ("Baku and Tehran parted without agreement.", "conf"),
    ("Baku refused to cooperate with Tehran.", "conf"),
    ("The two sides never signed an agreement.", "conf"),
    ("Iran is far from isolated.", "coop"),
])
def test_negation_and_contrast_flip_the_tone(sentence, label):
    assert tone.score_text(sentence).label == label


def test_vader_reads_cooperation_instead_of_confrontation_as_barely_positive():
    sentence = "Tehran is ready for cooperation instead of confrontation."
    ours = tone.score_text(sentence)
    assert ours.label == "coop" and ours.score == 1.0
    assert text_of(ours)["confrontation"] > 0  # the rejected alternative counts for cooperation
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    compound = SentimentIntensityAnalyzer().polarity_scores(sentence)["compound"]
    assert compound < 0.3  # VADER does not know "cooperation": its score is weak


def test_not_only_and_no_less_are_not_negations():
    ex = tone.score_text("Ties grew not only in trade but also in cooperation.")
    assert ex.label == "coop" and all(v > 0 for v in text_of(ex).values())
    assert tone.score_text("No less important is cooperation in energy.").label == "coop"


def test_not_x_but_y_corrects_rather_than_rejects():
    ex = tone.score_text("Both sides are focused not on symbolic rapprochement, but on a practical partnership.")
    assert ex.label == "coop"
    assert text_of(ex)["rapprochement"] == 0


def test_a_warning_is_not_a_negation():
    ex = tone.score_text("Any transit project must not lead to the manipulation of borders.")
    assert ex.label == "conf"


def test_a_negation_governs_only_the_next_tone_word():
    ex = tone.score_text("Iran is far from isolated like its foes claim.")
    words = text_of(ex)
    assert words["isolated"] > 0 and words["foes"] < 0


def test_concessive_clause_counts_half():
    ex = tone.score_text("Despite such strains, Iran has moved to restore ties.")
    assert ex.label == "coop"
    assert text_of(ex)["strains"] == pytest.approx(-0.75)


def test_resolving_through_dialogue_does_not_flip_dialogue():
    assert text_of(tone.score_text("Disagreements must be resolved through dialogue."))["dialogue"] > 0
    assert text_of(tone.score_text("They want to resolve the conflict."))["conflict"] > 0


def test_names_and_quoted_titles_carry_no_tone():
    assert tone.score_text("Ten members of the Shanghai Cooperation Organization took part.").label == "neutral"
    assert tone.score_text("The so-called “Friendship Bridge” was opened in 2020.").label == "neutral"
    assert tone.score_text("Words matter.").label == "neutral"


# ---- voice -------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence, voice", [
    ("“We share many interests in cooperation,” he said.", "quoted"),
    ("Araghchi stressed that the talks would continue.", "quoted"),
    ("Azerbaijan has firmly rejected these claims.", "quoted"),
    ("He met the President, stressing the need for cooperation.", "quoted"),
    ("Iran is now signaling that cooperation is possible.", "quoted"),
    ("Some observers accused Baku of complicity.", "author"),
    ("The exercise underscores Iran's commitment to cooperation.", "author"),
    ("The so-called “Friendship Bridge” symbolises the connection.", "author"),
    ("Although Azerbaijani officials denied these claims, the scenario is plausible.", "author"),
    ("Araghchi visited Azerbaijan and talked to the officials in Baku.", "author"),
])
def test_voice_rules(sentence, voice):
    assert tone.score_text(sentence).voice == voice


def test_a_quotation_running_over_two_sentences_is_quoted_in_both(tmp_path):
    folder = make_corpus(tmp_path, {"q.md": (
        {"title": "Q", "outlet": "Test Daily", "published": "2024-05-01"},
        "The minister spoke. “Our ties are strong. We reject all pressure.” The report ended.")})
    df = tone.score_sentences(araz.load_corpus(folder))
    assert df["voice"].tolist() == ["author", "quoted", "quoted", "author"]


def test_shipped_corpus_voice_examples(corpus):
    df = tone.score_sentences(corpus).set_index("citation")
    assert df.loc["ftribune-2025-araghchi-baku ¶4.1", "voice"] == "quoted"
    assert df.loc["ftribune-2025-araghchi-baku ¶8.2", "voice"] == "author"  # unnamed observers
    assert df.loc["mehr-2021-korybko ¶1.26", "voice"] == "author"  # book titles, not speech


# ---- labelling apart from tone -----------------------------------------------------------
def test_hostile_labels_are_counted_apart_from_tone():
    ex = tone.score_text("The Zionist regime held a meeting.")
    assert ex.labelling == 1
    assert ex.conf == 0 and ex.label == "coop"  # only "meeting" counts for tone
    plain = tone.score_text("Israel held a meeting.")
    assert (plain.coop, plain.conf) == (ex.coop, ex.conf)


def test_shipped_labelling(corpus):
    df = tone.score_sentences(corpus).set_index("citation")
    assert df.loc["alwaght-2025-araghchi-baku ¶12.1", "labelling"] == 1
    assert "Israeli regime [label]" in df.loc["alwaght-2025-araghchi-baku ¶12.1", "terms"]


# ---- score_sentences ---------------------------------------------------------------------
def test_score_sentences_has_one_row_per_sentence_and_documented_columns(corpus):
    df = tone.score_sentences(corpus)
    assert len(df) == len(corpus.sentences) == 121
    for col in ["doc_id", "paragraph", "sentence", "citation", "text", "voice", "coop", "conf", "score",
                "label", "labelling", "terms", "matches"]:
        assert col in df.columns
    assert set(df["label"]) <= set(tone.LABELS) and set(df["voice"]) <= set(tone.VOICES)
    assert df["score"].between(-1, 1).all()


def test_matches_are_structured_and_point_into_the_sentence(corpus):
    df = tone.score_sentences(corpus).set_index("citation")
    row = df.loc["alwaght-2025-araghchi-baku ¶11.1"]
    found = {m.surface: m for m in row["matches"]}
    assert found["confrontation"].contribution == pytest.approx(1.5)
    assert found["confrontation"].cue == "instead of"
    m = found["confrontation"]
    assert row["text"][m.start:m.end] == "confrontation"
    long = tone.matches(corpus)
    assert set(long.columns) >= {"citation", "term", "surface", "class", "contribution", "effect"}


def test_scores_are_cached_per_corpus_and_lexicon(corpus):
    a = tone.score_sentences(corpus)
    b = tone.score_sentences(corpus)
    pd.testing.assert_frame_equal(a.drop(columns="matches"), b.drop(columns="matches"))


def test_a_user_corpus_is_scored(small_corpus):
    df = tone.score_sentences(small_corpus)
    assert len(df) == len(small_corpus.sentences)
    assert df.set_index("citation").loc["a ¶3.1", "label"] == "coop"  # "The Islamic Republic welcomed it."


# ---- the lexicon -------------------------------------------------------------------------
def test_shipped_lexicon_loads_with_all_classes():
    lex = tone.load_lexicon()
    assert set(lex.table["class"]) == set(tone.CLASSES)
    assert lex.table.loc[lex.table.term == "zionist regime", "class"].item() == "labelling"
    assert len(lex) > 200


def test_bad_lexicon_rows_are_reported_with_file_line_and_column(tmp_path):
    path = tmp_path / "tone.csv"
    path.write_text(LEXICON_HEADER
                    + "peace,verbal_cooperation,1,\n"
                    + "attack,aggression,1,\n"
                    + "truce,material_cooperation,heavy,\n"
                    + "war,material_conflict,9,\n", encoding="utf-8")
    with pytest.raises(araz.TableError) as info:
        tone.load_lexicon(path)
    text = str(info.value)
    assert "tone.csv, line 3: field 'class': 'aggression' is not allowed" in text
    assert "line 4: field 'weight': 'heavy' is not a valid number" in text
    assert "line 5: field 'weight': 9 is above the maximum 3" in text


def test_lexicon_rule_errors_name_the_line(tmp_path):
    path = tmp_path / "tone.csv"
    path.write_text(LEXICON_HEADER
                    + "peace,verbal_cooperation,1,\n"
                    + "Peace,verbal_cooperation,2,\n"
                    + "not,verbal_conflict,1,\n"
                    + "co*op,verbal_cooperation,1,\n"
                    + "handshake,verbal_cooperation,0,\n", encoding="utf-8")
    with pytest.raises(araz.TableError) as info:
        tone.load_lexicon(path)
    text = str(info.value)
    assert "line 3: field 'term': 'Peace' matches the same words as 'peace' above" in text
    assert "line 4: field 'term': 'not' is a negation/contrast cue" in text
    assert "line 5: field 'term': 'co*op': '*' may only end a term" in text
    assert "line 6: field 'weight': 0 makes 'handshake' count for nothing" in text


def test_lexicon_edits_in_memory_rescore_at_once(corpus):
    lex = tone.load_lexicon().copy()
    cit = "anon-2025-pezeshkian-visit ¶6.1"  # "... contributing to the development of the Global South."
    before = tone.score_sentences(corpus, lex).set_index("citation").loc[cit, "label"]
    lex.add("contributing", "verbal_cooperation", 1.0, note="seminar edit")
    after = tone.score_sentences(corpus, lex).set_index("citation").loc[cit, "label"]
    assert (before, after) == ("neutral", "coop")
    lex.reweight("contributing", 2.5)
    assert tone.explain(corpus, cit, lex).coop == 2.5
    lex.remove("contributing")
    assert tone.score_sentences(corpus, lex).set_index("citation").loc[cit, "label"] == "neutral"
    assert "contributing" not in tone.load_lexicon()  # the shipped lexicon is untouched


def test_lexicon_edit_errors_are_readable():
    lex = tone.load_lexicon().copy()
    with pytest.raises(araz.ScopeError, match="'hug' is not in the lexicon"):
        lex.remove("hug")
    with pytest.raises(araz.ScopeError, match="class 'friendlyish' is not a class"):
        lex.add("hug", "friendlyish")
    with pytest.raises(araz.ScopeError, match="weight -1 is out of range"):
        lex.reweight("peace", -1)


def test_lexicon_saves_and_reloads(tmp_path):
    lex = tone.load_lexicon().copy().add("handshake", "verbal_cooperation", 0.5, note="test")
    path = lex.save(tmp_path / "mine" / "tone.csv")
    again = tone.load_lexicon(path)
    assert again.fingerprint == lex.fingerprint and again.weight("handshake") == 0.5


# ---- explain -----------------------------------------------------------------------------
def test_explain_reads_aloud(corpus):
    ex = tone.explain(corpus, "alwaght-2025-araghchi-baku ¶11.1")
    text = str(ex)
    assert "confrontation" in text and "rejected by 'instead of'" in text
    assert "→ coop" in text and "hand label: coop" in text and "VADER" in text
    assert list(ex.words.columns) == ["surface", "term", "class", "weight", "cue", "effect", "contribution"]


def test_explain_needs_a_sentence_citation(corpus):
    with pytest.raises(araz.CitationError, match="is a paragraph"):
        tone.explain(corpus, "alwaght-2025-araghchi-baku ¶11")
    with pytest.raises(araz.CitationError):
        tone.explain(corpus, "alwaght-2025-araghchi-baku ¶99.1")
    with pytest.raises(araz.ScopeError, match="type a sentence"):
        tone.score_text("   ")


# ---- aggregates carry n; dates stay ranges -----------------------------------------------
def test_aggregates_carry_n(corpus):
    para = tone.by_paragraph(corpus)
    doc = tone.by_document(corpus)
    out = tone.by_outlet(corpus)
    for df in (para, doc, out):
        assert "n" in df.columns and (df["n"] > 0).all()
        assert int(df["n"].sum()) == 121
        assert (df[["n_coop", "n_conf", "n_mixed", "n_neutral"]].sum(axis=1) == df["n"]).all()
    assert "n_docs" in out.columns and out["n_docs"].sum() == 4


def test_aggregates_by_voice(corpus):
    quoted = tone.by_document(corpus, voice="quoted")
    author = tone.by_document(corpus, voice="author")
    assert int(quoted["n"].sum() + author["n"].sum()) == 121
    with pytest.raises(araz.ScopeError, match="voice 'narrator' is unknown"):
        tone.by_document(corpus, voice="narrator")


def test_over_time_keeps_date_ranges(corpus):
    t = tone.over_time(corpus, voice=None)
    docs = corpus.documents.set_index("doc_id")
    assert {"start", "end", "estimate", "n", "n_docs"} <= set(t.columns)
    for r in t.itertuples():
        d = docs.loc[r.doc_ids.split(", ")[0]]
        assert (r.start, r.end) == (d.published_start, d.published_end)  # never a midpoint
        assert r.estimate
    assert int(t["n"].sum()) == 121
    both = tone.over_time(corpus, voice="both")
    assert set(both["voice"]) == {"author", "quoted"} and int(both["n"].sum()) == 121


def test_over_time_pools_by_period_only_when_a_range_fits_in_it(tmp_path):
    folder = make_corpus(tmp_path, {
        "a.md": ({"title": "A", "outlet": "Daily", "published": "2024-03-02"}, "They signed an agreement."),
        "b.md": ({"title": "B", "outlet": "Daily", "published": "2024-03-20"}, "Tensions grew."),
        "c.md": ({"title": "C", "outlet": "Daily", "published": "2024-03/2024-05"}, "Talks resumed."),
    })
    t = tone.over_time(araz.load_corpus(folder), voice=None, freq="M")
    march = t[(t["start"] == "2024-03-01") & (t["end"] == "2024-03-31")]
    assert march["n_docs"].tolist() == [2] and not march["estimate"].item()
    spread = t[t["doc_ids"] == "c"]
    assert (spread["start"].item(), spread["end"].item()) == (pd.Timestamp("2024-03-01"), pd.Timestamp("2024-05-31"))
    assert spread["estimate"].item()
    with pytest.raises(araz.ScopeError, match="freq='fortnight'"):
        tone.over_time(araz.load_corpus(folder), freq="fortnight")


def test_trend_warning():
    msg = tone.trend_warning(4, 3, n_estimated=4)
    assert "anecdote" in msg and "6 periods" in msg and "estimates" in msg
    assert tone.trend_warning(600, 12) is None
    assert "Only 30 documents in 6 periods" in tone.trend_warning(30, 6)


# ---- VADER baseline ----------------------------------------------------------------------
def test_vader_mapping_thresholds():
    labels = tone.vader_label([0.5, -0.5, 0.0, 0.3], [0.3, 0.0, 0.0, 0.2], [0.0, 0.3, 0.0, 0.1])
    assert labels.tolist() == ["coop", "conf", "neutral", "mixed"]


def test_compare_puts_vader_beside_ours(corpus):
    c = tone.compare(corpus)
    assert len(c) == 121
    assert {"label", "vader_label", "compound", "hand_label", "split", "agree"} <= set(c.columns)


# ---- hand labels and validation ----------------------------------------------------------
def test_every_sentence_is_hand_labelled_with_a_held_back_split(corpus):
    labels = tone.load_labels(corpus)
    assert sorted(labels["citation"]) == sorted(corpus.sentences["citation"])
    share = (labels["split"] == "test").mean()
    assert 0.35 <= share <= 0.45
    per_doc = labels.assign(doc=labels["citation"].str.split(" ¶").str[0]).groupby("doc")["split"].apply(lambda s: (s == "test").mean())
    assert per_doc.between(0.3, 0.5).all()
    assert set(labels["label"]) == set(tone.LABELS)


def test_bad_label_rows_are_reported(tmp_path, corpus):
    path = tmp_path / "tone_labels.csv"
    path.write_text("citation,label,voice,split,coder,note,text\n"
                    "mehr-2021-korybko ¶1.1,friendly,author,tune,E1,,\n"
                    "mehr-2021-korybko ¶1.99,coop,author,tune,E1,,\n"
                    "mehr-2021-korybko ¶1.2,coop,author,test,E1,,Not the sentence.\n", encoding="utf-8")
    with pytest.raises(araz.TableError, match="line 2: field 'label': 'friendly' is not allowed"):
        tone.load_labels(corpus, path)
    path.write_text("citation,label,voice,split,coder,note,text\n"
                    "mehr-2021-korybko ¶1.99,coop,author,tune,E1,,\n"
                    "mehr-2021-korybko ¶1.2,coop,author,test,E1,,Not the sentence.\n", encoding="utf-8")
    with pytest.raises(araz.TableError) as info:
        tone.load_labels(corpus, path)
    assert "line 2: field 'citation'" in str(info.value) and "has 27 sentences, not 99" in str(info.value)
    assert "line 3: field 'text': no longer matches the sentence" in str(info.value)


def test_a_corpus_without_labels_says_how_to_add_them(small_corpus):
    with pytest.raises(araz.ScopeError, match="annotations/tone_labels.csv"):
        tone.validate(small_corpus)


def test_validation_numbers_are_computed(corpus):
    v = tone.validate(corpus)
    s = v.summary.set_index(["method", "split"])
    assert s.loc[("ours", "test"), "n"] == 48 and s.loc[("ours", "all"), "n"] == 121
    cm = v.confusion[("ours", "test")]
    assert list(cm.index) == list(tone.LABELS) and int(cm.to_numpy().sum()) == 48
    accuracy = sum(cm.loc[lab, lab] for lab in tone.LABELS) / 48
    assert s.loc[("ours", "test"), "accuracy"] == pytest.approx(accuracy)
    per = v.per_class[(v.per_class.method == "ours") & (v.per_class.split == "test")]
    assert s.loc[("ours", "test"), "macro_f1"] == pytest.approx(per["f1"].mean())
    assert set(v.voice["split"]) == {"test", "tune", "all"}
    assert "macro-F1" in str(v)


def test_ours_beats_vader_on_the_held_back_split(corpus):
    v = tone.validate(corpus)
    assert v.macro_f1("ours", "test") > v.macro_f1("vader", "test")
    assert v.macro_f1("ours", "all") > v.macro_f1("vader", "all")


def test_validation_follows_lexicon_edits(corpus):
    lex = tone.load_lexicon().copy()
    base = tone.validate(corpus, lex).macro_f1("ours", "all")
    for term in ["dialogue", "cooperat*", "agreement", "visit"]:
        lex.remove(term)
    assert tone.validate(corpus, lex).macro_f1("ours", "all") < base


# ---- plots -------------------------------------------------------------------------------
def test_tone_over_time_draws_ranges_n_and_the_warning(corpus):
    fig, ax = plt.subplots()
    assert araz.plots.tone_over_time(ax, corpus) is ax
    texts = [t.get_text() for t in ax.texts]
    assert any("anecdote" in t for t in texts)
    assert any(t.startswith("n=") for t in texts)
    plt.close(fig)


def test_tone_over_time_without_warning_on_a_large_enough_corpus(tmp_path):
    docs = {f"d{i:03d}.md": ({"title": f"T{i}", "outlet": f"Outlet {i % 2}", "published": f"2024-{1 + i % 12:02d}-15"},
                             "They signed an agreement. Tensions grew.") for i in range(130)}
    big = araz.load_corpus(make_corpus(tmp_path, docs))
    fig, ax = plt.subplots()
    araz.plots.tone_over_time(ax, big, freq="M")
    assert not any("anecdote" in t.get_text() for t in ax.texts)
    plt.close(fig)


def test_tone_by_paragraph(corpus):
    fig, ax = plt.subplots()
    assert araz.plots.tone_by_paragraph(ax, corpus, "ftribune-2025-araghchi-baku") is ax
    assert len(ax.get_xticks()) == 9
    fig2, ax2 = plt.subplots()
    araz.plots.tone_by_paragraph(ax2, "mehr-2021-korybko")  # one paragraph: drawn by sentence
    assert len(ax2.get_xticks()) == 27
    with pytest.raises(araz.CitationError):
        araz.plots.tone_by_paragraph(ax2, corpus, "no-such-doc")
    plt.close("all")


def test_a_corpus_with_no_lexicon_match_scores_neutral(tmp_path):
    from conftest import make_corpus

    folder = make_corpus(tmp_path, {"a.md": ({"title": "t", "outlet": "o", "published": "2024"}, "Nothing here at all. Plain words only.")})
    scores = tone.score_sentences(araz.load_corpus(folder))
    assert scores["label"].tolist() == ["neutral", "neutral"]
    assert scores["score"].tolist() == [0.0, 0.0]


# ---- what is kept on disk, and rebuilding from it ------------------------------------------
def _kept_on_disk(folder, monkeypatch):
    """Score a reopened folder corpus twice over the disk cache; return both results and what was persisted."""
    from araz import cache

    monkeypatch.setenv("ARAZ_CACHE_DIR", str(folder.parent / "cache"))
    monkeypatch.delenv("ARAZ_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_DOCUMENTS", 2)
    kept = []
    real = cache.write
    monkeypatch.setattr(cache, "write", lambda path, value: kept.append(value) or real(path, value))
    first = araz.load_corpus(folder)
    a = tone.score_sentences(first), tone.matches(first)
    second = araz.load_corpus(folder)  # a new Corpus object, as after a restart: read back from disk
    b = tone.score_sentences(second), tone.matches(second)
    scores = [v for k, v in kept if isinstance(k, tuple) and k[:2] == ("araz.tone", "scores")]
    return a, b, scores


def test_scores_kept_on_disk_are_compact_and_come_back_identical(tmp_path, monkeypatch):
    folder = make_corpus(tmp_path, {
        "a.md": ({"title": "Test one", "outlet": "Example Daily", "published": "2024-03-02"},
                 "Tehran is ready for cooperation instead of confrontation. Mr. Bayramov said the “Friendship Bridge” "
                 "would open.\nThe two sides never signed an agreement, but they welcomed the talks."),
        "b.md": ({"title": "Test two", "outlet": "Example Weekly", "published": "2025-01-02"},
                 "No lexicon word here. Despite such strains, Iran moved to restore ties."),
    })
    (df_a, m_a), (df_b, m_b), scores = _kept_on_disk(folder, monkeypatch)
    assert len(scores) == 1
    per, long = scores[0]
    # only computed columns and plain data: no copy of the sentences, no column of Python objects
    assert list(per.columns) == ["voice", "coop", "conf", "score", "label", "labelling", "terms", "voice_reason",
                                 "quad_class", "intensity"]
    assert "row" in long.columns and "citation" not in long.columns
    for frame in (per, long):
        for col, dtype in frame.dtypes.items():
            assert dtype.kind in "fiub" or isinstance(dtype, pd.StringDtype), (col, dtype)
    pd.testing.assert_frame_equal(df_a.drop(columns="matches"), df_b.drop(columns="matches"), check_exact=True)
    pd.testing.assert_frame_equal(m_a, m_b, check_exact=True)
    assert [list(x) for x in df_a["matches"]] == [list(x) for x in df_b["matches"]]
    assert sum(len(x) for x in df_b["matches"]) == len(m_b) > 0


def test_the_matches_column_is_a_sequence_of_term_matches(corpus):
    df = tone.score_sentences(corpus)
    m = tone.matches(corpus)
    per_sentence = [list(x) for x in df["matches"]]
    assert sum(map(len, per_sentence)) == len(m)
    empty = df.loc[df["matches"].map(len) == 0, "matches"]
    assert len(empty) and all(x == [] for x in empty)
    first = next(x for x in df["matches"] if len(x) > 1)
    assert isinstance(first[0], tone.TermMatch) and first[-1] == first[len(first) - 1]
    assert first == list(first) and first[:1] == [first[0]] and first[0]._asdict()["term"] == first[0].term
    with pytest.raises(IndexError):
        first[len(first)]


def test_words_between_counts_the_words_as_split_does():
    import random

    rnd = random.Random(7)
    texts = ["".join(rnd.choice(["ab", "c", " ", ",", "  ", "’", "d'e", "—"]) for _ in range(60)) for _ in range(30)]
    p = tone._prepare(texts)
    spaces = [i for i, ch in enumerate(p.norm) if ch == " "]
    starts = [i for i in range(1, len(p.norm)) if p.norm[i] != " " and p.norm[i - 1] == " "]
    pairs = [(a, b) for a in spaces[::7] for b in starts if a < b <= a + 40]
    a, b = (pd.Series(x).to_numpy() for x in zip(*pairs))
    assert p.words_between(a, b).tolist() == [len(p.norm[x:y].split()) for x, y in pairs]
    assert p.next_space(b).tolist() == [p.norm.find(" ", y) for y in b.tolist()]


def test_readable_terms_survive_odd_characters_in_a_surface():
    m = pd.DataFrame({"row": [0, 0, 2], "surface": ["free\x00trade", "war", "peace"],
                      "class": ["verbal_cooperation", "verbal_conflict", "verbal_cooperation"],
                      "contribution": [1.0, -1.0, 1.0], "effect": ["", "flipped: negated by 'no'", ""]})
    assert tone._readable(m, 3).tolist() == [
        "free\x00trade +1.0; war -1.0 (flipped: negated by 'no')", "", "peace +1.0"]
