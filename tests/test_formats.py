"""araz.formats.three_plus_three: mentions, membership, proposer and purpose — computed from the text."""
import araz
from araz.formats import three_plus_three
from conftest import make_corpus


def test_every_mention_explicit_and_anaphoric(corpus):
    t = three_plus_three(corpus)
    got = list(zip(t.mentions.citation, t.mentions.surface, t.mentions.how))
    assert got == [
        ("mehr-2021-korybko ¶1.6", "3 + 3 format", "explicit"),
        ("mehr-2021-korybko ¶1.8", "the other five countries", "anaphor"),
        ("mehr-2021-korybko ¶1.8", "this format", "anaphor"),
        ("mehr-2021-korybko ¶1.8", "this format", "anaphor"),
        ("mehr-2021-korybko ¶1.19", "3+3 format", "explicit"),
        ("mehr-2021-korybko ¶1.22", "3+3 format", "explicit"),
        ("mehr-2021-korybko ¶1.23", "all six of those pertinent countries", "anaphor"),
        ("ftribune-2025-araghchi-baku ¶5.2", "“3+3” regional format", "explicit"),
        ("ftribune-2025-araghchi-baku ¶5.2", "this mechanism", "anaphor"),
        ("ftribune-2025-araghchi-baku ¶6.1", "The format", "anaphor"),
    ]
    for r in t.mentions.itertuples():
        assert corpus[r.doc_id].text[r.start:r.end] == r.surface


def test_formats_of_cooperation_in_a_text_without_3_plus_3_is_not_a_mention(corpus):
    t = three_plus_three(corpus)
    assert "anon-2025-pezeshkian-visit" not in set(t.mentions.doc_id)


def test_the_sources_group_the_six_states_differently(corpus):
    t = three_plus_three(corpus)
    m = t.membership
    assert m[["citation", "members", "label"]].values.tolist() == [
        ["mehr-2021-korybko ¶1.9", "Azerbaijan, Russia, Armenia", "the first troika"],
        ["mehr-2021-korybko ¶1.9", "Iran, Turkey, Georgia", "the second one"],
        ["ftribune-2025-araghchi-baku ¶6.1", "Armenia, Azerbaijan, Georgia", "three local countries"],
        ["ftribune-2025-araghchi-baku ¶6.1", "Iran, Turkey, Russia", "three neighboring powers"],
    ]
    g = t.groupings.set_index("doc_id")
    assert not g.loc["mehr-2021-korybko", "south_caucasus_together"]
    assert g.loc["ftribune-2025-araghchi-baku", "south_caucasus_together"]
    assert t.sources_group_differently


def test_the_sources_attribute_the_proposal_differently(corpus):
    t = three_plus_three(corpus)
    p = t.proposer
    origin = p[p.proposal_kind == "origin of the format"]
    assert origin[["citation", "proposer_id", "voice"]].values.tolist() == [
        ["mehr-2021-korybko ¶1.6", "azerbaijan", "quoted"],
        ["mehr-2021-korybko ¶1.7", "iran", "author"],
        ["mehr-2021-korybko ¶1.19", "iran", "author"],
    ]
    assert origin.iloc[0]["proposer"] == "the President of Azerbaijan"
    assert origin.iloc[0]["resolved_person"] == "Ilham Aliyev"  # President of Azerbaijan in 2021, from actors.csv
    assert "Mousavi" in origin.iloc[0]["asserted_by"]  # from the claims ledger
    assert t.proposal_attributed_differently


def test_azerbaijans_offer_to_host_is_not_the_origin_of_the_format(corpus):
    p = three_plus_three(corpus).proposer
    ft = p[p.doc_id == "ftribune-2025-araghchi-baku"]
    assert ft[["proposer_id", "proposal_kind"]].values.tolist() == [["azerbaijan", "hosting a meeting"]]
    assert ft.iloc[0]["what"].startswith("to host the next “3+3” regional format meeting in Baku")


def test_what_each_source_says_it_is_for(corpus):
    p = three_plus_three(corpus).purpose
    got = dict(zip(p.citation, p.purpose))
    assert got["ftribune-2025-araghchi-baku ¶6.1"] == "to discuss peace, security, and economic cooperation"
    assert got["ftribune-2025-araghchi-baku ¶5.2"] == "would contribute to stability across the South Caucasus"
    assert got["mehr-2021-korybko ¶1.6"] == "to end the Nagorno-Karabakh war once and for all"
    for r in p.itertuples():
        assert r.purpose.rstrip(" …") in corpus.cite(r.citation)


def test_summary_has_one_row_per_source_that_names_the_format(corpus):
    s = three_plus_three(corpus).summary()
    assert s["doc_id"].tolist() == ["mehr-2021-korybko", "ftribune-2025-araghchi-baku"]
    assert s.set_index("doc_id").loc["mehr-2021-korybko", "mentions"] == 7


def test_rules_work_without_a_claims_ledger_and_on_other_spellings(tmp_path):
    folder = make_corpus(tmp_path, {"a.md": (
        {"title": "a", "outlet": "Example Daily", "author": "A. Writer", "published": "2023-10"},
        "Ministers met under the 3+3 platform in Tehran. The platform brings together Armenia, Azerbaijan and Georgia "
        "with Iran, Russia and Turkey. Turkey's proposal was welcomed. It aims to foster regional trade.\n"
        "Later, six countries were mentioned again.")})
    t = three_plus_three(araz.load_corpus(folder))
    assert t.mentions["surface"].tolist() == ["3+3 platform", "The platform"]  # 'six countries' is 3 sentences on
    assert t.membership["members"].tolist() == ["Armenia, Azerbaijan, Georgia", "Iran, Russia, Turkey"]
    assert t.proposer[["proposer_id", "asserted_by"]].values.tolist() == [["turkey", "A. Writer (Example Daily)"]]
    assert t.purpose["purpose"].tolist() == ["aims to foster regional trade"]
    assert not t.sources_group_differently
