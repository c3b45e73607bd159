"""araz.formats.three_plus_three, made fast (plain lists instead of a pandas filter per document),
gives the tables of the pandas version it replaced, row for row, dtype for dtype.

``reference_build`` below is that version, copied verbatim from src/araz/formats.py as it was
before (commit 6821e06; only its name and ``_resolve_title``'s changed): the specification the
fast code must meet on the shipped corpus (with its claims ledger), on the benchmarks'
synthetic articles (shipped sentences recombined, so every rule fires many times) and on
invented edge cases (mentions starting at the same offset, a title resolved by date).
"""
from __future__ import annotations

import re

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import araz
from araz import gazetteer as _gaz
from araz.formats import (_ANAPHORS, _CLAUSE_END, _POSSESSIVE, _PRONOUN, _PROPOSED_BY, _PURPOSE, _TITLE, FORMAT_ID,
                          GROUPING_COLUMNS, MEMBERSHIP_COLUMNS, MENTION_COLUMNS, PROPOSER_COLUMNS, PURPOSE_COLUMNS,
                          SIX, SOUTH_CAUCASUS, WINDOW, ThreePlusThree, _asserted_by, _build, _clip_words, _ledger,
                          _voice)
from conftest import make_corpus

TABLES = ("mentions", "membership", "groupings", "proposer", "purpose")


# ---- the reference: the pandas version, as it was ------------------------------------------
def _old_resolve_title(phrase: str, m_in: pd.DataFrame, gaz, date) -> tuple[str, str]:
    """('azerbaijan', 'Ilham Aliyev') for 'the President of Azerbaijan' at ``date``; ('', '') otherwise."""
    t = _TITLE.match(phrase.strip())
    states = m_in[m_in["entity_type"] == "state"]
    if not t or states.empty:
        return (states["entity_id"].iloc[0] if len(states) else ""), ""
    state = states["entity_id"].iloc[0]
    iso = gaz.entities.set_index("entity_id").at[state, "country"]
    role = t.group("role").lower().replace("foreign minister", "minister of foreign affairs")
    people = gaz.entities[(gaz.entities["type"] == "person") & (gaz.entities["country"] == iso)]
    for p in people.itertuples():
        roles = [r.strip().lower() for r in str(p.role).split(";")]
        years = [y.strip() for y in str(p.role_years).split(";")]
        for r, y in zip(roles, years):
            if not r.startswith(role) or "acting" in r:
                continue
            a, _, b = y.partition("-")
            if a.isdigit() and int(a) <= date.year and (not b or int(b) >= date.year):
                return state, p.label
    return state, ""


