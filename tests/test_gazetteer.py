"""araz.gazetteer: the tables, the one matcher and its rules (boundaries, case, longest match, scripts)."""
import pytest

import araz
from araz import gazetteer
from araz.errors import ScopeError, TableError
from conftest import make_corpus


def surfaces(text):
    return [(r.surface, r.entity_id, r.kind) for r in gazetteer.find(text).itertuples()]


# ---- the tables ----------------------------------------------------------------------------
def test_every_un_member_state_is_an_actor_with_a_source():
    ents = gazetteer.load_gazetteer().entities
    states = ents[(ents["type"] == "state") & (ents["role"] == "UN member state")]
    assert len(states) == 193
    assert states["country"].str.fullmatch(r"[A-Z]{3}").all()
    assert (ents["source"].str.len() > 0).all()


def test_the_six_3_plus_3_states_israel_and_the_us_have_heads_and_foreign_ministers_2020_2026():
    ents = gazetteer.load_gazetteer().entities
    people = ents[ents["type"] == "person"]
    for iso in ("AZE", "ARM", "GEO", "IRN", "TUR", "RUS", "ISR", "USA"):
        roles = " ".join(people[people["country"] == iso]["role"])
        assert "President" in roles and ("Foreign Affairs" in roles or "Secretary of State" in roles), iso
    raisi = ents.set_index("entity_id").loc["ebrahim-raisi"]
    assert raisi.role_years == "2021-2024"
    assert ents.set_index("entity_id").loc["jeyhun-bayramov"].role_years == "2020-"


def test_format_entity_and_its_spellings():
    g = gazetteer.load_gazetteer()
    assert g.entity("three-plus-three")["type"] == "format"
    aliases = set(g.aliases[g.aliases.entity_id == "three-plus-three"]["alias"])
    assert {"3+3", "3 + 3", "3+3 format", "“3+3”"} <= aliases


def test_ambiguous_aliases_are_marked():
    al = gazetteer.load_gazetteer().aliases.set_index("alias")
    for alias in ("Georgia", "Astara", "the Islamic Republic", "Washington"):
        assert bool(al.loc[alias, "ambiguous"]), alias


def test_unknown_entity_id_is_rejected():
    with pytest.raises(ScopeError, match="no entity 'atlantis'"):
        gazetteer.load_gazetteer().entity("atlantis")


# ---- matching rules ------------------------------------------------------------------------
def test_name_does_not_match_inside_a_longer_word_iranian_is_a_demonym():
    assert surfaces("Iranian diplomats") == [("Iranian", "iran", "demonym")]


def test_abbreviation_does_not_match_inside_a_word():
    assert surfaces("DISCO night under the woman") == []
    assert surfaces("the SCO met") == [("SCO", "sco", "abbreviation")]


def test_possessives_count_with_straight_and_curly_apostrophes():
    assert [s for s, _, _ in surfaces("Iran’s view and Iran's view")] == ["Iran", "Iran"]


def test_alias_ending_in_punctuation_matches_before_a_hyphen():
    assert surfaces("the U.S.-brokered route") == [("U.S.", "united-states", "abbreviation")]


def test_longest_match_wins_and_overlaps_count_once():
    assert surfaces("the Islamic Republic of Iran") == [("Islamic Republic of Iran", "iran", "name")]
    assert surfaces("the Islamic Republic said") == [("the Islamic Republic", "iran", "label")]
    assert surfaces("in East Azerbaijan province") == [("East Azerbaijan", "east-azerbaijan-province", "name")]


def test_metonyms():
    assert surfaces("Official Baku and Tehran") == [("Official Baku", "azerbaijan", "metonym"), ("Tehran", "iran", "metonym")]
    assert surfaces("Tel Aviv’s interventions")[0] == ("Tel Aviv", "israel", "metonym")


def test_case_rules_per_alias():
    assert surfaces("roast turkey") == []
    assert surfaces("Turkey and Türkiye")[0] == ("Turkey", "turkey", "name")
    assert surfaces("IRAN") == [("IRAN", "iran", "name")]  # case-insensitive alias
    assert surfaces("let us go") == []  # 'US' is case-sensitive


def test_aliases_in_other_scripts():
    assert surfaces("ایران و جمهوری آذربایجان") == [("ایران", "iran", "script"), ("جمهوری آذربایجان", "azerbaijan", "script")]
    assert [e for _, e, _ in surfaces("İran və Azərbaycan, Bakı və İlham Əliyev")] == ["iran", "azerbaijan", "azerbaijan", "ilham-aliyev"]
    assert surfaces("ایرانی") == [("ایرانی", "iran", "script")]  # the adjective, not the name inside it


