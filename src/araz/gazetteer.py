"""Gazetteers (actors, formats, corridors) and the one matcher that finds all their aliases.

Tables (all validated against ``data/schemas/``; every bad row raises one
:class:`araz.TableError` naming file, line and column):

* ``actors.csv`` + ``actor_aliases.csv`` — states, people, organisations, outlets, places and
  the 3+3 ``format``;
* ``corridors.csv`` + ``corridor_aliases.csv`` — routes and crossings (same alias columns).

A user corpus folder may carry extra tables in ``<folder>/gazetteer/`` (``actors.csv``,
``actor_aliases.csv``, ``corridors.csv``, ``corridor_aliases.csv``); they are added to the
shipped ones. ``load_gazetteer(extra=[paths])`` does the same for any files.

**Matching rules** (one Aho-Corasick automaton over every alias, built once, one pass over
the text):

1. Text and aliases are compared after a length-preserving fold: lower case (unless the
   alias is ``case_sensitive``), curly quotes → straight, every dash → ``-``, no-break space →
   space, Arabic ``ي``/``ك`` → Persian ``ی``/``ک``. Offsets always point into the original text.
2. An alias that begins (ends) with a letter or digit must not have a letter or digit just
   before (after) it: ``Iran`` does not match inside ``Iranian`` (that is the demonym), nor
   ``SCO`` inside ``DISCO``. Aliases that end in punctuation (``U.S.``) need no check on that
   side. Possessives count: ``Iran’s`` and ``Iran's`` are mentions of ``Iran``. The Persian
   zero-width non-joiner counts as a boundary.
3. Longest match wins within a category (actor, format, corridor): ``the Islamic Republic``
   is one mention of Iran, ``East Azerbaijan`` is the Iranian province, not the Republic.
   Categories do not hide each other: ``Azerbaijan`` inside the corridor label "transit
   route between Azerbaijan and Armenia" is still an actor mention.

>>> import araz
>>> from araz import gazetteer
>>> gazetteer.find("Tehran and the Islamic Republic’s U.S. policy")[["surface", "entity_id", "kind"]].values.tolist()
[['Tehran', 'iran', 'metonym'], ['the Islamic Republic', 'iran', 'label'], ['U.S.', 'united-states', 'abbreviation']]
"""
from __future__ import annotations

import hashlib
import itertools
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import Issue, TableError
from .paths import shipped

ALIAS_KINDS = ("name", "metonym", "demonym", "label", "transliteration", "abbreviation", "script")
CATEGORIES = ("actor", "format", "corridor")
MENTION_COLUMNS = [
    "doc_id", "paragraph", "sentence", "start", "end", "surface", "entity_id", "label", "kind",
    "entity_type", "category", "ambiguous", "alias", "citation",
]
FIND_COLUMNS = ["start", "end", "surface", "entity_id", "label", "kind", "entity_type", "category", "ambiguous", "alias"]
ENTITY_COLUMNS = ["entity_id", "label", "type", "category", "country", "role", "role_years", "source", "note", "file", "line"]
ALIAS_COLUMNS = ["entity_id", "alias", "kind", "lang", "case_sensitive", "ambiguous", "note", "label", "entity_type", "category", "file", "line"]

_SHIPPED = (("actors.csv", "actors"), ("actor_aliases.csv", "actor_aliases"),
            ("corridors.csv", "corridors"), ("corridor_aliases.csv", "corridor_aliases"))

# ---- the length-preserving fold --------------------------------------------------------
_PRIVATE_I = "\ue000"  # 'İ'.lower() is two characters; keep it one
_FOLD = {ord("İ"): _PRIVATE_I, 0x00A0: " ", 0x202F: " ", 0x2007: " ",
         0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x02BC: "'",
         0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x00AB: '"', 0x00BB: '"',
         0x064A: "ی", 0x0649: "ی", 0x0643: "ک"}
_FOLD.update({c: "-" for c in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212)})
_SENTINEL = "\x01"  # stands for every non-word character while matching
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())
# «» become '"' for matching, so the Russian alias «3+3» and "3+3" fold alike.


def fold(text: str, *, lower: bool = True) -> str:
    """Return ``text`` folded for matching; ``len(fold(t)) == len(t)`` always.

    >>> fold("İran’s “3+3” – Bakı")
    '\\ue000ran\\'s "3+3" - bakı'
    """
    out = text
    for src, dst in _FOLD_PAIRS:  # str.replace per character present is ~10x faster than translate
        if src in out:
            out = out.replace(src, dst)
    return out.lower() if lower else out


_WORD_TABLE: np.ndarray | None = None


def _word_table() -> np.ndarray:
    """Boolean table over the Basic Multilingual Plane: is this code point part of a word?"""
    global _WORD_TABLE
    if _WORD_TABLE is None:
        import unicodedata

        t = np.zeros(0x10000, dtype=bool)
        for cp in range(0x10000):
            c = chr(cp)
            if c.isalnum() or c == "_" or unicodedata.category(c).startswith("M"):
                t[cp] = True
        t[0x200C] = False  # zero-width non-joiner: a boundary (Persian suffixes)
        t[ord(_PRIVATE_I)] = True
        _WORD_TABLE = t
    return _WORD_TABLE


