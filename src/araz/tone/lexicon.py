"""The editable tone lexicon (``data/lexicons/tone.csv``) and its compiled matcher.

Performance: all terms, cue phrases and verbs of saying go into ONE Aho–Corasick
automaton (pyahocorasick), so a corpus is scanned once whatever the size of the lexicon;
each entry carries its kind, class, sign and weight in parallel numpy arrays, so the
scoring pass works on integer codes, not on strings.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np
import pandas as pd

from ..errors import Issue, ScopeError, TableError
from . import rules as R
from .rules import (
    CLASSES, MAX_WEIGHT, REPORTING_PARTICIPLES, REPORTING_VERBS, TALK_VERBS, _CLASS_NAMES, _KIND_SAY, _KIND_TERM,
    _cue_groups, _rules_key,
)
from .textprep import _key


class Lexicon:
    """An editable tone lexicon: ``term, class, weight, note`` rows and one compiled matcher.

    Edit it in memory — :meth:`add`, :meth:`remove`, :meth:`reweight` — and every function
    of :mod:`araz.tone` that receives it re-scores at once (results are cached per corpus
    and per lexicon content, see :attr:`fingerprint`). :meth:`save` writes it as a CSV that
    :func:`load_lexicon` reads back.

    >>> from araz import tone
    >>> lex = tone.load_lexicon()
    >>> lex.add("handshake", "verbal_cooperation", 1.0, note="seminar test")
    <Lexicon ... terms>
    >>> lex.weight("handshake")
    1.0
    """

    COLUMNS = ("term", "class", "weight", "intensity", "note")

    def __init__(self, rows: Iterable[dict] | pd.DataFrame = (), *, path: str | Path | None = None):
        self.path = Path(path) if path is not None else None
        self._rows: dict[str, dict] = {}
        records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)
        issues = []
        keys: dict[str, str] = {}
        for i, rec in enumerate(records):
            line = _line_of(rows, i)
            try:
                row = self._check(rec.get("term"), rec.get("class"), rec.get("weight"), rec.get("note", ""), rec.get("intensity"))
            except _RowError as exc:
                issues.append(Issue(str(self.path or "lexicon"), line, exc.field, exc.message))
                continue
            k = _key(row["term"])[0]
            if k in keys:
                issues.append(Issue(str(self.path or "lexicon"), line, "term",
                                    f"'{row['term']}' matches the same words as '{keys[k]}' above; keep one of them"))
                continue
            keys[k] = row["term"]
            self._rows[row["term"]] = row
        if issues:
            raise TableError(issues)
        self._changed()

    # ---- validation ---------------------------------------------------------------
    @staticmethod
    def _check(term, cls, weight, note="", intensity=None) -> dict:
        if not isinstance(term, str) or not term.strip():
            raise _RowError("term", "is empty; write the word or phrase to match")
        term = " ".join(term.split())
        key, prefix = _key(term)
        if not key:
            raise _RowError("term", f"'{term}' has no letters or digits to match")
        if "*" in term[:-1]:
            raise _RowError("term", f"'{term}': '*' may only end a term (cooperat* matches cooperation, cooperative)")
        if key in _cue_words():
            raise _RowError("term", f"'{term}' is a negation/contrast cue handled by the rules (araz.tone.NEGATORS…); it cannot be a lexicon term")
        if cls not in CLASSES:
            raise _RowError("class", f"'{cls}' is not a class; use one of: {', '.join(CLASSES)}")
        try:
            w = float(weight)
        except (TypeError, ValueError):
            raise _RowError("weight", f"'{weight}' is not a number; use 0 to {MAX_WEIGHT:g} (1 = an ordinary term)") from None
        if not np.isfinite(w) or w < 0 or w > MAX_WEIGHT:
            raise _RowError("weight", f"{weight} is out of range; use 0 to {MAX_WEIGHT:g} (1 = an ordinary term)")
        if cls != "neutral" and w == 0:
            raise _RowError("weight", f"0 makes '{term}' count for nothing; remove the row, or use class neutral to mask a name")
        note = "" if note is None or (isinstance(note, float) and np.isnan(note)) else str(note)
        if intensity is None or (isinstance(intensity, str) and not intensity.strip()) or \
                (isinstance(intensity, float) and np.isnan(intensity)):
            g = R.default_intensity(cls, note)
        else:
            try:
                g = float(intensity)
            except (TypeError, ValueError):
                raise _RowError("intensity", f"'{intensity}' is not a number; use -10 to 10 (Goldstein-like), or leave it empty") from None
            if not np.isfinite(g) or abs(g) > 10:
                raise _RowError("intensity", f"{intensity} is out of range; use -10 (most conflictual) to 10 (most cooperative)")
            if g * CLASSES[cls] < 0 or (CLASSES[cls] == 0 and g != 0):
                want = {1: "0 to 10", -1: "-10 to 0", 0: "0"}[CLASSES[cls]]
                raise _RowError("intensity", f"{intensity:g} does not fit class {cls}; use {want}, or leave it empty")
        return {"term": term, "class": cls, "weight": w, "intensity": g + 0.0, "note": note}

    # ---- editing ------------------------------------------------------------------
    def add(self, term: str, cls: str, weight: float = 1.0, note: str = "", intensity: float | None = None) -> "Lexicon":
        """Add (or replace) a term; raise :class:`araz.ScopeError` for a bad class or weight.

        ``intensity`` (Goldstein-like, −10 … +10) defaults to :func:`araz.tone.rules.default_intensity`.
        """
        try:
            row = self._check(term, cls, weight, note, intensity)
        except _RowError as exc:
            raise ScopeError(f"cannot add '{term}': {exc.field} {exc.message}") from None
        key = _key(row["term"])[0]
        for t in list(self._rows):
            if t != row["term"] and _key(t)[0] == key:
                del self._rows[t]
        self._rows[row["term"]] = row
        self._changed()
        return self

    def remove(self, term: str) -> "Lexicon":
        """Remove a term; raise :class:`araz.ScopeError` if it is not in the lexicon."""
        self._rows.pop(self._find(term))
        self._changed()
        return self

    def reweight(self, term: str, weight: float) -> "Lexicon":
        """Give a term a new weight (0 to 3)."""
        t = self._find(term)
        row = self._rows[t]
        try:
            self._rows[t] = self._check(t, row["class"], weight, row["note"], row["intensity"])
        except _RowError as exc:
            raise ScopeError(f"cannot reweight '{term}': {exc.field} {exc.message}") from None
        self._changed()
        return self

    def reclass(self, term: str, cls: str) -> "Lexicon":
        """Move a term to another class."""
        t = self._find(term)
        row = self._rows[t]
        try:
            self._rows[t] = self._check(t, cls, row["weight"] if cls != "neutral" else 0, row["note"])
        except _RowError as exc:
            raise ScopeError(f"cannot move '{term}': {exc.field} {exc.message}") from None
        self._changed()
        return self

    def weight(self, term: str) -> float:
        return self._rows[self._find(term)]["weight"]

    def copy(self) -> "Lexicon":
        """An independent copy (edit it without touching the original)."""
        new = Lexicon.__new__(Lexicon)
        new.path = self.path
        new._rows = {k: dict(v) for k, v in self._rows.items()}
        new._changed()
        return new

    def save(self, path: str | Path) -> Path:
        """Write the lexicon as CSV (``term,class,weight,intensity,note``) and return the path."""
        path = Path(path).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        df = self.table.copy()
        df["weight"] = df["weight"].map(lambda w: f"{w:g}")
        df["intensity"] = df["intensity"].map(lambda g: f"{g:g}")
        df.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        return path

    def _find(self, term: str) -> str:
        if term in self._rows:
            return term
        key = _key(str(term))[0]
        for t in self._rows:
            if _key(t)[0] == key:
                return t
        raise ScopeError(f"'{term}' is not in the lexicon; add it with lexicon.add('{term}', 'verbal_cooperation', 1.0)")

    def _changed(self) -> None:
        self._automaton = None
        h = hashlib.sha1()
        for t in sorted(self._rows):
            r = self._rows[t]
            h.update(f"{t}\t{r['class']}\t{r['weight']!r}\t{r['intensity']!r}\n".encode())
        self.fingerprint = h.hexdigest()

    # ---- views --------------------------------------------------------------------
    @property
    def table(self) -> pd.DataFrame:
        """The rows as a DataFrame: ``term, class, weight, note``."""
        return pd.DataFrame(list(self._rows.values()), columns=list(self.COLUMNS))

    def __len__(self) -> int:
        return len(self._rows)

    def __contains__(self, term: object) -> bool:
        try:
            self._find(str(term))
            return True
        except ScopeError:
            return False

    def __repr__(self) -> str:
        return f"<Lexicon {len(self)} terms>"

    # ---- the compiled matcher ---------------------------------------------------------
    def _compiled(self):
        rules = _rules_key()
        if self._automaton is None or self._automaton[0] != rules:
            self._automaton = (rules, _compile(self._rows.values()))
        return self._automaton[1]


class _RowError(Exception):
    def __init__(self, field_: str, message: str):
        super().__init__(message)
        self.field, self.message = field_, message


def _line_of(rows, i: int) -> int | None:
    lines = getattr(rows, "attrs", {}).get("lines") if isinstance(rows, pd.DataFrame) else None
    return lines[i] if lines and i < len(lines) else None


def _cue_words() -> frozenset:
    return _cue_words_for(_rules_key())


@lru_cache(maxsize=4)
def _cue_words_for(rules: str) -> frozenset:
    return frozenset(_key(c)[0] for group in _cue_groups().values() for c in group)


@dataclass
class _Matcher:
    automaton: object
    kind: np.ndarray      # per entry: _KIND_*
    cls: np.ndarray       # class index (terms) or -1
    sign: np.ndarray      # +1 / -1 / 0
    weight: np.ndarray
    prefix: np.ndarray    # bool: ends in *
    keylen: np.ndarray    # length of the key including its leading space
    say: np.ndarray       # bool: the word is also a verb of saying (voice pre-filter)
    term: list            # the lexicon term or the cue phrase
    intensity: np.ndarray = None  # Goldstein-like intensity of a term (0 for cues)


def _compile(rows) -> _Matcher:
    import ahocorasick

    A = ahocorasick.Automaton()
    kind, cls, sign, weight, prefix, keylen, say, terms, gold = [], [], [], [], [], [], [], [], []
    where: dict[str, int] = {}

    def put(key: str, k: int, c: int, s: int, w: float, p: bool, term: str, is_say: bool = False, g: float = 0.0) -> None:
        akey = " " + key
        if akey in where:  # a lexicon word that is also a verb of saying: one entry, both roles
            i = where[akey]
            kind[i], cls[i], sign[i], weight[i], prefix[i], terms[i], gold[i] = k, c, s, w, p, term, g
            say[i] = say[i] or is_say
            return
        where[akey] = len(kind)
        A.add_word(akey, len(kind))
        kind.append(k); cls.append(c); sign.append(s); weight.append(w); prefix.append(p)
        keylen.append(len(key) + 1); say.append(is_say); terms.append(term); gold.append(g)

    for group in (REPORTING_VERBS, TALK_VERBS, REPORTING_PARTICIPLES):
        for verb in group:
            put(_key(verb)[0], _KIND_SAY, -1, 0, 0.0, False, verb, True)
    for k, group in _cue_groups().items():
        for cue in group:
            key, p = _key(cue)
            put(key, k, -1, 0, 0.0, p, cue)
    for r in rows:
        key, p = _key(r["term"])
        c = _CLASS_NAMES.index(r["class"])
        put(key, _KIND_TERM, c, CLASSES[r["class"]], r["weight"], p, r["term"], g=r.get("intensity", 0.0))
    A.make_automaton()
    return _Matcher(A, np.array(kind, np.int8), np.array(cls, np.int8), np.array(sign, np.int8),
                    np.array(weight, float), np.array(prefix, bool), np.array(keylen, np.int64),
                    np.array(say, bool), terms, np.array(gold, float))


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and check a tone lexicon CSV; return a :class:`Lexicon`.

    With no ``path``, the shipped ``data/lexicons/tone.csv``. Every bad row — an unknown
    class, a weight that is not a number from 0 to 3, an empty or duplicate term, a term
    that is a negation cue — is reported at once in one :class:`araz.TableError` naming
    the file, the line and the column.

    >>> from araz import tone
    >>> lex = tone.load_lexicon()
    >>> lex.table.loc[lex.table.term == "zionist regime", "class"].item()
    'labelling'
    """
    from ..paths import shipped
    from ..tables import read_table

    path = shipped("lexicons", "tone.csv") if path is None else Path(path).expanduser()
    df = read_table(path, "tone")
    return Lexicon(df, path=path)


@lru_cache(maxsize=1)
def _shipped_lexicon() -> Lexicon:
    return load_lexicon()


def _lexicon(lexicon) -> Lexicon:
    if lexicon is None:
        return _shipped_lexicon()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, (str, Path)):
        return load_lexicon(lexicon)
    if isinstance(lexicon, pd.DataFrame):
        return Lexicon(lexicon)
    raise ScopeError(f"lexicon must be a Lexicon, a path to a CSV or None, not {type(lexicon).__name__}")
