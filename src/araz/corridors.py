"""Transport corridors: the gazetteer of routes, their waypoints, and how each source names them.

The routes are curated in ``data/gazetteer/corridors.csv`` (one row per route, crossing or
initiative, each naming its public source), their spellings in ``corridor_aliases.csv`` and the
places they pass through in ``waypoints.csv``. Mentions are found by the one matcher of
:mod:`araz.gazetteer` (all aliases of actors, corridors and the 3+3 format in one pass); this
module keeps the corridor ones and groups them by source.

>>> import araz
>>> corpus = araz.load_corpus()
>>> sorted(set(mentions(corpus)["entity_id"]))[:3]
['aras-corridor', 'bri', 'instc']
"""
from __future__ import annotations

import pandas as pd

from .corpus import Corpus
from .errors import Issue, ScopeError, TableError
from .paths import shipped
from .tables import read_table

MENTION_COLUMNS = ["doc_id", "paragraph", "sentence", "start", "end", "surface", "entity_id", "label",
                   "kind", "citation"]
BY_SOURCE_COLUMNS = ["doc_id", "outlet", "perspective", "published", "entity_id", "label", "type",
                     "n_mentions", "surfaces", "citations"]


def load_corridors(path=None) -> pd.DataFrame:
    """Return the corridor gazetteer, one row per route.

    Columns: ``entity_id, label, type`` (road, rail, multimodal, bridge, dam, initiative),
    ``states`` (ISO 3166-1 alpha-3 codes separated by ``|``), ``description, source, note``.
    ``path`` defaults to the shipped ``data/gazetteer/corridors.csv``; a bad row raises
    :class:`araz.TableError` naming file, line and column.

    >>> load_corridors().set_index("entity_id").loc["aras-corridor", "states"]
    'AZE|IRN'
    """
    return read_table(path or shipped("gazetteer", "corridors.csv"), "corridors")


def aliases(path=None, corridors_path=None) -> pd.DataFrame:
    """Return every spelling of every corridor (the columns of ``actor_aliases.csv``).

    Columns: ``entity_id, alias, kind, lang, case_sensitive, ambiguous, note``. An alias whose
    ``entity_id`` is not in the corridor gazetteer raises :class:`araz.TableError`.

    >>> a = aliases()
    >>> sorted(a[a.entity_id == "aras-corridor"].alias)[:2]
    ['Aras River Transit Corridor', 'Aras corridor']
    """
    path = path or shipped("gazetteer", "corridor_aliases.csv")
    df = read_table(path, "corridor_aliases")
    _check_ids(df, path, load_corridors(corridors_path))
    return df


def waypoints(entity_id: str | list[str] | None = None, *, path=None, corridors_path=None) -> pd.DataFrame:
    """Return the places each route passes through, in order, with coordinates.

    Columns: ``entity_id, label, order, place, lat, lon, country, source, note``.
    ``entity_id`` selects one route (or a list); an unknown id raises :class:`araz.ScopeError`.
    Routes without waypoints (an initiative such as the BRI) have no rows.

    >>> waypoints("aras-corridor")["place"].tolist()
    ['Aghband', 'Ordubad', 'Julfa']
    """
    corridors = load_corridors(corridors_path)
    path = path or shipped("gazetteer", "waypoints.csv")
    df = read_table(path, "waypoints")
    _check_ids(df, path, corridors)
    _check_order(df, path)
    labels = corridors.set_index("entity_id")["label"]
    df.insert(1, "label", df["entity_id"].map(labels))
    if entity_id is not None:
        wanted = [entity_id] if isinstance(entity_id, str) else list(entity_id)
        unknown = [e for e in wanted if e not in labels.index]
        if unknown:
            raise ScopeError(f"unknown corridor {', '.join(repr(u) for u in unknown)}; "
                             f"known: {', '.join(labels.index)}")
        df = df[df["entity_id"].isin(wanted)]
    return df.sort_values(["entity_id", "order"], kind="stable").reset_index(drop=True)


def _check_ids(df: pd.DataFrame, path, corridors: pd.DataFrame) -> None:
    known = set(corridors["entity_id"])
    lines = df.attrs.get("lines") or list(range(2, len(df) + 2))
    issues = [Issue(str(path), line, "entity_id",
                    f"'{eid}' is not a corridor of corridors.csv; add it there or fix the id")
              for eid, line in zip(df["entity_id"], lines) if eid not in known]
    if issues:
        raise TableError(issues)