def reference_build(corpus, window: int = WINDOW) -> ThreePlusThree:
    gaz = _gaz.for_corpus(corpus)
    allm = _gaz.mentions(corpus, gazetteer=gaz)
    sents = corpus.sentences
    outlets = corpus.documents.set_index("doc_id")["outlet"]
    starts = corpus.documents.set_index("doc_id")["published_start"]
    led = _ledger(corpus)
    ment_rows, member_rows, group_rows, prop_rows, purpose_rows = [], [], [], [], []
    for doc_id in corpus.doc_ids:
        ds = sents[sents["doc_id"] == doc_id].reset_index(drop=True)
        dm = allm[allm["doc_id"] == doc_id]
        explicit = dm[dm["entity_id"] == FORMAT_ID]
        if explicit.empty:
            continue
        outlet = outlets[doc_id]
        doc_author = corpus[doc_id].author
        author = f"{doc_author} ({outlet})" if doc_author != "unknown" else f"{outlet} (unsigned)"
        pos_of = {c: i for i, c in enumerate(ds["citation"])}
        text = corpus[doc_id].text
        ex_pos = sorted({pos_of[c] for c in explicit["citation"]})
        for r in explicit.itertuples():
            ment_rows.append((doc_id, outlet, r.citation, r.start, r.end, r.surface, "explicit", "gazetteer alias of three-plus-three", ds.at[pos_of[r.citation], "text"]))
        mention_pos = set(ex_pos)
        for i, s in ds.iterrows():
            if not any(0 <= i - e <= window for e in ex_pos):
                continue
            for mt in _ANAPHORS.finditer(s["text"]):
                a, b = s["start"] + mt.start(), s["start"] + mt.end()
                if ((explicit["start"] < b) & (explicit["end"] > a)).any():
                    continue
                ment_rows.append((doc_id, outlet, s["citation"], a, b, text[a:b], "anaphor",
                                  f"anaphor within {window} sentences after an explicit mention", s["text"]))
                mention_pos.add(i)
        # membership statements
        context = set()
        for p in mention_pos:
            context.update(range(p, min(p + window, len(ds) - 1) + 1))
        for i in sorted(context):
            s = ds.iloc[i]
            sm = dm[(dm["citation"] == s["citation"]) & dm["entity_id"].isin(SIX) & (dm["kind"] == "name")].sort_values("start")
            if sm["entity_id"].nunique() < 3:
                continue
            context.update(range(i, min(i + window, len(ds) - 1) + 1))  # what follows a membership statement is context too
            groups, cur, prev_end = [], [], None
            for r in sm.itertuples():
                between = text[prev_end:r.start] if prev_end is not None else ""
                if cur and not re.fullmatch(r"\s*[-–—]\s*|\s*,\s*|\s*,?\s+and\s+", between):
                    groups.append(cur)
                    cur = []
                cur.append(r)
                prev_end = r.end
            if cur:
                groups.append(cur)
            asserted, voice = _asserted_by(led, s["citation"], _voice(s["text"], sm["start"].iloc[0] - s["start"]), author, "3+3/membership")
            canon = []
            for gi, grp in enumerate(groups, start=1):
                after_end = groups[gi][0].start if gi < len(groups) else s["end"]
                after = text[grp[-1].end:after_end]
                before_start = groups[gi - 2][-1].end if gi > 1 else s["start"]
                before = text[before_start:grp[0].start]
                lab = re.match(r"\s*\)?\s*as\s+(the\s+[\w\s-]+?)(?=\s+and\b|[,.;)]|$)", after)
                if lab:
                    label = lab.group(1).strip()
                else:
                    bb = re.search(r"((?:[\w-]+\s+){0,2}[\w-]+)\s*\(\s*$", before)
                    label = bb.group(1) if bb else before.strip(" ,(")[-40:]
                    label = re.sub(r"^(?:brings\s+together|together|and|of)\s+", "", label.strip())
                names = [g.surface for g in grp]
                ids = tuple(g.entity_id for g in grp)
                member_rows.append((doc_id, outlet, s["citation"], gi, ", ".join(names), ids, label, s["text"], voice, asserted))
                canon.append(tuple(sorted(g.label for g in grp)))
            grouping = " | ".join(" · ".join(c) for c in sorted(canon))
            sc = any(set(g.entity_id for g in grp) == SOUTH_CAUCASUS for grp in groups)
            group_rows.append([doc_id, outlet, corpus[doc_id].date_label, s["citation"], grouping, sc, ""])
        # proposer and purpose, in context sentences
        for i in sorted(context):
            s = ds.iloc[i]
            st = s["text"]
            sm = dm[dm["citation"] == s["citation"]].sort_values("start")
            actors_in = sm[sm["category"] == "actor"]
            for mt in _PROPOSED_BY.finditer(st):
                who = mt.group("who").strip()
                a, b = s["start"] + mt.start("who"), s["start"] + mt.end("who")
                inside = actors_in[(actors_in["start"] >= a) & (actors_in["end"] <= b)]
                pid, person = _old_resolve_title(who, inside, gaz, starts[doc_id])
                asserted, voice = _asserted_by(led, s["citation"], _voice(st, mt.start()), author, "3+3/proposer")
                prop_rows.append((doc_id, outlet, s["citation"], who, pid, person, "origin of the format", "the 3+3 format", voice,
                                  asserted, st[mt.start():mt.end()].strip(), "'proposed by X'"))
            for mt in _POSSESSIVE.finditer(st):
                poss = s["start"] + mt.start()
                owner = actors_in[actors_in["end"] == poss]
                if owner.empty:
                    continue
                o = owner.iloc[-1]
                rest = mt.group("rest")
                hosting = re.match(r"\s+to\s+(?:host|hold)\b", rest)
                what = _clip_words(rest.strip(), 14) if hosting else "the 3+3 format"
                kind = "hosting a meeting" if hosting else "origin of the format"
                topic = "3+3/next-meetings" if hosting else "3+3/proposer"
                asserted, voice = _asserted_by(led, s["citation"], _voice(st, mt.start()), author, topic)
                evidence = text[int(o["start"]):s["start"] + mt.end("rest") if hosting else s["start"] + mt.start("rest")].strip()
                prop_rows.append((doc_id, outlet, s["citation"], o["surface"], o["entity_id"], "", kind, what, voice,
                                  asserted, _clip_words(evidence, 20), "\"X's proposal\""))
            for mt in _PRONOUN.finditer(st):
                first = actors_in[actors_in["entity_type"].isin(["state", "person"])]
                if first.empty:
                    continue
                o = first.iloc[0]
                asserted, voice = _asserted_by(led, s["citation"], _voice(st, mt.start()), author, "3+3/proposer")
                prop_rows.append((doc_id, outlet, s["citation"], f"{mt.group('pro')} → {o['surface']}", o["entity_id"], "", "origin of the format",
                                  "the 3+3 format", voice, asserted,
                                  st[mt.start():mt.end()], f"pronoun '{mt.group('pro')}' → first actor named in the sentence"))
            for mt in _PURPOSE.finditer(st):
                tail = st[mt.start():]
                end = _CLAUSE_END.search(tail, len(mt.group("marker")))
                clause = tail[:end.start()] if end else tail
                asserted, voice = _asserted_by(led, s["citation"], _voice(st, mt.start()), author)
                purpose_rows.append((doc_id, outlet, s["citation"], mt.group("marker"), _clip_words(clause.strip()), voice, asserted))
    groupings = pd.DataFrame(group_rows, columns=GROUPING_COLUMNS)
    for i, r in groupings.iterrows():
        same = groupings[(groupings["grouping"] == r["grouping"]) & (groupings["doc_id"] != r["doc_id"])]["doc_id"]
        groupings.at[i, "same_grouping_as"] = ", ".join(sorted(set(same)))
    proposer = pd.DataFrame(prop_rows, columns=PROPOSER_COLUMNS).drop_duplicates(["citation", "proposer_id", "proposal_kind"])
    return ThreePlusThree(
        mentions=pd.DataFrame(ment_rows, columns=MENTION_COLUMNS).sort_values(["doc_id", "start"], key=lambda c: c.map({d: i for i, d in enumerate(corpus.doc_ids)}) if c.name == "doc_id" else c).reset_index(drop=True),
        membership=pd.DataFrame(member_rows, columns=MEMBERSHIP_COLUMNS),
        groupings=groupings,
        proposer=proposer.reset_index(drop=True),
        purpose=pd.DataFrame(purpose_rows, columns=PURPOSE_COLUMNS).drop_duplicates(["citation", "purpose"]).reset_index(drop=True),
    )