def test_categories_do_not_hide_each_other():
    df = gazetteer.find("the transit route between Azerbaijan and Armenia")
    assert set(zip(df.category, df.entity_id)) == {("corridor", "tripp"), ("actor", "azerbaijan"), ("actor", "armenia")}


def test_find_on_empty_text_has_the_columns():
    assert list(gazetteer.find("").columns) == gazetteer.FIND_COLUMNS


# ---- corpus mentions -------------------------------------------------------------------------
def test_mentions_columns_and_citations(corpus):
    m = gazetteer.mentions(corpus)
    assert list(m.columns) == gazetteer.MENTION_COLUMNS
    for r in m.sample(20, random_state=0).itertuples():
        assert corpus[r.doc_id].text[r.start:r.end] == r.surface
        assert corpus.cite(r.citation).find(r.surface) >= 0


def test_mentions_are_cached_per_corpus(corpus):
    assert gazetteer.mentions(corpus) is not gazetteer.mentions(corpus)  # copies out…
    key = [k for k in corpus.cache if isinstance(k, tuple) and k[0] == "araz.gazetteer.mentions"]
    assert len(key) == 1  # …of one cached computation


def test_mentions_kinds_filter(corpus):
    assert set(gazetteer.mentions(corpus, kinds=["corridor"])["category"]) == {"corridor"}
    assert set(gazetteer.mentions(corpus, kinds="metonym")["kind"]) == {"metonym"}
    with pytest.raises(ScopeError, match="unknown kind"):
        gazetteer.mentions(corpus, kinds=["nickname"])


def test_persian_and_azerbaijani_corpus(tmp_path):
    folder = make_corpus(tmp_path, {
        "fa.md": ({"title": "fa", "outlet": "Example", "published": "2024-01-01", "language": "fa"},
                  "ایران و آذربایجان همکاری می‌کنند. باکو موافقت کرد. عراقچی به باکو رفت."),
        "az.md": ({"title": "az", "outlet": "Example", "published": "2024-01-02", "language": "az"},
                  "İran və Azərbaycan razılaşdı. Rəsmi Bakı bəyanat verdi."),
    })
    m = gazetteer.mentions(araz.load_corpus(folder))
    fa = m[m.doc_id == "fa"]
    assert fa[["surface", "entity_id", "sentence"]].values.tolist() == [
        ["ایران", "iran", 1], ["آذربایجان", "azerbaijan", 1], ["باکو", "azerbaijan", 2],
        ["عراقچی", "abbas-araghchi", 3], ["باکو", "azerbaijan", 3]]
    assert bool(fa.iloc[1]["ambiguous"])  # آذربایجان also names the Iranian region
    az = m[m.doc_id == "az"]
    assert az["surface"].tolist() == ["İran", "Azərbaycan", "Rəsmi Bakı"]


# ---- user gazetteers and bad rows ---------------------------------------------------------------
def test_a_user_corpus_brings_its_own_gazetteer(tmp_path):
    folder = make_corpus(tmp_path, {"a.md": ({"title": "a", "outlet": "X", "published": "2024"},
                                             "The Caspian Littoral Forum met. Ayatollah Sistani spoke.")})
    (folder / "gazetteer").mkdir()
    (folder / "gazetteer" / "actors.csv").write_text(
        "entity_id,label,type,country,role,role_years,source,note\n"
        "ali-sistani,Ali al-Sistani,person,IRQ,Grand Ayatollah,unknown,lecturer's note,\n", encoding="utf-8")
    (folder / "gazetteer" / "actor_aliases.csv").write_text(
        "entity_id,alias,kind,lang,case_sensitive,ambiguous,note\n"
        "ali-sistani,Ayatollah Sistani,name,en,false,false,\n"
        "caspian-sea,Caspian Littoral,label,en,false,false,\n", encoding="utf-8")
    m = gazetteer.mentions(araz.load_corpus(folder))
    assert m[["surface", "entity_id"]].values.tolist() == [["Caspian Littoral", "caspian-sea"], ["Ayatollah Sistani", "ali-sistani"]]


def write_aliases(tmp_path, rows):
    p = tmp_path / "actor_aliases.csv"
    p.write_text("entity_id,alias,kind,lang,case_sensitive,ambiguous,note\n" + rows, encoding="utf-8")
    return p


