"""The claims ledger, disagreements between sources, and contested names (araz.claims)."""
from __future__ import annotations

import csv
import re

import pandas as pd
import pytest

import araz
from araz import claims
from araz.errors import QueryError, TableError
from araz.paths import shipped

from conftest import make_corpus

CLAIMS_CSV = shipped("annotations", "claims.csv")
HEADER = "claim_id,topic,doc_id,citation,quote,asserted_by,voice,stance,note\n"
DOCS = {
    "north.md": ({"doc_id": "north", "title": "North", "outlet": "North Daily", "published": "2025-12-09"},
                 "The minister visited Baku on Monday. He called it a show of resolve.\nOfficials praised the “dialogue” that followed."),
    "south.md": ({"doc_id": "south", "title": "South", "outlet": "South Wire", "published": "2025-12-10"},
                 "The visit was about dialogue, the spokesman said. Nothing else was agreed."),
}


def user_corpus(tmp_path, rows: list[str] | None, docs=DOCS):
    folder = make_corpus(tmp_path, docs)
    if rows is not None:
        (folder / "annotations").mkdir()
        (folder / "annotations" / "claims.csv").write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return araz.load_corpus(folder)


GOOD = [
    "n1,visit/framing,north,north ¶1.2,He called it a show of resolve.,North Daily,author,resolve,",
    "s1,visit/framing,south,south ¶1.1,\"The visit was about dialogue\",the spokesman (reported by South Wire),quoted,dialogue,",
    "n2,visit/date,north,north ¶1.1,visited Baku on Monday,North Daily,author,monday,",
]


