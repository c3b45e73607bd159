"""The claims ledger, the topics on which sources differ, and contested names.

* :func:`ledger` — every claim of ``annotations/claims.csv``, checked against the corpus
  (the quote must stand verbatim at its citation);
* :func:`disagreements` — the topics on which sources take different stances, with the
  differing claims side by side; :func:`side_by_side` shows one topic as columns;
* :func:`compare` — what two or more documents say on the same topics;
* :func:`names` / :func:`name_mentions` — variant names of the same thing
  (``gazetteer/names.csv``), where each occurs and which outlets use it.

**Rule for "sources differ".** A *source* is a pair (document, ``asserted_by``): an outlet's
own voice and a speaker it quotes are different sources, even in the same article. A topic
is a disagreement when at least two claims on it come from different sources **and** carry
different ``stance`` values. Stances are slugs chosen by the annotator; the same position gets
the same slug within a topic (see ``data/schemas/claims.json``). No list of topics is built in.

>>> import araz
>>> from araz import claims
>>> corpus = araz.load_corpus()
>>> len(claims.ledger(corpus)) >= 30
True
>>> "3+3/proposer" in set(claims.disagreements(corpus)["topic"])
True
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .corpus import Corpus, parse_citation
from .errors import CitationError, Issue, TableError

CLAIM_COLUMNS = ["claim_id", "topic", "doc_id", "citation", "quote", "asserted_by", "voice", "stance", "note"]
LEDGER_COLUMNS = CLAIM_COLUMNS + ["outlet", "date_label", "start", "end"]
DISAGREEMENT_COLUMNS = ["topic", "stance", "n_stances", "within_document", "claim_ids", "doc_ids", "outlets",
                        "asserted_by", "voices", "citations", "quotes", "notes"]
NAME_COLUMNS = ["name_id", "concept", "variant", "match", "listed_as", "source", "note"]
NAMES_OUT = ["concept", "name_id", "variant", "listed_as", "n", "outlets", "doc_ids", "citations", "source", "note"]
MENTION_COLUMNS = ["concept", "name_id", "variant", "doc_id", "outlet", "citation", "start", "end", "surface"]
SEP = " | "

_QMAP = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " "})


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_QMAP)).strip()


# --------------------------------------------------------------------------- helpers
def _read(path, schema: str) -> pd.DataFrame:
    from .tables import read_table

    return read_table(path, schema)


def home_corpus(corpus: Corpus) -> Corpus:
    """The whole corpus an annotation file belongs to (``corpus`` itself unless it is a subset).

    ``corpus.subset(...)`` keeps the folder of the full corpus, so its annotation files may
    name documents outside the subset; those rows are checked against the full corpus and then
    left out, rather than reported as unknown documents.
    """
    def load():
        from .corpus import load_corpus

        if corpus.root is None:
            return corpus
        full = load_corpus() if corpus.is_shipped else load_corpus(corpus.root)
        return corpus if set(full.doc_ids) == set(corpus.doc_ids) else full

    return corpus.cached(("araz.claims.home",), load)


def _where(df: pd.DataFrame, i: int) -> tuple[str, int | None]:
    lines = df.attrs.get("lines") or []
    return df.attrs.get("source", "table"), (lines[i] if i < len(lines) else None)


def check_citation(corpus: Corpus, citation: str, doc_id: str | None = None) -> str:
    """Return the text at ``citation`` or raise ``ValueError`` saying what is wrong (used by every table check)."""
    try:
        cdoc, _, _ = parse_citation(citation)
    except CitationError as exc:
        raise ValueError(str(exc)) from None
    if doc_id is not None and cdoc != doc_id:
        raise ValueError(f"'{citation}' points into {cdoc}, but the row's doc_id is {doc_id}; cite a sentence of the row's document")
    if cdoc not in corpus:
        known = ", ".join(sorted(corpus.doc_ids)[:6])
        raise ValueError(f"document '{cdoc}' is not in the corpus (known: {known}{' …' if len(corpus) > 6 else ''}); fix the doc_id or add the document")
    try:
        return corpus.cite(citation)
    except CitationError as exc:
        raise ValueError(f"{exc}; cite an existing sentence (araz.load_corpus().sentences lists them)") from None


# --------------------------------------------------------------------------- ledger
def _claims_file(corpus: Corpus) -> Path | None:
    return corpus.annotation_file("claims.csv")


def _build_ledger(corpus: Corpus, path: Path | None) -> pd.DataFrame:
    if path is None or not Path(path).exists():
        return pd.DataFrame(columns=LEDGER_COLUMNS)
    raw = _read(path, "claims")
    home = home_corpus(corpus)
    issues: list[Issue] = []
    rows = []
    for i, r in enumerate(raw.itertuples(index=False)):
        src, line = _where(raw, i)
        if r.doc_id not in home:
            known = ", ".join(sorted(home.doc_ids)[:6])
            issues.append(Issue(src, line, "doc_id", f"'{r.doc_id}' is not a document of the corpus (known: {known}{' …' if len(home) > 6 else ''}); fix the doc_id or add the document"))
            continue
        try:
            sentence = check_citation(home, r.citation, r.doc_id)
        except ValueError as exc:
            issues.append(Issue(src, line, "citation", str(exc)))
            continue
        pos = sentence.find(r.quote)
        if pos < 0:
            hint = ("it differs only in quote marks or spaces: copy it exactly from corpus.cite(citation)"
                    if _norm(r.quote) in _norm(sentence) else
                    f"the sentence there reads: \"{sentence[:160]}{'…' if len(sentence) > 160 else ''}\"; copy the quote verbatim from it")
            issues.append(Issue(src, line, "quote", f"\"{r.quote[:80]}{'…' if len(r.quote) > 80 else ''}\" is not at {r.citation}; {hint}"))
            continue
        if r.doc_id not in corpus:
            continue  # a subset: the row is valid but outside it
        span = home.locate(r.citation)
        doc = corpus[r.doc_id]
        rows.append({**r._asdict(), "outlet": doc.outlet, "date_label": doc.date_label,
                     "start": span.start + pos, "end": span.start + pos + len(r.quote)})
    if issues:
        raise TableError(issues)
    out = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    out["start"] = out["start"].astype("int64")
    out["end"] = out["end"].astype("int64")
    return out


def ledger(corpus: Corpus, path=None) -> pd.DataFrame:
    """Return the claims ledger of ``corpus``, every row checked: one row per claim.

    Columns: ``claim_id, topic, doc_id, citation, quote, asserted_by, voice, stance, note``
    (as in the CSV), then ``outlet, date_label`` of the document and ``start, end``, the
    character offsets of the quote in the document text.

    The table is ``annotations/claims.csv`` of the corpus (the shipped one, or
    ``<folder>/annotations/claims.csv`` of a user corpus), or ``path``. Every bad row raises one
    :class:`araz.TableError` naming file, line and column: unknown ``doc_id``, a citation that
    is malformed, points into another document or out of range, or a quote that is not at the
    citation. A user corpus without a claims file gets an empty ledger.

    >>> import araz
    >>> led = ledger(araz.load_corpus())
    >>> row = led.iloc[0]
    >>> row.quote in araz.load_corpus().cite(row.citation)
    True
    """
    p = Path(path) if path is not None else _claims_file(corpus)
    key = ("araz.claims.ledger", str(p))
    return corpus.cached(key, lambda: _build_ledger(corpus, p)).copy()


# --------------------------------------------------------------------------- disputed claims
DISPUTED = "Disputed"


def is_disputed(note) -> bool:
    """True when a ledger ``note`` marks its claim as disputed (the note begins with "Disputed").

    The annotator writes "Disputed." (or "Disputed:") at the head of the note when the public
    record contradicts the claim or does not bear it out; the rest of the note says what the
    record says. Every place the kit shows such a claim must show the note with it.

    >>> is_disputed("Disputed. Public record: seven documents were signed."), is_disputed("Confirmed: 1 Dec 2025.")
    (True, False)
    """
    return isinstance(note, str) and note.lstrip().startswith(DISPUTED)


def disputed(corpus: Corpus, *, path=None) -> pd.DataFrame:
    """Return the ledger rows whose note marks the claim as disputed (columns of :func:`ledger`).

    >>> import araz
    >>> d = disputed(araz.load_corpus())
    >>> "ftribune-2025-araghchi-baku ¶9.2" in set(d["citation"])
    True
    """
    led = ledger(corpus, path)
    return led[led["note"].map(is_disputed)].reset_index(drop=True)


# --------------------------------------------------------------------------- disagreements
def _join(values) -> str:
    seen = []
    for v in values:
        v = "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v)
        if v not in seen:
            seen.append(v)
    return SEP.join(seen)


def disagreements(corpus: Corpus, *, path=None) -> pd.DataFrame:
    """Return the topics on which sources differ, one row per (topic, stance).

    Rule: a *source* is (``doc_id``, ``asserted_by``); a topic is listed when claims from at
    least two different sources carry different ``stance`` values. All of the topic's claims
    are shown, grouped by stance, so the positions stand side by side.

    Columns: ``topic, stance, n_stances`` (number of stances on the topic),
    ``within_document`` (True when all the differing sources are in one document, e.g. an
    author and the speaker they quote), then ``claim_ids, doc_ids, outlets, asserted_by, voices,
    citations, quotes, notes`` — several values joined with ``" | "``: ``claim_ids``,
    ``asserted_by``, ``voices``, ``citations`` and ``quotes`` stay aligned claim by claim;
    ``doc_ids``, ``outlets`` and ``notes`` list each distinct value once.

    >>> import araz
    >>> d = disagreements(araz.load_corpus())
    >>> sorted(d.loc[d.topic == "war-2025-06/azerbaijani-territory", "stance"])
    ['asserted', 'denied']
    """
    led = ledger(corpus, path)
    out = []
    for topic, grp in led.groupby("topic", sort=True):
        if grp["stance"].nunique() < 2:
            continue
        sources = list(zip(grp["doc_id"], grp["asserted_by"], grp["stance"]))
        differ = any(a[2] != b[2] and a[:2] != b[:2] for i, a in enumerate(sources) for b in sources[i + 1:])
        if not differ:
            continue
        within = grp["doc_id"].nunique() == 1
        for stance, g in grp.groupby("stance", sort=False):
            out.append({
                "topic": topic, "stance": stance, "n_stances": int(grp["stance"].nunique()), "within_document": bool(within),
                "claim_ids": _join(g["claim_id"]), "doc_ids": _join(g["doc_id"]), "outlets": _join(g["outlet"]),
                "asserted_by": SEP.join(g["asserted_by"]), "voices": SEP.join(g["voice"]), "citations": SEP.join(g["citation"]),
                "quotes": SEP.join(g["quote"]), "notes": _join(n for n in g["note"] if n),
            })
    return pd.DataFrame(out, columns=DISAGREEMENT_COLUMNS)


def side_by_side(corpus: Corpus, topic: str, *, path=None) -> pd.DataFrame:
    """Return one topic's claims as columns, one column per stance.

    Each cell reads ``“quote” — asserted_by (citation)``; rows are filled from the top, so a
    stance with fewer claims has empty cells below. Raises :class:`araz.QueryError` for a topic
    the ledger does not have.

    >>> import araz
    >>> list(side_by_side(araz.load_corpus(), "3+3/membership").columns)
    ['az-ru-am+ir-tr-ge', 'am-az-ge+ir-tr-ru']
    """
    from .errors import QueryError

    led = ledger(corpus, path)
    grp = led[led["topic"] == topic]
    if grp.empty:
        known = ", ".join(sorted(led["topic"].unique())[:12])
        raise QueryError(f"no claims on topic '{topic}'; topics in the ledger: {known} …")
    cols = {}
    for stance, g in grp.groupby("stance", sort=False):
        cols[stance] = [f"“{r.quote}” — {r.asserted_by} ({r.citation})" for r in g.itertuples()]
    n = max(len(v) for v in cols.values())
    return pd.DataFrame({k: v + [""] * (n - len(v)) for k, v in cols.items()})


def compare(corpus: Corpus, doc_ids, *, topic_prefix: str | None = None, path=None) -> pd.DataFrame:
    """Return what each of ``doc_ids`` claims on each topic: one row per topic, one column per document.

    Cells read ``[stance] “quote” (citation)`` (several claims joined with a line break); an
    empty cell means the document makes no claim on that topic — itself worth noticing.
    ``topic_prefix`` keeps topics that start with it (e.g. ``"visit-2025-12"``).

    >>> import araz
    >>> t = compare(araz.load_corpus(), ["alwaght-2025-araghchi-baku", "ftribune-2025-araghchi-baku"], topic_prefix="visit-2025-12")
    >>> "visit-2025-12/framing" in t["topic"].tolist()
    True
    """
    from .errors import QueryError

    doc_ids = list(doc_ids)
    missing = [d for d in doc_ids if d not in corpus]
    if missing:
        raise QueryError(f"not in the corpus: {', '.join(missing)}")
    led = ledger(corpus, path)
    led = led[led["doc_id"].isin(doc_ids)]
    if topic_prefix:
        led = led[led["topic"].str.startswith(topic_prefix)]
    rows = []
    for topic, grp in led.groupby("topic", sort=True):
        row = {"topic": topic}
        for d in doc_ids:
            g = grp[grp["doc_id"] == d]
            row[d] = "\n".join(f"[{r.stance}] “{r.quote}” ({r.citation})" for r in g.itertuples())
        rows.append(row)
    return pd.DataFrame(rows, columns=["topic", *doc_ids])


# --------------------------------------------------------------------------- names
def sentence_index(corpus: Corpus) -> dict:
    """``{doc_id: (starts, citations)}`` of every sentence, for fast offset → citation lookups (cached per corpus)."""
    def build():
        out = {}
        s = corpus.sentences
        for doc_id, g in s.groupby("doc_id", sort=False):
            out[doc_id] = (g["start"].tolist(), g["end"].tolist(), g["citation"].tolist())
        return out

    return corpus.cached(("araz.claims.sentence_index",), build)


def citation_at(corpus: Corpus, doc_id: str, offset: int) -> str:
    """The citation of the sentence of ``doc_id`` containing character ``offset`` ('' if none)."""
    from bisect import bisect_right

    starts, ends, cits = sentence_index(corpus).get(doc_id, ([], [], []))
    i = bisect_right(starts, offset) - 1
    return cits[i] if i >= 0 and offset < ends[i] else ""


def _names_table(table) -> pd.DataFrame:
    from .paths import shipped

    if isinstance(table, pd.DataFrame):
        missing = [c for c in NAME_COLUMNS if c not in table.columns and c not in ("source", "note")]
        if missing:
            raise TableError([Issue("names table", None, m, "column is missing") for m in missing])
        df = table.copy()
        for c in ("source", "note"):
            if c not in df.columns:
                df[c] = ""
        return df[NAME_COLUMNS]
    path = shipped("gazetteer", "names.csv") if table is None else Path(table)
    df = _read(path, "names")
    issues = []
    for i, r in enumerate(df.itertuples(index=False)):
        src, line = _where(df, i)
        if r.listed_as == "context" and not str(r.source).strip():
            issues.append(Issue(src, line, "source", f"variant '{r.variant}' is listed as context, so it needs a public source (outlet, title or address, date)"))
        if not [m for m in r.match.split("|") if m.strip()]:
            issues.append(Issue(src, line, "match", "give at least one surface form"))
    if issues:
        raise TableError(issues)
    return df


def _concept_pattern(forms: list[str]) -> re.Pattern:
    """One regex for all surface forms of a concept, longest first (so the longest match wins at a position)."""
    alts = "|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f)))
    return re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])")


def name_mentions(corpus: Corpus, table=None) -> pd.DataFrame:
    """Return every occurrence of a contested-name variant in the corpus, one row per occurrence.

    Columns: ``concept, name_id, variant, doc_id, outlet, citation`` (the sentence),
    ``start, end`` (offsets in the document text), ``surface`` (the text matched).
    Matching is exact and case-sensitive on word boundaries; within one concept the longest
    match wins ("Israeli regime" is not also counted as "Israeli"). ``table``: a path or a
    DataFrame with the columns of ``gazetteer/names.csv`` (default: the shipped one).

    >>> import araz
    >>> m = name_mentions(araz.load_corpus())
    >>> sorted(set(m.loc[m.name_id == "isr-tel-aviv", "outlet"]))
    ['Alwaght']
    """
    tab = _names_table(table)

    def compute():
        # Why an automaton first: a regex scan of every document once per concept (11 concepts)
        # tries the pattern at every character (~2 s per 3,000 articles). One Aho-Corasick pass
        # over each text finds every place a surface form occurs; a concept's regex is then
        # tried only there, from left to right, skipping what a match already covered — which
        # is exactly what ``finditer`` would find (a match can only begin where a form begins).
        import ahocorasick

        concepts = []
        for concept, grp in tab.groupby("concept", sort=False):
            variant_of = {}
            for r in grp.itertuples():
                for f in r.match.split("|"):
                    if f.strip():
                        variant_of.setdefault(f.strip(), (r.name_id, r.variant))
            concepts.append((concept, variant_of, _concept_pattern(list(variant_of))))
        where: dict[str, set[int]] = {}
        for ci, (_, variant_of, _) in enumerate(concepts):
            for f in variant_of:
                where.setdefault(f, set()).add(ci)
        found = [[] for _ in concepts]  # rows per concept: the order of the concept-by-concept scan
        if where:
            auto = ahocorasick.Automaton()
            for f, cis in where.items():
                auto.add_word(f, (len(f), tuple(sorted(cis))))
            auto.make_automaton()
            for doc in corpus:
                text = doc.text
                starts: dict[int, set[int]] = {}
                for end, (n, cis) in auto.iter(text):
                    for ci in cis:
                        starts.setdefault(ci, set()).add(end - n + 1)
                for ci in sorted(starts):
                    concept, variant_of, pat = concepts[ci]
                    pos = 0
                    for at in sorted(starts[ci]):
                        if at < pos:
                            continue
                        m = pat.match(text, at)
                        if m is None:
                            continue
                        pos = m.end()
                        nid, variant = variant_of[m.group(0)]
                        found[ci].append((concept, nid, variant, doc.doc_id, doc.outlet,
                                          citation_at(corpus, doc.doc_id, m.start()), m.start(), m.end(), m.group(0)))
        out = pd.DataFrame([row for rows in found for row in rows], columns=MENTION_COLUMNS)
        return out.sort_values(["concept", "name_id", "doc_id", "start"], kind="stable").reset_index(drop=True)

    key = ("araz.claims.name_mentions", int(pd.util.hash_pandas_object(tab, index=False).sum()))
    return corpus.cached(key, compute).copy()


def names(corpus: Corpus, table=None) -> pd.DataFrame:
    """Return the contested names: one row per variant, with its occurrences and the outlets that use it.

    Columns: ``concept, name_id, variant, listed_as`` (``corpus`` or ``context``), ``n``
    (occurrences in this corpus), ``outlets``, ``doc_ids``, ``citations`` (joined with
    ``" | "``), ``source`` (the public source of a context variant), ``note``.
    Context variants are listed even with ``n == 0``; a user corpus that uses one gets its
    occurrences counted like any other.

    >>> import araz
    >>> n = names(araz.load_corpus())
    >>> n.set_index("name_id").loc["war2020-second-karabakh-war", "outlets"]
    'caspian-alpine.org'
    """
    tab = _names_table(table)
    men = name_mentions(corpus, table)
    rows = []
    for r in tab.itertuples(index=False):
        m = men[men["name_id"] == r.name_id]
        rows.append({"concept": r.concept, "name_id": r.name_id, "variant": r.variant, "listed_as": r.listed_as,
                     "n": int(len(m)), "outlets": _join(m["outlet"]), "doc_ids": _join(m["doc_id"]),
                     "citations": _join(m["citation"]), "source": r.source, "note": r.note})
    return pd.DataFrame(rows, columns=NAMES_OUT)


__all__ = ["ledger", "disputed", "is_disputed", "disagreements", "side_by_side", "compare", "names", "name_mentions", "home_corpus", "check_citation",
           "citation_at"]