def test_alias_of_an_unknown_entity_names_file_line_and_column(tmp_path):
    p = write_aliases(tmp_path, "iran,Persia-land,label,en,false,false,\natlantis,Atlantis,name,en,false,false,\n")
    with pytest.raises(TableError) as info:
        gazetteer.load_gazetteer(extra=[p])
    assert "actor_aliases.csv, line 3: field 'entity_id': 'atlantis' is not in actors.csv or corridors.csv" in str(info.value)


def test_bad_kind_and_boolean_name_the_row(tmp_path):
    p = write_aliases(tmp_path, "iran,Iranistan,nickname,en,maybe,false,\n")
    with pytest.raises(TableError) as info:
        gazetteer.load_gazetteer(extra=[p])
    text = str(info.value)
    assert "line 2: field 'kind': 'nickname' is not allowed" in text
    assert "line 2: field 'case_sensitive': 'maybe' is not a valid boolean" in text


def test_an_alias_naming_two_entities_is_rejected(tmp_path):
    p = write_aliases(tmp_path, "armenia,Tehran,metonym,en,false,false,\n")
    with pytest.raises(TableError, match=r"line 2: field 'alias': 'Tehran' already names 'iran'"):
        gazetteer.load_gazetteer(extra=[p])


def test_an_unknown_gazetteer_file_name_is_rejected(tmp_path):
    p = tmp_path / "people.csv"
    p.write_text("x\n", encoding="utf-8")
    with pytest.raises(TableError, match="people.csv: is not a gazetteer table I know"):
        gazetteer.load_gazetteer(extra=[p])


def test_shipped_actor_csvs_match_their_builder():
    import subprocess, sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, str(root / "tools" / "gazetteer" / "build_actors.py"), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_cavusoglu_served_two_terms_as_foreign_minister():
    row = gazetteer.load_gazetteer().entities.set_index("entity_id").loc["mevlut-cavusoglu"]
    assert row.role_years == "2014-2015; 2015-2023"
    assert "24 November 2015" in row.source and "4 June 2023" in row.source


@pytest.mark.parametrize("iso", ["AZE", "ARM", "IRN", "TUR", "RUS", "USA", "GEO"])
def test_defence_ministers_2020_2025_are_listed_with_years_and_a_source(iso):
    ents = gazetteer.load_gazetteer().entities
    defence = ents[(ents["type"] == "person") & (ents["country"] == iso) & ents["role"].str.contains("Defen[cs]e", regex=True)]
    assert not defence.empty, iso
    # someone held the office in 2020-2025: a term that overlaps those years
    def overlaps(years):
        for term in str(years).split("; "):
            a, _, b = term.partition("-")
            if int(a) <= 2025 and (not b or int(b) >= 2020):
                return True
        return False
    assert defence["role_years"].map(overlaps).any(), iso
    assert (defence["source"].str.len() > 20).all()


def test_new_office_holders_are_found_in_text_with_their_other_spellings():
    text = ("Ambassador Toivo Klaar met Zakir Həsənov; Мария Захарова and Дмитрий Песков spoke; "
            "عزیز نصیرزاده and ناصر کنعانی were named, and Hikmət Hacıyev replied.")
    found = set(gazetteer.find(text)["entity_id"])
    assert {"toivo-klaar", "zakir-hasanov", "maria-zakharova", "dmitry-peskov", "aziz-nasirzadeh",
            "nasser-kanaani", "hikmet-hajiyev"} <= found


def _terms(ents, role_pattern):
    """(start, end) years of every term whose role matches, from the '; '-aligned role and role_years
    (one role with several terms, as Çavuşoğlu's, applies to each)."""
    import re
    out = []
    for role, years in zip(ents["role"], ents["role_years"]):
        roles, spans = str(role).split("; "), str(years).split("; ")
        if len(roles) == 1:
            roles = roles * len(spans)
        for r, y in zip(roles, spans):
            if re.fullmatch(role_pattern, r) and y != "unknown":
                a, _, b = y.partition("-")
                out.append((int(a), int(b) if b else 9999))
    return out


