"""araz.actors: hand-counted mentions per document, profiles, co-occurrence, metonyms, candidates, the network."""
import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import araz  # noqa: E402
from araz import actors  # noqa: E402
from araz.errors import ScopeError  # noqa: E402
from conftest import make_corpus  # noqa: E402

KINDS = ["names", "metonyms", "labels", "demonyms"]


def counts(corpus, doc_id, entity_id):
    p = actors.profile(corpus)
    row = p[(p.doc_id == doc_id) & (p.entity_id == entity_id)]
    return row[KINDS + ["total"]].values.tolist()[0] if len(row) else [0, 0, 0, 0, 0]


# Hand counts (read from the texts; the citations are in the comments).
def test_israel_in_alwaght_includes_tel_aviv_and_israeli_regime(corpus):
    # Israelis ¶1.1, Israeli ¶9.2 (demonyms); Tel Aviv ¶11.3, ¶11.4, ¶13.2; Israeli regime ¶12.1
    assert counts(corpus, "alwaght-2025-araghchi-baku", "israel") == [0, 3, 1, 2, 6]


def test_israel_in_the_financial_tribune_and_absent_elsewhere(corpus):
    assert counts(corpus, "ftribune-2025-araghchi-baku", "israel") == [2, 0, 0, 0, 2]  # ¶8.1, ¶8.2
    assert counts(corpus, "mehr-2021-korybko", "israel") == [0, 0, 0, 0, 0]
    assert counts(corpus, "anon-2025-pezeshkian-visit", "israel") == [0, 0, 0, 0, 0]


def test_iran_in_mehr(corpus):
    # names: ¶1.3, 1.4, 1.6, 1.7, 1.8, 1.9, 1.12, 1.13, 1.16, 1.19, 1.20; Tehran's ¶1.2;
    # the Islamic Republic ¶1.14, ¶1.20; Iranian ¶1.1, Iranian-Azerbaijan ¶1.21, ¶1.24
    assert counts(corpus, "mehr-2021-korybko", "iran") == [11, 1, 2, 3, 17]


def test_azerbaijan_in_the_anonymous_text_official_baku_is_one_metonym(corpus):
    # names ¶2.1, 3.1, 4.1, 5.1, 6.1, 8.3, 12.1; Official Baku ¶2.3, Baku ¶4.1, ¶9.2, ¶13.1
    assert counts(corpus, "anon-2025-pezeshkian-visit", "azerbaijan") == [7, 4, 0, 0, 11]


def test_tehran_counts_as_iran_in_alwaght(corpus):
    m = actors.mentions(corpus, kinds="metonym")
    tehran = m[(m.doc_id == "alwaght-2025-araghchi-baku") & (m.surface == "Tehran")]
    assert set(tehran.entity_id) == {"iran"} and len(tehran) == 9


def test_people_by_all_their_names(corpus):
    assert counts(corpus, "mehr-2021-korybko", "seyed-abbas-mousavi")[0] == 4  # full name ¶1.1 + "Ambassador Mousavi" ×3
    assert counts(corpus, "anon-2025-pezeshkian-visit", "ilham-aliyev")[0] == 3  # ¶4.1, ¶5.2, "President Aliyev" ¶8.3
    assert counts(corpus, "anon-2025-pezeshkian-visit", "heydar-aliyev")[0] == 1  # not also Ilham
    assert counts(corpus, "mehr-2021-korybko", "ali-khamenei")[2] == 1  # "the Supreme Leader" ¶1.5, a label


def test_the_3_plus_3_spellings_are_one_entity(corpus):
    m = actors.mentions(corpus)
    f = m[m.entity_id == "three-plus-three"]
    assert f["surface"].tolist() == ["3 + 3 format", "3+3 format", "3+3 format", "“3+3” regional format"]


def test_profile_columns_and_types_filter(corpus):
    p = actors.profile(corpus, types=["state"])
    assert list(p.columns) == actors.PROFILE_COLUMNS
    assert set(p.entity_type) == {"state"}


def test_mentions_rejects_unknown_kinds(corpus):
    with pytest.raises(ScopeError, match="unknown kind"):
        actors.mentions(corpus, kinds=["nickname"])


def test_cooccurrence_sentence_edges_with_citations(corpus):
    e = actors.cooccurrence(corpus)
    assert list(e.columns) == actors.EDGE_COLUMNS
    row = e[(e.source == "iran") & (e.target == "israel")].iloc[0]
    assert row.weight == 4 and row.citations == ["alwaght-2025-araghchi-baku ¶1.1", "alwaght-2025-araghchi-baku ¶9.2",
                                                 "alwaght-2025-araghchi-baku ¶12.1", "alwaght-2025-araghchi-baku ¶13.2"]
    assert (e.source < e.target).all()
    top = e.iloc[0]
    assert (top.source, top.target, top.n_docs) == ("azerbaijan", "iran", 4)