_TABLES: tuple | None = None


def _tables() -> tuple[np.ndarray, np.ndarray]:
    """(fold, mask) code-point tables over the BMP: ``fold`` is :func:`fold` per character;
    ``mask`` is the folded character for word characters and 1 (the sentinel) otherwise."""
    global _TABLES
    if _TABLES is None:
        word = _word_table()
        f = np.arange(0x10000, dtype=np.uint32)
        low = [chr(c).lower() for c in range(0x10000)]
        for c, lc in enumerate(low):
            if len(lc) == 1:
                f[c] = ord(lc)
        for k, v in _FOLD.items():
            f[k] = ord(v.lower())
        f[0xD800:0xE000] = np.arange(0xD800, 0xE000)  # surrogates stay themselves
        mask = np.where(word[f], f, 1).astype(np.uint32)
        _TABLES = (f, mask)
    return _TABLES


_MASK16: np.ndarray | None = None
_MASK8: bytes | None = None


def _mask8() -> bytes | None:
    """The ``mask`` table for code points below 256 as a ``bytes.translate`` table, or None
    if some such character would mask to a code point of 256 or more."""
    global _MASK8
    if _MASK8 is None:
        low = _tables()[1][:256]
        _MASK8 = low.astype(np.uint8).tobytes() if int(low.max()) < 256 else b""
    return _MASK8 or None


class _Latin1CodePoints:
    """``cps[pos]`` (code points of a text) from its latin-1 bytes plus the sparse positions of
    characters beyond latin-1 (which the bytes hold as ``?``)."""

    def __init__(self, lat: np.ndarray, q: np.ndarray, qcp: np.ndarray):
        self.lat, self.q, self.qcp = lat, q, qcp

    def __getitem__(self, pos: np.ndarray) -> np.ndarray:
        pos = np.asarray(pos)
        out = self.lat[pos].astype(np.int64)
        if len(self.q) and len(pos):
            p = np.where(pos < 0, pos + len(self.lat), pos)
            j = np.minimum(np.searchsorted(self.q, p), len(self.q) - 1)
            hit = self.q[j] == p
            out[hit] = self.qcp[j[hit]]
        return out