@pytest.mark.parametrize("country,role_pattern", [
    ("IRN", "President of Iran"), ("IRN", "(acting )?Minister of Foreign Affairs of Iran"),
    ("AZE", "President of Azerbaijan"), ("AZE", "Prime Minister of Azerbaijan"), ("AZE", "Minister of Foreign Affairs of Azerbaijan"),
    ("ARM", "President of Armenia"), ("ARM", "Prime Minister of Armenia"), ("ARM", "Minister of Foreign Affairs of Armenia"),
    ("TUR", "President of Turkey.*"), ("TUR", "Minister of Foreign Affairs of Turkey"),
    ("RUS", "President of Russia"), ("RUS", "Prime Minister of Russia"), ("RUS", "Minister of Foreign Affairs of Russia"),
    ("GEO", "President of Georgia"), ("GEO", "Prime Minister of Georgia"), ("GEO", "Minister of Foreign Affairs of Georgia"),
    ("USA", "President of the United States"), ("USA", "Secretary of State of the United States"),
])
def test_heads_of_state_and_government_and_foreign_ministers_cover_every_year_2020_2025(country, role_pattern):
    ents = gazetteer.load_gazetteer().entities
    people = ents[(ents["type"] == "person") & (ents["country"] == country)]
    terms = _terms(people, role_pattern)
    missing = [y for y in range(2020, 2026) if not any(a <= y <= b for a, b in terms)]
    assert not missing, (country, role_pattern, missing)


def test_second_pass_office_holders_have_dated_sources_and_are_found_in_text():
    ents = gazetteer.load_gazetteer().entities.set_index("entity_id")
    added = ["juansher-burchuladze", "irakli-chikovani", "pete-hegseth", "kaja-kallas", "philip-reeker", "louis-bono",
             "igor-khovaev", "dmitry-medvedev", "mojtaba-demirchilu", "abbas-badakhshan-zohouri", "ali-alizada",
             "erkan-ozoral", "cahit-bagci", "birol-akgun", "levan-dzhagaryan", "alexey-dedov", "mikhail-evdokimov"]
    for eid in added:
        row = ents.loc[eid]
        assert row.type == "person" and row.role and row.role_years not in ("", "unknown"), eid
        assert any(str(y) in row.source for y in range(2011, 2027)), (eid, "a dated source")
    # Medvedev was head of government in January 2020, before Mishustin
    assert ents.loc["dmitry-medvedev", "role_years"].startswith("2012-2020")
    text = ("Example Daily (example.org), an invented report: Juansher Burchuladze handed over to Ираклий Чиковани; "
            "Pete Hegseth and Kaja Kallas spoke; Philip Reeker and Louis L. Bono met Игорь Ховаев and Dmitry Medvedev. "
            "Муджтаба Демирчилу, Abbas Badakhshan Zohouri, Ali Alizade, Erkan Özoral, Cahit Bağçı, Birol Akgün, "
            "لوان جاگاریان, Alexey Dedov and Михаил Евдокимов attended.")
    found = set(gazetteer.find(text)["entity_id"])
    assert set(added) <= found, set(added) - found


def test_recall_articles_hold_urls_and_names_only_and_name_real_entities():
    import csv
    from araz.paths import shipped
    rows = list(csv.DictReader((shipped("gazetteer") / "recall_articles.csv").open(encoding="utf-8")))
    assert len({r["article_id"] for r in rows}) >= 7
    assert all(r["url"].startswith("https://") for r in rows)
    known = set(gazetteer.load_gazetteer().entities["entity_id"])
    for r in rows:
        assert not r["entity_id"] or r["entity_id"] in known, r
        assert len(r["person"].split()) <= 4, "a person's name, not article text"
    years = {r["published"][:4] for r in rows}
    assert years <= {"2022", "2023", "2024", "2025"}


def test_measure_recall_counts_a_person_as_found_only_through_the_gazetteer(tmp_path):
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "tools" / "gazetteer" / "measure_recall.py"
    spec = importlib.util.spec_from_file_location("measure_recall", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    table = tmp_path / "t.csv"
    table.write_text("article_id,url,published,person,entity_id,note\n"
                     "A,https://example.org/a,2024,Jeyhun Bayramov,jeyhun-bayramov,\n"
                     "A,https://example.org/a,2024,Arlo Fenwick,,invented\n"
                     "A,https://example.org/a,2024,Hakan Fidan,hakan-fidan,named in the table but not in the text\n",
                     encoding="utf-8")
    (tmp_path / "A.txt").write_text("Example Daily: Foreign Minister Jeyhun Bayramov met Arlo Fenwick.", encoding="utf-8")
    [(aid, url, found, named, missed)] = mod.measure(tmp_path, table)
    assert (aid, found, named) == ("A", 1, 3)
    assert missed == ["Arlo Fenwick", "Hakan Fidan"]
    [(_, _, found, named, missed)] = mod.measure(tmp_path, table, exclude={"hakan-fidan"})
    assert (found, named, missed) == (1, 2, ["Arlo Fenwick"])
    (tmp_path / "A.txt").unlink()
    with pytest.raises(SystemExit, match="no excerpt for article A"):
        mod.measure(tmp_path, table)
