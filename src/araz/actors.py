"""Who is spoken about, and how: actor mentions, per-document profiles, co-occurrence, unknown names.

Everything here is computed from :func:`araz.gazetteer.mentions` (one pass of the matcher per
corpus, cached), keeping the *kind* of each mention apart: a **name** ("Iran"), a **metonym**
("Tehran", "Official Baku"), a **demonym** ("Iranian"), a **label** ("the Islamic Republic",
"Israeli regime"), a **transliteration** ("Aliev"), an **abbreviation** ("SCO") or a name in
another **script** ("ایران").

>>> import araz
>>> corpus = araz.load_corpus()
>>> p = profile(corpus)
>>> p[(p.doc_id == "alwaght-2025-araghchi-baku") & (p.entity_id == "israel")][["names", "metonyms", "labels", "demonyms", "total"]].values.tolist()
[[0, 3, 1, 2, 6]]
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from . import gazetteer as _gaz
from .errors import ScopeError

KIND_COLUMNS = {  # alias kind -> profile column
    "name": "names", "metonym": "metonyms", "label": "labels", "demonym": "demonyms",
    "transliteration": "transliterations", "abbreviation": "abbreviations", "script": "scripts",
}
PROFILE_COLUMNS = ["doc_id", "outlet", "entity_id", "label", "entity_type", *KIND_COLUMNS.values(), "total"]
EDGE_COLUMNS = ["source", "target", "source_label", "target_label", "weight", "n_docs", "citations"]
CANDIDATE_COLUMNS = ["candidate", "title", "count", "n_docs", "citations", "first_citation", "context"]


def mentions(corpus, kinds=None) -> pd.DataFrame:
    """Return the actor and format mentions of ``corpus`` (corridors left out).

    Columns as :func:`araz.gazetteer.mentions`: ``doc_id, paragraph, sentence, start, end,
    surface, entity_id, label, kind, entity_type, category, ambiguous, alias, citation``.
    ``kinds`` keeps only those alias kinds (e.g. ``["metonym", "label"]``).

    >>> import araz
    >>> m = mentions(araz.load_corpus(), kinds=["label"])
    >>> sorted(set(m["surface"]))
    ['Israeli regime', 'the Islamic Republic', 'the Supreme Leader']
    """
    df = _gaz._table(corpus)
    df = df[(df["category"] != "corridor").to_numpy()]
    if kinds is not None:
        wanted = {kinds} if isinstance(kinds, str) else set(kinds)
        bad = wanted - set(KIND_COLUMNS)
        if bad:
            raise ScopeError(f"unknown kind(s) {sorted(bad)}; use {', '.join(KIND_COLUMNS)}")
        df = df[df["kind"].isin(wanted)]
    return df.reset_index(drop=True)


def profile(corpus, types=None) -> pd.DataFrame:
    """Return mentions per actor per document, with the alias kinds kept apart as columns.

    Columns: ``doc_id, outlet, entity_id, label, entity_type, names, metonyms, labels,
    demonyms, transliterations, abbreviations, scripts, total``; sorted by document order
    then ``total`` (descending). ``types`` keeps only some entity types (``["state"]``).

    >>> import araz
    >>> p = profile(araz.load_corpus(), types=["state"])
    >>> p[p.entity_id == "iran"].set_index("doc_id")["metonyms"].to_dict()["alwaght-2025-araghchi-baku"]
    9
    """
    m = mentions(corpus)
    if types is not None:
        m = m[m["entity_type"].isin([types] if isinstance(types, str) else list(types))]
    if m.empty:
        return pd.DataFrame(columns=PROFILE_COLUMNS)
    counts = pd.crosstab([m["doc_id"], m["entity_id"]], m["kind"])
    for kind in KIND_COLUMNS:
        if kind not in counts:
            counts[kind] = 0
    counts = counts[list(KIND_COLUMNS)].rename(columns=KIND_COLUMNS).reset_index()
    counts.columns.name = None
    counts["total"] = counts[list(KIND_COLUMNS.values())].sum(axis=1)
    first = m.drop_duplicates("entity_id").set_index("entity_id")
    counts["label"] = counts["entity_id"].map(first["label"])
    counts["entity_type"] = counts["entity_id"].map(first["entity_type"])
    outlets = corpus.documents.set_index("doc_id")["outlet"]
    counts["outlet"] = counts["doc_id"].map(outlets)
    order = {d: i for i, d in enumerate(corpus.doc_ids)}
    counts["_o"] = counts["doc_id"].map(order)
    counts = counts.sort_values(["_o", "total", "entity_id"], ascending=[True, False, True]).drop(columns="_o")
    for c in KIND_COLUMNS.values():
        counts[c] = counts[c].astype(int)
    counts["total"] = counts["total"].astype(int)
    return counts[PROFILE_COLUMNS].reset_index(drop=True)


def cooccurrence(corpus, unit: str = "sentence", *, types=None, min_weight: int = 1) -> pd.DataFrame:
    """Return the weighted edge table of actors named in the same sentence (or paragraph).

    Columns: ``source, target`` (entity ids, ``source < target``), ``source_label,
    target_label``, ``weight`` (number of units naming both), ``n_docs`` (documents with at
    least one such unit), ``citations`` (list of the units' citations). An actor named twice
    in one unit counts once. ``types`` keeps only some entity types; pairs with a weight
    below ``min_weight`` are dropped. Sorted by weight, descending.

    >>> import araz
    >>> e = cooccurrence(araz.load_corpus())
    >>> row = e[(e.source == "iran") & (e.target == "israel")].iloc[0]
    >>> int(row.weight), row.citations[0]
    (4, 'alwaght-2025-araghchi-baku ¶1.1')
    """
    if unit not in ("sentence", "paragraph"):
        raise ScopeError(f"unit must be 'sentence' or 'paragraph', not {unit!r}")
    m = mentions(corpus)
    if types is not None:
        m = m[m["entity_type"].isin([types] if isinstance(types, str) else list(types))]
    if m.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    keys = ["doc_id", "paragraph"] + (["sentence"] if unit == "sentence" else [])
    u = m[keys + ["entity_id"]].drop_duplicates()
    if unit == "sentence":
        u = u.assign(unit=u["doc_id"] + " ¶" + u["paragraph"].astype(str) + "." + u["sentence"].astype(str))
    else:
        u = u.assign(unit=u["doc_id"] + " ¶" + u["paragraph"].astype(str))
    order = {d: i for i, d in enumerate(corpus.doc_ids)}
    u = u.assign(_o=u["doc_id"].map(order)).sort_values(["_o"] + keys[1:]).drop(columns="_o")
    pairs = u.merge(u[["unit", "entity_id"]], on="unit", suffixes=("", "_b"))
    pairs = pairs[pairs["entity_id"] < pairs["entity_id_b"]]
    if pairs.empty:
        return pd.DataFrame(columns=EDGE_COLUMNS)
    grouped = pairs.groupby(["entity_id", "entity_id_b"], sort=False)
    edges = pd.DataFrame({
        "weight": grouped["unit"].size(),
        "n_docs": grouped["doc_id"].nunique(),
        "citations": grouped["unit"].agg(list),
    }).reset_index().rename(columns={"entity_id": "source", "entity_id_b": "target"})
    labels = m.drop_duplicates("entity_id").set_index("entity_id")["label"]
    edges["source_label"] = edges["source"].map(labels)
    edges["target_label"] = edges["target"].map(labels)
    edges = edges[edges["weight"] >= min_weight]
    edges = edges.sort_values(["weight", "source", "target"], ascending=[False, True, True])
    return edges[EDGE_COLUMNS].reset_index(drop=True)


# ---- metonyms as grammatical subjects ------------------------------------------------------
SUBJECT_VERBS = frozenset("""is are was were has have had will would can could should must may might does did do
continues continue remains needs wants seeks says said sees views considers insists believes claims accuses
rejects rejected denies hopes expects aims plans supports opposes welcomes demands warns calls urges intends
knows regards signals declares wishes fears shows tries refuses accepts argues""".split())
_ADVERBS = frozenset("also still now already never firmly strongly reportedly reportedly officially thus then".split())
_PREPOSITIONS = frozenset("in to of with from between at for by on into towards toward against about over under via".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _verbish(word: str) -> bool:
    w = word.lower()
    return w in SUBJECT_VERBS or (len(w) > 4 and w.endswith("ed") and "-" not in w)


def metonyms(corpus) -> pd.DataFrame:
    """Return every metonym mention with whether it is the grammatical subject of its clause.

    Columns: the columns of :func:`mentions`, plus ``as_subject`` (bool), ``verb`` (the word
    that made it a subject, or ``""``) and ``sentence_text``.

    Rule (a heuristic, documented so it can be argued with): a metonym is a subject when it
    is not governed by a preposition (``to Baku``, ``in Tehran``) and is followed — directly,
    after one adverb such as "also", or after ``and`` + another actor mention — by a finite
    verb: an auxiliary or common reporting verb (is, has, needs, continues, …) or a word
    ending in ``-ed``. ``Official Baku continues``, ``Tehran detected``, ``Tehran and Baku
    had`` are subjects; ``visit to Baku``, ``Tehran-Baku relations`` are not.

    >>> import araz
    >>> t = metonyms(araz.load_corpus())
    >>> t[t.as_subject][["surface", "verb", "citation"]].values.tolist()[:2]
    [['Official Baku', 'continues', 'anon-2025-pezeshkian-visit ¶2.3'], ['Tehran', 'detected', 'alwaght-2025-araghchi-baku ¶9.2']]
    """
    m = mentions(corpus)
    met = m[m["kind"] == "metonym"].copy()
    texts = {d.doc_id: d.text for d in corpus}
    sent_text = corpus.sentences.set_index("citation")["text"]
    by_doc = {d: g.sort_values("start") for d, g in m.groupby("doc_id")}
    subj, verbs = [], []
    for r in met.itertuples():
        text = texts[r.doc_id]
        before = _WORD.findall(text[max(0, r.start - 30):r.start])
        gap_before = text[max(0, r.start - 1):r.start]
        governed = (bool(before) and before[-1].lower() in _PREPOSITIONS and gap_before == " ") or gap_before in ("-", "–")
        rest = text[r.end:r.end + 80]
        verb = ""
        if not governed and rest[:1] == " ":
            words = _WORD.findall(rest)
            i = 0
            if words and words[0].lower() == "and":  # "Tehran and Baku had ..."
                others = by_doc[r.doc_id]
                nxt = others[(others["start"] > r.end) & (others["start"] <= r.end + 6)]
                if not nxt.empty:
                    after = text[int(nxt.iloc[0]["end"]):int(nxt.iloc[0]["end"]) + 60]
                    words = _WORD.findall(after) if after[:1] == " " else []
            if words and words[0].lower() in _ADVERBS:
                i = 1
            if len(words) > i and _verbish(words[i]):
                verb = words[i]
        subj.append(bool(verb))
        verbs.append(verb)
    met["as_subject"] = subj
    met["verb"] = verbs
    met["sentence_text"] = met["citation"].map(sent_text)
    return met.reset_index(drop=True)


# ---- names no gazetteer knows --------------------------------------------------------------
TITLE_WORDS = frozenset("""Mr Ms Mrs Dr Prof President Presidents Prime Minister Ministers Ministry Foreign Speaker Parliament
Ambassador Ambassadors Secretary General Deputy Vice Acting Chairman Chairwoman King Queen Sheikh Ayatollah Gen Col Lt
Defence Defense Affairs Spokesman Spokeswoman Spokesperson Senator Governor FM Envoy Chief Head Director Commander Leader
Official Officials Council""".split())
# A lower-case word right before a name that makes it a titled name ("the ministry's spokesman
# Z", "Azerbaijan's envoy Y"); capitalised titles are TITLE_WORDS, stripped from the run itself.
TITLE_LOWER = frozenset("""president minister ambassador envoy spokesman spokeswoman spokesperson deputy adviser advisor
aide assistant secretary speaker chairman chairwoman chief head director commander governor general counterpart
representative negotiator""".split()) | frozenset(w.lower() for w in TITLE_WORDS)
CALENDAR_WORDS = frozenset("""January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())
STOP_WORDS = frozenset("""The A An In On At To For Of And But Or Nor So Yet This That These Those It Its He She They We
I You His Her Their Our My Your Yes No Not As If When While Although Though Despite After Before During With
From By Also However Today Yesterday Tomorrow Last Next Both All Each Every Some Any Such There Here Then Thus
Now Still Even Only Just Which Who Whom Whose What Where Why How""".split())
CONNECTORS = frozenset("of the and for de al del la von van bin ibn".split())
_TOKEN = re.compile(r"\w+(?:['’\-.]\w+)*")