def _mask_latin1(text: str):
    """``(masked, cps)`` for a text mostly in latin-1 (the usual case), else None: the text is
    encoded to latin-1 (other characters become ``?``), masked with ``bytes.translate``, and the
    few other characters are masked one by one."""
    tab = _mask8()
    if tab is None:
        return None
    b = text.encode("latin-1", "replace")
    if len(b) != len(text):
        return None
    lat = np.frombuffer(b, dtype=np.uint8)
    q = np.flatnonzero(lat == 63)
    if len(q) > len(text) // 16 + 64:
        return None
    masked_b = b.translate(tab)
    if len(q):
        picked = "".join(map(text.__getitem__, q.tolist()))
        qcp = np.frombuffer(picked.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
        if len(qcp) != len(q):
            return None
        other = qcp != 63
        q, qcp = q[other], qcp[other]
        if len(qcp) and ((qcp >= 0xD800) & (qcp < 0xE000)).any():
            return None  # lone surrogates: the general path (and its error)
    else:
        qcp = np.zeros(0, dtype=np.int64)
    if len(q):
        qm = _lookup(_tables()[1], qcp.astype(np.uint32), lambda c: c if chr(c).isalnum() else 1)
        if int(qm.max()) >= 256:
            return None
        mb = bytearray(masked_b)
        np.frombuffer(mb, dtype=np.uint8)[q] = qm
        masked_b = bytes(mb)
    return masked_b.decode("latin-1"), _Latin1CodePoints(lat, q, qcp)


def _mask16() -> np.ndarray:
    """The ``mask`` table of :func:`_tables` as 16-bit code units (every BMP value fits)."""
    global _MASK16
    if _MASK16 is None:
        _MASK16 = _tables()[1].astype(np.uint16)
    return _MASK16


def _lookup(table: np.ndarray, cps: np.ndarray, big) -> np.ndarray:
    """``table[cps]`` for code points in the BMP; ``big(cp)`` for the rest (rare)."""
    if len(cps) == 0 or int(cps.max()) < 0x10000:
        return table[cps]
    out = np.empty(len(cps), dtype=np.uint32)
    small = cps < 0x10000
    out[small] = table[cps[small]]
    out[~small] = [big(int(c)) for c in cps[~small]]
    return out


def _is_word_chars(cps: np.ndarray) -> np.ndarray:
    table = _word_table()
    if len(cps) == 0 or int(cps.max()) < 0x10000:
        return table[cps]
    small = cps < 0x10000
    out = np.zeros(len(cps), dtype=bool)
    out[small] = table[cps[small]]
    if (~small).any():
        out[~small] = [chr(int(c)).isalnum() for c in cps[~small]]
    return out


# ---- loading -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Gazetteer:
    """Every entity and alias the matcher knows.

    ``entities``: ``entity_id, label, type, category, country, role, role_years, source, note,
    file, line``; ``aliases``: ``entity_id, alias, kind, lang, case_sensitive, ambiguous, note,
    label, entity_type, category, file, line``. ``category`` is ``actor``, ``format`` or
    ``corridor``; ``file``/``line`` say where each row came from.
    """

    entities: pd.DataFrame
    aliases: pd.DataFrame
    files: tuple = ()
    fingerprint: str = ""
    warnings: list = field(default_factory=list, compare=False, hash=False)

    def __repr__(self) -> str:
        n = self.entities["category"].value_counts().to_dict()
        return f"<Gazetteer {len(self.entities)} entities {n}, {len(self.aliases)} aliases>"

    def entity(self, entity_id: str) -> pd.Series:
        """The row of one entity; :class:`araz.ScopeError` if the id is unknown."""
        from .errors import ScopeError

        rows = self.entities[self.entities["entity_id"] == entity_id]
        if rows.empty:
            raise ScopeError(f"no entity '{entity_id}' in the gazetteer; look it up in load_gazetteer().entities")
        return rows.iloc[0]


def _role(path: Path) -> str:
    name = path.name.lower()
    if name.endswith("aliases.csv"):
        return "aliases"
    if name == "corridors.csv":
        return "corridors"
    if name == "actors.csv":
        return "actors"
    raise TableError([Issue(str(path), None, None,
                            "is not a gazetteer table I know; name it actors.csv, corridors.csv, "
                            "actor_aliases.csv or corridor_aliases.csv")])


def _read(path: Path, role: str) -> pd.DataFrame:
    from .tables import read_table

    schema = {"actors": "actors", "corridors": "corridors", "aliases": "actor_aliases"}[role]
    df = read_table(path, schema)
    lines = df.attrs.get("lines") or list(range(2, len(df) + 2))
    df = df.copy()
    df["file"] = str(path)
    df["line"] = list(lines)
    return df


def _entity_frame(df: pd.DataFrame, role: str) -> pd.DataFrame:
    out = pd.DataFrame({"entity_id": df["entity_id"], "label": df["label"], "file": df["file"], "line": df["line"]})
    if role == "actors":
        out["type"] = df["type"]
        out["category"] = np.where(df["type"] == "format", "format", "actor")
        for col in ("country", "role", "role_years", "source", "note"):
            out[col] = df[col].fillna("") if col in df else ""
    else:
        out["type"] = df["type"]
        out["category"] = "corridor"
        out["country"] = df["states"] if "states" in df else ""
        out["role"] = df["description"] if "description" in df else ""
        out["role_years"] = ""
        out["source"] = df["source"] if "source" in df else ""
        out["note"] = df["note"] if "note" in df else ""
    return out[ENTITY_COLUMNS]


def _files(extra) -> list[tuple[Path, str, bool]]:
    files = []
    for name, _ in _SHIPPED:
        p = shipped("gazetteer", name)
        if p.exists():
            files.append((p, _role(p), True))
    for p in extra or ():
        p = Path(p).expanduser()
        if not p.exists():
            raise TableError([Issue(str(p), None, None, "does not exist; pass the path of a gazetteer CSV")])
        files.append((p, _role(p), False))
    return files


def load_gazetteer(extra=None) -> Gazetteer:
    """Return the :class:`Gazetteer`: shipped actors, formats and corridors, plus ``extra`` CSVs.

    ``extra`` is a list of paths; a file named ``*aliases.csv`` adds aliases (of shipped or
    extra entities), ``actors.csv``/``corridors.csv`` add entities. Every problem (a bad
    value, an alias of an unknown entity, an alias that names two entities) is reported at
    once as a :class:`araz.TableError` naming file, line and column.

    >>> g = load_gazetteer()
    >>> g.entity("three-plus-three")["type"], int((g.aliases["entity_id"] == "iran").sum()) > 10
    ('format', True)
    """
    files = _files(extra)
    key = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p, _, _ in files)
    hit = _LOADED.get(key)
    if hit is not None:
        return hit
    issues: list[Issue] = []
    entity_frames, alias_frames = [], []
    h = hashlib.sha256()
    for path, role, _ in files:
        h.update(path.read_bytes())
        try:
            df = _read(path, role)
        except TableError as exc:
            issues.extend(exc.issues)
            continue
        if role == "aliases":
            alias_frames.append(df)
        else:
            entity_frames.append(_entity_frame(df, role))
    if issues:
        raise TableError(issues)
    entities = pd.concat(entity_frames, ignore_index=True) if entity_frames else pd.DataFrame(columns=ENTITY_COLUMNS)
    first: dict[str, tuple] = {}
    for r in entities.itertuples(index=False):
        if r.entity_id in first:
            f, ln = first[r.entity_id]
            issues.append(Issue(r.file, r.line, "entity_id", f"'{r.entity_id}' is already defined in {f}, line {ln}; choose another id or edit that row"))
        else:
            first[r.entity_id] = (r.file, r.line)
    aliases = pd.concat(alias_frames, ignore_index=True) if alias_frames else pd.DataFrame(columns=ALIAS_COLUMNS)
    meta = entities.drop_duplicates("entity_id").set_index("entity_id")
    known = set(meta.index)
    seen_exact: dict[tuple, tuple] = {}
    seen_fold: dict[tuple, tuple] = {}
    category_of = meta["category"].to_dict()
    keep = []
    for i, r in enumerate(aliases.itertuples(index=False)):
        ok = True
        if r.entity_id not in known:
            issues.append(Issue(r.file, r.line, "entity_id", f"'{r.entity_id}' is not in actors.csv or corridors.csv; add the entity first or fix the id"))
            ok = False
        alias = r.alias
        if alias != alias.strip() or "\n" in alias:
            issues.append(Issue(r.file, r.line, "alias", f"'{alias}' has leading/trailing spaces or a line break; remove them"))
            ok = False
        if not ok:
            continue
        cat = category_of[r.entity_id]
        group = "corridor" if cat == "corridor" else "actor"
        ek = (group, alias)
        if ek in seen_exact:
            other = seen_exact[ek]
            if other[0] != r.entity_id:
                issues.append(Issue(r.file, r.line, "alias", f"'{alias}' already names '{other[0]}' ({other[1]}, line {other[2]}); one alias can name one entity — delete one of the rows"))
            continue  # the same alias twice for one entity: keep the first
        seen_exact[ek] = (r.entity_id, r.file, r.line)
        fk = (group, fold(alias))
        if fk in seen_fold and seen_fold[fk][0] != r.entity_id and not (r.case_sensitive and seen_fold[fk][3]):
            other = seen_fold[fk]
            issues.append(Issue(r.file, r.line, "alias", f"'{alias}' differs from '{other[4]}' ('{other[0]}', {other[1]}, line {other[2]}) only in capitals; mark both case_sensitive or delete one"))
            continue
        seen_fold.setdefault(fk, (r.entity_id, r.file, r.line, bool(r.case_sensitive), alias))
        keep.append(i)
    if issues:
        raise TableError(issues)
    aliases = aliases.iloc[keep].reset_index(drop=True)
    aliases["case_sensitive"] = aliases["case_sensitive"].astype(bool)
    aliases["ambiguous"] = aliases["ambiguous"].astype(bool)
    aliases["note"] = aliases["note"].fillna("")
    aliases["label"] = aliases["entity_id"].map(meta["label"])
    aliases["entity_type"] = aliases["entity_id"].map(meta["type"])
    aliases["category"] = aliases["entity_id"].map(meta["category"])
    aliases = aliases[ALIAS_COLUMNS]
    gaz = Gazetteer(entities.reset_index(drop=True), aliases, tuple(str(p) for p, _, _ in files), h.hexdigest())
    _LOADED[key] = gaz
    while len(_LOADED) > 8:
        _LOADED.popitem(last=False)
    return gaz