# ---- the comparison --------------------------------------------------------------------------
def assert_same(corpus, window: int = WINDOW) -> ThreePlusThree:
    new, old = _build(corpus, window), reference_build(corpus, window)
    for name in TABLES:
        assert_frame_equal(getattr(new, name), getattr(old, name), check_exact=True, obj=name)
    return new


def test_the_shipped_corpus_with_its_claims_ledger(corpus):
    t = assert_same(corpus)
    assert len(_ledger(corpus)) > 0 and all(len(getattr(t, n)) > 0 for n in TABLES)
    assert assert_same(corpus, window=0) is not None and assert_same(corpus, window=5) is not None


@pytest.fixture(scope="module")
def synthetic():
    from benchmarks.synthetic_store import synthetic_documents

    return araz.Corpus(list(synthetic_documents(160, seed=7)), progress=False)


def test_synthetic_articles_every_rule_fires(synthetic):
    t = assert_same(synthetic)
    # the comparison means something only if every table has many rows, of several kinds
    assert t.mentions["how"].value_counts().to_dict().keys() == {"explicit", "anaphor"}
    assert len(t.membership) > 20 and len(t.purpose) > 20
    assert set(t.proposer["rule"].str[:8]) >= {"'propose", "\"X's pro", "pronoun "}
    assert t.groupings["same_grouping_as"].str.len().gt(0).any()
    assert (t.proposer["resolved_person"] != "").any()


def test_invented_edge_cases(tmp_path, monkeypatch):
    text = (
        "Example Daily reports that the 3+3 format met in Exampletown. "
        "This format gathers Azerbaijan-Russia-Armenia as the northern bloc and Georgia, Iran and Turkey "
        "as the southern bloc, in order to discuss invented transit fees. "
        "Iran's proposal to host the next round was noted; their earlier proposal was proposed by the President "
        "of Azerbaijan in Examplecity. "
        "All six of those countries agreed “to end the invented dispute”, the other five countries said.\n"
        "A second 3+3 meeting, the “3 + 3” regional format, was proposed by Turkey, which aims to promote trade. "
        "The initiative brings together (Armenia, Azerbaijan, Georgia) and Iran, Russia, Turkey.")
    folder = make_corpus(tmp_path, {
        "a.md": ({"title": "Invented", "outlet": "Example Daily", "author": "A. Writer", "published": "2021-05"}, text),
        "b.md": ({"title": "Invented 2", "outlet": "Example Weekly", "published": "2016-02-03"}, text),
        "c.md": ({"title": "Nothing", "outlet": "Example Weekly", "published": "2024-01-01"},
                 "Solid formats of cooperation between Iran and Turkey."),
    })
    c = araz.load_corpus(folder, cache=False)
    t = assert_same(c)
    assert set(t.mentions["doc_id"]) == {"a", "b"} and len(t.membership) >= 4 and len(t.proposer) >= 3
    # mentions that start at the same offset (each state mention twice): ties are ordered as
    # pandas' sort_values orders them (a quicksort, not stable), in both versions
    m = _gaz.mentions(c)
    twice = pd.concat([m, m[m["entity_id"].isin(SIX)].assign(label="Zz")])
    tied = twice.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    monkeypatch.setattr(_gaz, "mentions", lambda corpus, *a, **k: tied)
    tied_t = assert_same(c)
    assert len(tied_t.membership) > len(t.membership)  # the doubled names are read (each one starts a group)