def _tokens(text: str):
    return [(mt.start(), mt.end(), mt.group()) for mt in _TOKEN.finditer(text)]


def candidates(corpus, *, min_count: int = 1) -> pd.DataFrame:
    """Return capitalised names in the text that no gazetteer alias covers: what to add next.

    Columns: ``candidate`` (as written), ``title`` (the title the text puts before the name,
    e.g. "Deputy Prime Minister", "Ambassador", "envoy"; empty when it never has one),
    ``count``, ``n_docs``, ``citations`` (list of sentence citations), ``first_citation``,
    ``context`` (the first sentence, shortened).

    **Order.** Titled names first ("Foreign Minister X", "Ambassador Y", "Deputy …", "the
    ministry's spokesman Z"): a name that follows a title is almost always a person, and the
    people a gazetteer misses are what a lecturer adding articles most needs to see. Within
    each group, by count (descending), then alphabetically.

    Rules: a *run* is a sequence of capitalised words separated by single spaces, which may
    contain ``of``/``the``/``and``… between capitalised words ("Institute of Strategic
    Studies"). Titles (President, Minister, Ambassador, Mr…), months and weekdays do not make
    a name. A word that opens a sentence counts only if the same word is also capitalised
    somewhere mid-sentence in the corpus (so "Experience shows…" is not a name). A run whose
    capitalised words are all covered by gazetteer mentions (or titles) is known, not a
    candidate; a run mixing known and unknown words ("Second Karabakh War") is reported whole.

    >>> import araz
    >>> c = candidates(araz.load_corpus())
    >>> "Bandar Abbas" in set(c.candidate), "Experience" in set(c.candidate)
    (True, False)
    """
    m = _gaz.mentions(corpus)
    covered: dict[str, np.ndarray] = {}
    for d in corpus:  # character mask of what the gazetteer already covers
        covered[d.doc_id] = np.zeros(len(d.text) + 1, dtype=np.int32)
    for doc_id, g in m.groupby("doc_id"):
        mask = covered[doc_id]
        np.add.at(mask, g["start"].to_numpy(), 1)
        np.add.at(mask, g["end"].to_numpy(), -1)
    covered = {d: np.cumsum(v)[:-1] > 0 for d, v in covered.items()}
    sents = corpus.sentences
    mid_caps: set[str] = set()
    tokenised = []
    for r in sents.itertuples(index=False):
        toks = _tokens(r.text)
        tokenised.append(toks)
        for j, (_, _, w) in enumerate(toks):
            if j > 0 and w[:1].isupper():
                mid_caps.add(w)

    def known(r, a, b, w) -> bool:
        """A token is known when it is a title/stop word or every capitalised part is covered."""
        w2 = re.sub(r"['’]s$", "", w)
        if w2 in TITLE_WORDS or w in CALENDAR_WORDS or w in STOP_WORDS or w in CONNECTORS:
            return True
        mask = covered[r.doc_id]
        pos = a
        for part in re.split(r"([-.])", w2):
            if part and part[:1].isupper() and not mask[r.start + pos:r.start + pos + len(part)].all():
                return False
            pos += len(part)
        return True

    found: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}  # candidate -> the first title seen before it
    contexts: dict[str, str] = {}
    for r, toks in zip(sents.itertuples(index=False), tokenised):
        runs, cur = [], []
        for j, (a, b, w) in enumerate(toks):
            cap = w[:1].isupper()
            adjacent = bool(cur) and r.text[cur[-1][1]:a] == " "
            if cap or (w in CONNECTORS and cur and adjacent):
                if cur and not adjacent:
                    runs.append(cur)
                    cur = []
                cur.append((a, b, w, j))
            else:
                if cur:
                    runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        for run in runs:
            if run and run[0][3] == 0 and run[0][2] not in mid_caps:
                run = run[1:]  # sentence-initial word not otherwise capitalised
            before = toks[run[0][3] - 1][2] if run and run[0][3] > 0 else ""
            titled = [before] if before.lower() in TITLE_LOWER else []
            while run and known(r, *run[0][:3]):
                if run[0][2] in TITLE_WORDS:
                    titled.append(run[0][2])
                run = run[1:]
            while run and known(r, *run[-1][:3]):
                run = run[:-1]
            if not run:
                continue
            text = re.sub(r"['’]s$", "", r.text[run[0][0]:run[-1][1]])
            found[text].append(r.citation)
            if titled and text not in titles:
                titles[text] = " ".join(w for i, w in enumerate(titled) if i == 0 or w != titled[i - 1])
            contexts.setdefault(text, r.text if len(r.text) <= 200 else r.text[:197] + "…")
    rows = []
    for cand, cits in found.items():
        docs = {c.split(" ¶")[0] for c in cits}
        if len(cits) >= min_count:
            rows.append((cand, titles.get(cand, ""), len(cits), len(docs), cits, cits[0], contexts[cand]))
    df = pd.DataFrame(rows, columns=CANDIDATE_COLUMNS)
    df["_untitled"] = df["title"] == ""
    df = df.sort_values(["_untitled", "count", "candidate"], ascending=[True, False, True])
    return df.drop(columns="_untitled").reset_index(drop=True)


__all__ = ["mentions", "profile", "cooccurrence", "metonyms", "candidates", "KIND_COLUMNS"]
