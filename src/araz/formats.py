"""The 3+3 regional format: every mention, who is in it, who proposed it, what it is for — per source.

:func:`three_plus_three` reads the text with the rules below (no table typed by hand) and,
where the claims ledger (``araz.claims``) has ``3+3/…`` rows, uses them to say who asserts a
statement (the author, or a quoted speaker). Without a ledger the text rules stand alone.

Rules, each applied per document:

* **explicit mention** — a gazetteer match of the ``three-plus-three`` entity ("3+3",
  "3 + 3 format", "“3+3” regional format", "۳+۳", …);
* **anaphoric mention** — "this/the/that format|mechanism|platform|initiative", "(all) six
  (of those …) countries", "the other five countries" count only in the sentence of an
  explicit mention or in the ``window`` (2) sentences after it, in the same document.
  "solid formats of cooperation" in a text that never names 3+3 is therefore not counted;
* **context sentences** — the sentences of all mentions and the ``window`` sentences after
  each; membership, proposer and purpose are only looked for there;
* **membership** — a context sentence that names at least three of the six states (Armenia,
  Azerbaijan, Georgia, Iran, Russia, Turkey). Its state mentions are split into groups:
  names joined only by hyphens/dashes ("Azerbaijan-Russia-Armenia") or only by commas/"and"
  are one group; any other words, or a closing bracket, start a new group. A group's label
  is the phrase "as the …" after it, or the words before its opening bracket;
* **proposer** — "proposed by X", "X's … proposal", "its/their … proposal" (the pronoun is
  resolved to the first actor named in the sentence). "X's proposal to host/hold …" is a
  proposal to host a meeting, not the origin of the format. "The President of X" is
  resolved to the person whose role and years in ``actors.csv`` match the document's date;
* **purpose** — in context sentences, the clause that starts at "to end / to discuss / to
  resolve / to help / to ensure / in order to / aimed at / would contribute to / could
  result in …", cut at the end of the clause (at most 18 words).

A statement inside “…” is ``voice = "quoted"``, otherwise ``"author"``.

>>> import araz
>>> t = three_plus_three(araz.load_corpus())
>>> t.sources_group_differently, t.proposal_attributed_differently
(True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from . import gazetteer as _gaz

FORMAT_ID = "three-plus-three"
SIX = ("armenia", "azerbaijan", "georgia", "iran", "russia", "turkey")
SOUTH_CAUCASUS = frozenset({"armenia", "azerbaijan", "georgia"})
WINDOW = 2
_ANAPHORS = re.compile(
    r"\b(?:(?:this|that|the)\s+(?:format|mechanism|platform|initiative)"
    r"|(?:all\s+)?six\s+(?:of\s+)?(?:[\w’'-]+\s+){0,3}?(?:countries|states|nations)"
    r"|(?:the\s+)?other\s+five\s+(?:countries|states|nations))\b", re.IGNORECASE)
_PROPOSED_BY = re.compile(r"\bproposed\s+by\s+(?P<who>[^,.;:“”\"]+?)(?=\s+(?:was|is|were|has|had|in|at|to|and|for)\b|[,.;:“”\"]|$)", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+(?:[\w+\-“”\"]+\s+){0,3}?proposal\b(?P<rest>[^.;]*)", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?P<pro>its|their)\s+(?:[\w+\-“”\"]+\s+){0,3}?proposal\b", re.IGNORECASE)
_PURPOSE = re.compile(
    r"\b(?P<marker>in order to|so as to|aimed at|aims? to|to (?:end|discuss|resolve|help|ensure|promote|strengthen|bring|achieve|foster)"
    r"|would contribute to|will contribute to|could result in|would result in|for achieving)\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;”(\"]|,\s+(?:which|stressing|noting|adding|while|but)\b")
_TITLE = re.compile(r"^(?:the\s+)?(?P<role>President|Prime Minister|Foreign Minister|Minister of Foreign Affairs)\s+of\s+(?P<place>.+)$", re.IGNORECASE)

MENTION_COLUMNS = ["doc_id", "outlet", "citation", "start", "end", "surface", "how", "rule", "context"]
MEMBERSHIP_COLUMNS = ["doc_id", "outlet", "citation", "group", "members", "member_ids", "label", "statement", "voice", "asserted_by"]
GROUPING_COLUMNS = ["doc_id", "outlet", "date_label", "citation", "grouping", "south_caucasus_together", "same_grouping_as"]
PROPOSER_COLUMNS = ["doc_id", "outlet", "citation", "proposer", "proposer_id", "resolved_person", "proposal_kind", "what", "voice", "asserted_by", "evidence", "rule"]
PURPOSE_COLUMNS = ["doc_id", "outlet", "citation", "marker", "purpose", "voice", "asserted_by"]


@dataclass(frozen=True)
class ThreePlusThree:
    """What the corpus says about the 3+3 format; every table carries citations.

    * ``mentions``: ``doc_id, outlet, citation, start, end, surface, how`` (explicit |
      anaphor), ``rule``, ``context`` (the sentence);
    * ``membership``: one row per group of states in a membership statement — ``doc_id,
      outlet, citation, group, members`` (as named, in order), ``member_ids`` (tuple),
      ``label``, ``statement`` (the sentence), ``voice, asserted_by``;
    * ``groupings``: one row per membership statement — ``grouping`` (canonical text, groups
      sorted), ``south_caucasus_together`` (are Armenia, Azerbaijan, Georgia one group?),
      ``same_grouping_as`` (other documents with the same grouping);
    * ``proposer``: ``proposer`` (as written), ``proposer_id``, ``resolved_person`` (for a
      title such as "the President of Azerbaijan"), ``proposal_kind`` ("origin of the format"
      or "hosting a meeting"), ``what``, ``voice, asserted_by, evidence, rule``;
    * ``purpose``: ``marker, purpose`` (verbatim clause), ``voice, asserted_by``.
    """

    mentions: pd.DataFrame
    membership: pd.DataFrame
    groupings: pd.DataFrame
    proposer: pd.DataFrame
    purpose: pd.DataFrame

    @property
    def sources_group_differently(self) -> bool:
        """True when documents group the six states in more than one way."""
        return self.groupings.groupby("doc_id")["grouping"].first().nunique() > 1

    @property
    def proposal_attributed_differently(self) -> bool:
        """True when the origin of the format is credited to more than one actor."""
        origin = self.proposer[self.proposer["proposal_kind"] == "origin of the format"]
        return origin["proposer_id"].nunique() > 1

    def summary(self) -> pd.DataFrame:
        """One row per document: ``doc_id, outlet, mentions, grouping, proposed_by, hosting, purposes``."""
        rows = []
        for doc_id, g in self.mentions.groupby("doc_id", sort=False):
            gr = self.groupings[self.groupings["doc_id"] == doc_id]
            pr = self.proposer[self.proposer["doc_id"] == doc_id]
            origin = pr[pr["proposal_kind"] == "origin of the format"]
            host = pr[pr["proposal_kind"] == "hosting a meeting"]
            rows.append({
                "doc_id": doc_id, "outlet": g["outlet"].iloc[0], "mentions": len(g),
                "grouping": gr["grouping"].iloc[0] if len(gr) else "",
                "proposed_by": "; ".join(f"{r.proposer} ({r.voice}, {r.citation})" for r in origin.itertuples()),
                "hosting": "; ".join(f"{r.proposer}: {r.what} ({r.citation})" for r in host.itertuples()),
                "purposes": int((self.purpose["doc_id"] == doc_id).sum()),
            })
        return pd.DataFrame(rows, columns=["doc_id", "outlet", "mentions", "grouping", "proposed_by", "hosting", "purposes"])


def _voice(sentence: str, offset: int) -> str:
    before = sentence[:offset]
    return "quoted" if before.count("“") > before.count("”") or before.count('"') % 2 == 1 else "author"


def _ledger(corpus) -> pd.DataFrame:
    """The claims ledger rows whose topic starts with '3+3' (empty if there is none)."""
    try:
        from . import claims
    except ImportError:  # the claims module is optional here
        return pd.DataFrame(columns=["topic", "citation", "asserted_by", "voice"])
    try:
        led = claims.ledger(corpus)
    except Exception:  # a broken ledger is reported by araz.claims itself; the text rules stand
        return pd.DataFrame(columns=["topic", "citation", "asserted_by", "voice"])
    return led[led["topic"].astype(str).str.startswith("3+3")]


def _asserted_by(led: pd.DataFrame, citation: str, voice: str, author: str, topic: str | None = None) -> tuple[str, str]:
    """(asserted_by, voice): from the claims ledger row at ``citation`` if any, else the text rule."""
    rows = led[led["citation"] == citation]
    if topic is not None and (rows["topic"] == topic).any():
        rows = rows[rows["topic"] == topic]
    if len(rows):
        return str(rows.iloc[0]["asserted_by"]), str(rows.iloc[0].get("voice", voice) or voice)
    return (author if voice == "author" else "a quoted speaker (not in the claims ledger)"), voice


def _clip_words(text: str, n: int = 18) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


class _Mention(NamedTuple):
    """One gazetteer mention, as the rules below read it (a row of ``gazetteer.mentions``)."""

    citation: str
    start: int
    end: int
    surface: str
    entity_id: str
    label: str
    kind: str
    entity_type: str
    category: str


class _Sentence(NamedTuple):
    start: int
    end: int
    text: str
    citation: str


def _by_doc(frame: pd.DataFrame, row, columns, keep: set) -> dict[str, list]:
    """``{doc_id: [row(...), …]}`` for the documents in ``keep``, in the frame's order: one pass
    over plain lists (the other documents' rows are never made)."""
    frame = frame[frame["doc_id"].isin(keep).to_numpy()]
    out: dict[str, list] = {}
    for doc_id, r in zip(frame["doc_id"].tolist(), map(row, *(frame[c].tolist() for c in columns))):
        out.setdefault(doc_id, []).append(r)
    return out


def _by_start(ms: list) -> list:
    """``ms`` ordered by ``start`` exactly as ``DataFrame.sort_values("start")`` orders them
    (numpy's default quicksort, not stable: ties keep whatever order it gives)."""
    if all(a.start < b.start for a, b in zip(ms, ms[1:])):
        return ms  # already strictly ascending: every sort gives this order
    return [ms[j] for j in np.asarray([m.start for m in ms], dtype=np.int64).argsort(kind="quicksort")]


class _People:
    """Who held which office when, from the gazetteer's entities (read once per call of ``_build``)."""

    def __init__(self, gaz):
        e = gaz.entities
        self.country = dict(zip(e["entity_id"].tolist(), e["country"].tolist()))
        persons = e[e["type"] == "person"]
        self.people = list(zip(persons["country"].tolist(), persons["label"].tolist(), persons["role"].tolist(),
                               persons["role_years"].tolist()))


def _resolve_title(phrase: str, m_in: list, people: _People, date) -> tuple[str, str]:
    """('azerbaijan', 'Ilham Aliyev') for 'the President of Azerbaijan' at ``date``; ('', '') otherwise.

    ``m_in``: the actor mentions inside ``phrase``, in text order."""
    t = _TITLE.match(phrase.strip())
    states = [m for m in m_in if m.entity_type == "state"]
    if not t or not states:
        return (states[0].entity_id if states else ""), ""
    state = states[0].entity_id
    iso = people.country[state]
    role = t.group("role").lower().replace("foreign minister", "minister of foreign affairs")
    for country, label, p_role, p_years in people.people:
        if not country == iso:
            continue
        roles = [r.strip().lower() for r in str(p_role).split(";")]
        years = [y.strip() for y in str(p_years).split(";")]
        for r, y in zip(roles, years):
            if not r.startswith(role) or "acting" in r:
                continue
            a, _, b = y.partition("-")
            if a.isdigit() and int(a) <= date.year and (not b or int(b) >= date.year):
                return state, label
    return state, ""


_GROUP_JOIN = re.compile(r"\s*[-–—]\s*|\s*,\s*|\s*,?\s+and\s+")
_LABEL_AFTER = re.compile(r"\s*\)?\s*as\s+(the\s+[\w\s-]+?)(?=\s+and\b|[,.;)]|$)")
_LABEL_BEFORE = re.compile(r"((?:[\w-]+\s+){0,2}[\w-]+)\s*\(\s*$")
_LABEL_LEAD = re.compile(r"^(?:brings\s+together|together|and|of)\s+")
_HOSTING = re.compile(r"\s+to\s+(?:host|hold)\b")


def _build(corpus, window: int) -> ThreePlusThree:
    # Why plain lists: the rules read one document at a time, and selecting a document's
    # sentences and mentions with a pandas comparison over the whole table costs
    # (documents × rows) — 19 ms a document in a partition of 3,000. The tables are split
    # by document once, here, and every rule below reads Python tuples; the output is the
    # same row for row (tests/test_formats_fast.py compares it with the pandas version).
    gaz = _gaz.for_corpus(corpus)
    allm = _gaz.mentions(corpus, gazetteer=gaz)
    named = set(allm.loc[(allm["entity_id"] == FORMAT_ID).to_numpy(), "doc_id"].tolist())  # only these yield rows
    mentions_of = _by_doc(allm, _Mention, _Mention._fields, named)
    sentences_of = _by_doc(corpus.sentences, _Sentence, _Sentence._fields, named)
    docs = corpus.documents
    outlets = dict(zip(docs["doc_id"].tolist(), docs["outlet"].tolist()))
    starts = docs.set_index("doc_id")["published_start"]
    people = _People(gaz)
    led = _ledger(corpus)
    in_ledger = set(led["citation"].tolist())
    ment_rows, member_rows, group_rows, prop_rows, purpose_rows = [], [], [], [], []
    for doc_id in corpus.doc_ids:
        dm = mentions_of.get(doc_id, [])
        explicit = [m for m in dm if m.entity_id == FORMAT_ID]
        if not explicit:
            continue
        ds = sentences_of.get(doc_id, [])
        outlet = outlets[doc_id]
        doc = corpus[doc_id]
        author = f"{doc.author} ({outlet})" if doc.author != "unknown" else f"{outlet} (unsigned)"

        def asserted_by(citation, voice, topic=None, author=author):
            if citation in in_ledger:
                return _asserted_by(led, citation, voice, author, topic)
            return (author if voice == "author" else "a quoted speaker (not in the claims ledger)"), voice

        in_sentence: dict[str, list] = {}
        for m in dm:
            in_sentence.setdefault(m.citation, []).append(m)
        pos_of = {s.citation: i for i, s in enumerate(ds)}
        text = doc.text
        ex_pos = sorted({pos_of[m.citation] for m in explicit})
        for r in explicit:
            ment_rows.append((doc_id, outlet, r.citation, r.start, r.end, r.surface, "explicit", "gazetteer alias of three-plus-three", ds[pos_of[r.citation]].text))
        mention_pos = set(ex_pos)
        near = sorted({e + k for e in ex_pos for k in range(window + 1)} & set(range(len(ds))))
        for i in near:  # the sentences within ``window`` after an explicit mention
            s = ds[i]
            for mt in _ANAPHORS.finditer(s.text):
                a, b = s.start + mt.start(), s.start + mt.end()
                if any(m.start < b and m.end > a for m in explicit):
                    continue
                ment_rows.append((doc_id, outlet, s.citation, a, b, text[a:b], "anaphor",
                                  f"anaphor within {window} sentences after an explicit mention", s.text))
                mention_pos.add(i)
        # membership statements
        context = set()
        for p in mention_pos:
            context.update(range(p, min(p + window, len(ds) - 1) + 1))
        for i in sorted(context):
            s = ds[i]
            sm = _by_start([m for m in in_sentence.get(s.citation, ()) if m.entity_id in SIX and m.kind == "name"])
            if len({m.entity_id for m in sm}) < 3:
                continue
            context.update(range(i, min(i + window, len(ds) - 1) + 1))  # what follows a membership statement is context too
            groups, cur, prev_end = [], [], None
            for r in sm:
                between = text[prev_end:r.start] if prev_end is not None else ""
                if cur and not _GROUP_JOIN.fullmatch(between):
                    groups.append(cur)
                    cur = []
                cur.append(r)
                prev_end = r.end
            if cur:
                groups.append(cur)
            asserted, voice = asserted_by(s.citation, _voice(s.text, sm[0].start - s.start), "3+3/membership")
            canon = []
            for gi, grp in enumerate(groups, start=1):
                after_end = groups[gi][0].start if gi < len(groups) else s.end
                after = text[grp[-1].end:after_end]
                before_start = groups[gi - 2][-1].end if gi > 1 else s.start
                before = text[before_start:grp[0].start]
                lab = _LABEL_AFTER.match(after)
                if lab:
                    label = lab.group(1).strip()
                else:
                    bb = _LABEL_BEFORE.search(before)
                    label = bb.group(1) if bb else before.strip(" ,(")[-40:]
                    label = _LABEL_LEAD.sub("", label.strip())
                names = [g.surface for g in grp]
                ids = tuple(g.entity_id for g in grp)
                member_rows.append((doc_id, outlet, s.citation, gi, ", ".join(names), ids, label, s.text, voice, asserted))
                canon.append(tuple(sorted(g.label for g in grp)))
            grouping = " | ".join(" · ".join(c) for c in sorted(canon))
            sc = any(set(g.entity_id for g in grp) == SOUTH_CAUCASUS for grp in groups)
            group_rows.append([doc_id, outlet, doc.date_label, s.citation, grouping, sc, ""])
        # proposer and purpose, in context sentences
        for i in sorted(context):
            s = ds[i]
            st = s.text
            actors_in = [m for m in _by_start(in_sentence.get(s.citation, [])) if m.category == "actor"]
            for mt in _PROPOSED_BY.finditer(st):
                who = mt.group("who").strip()
                a, b = s.start + mt.start("who"), s.start + mt.end("who")
                inside = [m for m in actors_in if m.start >= a and m.end <= b]
                pid, person = _resolve_title(who, inside, people, starts[doc_id])
                asserted, voice = asserted_by(s.citation, _voice(st, mt.start()), "3+3/proposer")
                prop_rows.append((doc_id, outlet, s.citation, who, pid, person, "origin of the format", "the 3+3 format", voice,
                                  asserted, st[mt.start():mt.end()].strip(), "'proposed by X'"))
            for mt in _POSSESSIVE.finditer(st):
                poss = s.start + mt.start()
                owner = [m for m in actors_in if m.end == poss]
                if not owner:
                    continue
                o = owner[-1]
                rest = mt.group("rest")
                hosting = _HOSTING.match(rest)
                what = _clip_words(rest.strip(), 14) if hosting else "the 3+3 format"
                kind = "hosting a meeting" if hosting else "origin of the format"
                topic = "3+3/next-meetings" if hosting else "3+3/proposer"
                asserted, voice = asserted_by(s.citation, _voice(st, mt.start()), topic)
                evidence = text[int(o.start):s.start + mt.end("rest") if hosting else s.start + mt.start("rest")].strip()
                prop_rows.append((doc_id, outlet, s.citation, o.surface, o.entity_id, "", kind, what, voice,
                                  asserted, _clip_words(evidence, 20), "\"X's proposal\""))
            for mt in _PRONOUN.finditer(st):
                first = [m for m in actors_in if m.entity_type in ("state", "person")]
                if not first:
                    continue
                o = first[0]
                asserted, voice = asserted_by(s.citation, _voice(st, mt.start()), "3+3/proposer")
                prop_rows.append((doc_id, outlet, s.citation, f"{mt.group('pro')} → {o.surface}", o.entity_id, "", "origin of the format",
                                  "the 3+3 format", voice, asserted,
                                  st[mt.start():mt.end()], f"pronoun '{mt.group('pro')}' → first actor named in the sentence"))
            for mt in _PURPOSE.finditer(st):
                tail = st[mt.start():]
                end = _CLAUSE_END.search(tail, len(mt.group("marker")))
                clause = tail[:end.start()] if end else tail
                asserted, voice = asserted_by(s.citation, _voice(st, mt.start()))
                purpose_rows.append((doc_id, outlet, s.citation, mt.group("marker"), _clip_words(clause.strip()), voice, asserted))
    docs_with: dict[str, set] = {}
    for r in group_rows:
        docs_with.setdefault(r[4], set()).add(r[0])
    for r in group_rows:
        r[6] = ", ".join(sorted(docs_with[r[4]] - {r[0]}))
    groupings = pd.DataFrame(group_rows, columns=GROUPING_COLUMNS)
    proposer = pd.DataFrame(prop_rows, columns=PROPOSER_COLUMNS).drop_duplicates(["citation", "proposer_id", "proposal_kind"])
    return ThreePlusThree(
        mentions=pd.DataFrame(ment_rows, columns=MENTION_COLUMNS).sort_values(["doc_id", "start"], key=lambda c: c.map({d: i for i, d in enumerate(corpus.doc_ids)}) if c.name == "doc_id" else c).reset_index(drop=True),
        membership=pd.DataFrame(member_rows, columns=MEMBERSHIP_COLUMNS),
        groupings=groupings,
        proposer=proposer.reset_index(drop=True),
        purpose=pd.DataFrame(purpose_rows, columns=PURPOSE_COLUMNS).drop_duplicates(["citation", "purpose"]).reset_index(drop=True),
    )


def three_plus_three(corpus, *, window: int = WINDOW) -> ThreePlusThree:
    """Return a :class:`ThreePlusThree` for ``corpus`` (computed once per corpus).

    >>> import araz
    >>> t = three_plus_three(araz.load_corpus())
    >>> t.groupings[["doc_id", "grouping"]].values.tolist()
    [['mehr-2021-korybko', 'Armenia · Azerbaijan · Russia | Georgia · Iran · Turkey'], ['ftribune-2025-araghchi-baku', 'Armenia · Azerbaijan · Georgia | Iran · Russia · Turkey']]
    >>> t.proposer[["citation", "proposer", "proposal_kind"]].values.tolist()[0]
    ['mehr-2021-korybko ¶1.6', 'the President of Azerbaijan', 'origin of the format']
    """
    gaz = _gaz.for_corpus(corpus)
    return corpus.cached(("araz.formats.three_plus_three", window, gaz.fingerprint), lambda: _build(corpus, window))


__all__ = ["three_plus_three", "ThreePlusThree", "FORMAT_ID", "SIX"]