def _check_order(df: pd.DataFrame, path) -> None:
    lines = df.attrs.get("lines") or list(range(2, len(df) + 2))
    issues = []
    for eid, group in pd.DataFrame({"e": df["entity_id"], "o": df["order"], "line": lines}).groupby("e", sort=False):
        expected = list(range(1, len(group) + 1))
        if sorted(group["o"]) != expected:
            issues.append(Issue(str(path), int(group["line"].iloc[-1]), "order",
                                f"the waypoints of '{eid}' are numbered {sorted(group['o'].tolist())}; "
                                f"number them 1 to {len(group)} without gaps"))
    if issues:
        raise TableError(issues)


def mentions(corpus: Corpus) -> pd.DataFrame:
    """Return every mention of a corridor in the corpus, one row per mention.

    Columns: ``doc_id, paragraph, sentence, start, end, surface, entity_id, label, kind,
    citation`` (plus any further columns the gazetteer gives, such as ``ambiguous``). ``surface``
    is the text as written; ``start/end`` are offsets into the document text; extra columns
    from the gazetteer: ``entity_type`` (the route's type), ``ambiguous``, ``alias``. This is
    :func:`araz.gazetteer.mentions` restricted to ``category == "corridor"``.

    >>> import araz
    >>> m = mentions(araz.load_corpus())
    >>> m[m.entity_id == "zangezur-corridor"][["surface", "citation"]].values.tolist()
    [['Zangezur Corridor', 'alwaght-2025-araghchi-baku ¶16.2']]
    """
    def compute():
        from . import gazetteer

        m = gazetteer._table(corpus)
        m = m[(m["category"] == "corridor").to_numpy()]
        extra = [c for c in m.columns if c not in MENTION_COLUMNS and c != "category"]
        return m[MENTION_COLUMNS + extra].reset_index(drop=True)

    return corpus.cached(("corridors", "mentions"), compute).copy(deep=False)  # copy-on-write


def by_source(corpus: Corpus) -> pd.DataFrame:
    """Return which document talks about which route, in which words, how often, and where.

    One row per (document, route) pair. Columns: ``doc_id, outlet, perspective, published``
    (the document's date label), ``entity_id, label, type, n_mentions``, ``surfaces`` (the
    words used, each with its count, e.g. ``“Araz Corridor” ×1``) and ``citations`` (the
    sentences, ``; ``-separated). Sorted by publication date, then document, then route.

    >>> import araz
    >>> b = by_source(araz.load_corpus())
    >>> b[b.entity_id == "aras-corridor"][["doc_id", "surfaces"]].values.tolist()[0]
    ['anon-2025-pezeshkian-visit', '“Araz Corridor” ×1']
    """
    m = mentions(corpus)
    docs = corpus.documents.set_index("doc_id")
    rows = []
    for (doc_id, eid), g in m.groupby(["doc_id", "entity_id"], sort=False):
        counts = g["surface"].value_counts(sort=False)
        surfaces = " · ".join(f"“{s}” ×{n}" for s, n in counts.items())
        cites = "; ".join(dict.fromkeys(g["citation"]))
        d = docs.loc[doc_id]
        rows.append((doc_id, d["outlet"], d["perspective"], d["date_label"], eid, g["label"].iloc[0],
                     g["entity_type"].iloc[0] if "entity_type" in g else "unknown", len(g), surfaces, cites))
    out = pd.DataFrame(rows, columns=BY_SOURCE_COLUMNS)
    if out.empty:
        return out
    order = {d: i for i, d in enumerate(corpus.documents.sort_values(["published_start", "doc_id"])["doc_id"])}
    out["_o"] = out["doc_id"].map(order)
    return out.sort_values(["_o", "entity_id"]).drop(columns="_o").reset_index(drop=True)


def source_matrix(corpus: Corpus, by: str = "doc_id") -> pd.DataFrame:
    """Return mention counts with one row per route and one column per document (or outlet).

    ``by`` is ``"doc_id"`` or ``"outlet"``; cells are numbers of mentions (0 when a source
    never names the route). Routes no document mentions are left out.

    >>> import araz
    >>> int(source_matrix(araz.load_corpus()).loc["Belt and Road Initiative (BRI)", "mehr-2021-korybko"])
    2
    """
    if by not in ("doc_id", "outlet"):
        raise ScopeError(f"by='{by}' is not supported; use 'doc_id' or 'outlet'")
    b = by_source(corpus)
    columns = list(dict.fromkeys(corpus.documents.sort_values(["published_start", "doc_id"])[by]))
    if b.empty:
        return pd.DataFrame(columns=columns, dtype=int)
    table = b.pivot_table(index="label", columns=by, values="n_mentions", aggfunc="sum", fill_value=0)
    return table.reindex(columns=columns, fill_value=0).astype(int).rename_axis(index="route", columns=by)


__all__ = ["load_corridors", "aliases", "waypoints", "mentions", "by_source", "source_matrix"]