def test_cooccurrence_by_paragraph_counts_paragraphs(corpus):
    s = actors.cooccurrence(corpus).set_index(["source", "target"])
    p = actors.cooccurrence(corpus, unit="paragraph").set_index(["source", "target"])
    assert set(s.index) <= set(p.index)  # named in one sentence => named in one paragraph
    cites = p.loc[("azerbaijan", "iran"), "citations"]
    assert "mehr-2021-korybko ¶1" in cites and cites.count("mehr-2021-korybko ¶1") == 1  # Mehr is one paragraph
    with pytest.raises(ScopeError, match="unit must be"):
        actors.cooccurrence(corpus, unit="page")


def test_metonym_as_subject(corpus):
    t = actors.metonyms(corpus).set_index("citation")
    assert t.loc["anon-2025-pezeshkian-visit ¶2.3", "as_subject"]  # Official Baku continues
    subj = actors.metonyms(corpus)
    subj = subj[subj.as_subject]
    assert ("alwaght-2025-araghchi-baku ¶9.2", "Tehran", "detected") in set(zip(subj.citation, subj.surface, subj.verb))
    assert ("alwaght-2025-araghchi-baku ¶17.1", "Baku", "had") in set(zip(subj.citation, subj.surface, subj.verb))  # Tehran and Baku had
    not_subj = actors.metonyms(corpus)
    not_subj = not_subj[~not_subj.as_subject]
    assert "alwaght-2025-araghchi-baku ¶16.2" in set(not_subj.citation)  # "visit to Baku comes"


def test_candidates_are_unknown_capitalised_names(corpus):
    c = actors.candidates(corpus)
    assert list(c.columns) == actors.CANDIDATE_COLUMNS
    names = set(c.candidate)
    assert {"Bandar Abbas", "Sahand-2025", "Second Karabakh War", "Patriotic War", "Northern Europe"} <= names
    assert not names & {"Experience", "The", "Tehran", "Iran", "President", "December", "Russia and Northern Europe"}
    row = c.set_index("candidate").loc["Patriotic War"]
    assert row["count"] == 3 and row["citations"][0] == "mehr-2021-korybko ¶1.2"


def test_candidates_in_a_small_corpus(tmp_path):
    folder = make_corpus(tmp_path, {"a.md": ({"title": "a", "outlet": "X", "published": "2024"},
                                             "Ministers met in Lankaran. Officials from Lankaran and Baku agreed. Experience matters.")})
    c = actors.candidates(araz.load_corpus(folder))
    assert c.set_index("candidate")["count"].to_dict() == {"Lankaran": 2}


def test_network_draws_and_returns_ax(corpus):
    from araz.plots import network
    for layout in ("circular", "spring"):
        fig, ax = plt.subplots()
        assert network(ax, corpus, top=10, layout=layout) is ax
        assert len(ax.collections) >= 1 and len(ax.texts) == 10
        plt.close(fig)
    with pytest.raises(ScopeError):
        network(plt.subplots()[1], corpus, layout="radial")


def test_spring_layout_is_deterministic():
    import numpy as np
    from araz.plots._actors import spring_layout
    w = np.array([[0, 3, 1], [3, 0, 0], [1, 0, 0]], dtype=float)
    assert np.allclose(spring_layout(w, seed=1), spring_layout(w, seed=1))


def test_candidates_rank_titled_names_first(tmp_path):
    # Invented outlet and people: a place named three times must come after names that follow a title.
    text = ("Deputy Prime Minister Arlo Fenwick visited Lankaran. Officials in Lankaran welcomed Ambassador Mira Tolland. "
            "Trade through Lankaran grew, said the ministry's spokesman Pim Odell. Foreign Minister Jeyhun Bayramov attended.")
    folder = make_corpus(tmp_path, {"a.md": ({"title": "a", "outlet": "Example Daily", "published": "2024"}, text)})
    c = actors.candidates(araz.load_corpus(folder))
    assert list(c.columns) == actors.CANDIDATE_COLUMNS
    assert c["candidate"].tolist() == ["Arlo Fenwick", "Mira Tolland", "Pim Odell", "Lankaran"]
    titles = c.set_index("candidate")["title"].to_dict()
    assert titles == {"Arlo Fenwick": "Deputy Prime Minister", "Mira Tolland": "Ambassador", "Pim Odell": "spokesman", "Lankaran": ""}
    assert c.set_index("candidate").loc["Lankaran", "count"] == 3   # more frequent, still after the titled names
    assert "Jeyhun Bayramov" not in set(c["candidate"])              # a known person is not a candidate