_LOADED: "OrderedDict[tuple, Gazetteer]" = OrderedDict()
_MATCHERS: "OrderedDict[str, Matcher]" = OrderedDict()


# ---- the matcher ---------------------------------------------------------------------------
class Matcher:
    """One compiled Aho-Corasick automaton over every alias of a :class:`Gazetteer`.

    Use :func:`build_matcher` (it caches one matcher per gazetteer) and :meth:`find`.
    """

    def __init__(self, gazetteer: Gazetteer):
        import ahocorasick

        self.gazetteer = gazetteer
        al = gazetteer.aliases
        self.alias_text = al["alias"].tolist()
        n = len(self.alias_text)
        self.alias_len = np.array([len(a) for a in self.alias_text], dtype=np.int64)
        self.cs = al["case_sensitive"].to_numpy(dtype=bool)
        self.alias_fold = [fold(a) for a in self.alias_text]
        self.alias_cs_form = [fold(a, lower=False) for a in self.alias_text]
        keys = []
        lead = np.zeros(n, dtype=np.int64)
        trail = np.zeros(n, dtype=np.int64)
        self.has_punct = np.zeros(n, dtype=bool)
        # every alias at once over the concatenated folded aliases (same keys as one by one)
        f_len = np.array([len(f) for f in self.alias_fold], dtype=np.int64)
        f_cps = np.frombuffer("".join(self.alias_fold).encode("utf-32-le"), dtype=np.uint32)
        if n and (f_len > 0).all() and len(f_cps) == int(f_len.sum()):
            word_all = _is_word_chars(f_cps)
            core_all = np.where(word_all, f_cps, 1).astype(np.uint32).tobytes().decode("utf-32-le")
            f_end = np.cumsum(f_len)
            f_start = f_end - f_len
            lead = word_all[f_start].astype(np.int64)
            trail = word_all[f_end - 1].astype(np.int64)
            self.has_punct = np.add.reduceat((~word_all).astype(np.int64), f_start) > 0
            keys = [_SENTINEL * ld + core_all[a:b] + _SENTINEL * tr
                    for ld, a, b, tr in zip(lead.tolist(), f_start.tolist(), f_end.tolist(), trail.tolist())]
        for i, f in enumerate(self.alias_fold if not keys else ()):
            cps = np.frombuffer(f.encode("utf-32-le"), dtype=np.uint32)
            word = _is_word_chars(cps)
            core = np.where(word, cps, 1).astype(np.uint32).tobytes().decode("utf-32-le")
            lead[i] = 1 if word[0] else 0
            trail[i] = 1 if word[-1] else 0
            self.has_punct[i] = not word.all()
            keys.append(_SENTINEL * lead[i] + core + _SENTINEL * trail[i])
        self.trail = trail
        self.key_len = np.array([len(k) for k in keys], dtype=np.int64)
        cats = {c: i for i, c in enumerate(CATEGORIES)}
        self.cat_code = al["category"].map(cats).to_numpy(dtype=np.int64)
        groups: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            groups.setdefault(k, []).append(i)
        self.automaton = ahocorasick.Automaton()
        members, ptr, size = [], [], []
        for gi, (key, idx) in enumerate(groups.items()):
            self.automaton.add_word(key, gi)
            ptr.append(len(members))
            size.append(len(idx))
            members.extend(idx)
        self.automaton.make_automaton()
        self.group_ptr = np.array(ptr, dtype=np.int64)
        self.group_size = np.array(size, dtype=np.int64)
        self.group_members = np.array(members, dtype=np.int64)
        self.simple_groups = bool((self.group_size == 1).all())
        # What the automaton cannot see, checked per hit with flat arrays: the exact non-word
        # characters of an alias (folded), and for case-sensitive aliases every character as written.
        # (vectorised over the concatenated folded aliases; same order as an alias-by-alias loop)
        all_f = "".join(self.alias_fold)
        fl = np.array([len(f) for f in self.alias_fold], dtype=np.int64)
        if not np.array_equal(fl, self.alias_len):  # fold() keeps lengths; never expected
            self._checks_by_alias(n)
            return
        if len(all_f):
            f_cps = np.frombuffer(all_f.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
            t_cps = np.frombuffer("".join(self.alias_text).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
            is_word = _is_word_chars(f_cps.astype(np.uint32))
        else:
            f_cps = t_cps = np.zeros(0, dtype=np.int64)
            is_word = np.zeros(0, dtype=bool)
        owner = np.repeat(np.arange(n), fl)
        pos_in = np.arange(len(f_cps)) - np.repeat(np.cumsum(fl) - fl, fl)
        cs_c = self.cs[owner] if n else np.zeros(0, dtype=bool)
        sel = ~is_word | cs_c
        offs = pos_in[sel]
        exp_f = np.where(~is_word, f_cps, -1)[sel]
        exp_raw = np.where(cs_c & is_word, t_cps, -1)[sel]
        counts = np.bincount(owner[sel], minlength=n)
        self.chk_count = np.array(counts, dtype=np.int64)
        self.chk_ptr = np.concatenate([[0], np.cumsum(self.chk_count)[:-1]]).astype(np.int64)
        self.chk_off = np.array(offs, dtype=np.int64)
        self.chk_fold = np.array(exp_f, dtype=np.int64)
        self.chk_raw = np.array(exp_raw, dtype=np.int64)

    def _checks_by_alias(self, n: int) -> None:
        offs, exp_f, exp_raw, counts = [], [], [], []
        for i in range(n):
            f = self.alias_fold[i]
            k = 0
            for j, ch in enumerate(f):
                is_word = _is_word_chars(np.array([ord(ch)], dtype=np.uint32))[0]
                if not is_word or self.cs[i]:
                    offs.append(j)
                    exp_f.append(ord(ch) if not is_word else -1)
                    exp_raw.append(ord(self.alias_text[i][j]) if (self.cs[i] and is_word) else -1)
                    k += 1
            counts.append(k)
        self.chk_count = np.array(counts, dtype=np.int64)
        self.chk_ptr = np.concatenate([[0], np.cumsum(self.chk_count)[:-1]]).astype(np.int64)
        self.chk_off = np.array(offs, dtype=np.int64)
        self.chk_fold = np.array(exp_f, dtype=np.int64)
        self.chk_raw = np.array(exp_raw, dtype=np.int64)

    def __repr__(self) -> str:
        return f"<Matcher {len(self.alias_text)} aliases>"

    def spans(self, text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return ``(start, end, alias_index)`` arrays of the mentions in ``text``, in text order.

        Boundaries are checked inside the automaton: the text is folded, every character that
        is not part of a word becomes a sentinel, and keys start (end) with the sentinel when
        the alias starts (ends) with a letter or digit. Hits whose alias has inner punctuation
        or spaces, a case rule, or shares its key with another alias are then compared with
        the folded text itself.
        """
        empty = (np.zeros(0, np.int64),) * 3
        if not text:
            return empty
        ftab, mtab = _tables()
        fast = _mask_latin1(text)  # ``raw[pos]`` below: code points at positions
        if fast is not None:
            masked, raw = fast
        elif len(raw := np.frombuffer(text.encode("utf-16-le"), dtype=np.uint16)) == len(text):  # no character beyond the BMP: 16-bit tables, half the memory traffic
            m16 = _mask16()
            masked = m16[raw]
            if int(masked.max()) < 0x100:  # surrogates cannot occur here; latin-1 decodes fastest
                masked = masked.astype(np.uint8).tobytes().decode("latin-1")
            else:
                masked = masked.tobytes().decode("utf-16-le")
        else:
            raw = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
            masked = _lookup(mtab, raw, lambda c: c if chr(c).isalnum() else 1).tobytes().decode("utf-32-le")
        masked = _SENTINEL + masked + _SENTINEL
        flat = np.fromiter(itertools.chain.from_iterable(self.automaton.iter(masked)), dtype=np.int64)
        if flat.size == 0:
            return empty
        hits = flat.reshape(-1, 2)
        last = hits[:, 0]
        grp = hits[:, 1]
        if self.simple_groups:
            aid = self.group_members[self.group_ptr[grp]]
        else:
            sizes = self.group_size[grp]
            rep = np.repeat(np.arange(len(grp)), sizes)
            within = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
            aid = self.group_members[self.group_ptr[grp][rep] + within]
            last = last[rep]
        end = last + 1 - self.trail[aid] - 1  # minus the trailing sentinel, minus the padding
        start = end - self.alias_len[aid]
        cnt = self.chk_count[aid]
        if cnt.any():
            hit = np.repeat(np.arange(len(aid)), cnt)
            first = np.repeat(self.chk_ptr[aid], cnt)
            within = np.arange(cnt.sum()) - np.repeat(np.cumsum(cnt) - cnt, cnt)
            k = first + within
            pos = start[hit] + self.chk_off[k]
            bad = np.zeros(len(pos), dtype=bool)
            ef = self.chk_fold[k]
            m = ef >= 0
            bad[m] = _lookup(ftab, raw[pos[m]], lambda c: c) != ef[m]
            er = self.chk_raw[k]
            m = er >= 0
            bad[m] |= raw[pos[m]] != er[m]
            ok = np.bincount(hit[bad], minlength=len(aid)) == 0
            start, end, aid = start[ok], end[ok], aid[ok]
        if start.size == 0:
            return empty
        n = len(text)
        # longest match wins, per category
        cat = self.cat_code[aid]
        # one stable sort on a combined key == np.lexsort((-end, start, cat)); -1 <= start <= end <= n + 1
        span = n + 3
        order = np.argsort((cat * span + (start + 1)) * span + (span - 2 - end), kind="stable")
        start, end, aid, cat = start[order], end[order], aid[order], cat[order]
        big = n + 1
        s2, e2 = start + cat * big, end + cat * big
        prev_max = np.maximum.accumulate(e2)
        contained = np.zeros(len(e2), dtype=bool)
        contained[1:] = e2[1:] <= prev_max[:-1]
        keep = ~contained
        start, end, aid, s2, e2 = start[keep], end[keep], aid[keep], s2[keep], e2[keep]
        if len(s2) > 1 and (s2[1:] < e2[:-1]).any():  # partial overlaps: the longer one wins
            byl = sorted(range(len(s2)), key=lambda i: (-(e2[i] - s2[i]), s2[i]))
            taken: list[tuple[int, int]] = []
            chosen = []
            for i in byl:
                if all(e2[i] <= a or s2[i] >= b for a, b in taken):
                    taken.append((s2[i], e2[i]))
                    chosen.append(i)
            chosen = np.array(sorted(chosen, key=lambda i: s2[i]), dtype=np.int64)
            start, end, aid = start[chosen], end[chosen], aid[chosen]
        order = np.argsort(start * len(self.alias_len) + aid, kind="stable")  # == np.lexsort((aid, start))
        return start[order], end[order], aid[order]

    def find(self, text: str) -> pd.DataFrame:
        """Every mention in one string: ``start, end, surface, entity_id, label, kind, entity_type, category, ambiguous, alias``."""
        start, end, aid = self.spans(text)
        return self._frame(text, start, end, aid)

    def _frame(self, text, start, end, aid) -> pd.DataFrame:
        al = self.gazetteer.aliases
        df = pd.DataFrame({
            "start": start, "end": end,
            "surface": [text[s:e] for s, e in zip(start, end)],
        })
        for col, src in (("entity_id", "entity_id"), ("label", "label"), ("kind", "kind"), ("entity_type", "entity_type"),
                         ("category", "category"), ("ambiguous", "ambiguous"), ("alias", "alias")):
            df[col] = al[src].to_numpy()[aid] if len(aid) else pd.Series([], dtype=object if col != "ambiguous" else bool)
        return df[FIND_COLUMNS]


def build_matcher(gazetteer: Gazetteer | None = None) -> Matcher:
    """Return the compiled :class:`Matcher` for ``gazetteer`` (default: the shipped one), built once.

    >>> m = build_matcher()
    >>> m.find("DISCO is not the SCO.")["surface"].tolist()
    ['SCO']
    """
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    m = _MATCHERS.get(gaz.fingerprint)
    if m is None or m.gazetteer is not gaz and not m.gazetteer.aliases.equals(gaz.aliases):
        m = Matcher(gaz)
        _MATCHERS[gaz.fingerprint] = m
        while len(_MATCHERS) > 4:
            _MATCHERS.popitem(last=False)
    return m


def find(text: str, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Return the mentions in one string (columns of :meth:`Matcher.find`).

    >>> find("Iranian officials met in Tehran")[["surface", "entity_id", "kind"]].values.tolist()
    [['Iranian', 'iran', 'demonym'], ['Tehran', 'iran', 'metonym']]
    """
    return build_matcher(gazetteer).find(text)


def entities(gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Return the entity table (default: the shipped gazetteer); columns of :attr:`Gazetteer.entities`.

    >>> int((entities()["type"] == "state").sum()) >= 193
    True
    """
    return (gazetteer if gazetteer is not None else load_gazetteer()).entities.copy()


def corpus_extras(corpus) -> list[Path]:
    """The extra gazetteer CSVs a user corpus brings in ``<folder>/gazetteer/`` (may be empty)."""
    if getattr(corpus, "is_shipped", False) or getattr(corpus, "root", None) is None:
        return []
    base = corpus.root if corpus.root.is_dir() else corpus.root.parent
    folder = base / "gazetteer"
    if not folder.is_dir():
        return []
    found = []
    for name, _ in _SHIPPED:
        p = folder / name
        if p.exists():
            found.append(p)
    return found


def for_corpus(corpus, extra=None) -> Gazetteer:
    """The gazetteer that applies to ``corpus``: shipped tables + the corpus's own + ``extra``."""
    return load_gazetteer(extra=[*corpus_extras(corpus), *(extra or [])])


_ROW_COLUMNS = ["dk", "si", "start", "end", "aid", "surface"]


def _mention_rows(corpus, gaz: Gazetteer) -> pd.DataFrame:
    """Every match as numbers, plus its surface: ``dk`` (document position), ``si`` (row of
    ``corpus.sentences``), ``start, end`` (offsets in the document), ``aid`` (row of
    ``gaz.aliases``). This compact form is what the disk cache keeps; :func:`_assemble`
    turns it into the mentions table (a take per column)."""
    matcher = build_matcher(gaz)
    sents = corpus.sentences
    docs = list(corpus)
    # Process documents in chunks of ~2 MB joined by blank lines: one automaton pass per chunk.
    sep = "\n\n"
    bounds = [0]
    size = 0
    for i, d in enumerate(docs):
        size += len(d.text)
        if size > 2_000_000:
            bounds.append(i + 1)
            size = 0
    if bounds[-1] != len(docs):
        bounds.append(len(docs))
    cols: dict[str, list] = {c: [] for c in ("start", "end", "surface", "aid", "dk")}
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        lens = np.fromiter((len(d.text) for d in docs[lo:hi]), dtype=np.int64, count=hi - lo)
        bases = np.zeros(hi - lo, dtype=np.int64)
        np.cumsum(lens[:-1] + len(sep), out=bases[1:])
        text = sep.join([d.text for d in docs[lo:hi]])
        start, end, aid = matcher.spans(text)
        if not len(start):
            continue
        di = np.searchsorted(bases, start, side="right") - 1
        cols["start"].append(start - bases[di])
        cols["end"].append(end - bases[di])
        cols["surface"].extend([text[a:b] for a, b in zip(start.tolist(), end.tolist())])
        cols["aid"].append(aid)
        cols["dk"].append(di + lo)
    if not cols["aid"]:
        empty = np.zeros(0, dtype=np.int64)
        return pd.DataFrame({c: empty for c in _ROW_COLUMNS[:-1]} | {"surface": pd.array([], dtype="str")})
    # sentence lookup: global sentence start offsets in corpus order
    s_doc = pd.Index(corpus.doc_ids).get_indexer(sents["doc_id"]).astype(np.int64)
    s_start = sents["start"].to_numpy(dtype=np.int64)
    s_key = s_doc * (1 << 32) + s_start
    if len(s_key) > 1 and (s_key[1:] < s_key[:-1]).any():
        order = np.argsort(s_key, kind="stable")
        s_key_sorted = s_key[order]
    else:  # already in corpus order (the usual case)
        order = np.arange(len(s_key))
        s_key_sorted = s_key
    start = np.concatenate(cols["start"])
    end = np.concatenate(cols["end"])
    aid = np.concatenate(cols["aid"])
    dk = np.concatenate(cols["dk"])
    key = dk * (1 << 32) + start
    si = np.searchsorted(s_key_sorted, key, side="right") - 1
    si = order[np.clip(si, 0, len(s_key_sorted) - 1)]
    return pd.DataFrame({"dk": dk, "si": si, "start": start, "end": end, "aid": aid,
                         "surface": pd.array(np.array(cols["surface"], dtype=object), dtype="str")}, copy=False)


def _assemble(corpus, gaz: Gazetteer, rows: pd.DataFrame) -> pd.DataFrame:
    """The mentions table (:data:`MENTION_COLUMNS`) from :func:`_mention_rows`."""
    if rows.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    sents = corpus.sentences
    dk, si, aid = (rows[c].to_numpy() for c in ("dk", "si", "aid"))
    al = gaz.aliases
    data = {"doc_id": pd.Series(np.array(corpus.doc_ids, dtype=object)).array.take(dk),
            "paragraph": sents["paragraph"].to_numpy()[si], "sentence": sents["sentence"].to_numpy()[si],
            "start": rows["start"].to_numpy(), "end": rows["end"].to_numpy(), "surface": rows["surface"].array}
    for col in ("entity_id", "label", "kind", "entity_type", "category", "ambiguous", "alias"):
        data[col] = al[col].array.take(aid) if isinstance(al[col].dtype, pd.StringDtype) else al[col].to_numpy()[aid]
    cit = sents["citation"]
    data["citation"] = cit.array.take(si) if isinstance(cit.dtype, pd.StringDtype) else cit.to_numpy(dtype=object)[si]
    if list(data) != MENTION_COLUMNS:
        data = {c: data[c] for c in MENTION_COLUMNS}
    return pd.DataFrame(data, copy=False)


def _all_mentions(corpus, gaz: Gazetteer) -> pd.DataFrame:
    """The mentions table; its compact form is kept on disk for a large folder corpus, so
    that a restarted notebook reads it back instead of matching again."""
    key = ("araz.gazetteer.mention_rows", gaz.fingerprint)
    rows = corpus.cached(key, lambda: _mention_rows(corpus, gaz), persist=True)
    corpus.cache.pop(key, None)  # the assembled table is what stays in memory
    return _assemble(corpus, gaz, rows)


def _table(corpus, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """The corpus's mentions table, computed once per corpus and gazetteer: shared, so only
    for callers that make a new table from it (a filter) and never change it in place."""
    gaz = gazetteer if gazetteer is not None else for_corpus(corpus)
    return corpus.cached(("araz.gazetteer.mentions", gaz.fingerprint), lambda: _all_mentions(corpus, gaz))


def mentions(corpus, kinds=None, *, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Return every gazetteer mention in ``corpus``, computed once per corpus.

    Columns: ``doc_id, paragraph, sentence, start, end`` (character offsets into the
    document text), ``surface`` (the text as written), ``entity_id, label, kind`` (alias kind:
    name, metonym, demonym, label, transliteration, abbreviation, script), ``entity_type``
    (state, person, …, or a corridor's type), ``category`` (actor, format, corridor),
    ``ambiguous``, ``alias`` (the gazetteer alias matched) and ``citation`` (``doc ¶p.s``).

    ``kinds`` keeps only some alias kinds and/or categories, e.g. ``["metonym"]`` or
    ``["corridor"]``. A user corpus's ``gazetteer/`` folder is used automatically.

    >>> import araz
    >>> m = mentions(araz.load_corpus())
    >>> m[m["surface"] == "Official Baku"][["entity_id", "kind", "citation"]].values.tolist()
    [['azerbaijan', 'metonym', 'anon-2025-pezeshkian-visit ¶2.3']]
    """
    df = _table(corpus, gazetteer)
    if kinds is not None:
        from .errors import ScopeError

        wanted = {kinds} if isinstance(kinds, str) else set(kinds)
        bad = wanted - set(ALIAS_KINDS) - set(CATEGORIES)
        if bad:
            raise ScopeError(f"unknown kind(s) {sorted(bad)}; use alias kinds {', '.join(ALIAS_KINDS)} or categories {', '.join(CATEGORIES)}")
        cats = wanted & set(CATEGORIES)
        ks = wanted & set(ALIAS_KINDS)
        mask = np.ones(len(df), dtype=bool)
        if cats:
            mask &= df["category"].isin(cats).to_numpy()
        if ks:
            mask &= df["kind"].isin(ks).to_numpy()
        return df[mask].reset_index(drop=True)  # a new table already
    return df.copy(deep=False)  # copy-on-write: the caller's edits never reach the cached table


__all__ = ["Gazetteer", "Matcher", "load_gazetteer", "build_matcher", "find", "mentions", "for_corpus", "entities", "fold",
           "ALIAS_KINDS", "CATEGORIES", "MENTION_COLUMNS"]