# ---------------------------------------------------------------- the shipped ledger
def test_shipped_csv_has_exactly_the_documented_columns():
    with open(CLAIMS_CSV, encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == claims.CLAIM_COLUMNS


def test_every_quote_stands_verbatim_at_its_citation(corpus):
    with open(CLAIMS_CSV, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for r in rows:
        sentence = corpus.cite(r["citation"])
        assert r["quote"] in sentence, f"{r['claim_id']}: quote not verbatim at {r['citation']}"
        assert r["citation"].startswith(r["doc_id"] + " ¶")


def test_ledger_has_at_least_30_claims_from_all_four_articles(corpus):
    led = claims.ledger(corpus)
    assert len(led) >= 30
    assert set(led["doc_id"]) == set(corpus.doc_ids)
    assert led["claim_id"].is_unique


def test_ledger_offsets_point_at_the_quote(corpus):
    for r in claims.ledger(corpus).itertuples():
        assert corpus[r.doc_id].text[r.start:r.end] == r.quote


def test_ledger_carries_outlet_and_date_of_each_claim(corpus):
    led = claims.ledger(corpus)
    assert list(led.columns[:9]) == claims.CLAIM_COLUMNS
    ft = led[led["doc_id"] == "ftribune-2025-araghchi-baku"]
    assert set(ft["outlet"]) == {"Financial Tribune"}


@pytest.mark.parametrize("prefix", [
    "3+3/proposer", "3+3/membership", "corridors/zangezur", "corridors/aras", "corridors/north-south",
    "war-2020/naming", "war-2025-06/azerbaijani-territory", "embassy-2023/attack", "embassy-2023/reopening",
    "visit-2025-04/agreements", "visit-2025-12/framing", "israel/role", "energy/", "trade/",
])
def test_ledger_covers_every_topic_the_issue_lists(corpus, prefix):
    assert claims.ledger(corpus)["topic"].str.startswith(prefix).any()


def test_voice_says_author_or_quoted_and_quoted_claims_name_the_speaker(corpus):
    led = claims.ledger(corpus)
    assert set(led["voice"]) == {"author", "quoted"}
    quoted = led[led["voice"] == "quoted"]
    assert quoted["asserted_by"].str.contains(r"\((?:reported|quoted) by ", regex=True).all()


def test_notes_on_the_public_record_name_a_dated_source(corpus):
    led = claims.ledger(corpus)
    noted = led[led["note"].str.contains("Public record")]
    assert len(noted) >= 10
    for r in noted.itertuples():
        assert re.search(r"\b(19|20)\d\d\b", r.note), r.claim_id


@pytest.mark.parametrize("citation, words", [
    ("ftribune-2025-araghchi-baku ¶9.2", "seven documents"),           # 'more than 50 agreements'
    ("alwaght-2025-araghchi-baku ¶7.2", "East Azerbaijan province"),   # 'hosted ... on Iranian soil'
    ("alwaght-2025-araghchi-baku ¶8.1", "13 or 14"),                   # 'all ten SCO member states'
    ("ftribune-2025-araghchi-baku ¶7.2", "27 Jan 2023"),
    ("ftribune-2025-araghchi-baku ¶7.3", "15 Jul 2024"),
    ("ftribune-2025-araghchi-baku ¶9.3", "Khankendi"),
])
def test_claims_contradicted_or_dated_by_the_public_record_keep_a_note(corpus, citation, words):
    led = claims.ledger(corpus)
    notes = " ".join(led.loc[led["citation"] == citation, "note"])
    assert words in notes


# ---------------------------------------------------------------- disagreements
def stances(d, topic):
    return set(d.loc[d["topic"] == topic, "stance"])


def test_disagreements_surface_the_five_the_issue_names(corpus):
    d = claims.disagreements(corpus)
    # the two groupings of the six 3+3 states: the 2021 article vs the December 2025 report
    m = d[d["topic"] == "3+3/membership"]
    assert set(m["doc_ids"]) == {"mehr-2021-korybko", "ftribune-2025-araghchi-baku"}
    # who proposed the format (the ambassador quoted vs the columnist, in one article)
    assert stances(d, "3+3/proposer") == {"azerbaijani-president", "iran"}
    assert d.loc[d["topic"] == "3+3/proposer", "within_document"].all()
    # the December 2025 visit: show of resolve vs dialogue
    assert stances(d, "visit-2025-12/framing") == {"show-of-resolve", "dialogue-and-cooperation"}
    # Azerbaijani territory in the June 2025 war: asserted vs denied
    assert stances(d, "war-2025-06/azerbaijani-territory") == {"asserted", "denied"}
    # the agreements of the April 2025 visit: count and fields
    a = d[d["topic"] == "visit-2025-04/agreements"]
    assert set(a["doc_ids"]) == {"ftribune-2025-araghchi-baku", "anon-2025-pezeshkian-visit"}
    assert "more than 50" in " ".join(a["quotes"])


def test_disagreements_keep_quotes_and_citations_aligned(corpus):
    for r in claims.disagreements(corpus).itertuples():
        quotes, cits = r.quotes.split(" | "), r.citations.split(" | ")
        assert len(quotes) == len(cits) == len(r.claim_ids.split(" | "))
        for q, c in zip(quotes, cits):
            assert q in corpus.cite(c)


def test_a_topic_is_a_disagreement_only_when_different_sources_take_different_stances(tmp_path):
    rows = GOOD + [
        "n3,visit/date,north,north ¶1.1,The minister visited Baku,North Daily,author,monday,",
        "s2,visit/date,south,south ¶1.2,Nothing else was agreed.,South Wire,author,monday,",
        "n4,visit/outcome,north,north ¶2.1,Officials praised,North Daily,author,praised,",
        "n5,visit/outcome,north,north ¶2.1,the “dialogue” that followed,North Daily,author,dialogue,",
    ]
    c = user_corpus(tmp_path, rows)
    d = claims.disagreements(c)
    assert set(d["topic"]) == {"visit/framing"}           # same stance (date) or same source (outcome): not listed
    assert set(d["stance"]) == {"resolve", "dialogue"}
    assert not d["within_document"].any()


def test_side_by_side_puts_one_stance_per_column(corpus):
    t = claims.side_by_side(corpus, "war-2025-06/azerbaijani-territory")
    assert set(t.columns) == {"asserted", "denied"}
    assert any("ftribune-2025-araghchi-baku ¶8.3" in cell for cell in t["denied"])


def test_side_by_side_of_an_unknown_topic_says_which_exist(corpus):
    with pytest.raises(QueryError, match="no claims on topic 'nonsense'; topics in the ledger"):
        claims.side_by_side(corpus, "nonsense")


def test_compare_tells_the_december_visit_by_two_outlets(corpus):
    t = claims.compare(corpus, ["alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku"], topic_prefix="visit-2025-12")
    row = t.set_index("topic").loc["visit-2025-12/framing"]
    assert "[show-of-resolve]" in row["alwaght-2025-araghchi-baku"]
    assert "[dialogue-and-cooperation]" in row["ftribune-2025-araghchi-baku"]


def test_compare_rejects_a_document_not_in_the_corpus(corpus):
    with pytest.raises(QueryError, match="not in the corpus: nope"):
        claims.compare(corpus, ["nope"])


# ---------------------------------------------------------------- a user corpus and its own claims file
def test_a_user_corpus_brings_its_own_claims_file(tmp_path):
    c = user_corpus(tmp_path, GOOD)
    led = claims.ledger(c)
    assert led["claim_id"].tolist() == ["n1", "s1", "n2"]
    assert led.set_index("claim_id").loc["s1", "outlet"] == "South Wire"


def test_a_user_corpus_without_claims_has_an_empty_ledger(tmp_path):
    c = user_corpus(tmp_path, None)
    led = claims.ledger(c)
    assert led.empty and list(led.columns) == claims.LEDGER_COLUMNS
    assert claims.disagreements(c).empty


def test_a_subset_of_the_shipped_corpus_keeps_only_its_claims(corpus):
    sub = corpus.subset(["ftribune-2025-araghchi-baku"])
    led = claims.ledger(sub)
    assert set(led["doc_id"]) == {"ftribune-2025-araghchi-baku"}


@pytest.mark.parametrize("row, field, message", [
    ("x1,visit/date,nowhere,nowhere ¶1.1,visited Baku,North Daily,author,monday,", "doc_id",
     "'nowhere' is not a document of the corpus"),
    ("x1,visit/date,north,north ¶9.1,visited Baku,North Daily,author,monday,", "citation",
     "north has 2 paragraphs, not 9"),
    ("x1,visit/date,north,north ¶1.7,visited Baku,North Daily,author,monday,", "citation",
     "paragraph 1 of north has 2 sentences, not 7"),
    ("x1,visit/date,north,south ¶1.1,visited Baku,North Daily,author,monday,", "citation",
     "points into south, but the row's doc_id is north"),
    ("x1,visit/date,north,north ¶1.1,visited Tehran,North Daily,author,monday,", "quote",
     "\"visited Tehran\" is not at north ¶1.1; the sentence there reads"),
    ("x1,visit/date,north,north ¶2.1,\"the \"\"dialogue\"\" that followed\",North Daily,author,monday,", "quote",
     "differs only in quote marks or spaces"),
    ("x1,visit/date,north,north 1.1,visited Baku,North Daily,author,monday,", "citation",
     "does not match the pattern"),
    ("x1,Visit Date,north,north ¶1.1,visited Baku,North Daily,author,monday,", "topic",
     "does not match the pattern"),
    ("x1,visit/date,north,north ¶1.1,visited Baku,North Daily,narrator,monday,", "voice",
     "'narrator' is not allowed; use one of: author, quoted"),
    ("x1,visit/date,north,north ¶1.1,,North Daily,author,monday,", "quote", "is required but empty"),
])
def test_each_bad_row_is_named_with_file_line_and_column(tmp_path, row, field, message):
    c = user_corpus(tmp_path, [GOOD[0], row])
    with pytest.raises(TableError) as err:
        claims.ledger(c)
    text = str(err.value)
    assert "claims.csv, line 3" in text
    assert f"field '{field}'" in text
    assert message in text


def test_every_bad_row_is_reported_at_once(tmp_path):
    rows = [
        "a,t,north,north ¶9.1,x,N,author,s,",
        "b,t,north,north ¶1.1,not there,N,author,s,",
        "c,t,ghost,ghost ¶1.1,x,N,author,s,",
    ]
    c = user_corpus(tmp_path, rows)
    with pytest.raises(TableError) as err:
        claims.ledger(c)
    assert [i.line for i in err.value.issues] == [2, 3, 4]


def test_a_duplicate_claim_id_is_an_error(tmp_path):
    c = user_corpus(tmp_path, [GOOD[0], GOOD[0]])
    with pytest.raises(TableError, match="line 3: field 'claim_id': 'n1' repeats line 2"):
        claims.ledger(c)


def test_ledger_accepts_an_explicit_path(tmp_path, corpus):
    p = tmp_path / "mine.csv"
    p.write_text(HEADER + "m1,x/y,mehr-2021-korybko,mehr-2021-korybko ¶1.27,Creative Commons,Mehr,author,cc,\n", encoding="utf-8")
    assert claims.ledger(corpus, p)["claim_id"].tolist() == ["m1"]


# ---------------------------------------------------------------- contested names
def test_every_corpus_variant_occurs_and_every_context_variant_has_a_source(corpus):
    n = claims.names(corpus)
    listed = n[n["listed_as"] == "corpus"]
    assert (listed["n"] > 0).all(), listed.loc[listed["n"] == 0, "name_id"].tolist()
    context = n[n["listed_as"] == "context"]
    assert (context["n"] == 0).all()
    assert context["source"].str.contains(r"\b20\d\d\b", regex=True).all()


@pytest.mark.parametrize("concept_word, variants", [
    ("2020 war", {"Patriotic War", "Second Karabakh War", "44-day war"}),
    ("Syunik", {"Zangezur Corridor", "Trump Route for International Peace and Prosperity (TRIPP)", "route through Syunik"}),
    ("river", {"Aras", "Araz"}),
    ("Khudaferin", {"Khodaafrin", "Khudaferin"}),
    ("Israel", {"Israeli regime", "Tel Aviv", "Israel"}),
    ("regained", {"liberated territories", "occupied territories"}),
])
def test_names_cover_the_variants_the_issue_lists(corpus, concept_word, variants):
    n = claims.names(corpus)
    got = set(n.loc[n["concept"].str.contains(concept_word), "variant"])
    assert variants <= got


def test_names_say_which_outlets_use_which_variant(corpus):
    n = claims.names(corpus).set_index("name_id")
    assert n.loc["isr-tel-aviv", "outlets"] == "Alwaght"
    assert n.loc["isr-israel", "outlets"] == "Financial Tribune"
    assert n.loc["war2020-patriotic-war", "outlets"] == "Mehr News Agency"
    for cit in n.loc["isr-tel-aviv", "citations"].split(" | "):
        assert "Tel Aviv" in corpus.cite(cit)


def test_the_longest_variant_wins_within_a_concept(corpus):
    m = claims.name_mentions(corpus)
    israel = m[m["concept"] == "Israel"]
    regime = israel[israel["name_id"] == "isr-israeli-regime"].iloc[0]
    overlapping = israel[(israel["start"] < regime.end) & (israel["end"] > regime.start)]
    assert len(overlapping) == 1


def test_name_mentions_point_at_their_surface(corpus):
    for r in claims.name_mentions(corpus).itertuples():
        assert corpus[r.doc_id].text[r.start:r.end] == r.surface
        assert r.surface in corpus.cite(r.citation)


def test_a_user_corpus_that_uses_a_context_variant_gets_it_counted(tmp_path):
    docs = {"w.md": ({"doc_id": "w", "title": "W", "outlet": "Yerevan Weekly", "published": "2025-08-09"},
                     "Armenia and the United States will build TRIPP across Syunik.")}
    c = user_corpus(tmp_path, None, docs)
    n = claims.names(c).set_index("name_id")
    assert n.loc["route-tripp", "n"] == 1 and n.loc["route-tripp", "outlets"] == "Yerevan Weekly"
    assert n.loc["route-syunik", "citations"] == "w ¶1.1"


def test_a_names_table_can_be_given_as_a_dataframe(corpus):
    tab = pd.DataFrame([{"name_id": "x", "concept": "capital", "variant": "Baku", "match": "Baku", "listed_as": "corpus"}])
    n = claims.names(corpus, tab)
    assert n.loc[0, "n"] > 5


def test_a_context_variant_without_a_source_is_an_error(tmp_path, corpus):
    p = tmp_path / "names.csv"
    p.write_text("name_id,concept,variant,match,listed_as,source,note\nx,capital,Bakou,Bakou,context,,\n", encoding="utf-8")
    with pytest.raises(TableError, match="line 2: field 'source': variant 'Bakou' is listed as context, so it needs a public source"):
        claims.names(corpus, p)


# ---------------------------------------------------------------- every table exports
def test_every_table_is_csv_exportable(corpus, tmp_path):
    tables = [claims.ledger(corpus), claims.disagreements(corpus), claims.names(corpus), claims.name_mentions(corpus),
              claims.side_by_side(corpus, "3+3/proposer"),
              claims.compare(corpus, corpus.doc_ids)]
    for i, t in enumerate(tables):
        path = tmp_path / f"t{i}.csv"
        t.to_csv(path, index=False)
        back = pd.read_csv(path, keep_default_na=False)
        assert len(back) == len(t)


def test_side_by_side_and_compare_work_on_a_user_corpus(tmp_path):
    c = user_corpus(tmp_path, GOOD)
    t = claims.side_by_side(c, "visit/framing")
    assert list(t.columns) == ["resolve", "dialogue"]
    assert t.loc[0, "dialogue"].endswith("(south ¶1.1)")
    cmp = claims.compare(c, ["north", "south"])
    assert cmp["topic"].tolist() == ["visit/date", "visit/framing"]
    assert cmp.set_index("topic").loc["visit/date", "south"] == ""


# ---------------------------------------------------------------- corrections of issue 21
def test_the_october_2020_initiative_is_dated_and_no_longer_called_unverified(corpus):
    led = claims.ledger(corpus).set_index("claim_id")
    note = led.loc["cl-013", "note"]
    assert "5 Oct 2020" in note and "13 Oct 2020" in note        # announced in early and mid-October
    assert "Ankara (from 30 Oct)" in note                          # the tour, Ankara leg included
    assert "not verified" not in note and not claims.is_disputed(note)


@pytest.mark.parametrize("claim_id, words", [
    ("cl-052", "seven documents"), ("cl-072", "13 or 14"), ("cl-071", "13 or 14"), ("cl-028", "11 Mar 2022"),
    ("cl-002", "Aliyev and Erdoğan"), ("cl-073", "Shabestar"),
])
def test_claims_the_public_record_contradicts_are_marked_disputed(corpus, claim_id, words):
    d = claims.disputed(corpus).set_index("claim_id")
    assert claim_id in d.index
    assert d.loc[claim_id, "note"].startswith("Disputed") and words in d.loc[claim_id, "note"]


def test_the_aras_note_names_the_memorandum_the_groundbreakings_and_the_2024_ceremony(corpus):
    note = claims.ledger(corpus).set_index("claim_id").loc["cl-028", "note"]
    for words in ("11 Mar 2022", "21 Sep [2022]", "6 Oct 2023", "19 May 2024"):
        assert words in note


def test_is_disputed_reads_only_the_head_of_the_note():
    assert claims.is_disputed("Disputed: see cl-002.") and claims.is_disputed("  Disputed. x")
    assert not claims.is_disputed("Public record: not disputed here.") and not claims.is_disputed(float("nan"))


def test_a_user_ledger_without_disputed_notes_has_no_disputed_claims(tmp_path):
    assert claims.disputed(user_corpus(tmp_path, GOOD)).empty
