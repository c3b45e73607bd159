"""Tone: an explainable cooperation–conflict measure per sentence, with VADER beside it.

A sentence's tone comes from an editable lexicon (``data/lexicons/tone.csv``) of terms
after the CAMEO quad classes — verbal and material cooperation, verbal and material
conflict — plus hostile ``labelling`` (counted apart) and ``neutral`` names that mask the
tone words inside them. The rules a seminar can read aloud:

1. **Matching.** Whole words, case-insensitive; punctuation and hyphens count as spaces; a
   trailing ``*`` matches any ending; the longest phrase wins ("Shanghai Cooperation
   Organization" is a name, so its "cooperation" does not count).
2. **Negation and contrast.** A cue (:data:`NEGATORS`, :data:`CONTRASTS`,
   :data:`RESOLVERS`) flips the sign of a term that follows it within :data:`SCOPE`
   words in the same clause: "cooperation *instead of* confrontation" counts the
   confrontation as cooperation; "*no* to confrontation", "*prevent* crises", "*end* the
   war" likewise. A clause ends at , ; : ( ) — and at "but", "yet", "however".
   "Not X but Y" is a correction, not a rejection: X counts 0. Fixed phrases that only
   look negative ("not only", "no less", "must not" — a warning) flip nothing
   (:data:`KEEPERS`).
3. **Concession.** Terms in a "despite / although" clause count half
   (:data:`CONCESSION`) in ``coop``/``conf``, and the label follows the main clause
   ("Despite such strains, Iran moved to restore ties" is ``coop``, not ``mixed``).
4. **Titles and names in quotation marks** (most words capitalised, as in “Friendship
   Bridge” or a book title) are not scored.
5. **Label.** ``coop`` and ``conf`` are the summed cooperation and conflict weights;
   ``score = (coop - conf) / (coop + conf)`` (0 when nothing matched). The label is
   ``neutral`` when nothing matched, ``mixed`` when the weaker side is at least
   :data:`MIXED_RATIO` of the stronger, else ``coop`` or ``conf``.
6. **Voice.** ``quoted`` when the sentence holds a direct quotation of speech (four
   words or more in quotation marks, not a title), continues a quotation opened in an
   earlier sentence of the paragraph, or reports speech with a verb of saying whose
   subject is a named speaker (a person, title, pronoun, state or capital, "both
   sides"); unnamed sources ("some observers") stay in the author's voice. A reporting
   verb inside a leading "although/despite" clause does not make the sentence quoted.

The written coding rules are in ``data/lexicons/CODEBOOK.md``; hand labels for every
sentence of the shipped corpus are in ``data/annotations/tone_labels.csv``.

>>> import araz
>>> from araz import tone
>>> corpus = araz.load_corpus()
>>> tone.score_sentences(corpus).set_index("citation").loc["alwaght-2025-araghchi-baku ¶11.1", "label"]
'coop'
"""
from __future__ import annotations

import hashlib
import re
import textwrap
import unicodedata
from collections import OrderedDict
from collections.abc import Sequence
from itertools import chain, repeat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, NamedTuple

import numpy as np
import pandas as pd

from . import cache
from .corpus import Corpus, corpus_or_default
from .errors import CitationError, Issue, ScopeError, TableError

# ---------------------------------------------------------------------------------------
# Constants: classes, labels, cues and thresholds (documented in CODEBOOK.md)
# ---------------------------------------------------------------------------------------
CLASSES = {
    "verbal_cooperation": 1, "material_cooperation": 1,
    "verbal_conflict": -1, "material_conflict": -1,
    "labelling": 0, "neutral": 0,
}
TONE_CLASSES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
LABELS = ("coop", "conf", "mixed", "neutral")
VOICES = ("author", "quoted")
MAX_WEIGHT = 3.0

#: words that negate what follows ("no to confrontation", "does not pursue disputes")
NEGATORS = (
    "not", "no", "never", "without", "nor", "neither", "none", "no longer", "non", "zero",
    "cannot", "can't", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't",
    "won't", "wouldn't", "couldn't", "hasn't", "haven't", "hadn't", "far from", "free of",
    "free from", "lack of", "absence of", "refusal to", "refuse to", "refused to",
    "refuses to", "refusing to",
)
#: a rejected alternative ("cooperation instead of confrontation")
CONTRASTS = ("instead of", "rather than", "in place of")
#: de-escalation verbs: ending, resolving or preventing a conflict is cooperation
RESOLVERS = (
    "end", "ends", "ended", "ending", "resolve", "resolves", "resolved", "resolving",
    "settle", "settled", "settling", "prevent", "prevents", "prevented", "preventing",
    "prevention of", "avoid", "avoids", "avoided", "avoiding", "avert", "averted", "defuse",
    "defused", "ease", "eased", "easing", "overcome", "overcoming", "reduce", "reduced",
    "reducing", "stop", "stopped", "halt", "halted",
)
#: phrases that look like cues but flip nothing; they also shield what follows them
KEEPERS = (
    "not only", "not just", "not merely", "not simply", "not least", "no less", "no doubt",
    "no matter", "nothing but", "without doubt", "no wonder", "must not", "must never",
    "should not", "should never", "cannot allow", "will not allow", "would not allow",
    "not allow", "never allow", "of resolve", "firm resolve", "end of the day",
    "if it was not for", "if it were not for", "if not for", "were it not for", "had it not been for",
)
#: concessive openers: their clause counts :data:`CONCESSION`
CONCESSIVES = ("despite", "in spite of", "although", "though", "even though", "even if", "notwithstanding")
#: words that end a clause (besides , ; : ( ) and dashes)
BREAKERS = ("but", "yet", "however", "whereas")
SCOPE = 3            # words allowed between a cue and the term it flips
#: prepositions after a de-escalation verb introduce its means, not its object
MEANS = ("through", "by", "via", "with", "within")
_MEANS = frozenset(MEANS)
CONCESSION = 0.5     # weight of terms inside a concessive clause
MIXED_RATIO = 0.3    # weaker side / stronger side at or above this -> mixed (chosen on the tune split)

#: VADER's labels: its authors' compound thresholds (±0.05), plus "mixed" when both its
#: positive and its negative share of the text reach VADER_MIXED. VADER_MIXED was chosen
#: on the tune split from 0.05–0.3 (and compound thresholds from 0.05–0.5), the same
#: chance our rules had: the authors' ±0.05 with 0.05 scored best.
VADER_POS = 0.05
VADER_NEG = -0.05
VADER_MIXED = 0.05

_KIND_TERM, _KIND_NEG, _KIND_CONTRAST, _KIND_RESOLVE, _KIND_KEEP, _KIND_CONC, _KIND_BREAK, _KIND_SAY = range(8)


def _cue_groups() -> dict:
    """The cue lists as they are now (a seminar may edit ``tone.NEGATORS``)."""
    return {
        _KIND_NEG: NEGATORS, _KIND_CONTRAST: CONTRASTS, _KIND_RESOLVE: RESOLVERS,
        _KIND_KEEP: KEEPERS, _KIND_CONC: CONCESSIVES, _KIND_BREAK: BREAKERS,
    }


_EFFECT_WORD = {_KIND_NEG: "negated by", _KIND_CONTRAST: "rejected by", _KIND_RESOLVE: "ended by"}
_CLASS_NAMES = list(CLASSES)
_CLASS_LABEL = {
    "verbal_cooperation": "verbal cooperation", "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict", "material_conflict": "material conflict",
    "labelling": "labelling", "neutral": "neutral (name)",
}

#: verbs of saying (finite forms): with a named speaker as subject they make a sentence `quoted`
REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "stated", "states", "noted", "notes", "remarked", "remarks",
    "added", "adds", "stressed", "stresses", "stress", "emphasized", "emphasised", "emphasizes", "emphasises",
    "emphasize", "emphasise", "underlined", "underlines", "declared", "declares", "announced", "announces",
    "affirmed", "affirms", "reaffirmed", "reaffirms", "suggested", "suggests", "believes", "believed", "agreed",
    "agrees", "argued", "argues", "claimed", "claims", "insisted", "insists", "warned", "warns", "urged", "urges",
    "called for", "calls for", "denied", "denies", "rejected", "rejects", "accused", "accuses", "welcomed",
    "welcomes", "highlighted", "signaled", "signalled", "signaling", "signalling", "signals", "concluded",
    "explained", "explains", "pointed out", "asserted", "asserts", "vowed", "pledged", "promised", "proposed",
    "recalled", "expressed", "acknowledged", "confirmed", "confirms", "reiterated", "reiterates", "replied",
    "responded",
)
#: "talked / spoke ... about": speech with content (talking *to* someone is a meeting)
TALK_VERBS = ("talked", "spoke", "speaks", "talks")
#: participles after a comma ("He met X, stressing that ..."): quoted when the subject is a named speaker
REPORTING_PARTICIPLES = (
    "stressing", "noting", "adding", "saying", "affirming", "reaffirming", "emphasizing", "emphasising",
    "arguing", "warning", "insisting", "declaring", "stating", "underlining", "recalling", "telling",
    "explaining", "asserting", "reiterating",
)

# ---------------------------------------------------------------------------------------
# Text normalisation: one length-preserving pass over all sentences (numpy look-up tables)
# ---------------------------------------------------------------------------------------
_APOSTROPHES = "'’ʼ‘"
_BREAK_CHARS = ",;:()[]{}—–!?.\n…"


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Look-up tables over the Basic Multilingual Plane: normalised code, word char, break.

    Code points beyond it (emoji…) are looked up at U+FFFF: a space, neither word nor break.
    """
    n = 0x10000
    norm = np.full(n, 32, dtype=np.uint32)
    word = np.zeros(n, dtype=bool)
    for i in range(n - 1):
        ch = chr(i)
        if ch.isalnum() or ch == "\u200c" or (i > 127 and unicodedata.category(ch)[0] == "M"):
            low = ch.lower()
            norm[i] = ord(low) if len(low) == 1 else (ord("i") if ch == "İ" else i)
            word[i] = True
    for ch in _APOSTROPHES:
        norm[ord(ch)] = ord("'")
    brk = np.zeros(n, dtype=bool)
    for ch in _BREAK_CHARS:
        brk[ord(ch)] = True
    return norm, word, brk


_QUOTE_CHARS = "“”\"‘"


@lru_cache(maxsize=1)
def _specials() -> np.ndarray:
    """Over the BMP: 1 for a clause-breaking character, 2 for a quotation mark, else 0."""
    t = np.zeros(0x10000, dtype=np.uint8)
    t[_tables()[2]] = 1
    for ch in _QUOTE_CHARS:
        t[ord(ch)] = 2
    return t


@lru_cache(maxsize=1)
def _tables16() -> np.ndarray:
    """The normalisation table as 16-bit codes (for text without code points beyond the BMP)."""
    return _tables()[0].astype(np.uint16)


@dataclass
class _Prepared:
    joined: str         # "\n" + sentences joined by "\n" + "\n"
    norm: str           # the same, lower-cased, every non-word character a space (same length)
    codes: np.ndarray   # `norm` as code points
    starts: np.ndarray  # where each sentence starts in `joined`
    breaks: np.ndarray  # sorted positions in `joined` of the clause-breaking characters (_BREAK_CHARS)
    quotes: np.ndarray  # sorted positions in `joined` of quotation marks (_QUOTE_CHARS)
    spaces: np.ndarray  # sorted positions of the spaces of `norm` (every non-word character)

    def next_space(self, pos: np.ndarray) -> np.ndarray:
        """``norm.find(" ", p)`` for every ``p`` at once (`norm` always ends in a space)."""
        return self.spaces[np.searchsorted(self.spaces, pos, side="left")]

    def words_between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """``len(norm[a:b].split())`` for spaces ``a`` and word starts ``b`` (``norm[b - 1]`` a space).

        A word lies in ``norm[a:b]`` exactly when the run of spaces before it ends at a
        position ``r`` with ``a <= r < b - 1``, so counting such run ends counts the words.
        """
        sp = self.spaces
        run_end = sp[np.r_[sp[1:] != sp[:-1] + 1, True]] if len(sp) else sp
        return np.searchsorted(run_end, b - 1, side="left") - np.searchsorted(run_end, a, side="left")


def _prepare(texts: list[str]) -> _Prepared:
    norm_t, word_t, brk_t = _tables()
    n = len(texts)
    lens = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.empty(n, dtype=np.int64)
    if n:
        starts[0] = 1
        np.cumsum(lens[:-1] + 1, out=starts[1:])
        starts[1:] += 1
    # one join (not "\n" + join + "\n", which copies the whole text twice more)
    joined = "\n".join(["", *texts, ""]) if n else "\n\n"
    raw = joined.encode("utf-16-le")
    wide = len(raw) != 2 * len(joined)  # code points beyond the BMP: 32-bit codes
    if wide:
        codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        if codes.max() > 0xFFFF:
            codes = np.minimum(codes, 0xFFFF)
        out = _lut(norm_t, codes)
    else:
        codes = np.frombuffer(raw, dtype=np.uint16)
        out = _lut(_tables16(), codes)
    apos = np.flatnonzero(out == 39)
    if len(apos):  # an apostrophe is part of a word only between two letters (can't, Iran's)
        inner = word_t[codes[apos - 1]] & word_t[codes[np.minimum(apos + 1, len(codes) - 1)]]
        out[apos[~inner]] = 32
    space = np.flatnonzero(out == 32)  # every break character and quotation mark is a space in `norm`
    special = _specials()[codes[space]]
    breaks = space[special == 1]
    quotes = space[special == 2]
    if int(out.max(initial=0)) < 128:  # usually: decode one byte a character, straight from the array
        norm = str(memoryview(out.astype(np.uint8)), "ascii")
    else:
        norm = str(memoryview(out), "utf-32-le" if wide else "utf-16-le")
    return _Prepared(joined, norm, out, starts, breaks, quotes, space)


_LUT_CHUNK = 1 << 16


def _lut(table: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """``table[codes]`` in blocks of 64 K: a fancy index first becomes an array of 64-bit
    integers; a block's worth stays in the CPU cache, 50 million at once (400 MB) do not."""
    out = np.empty(len(codes), dtype=table.dtype)
    for i in range(0, len(codes), _LUT_CHUNK):
        np.take(table, codes[i:i + _LUT_CHUNK], out=out[i:i + _LUT_CHUNK])
    return out


def normalise(text: str) -> str:
    """Lower-case ``text`` and turn punctuation into spaces, keeping its length.

    This is how both the lexicon's terms and the sentences are compared.

    >>> normalise("Nagorno-Karabakh’s “liberation”")
    "nagorno karabakh's  liberation "
    """
    if not text:
        return text
    return _prepare([text]).norm[1:-1]


def _key(term: str) -> tuple[str, bool]:
    """The automaton key for a lexicon term: normalised words; and whether it ends in ``*``."""
    t = term.strip()
    prefix = t.endswith("*")
    if prefix:
        t = t[:-1]
    words = normalise(t).split()
    return " ".join(words), prefix


# ---------------------------------------------------------------------------------------
# The lexicon
# ---------------------------------------------------------------------------------------
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

    COLUMNS = ("term", "class", "weight", "note")

    def __init__(self, rows: Iterable[dict] | pd.DataFrame = (), *, path: str | Path | None = None):
        self.path = Path(path) if path is not None else None
        self._rows: dict[str, dict] = {}
        records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)
        issues = []
        keys: dict[str, str] = {}
        for i, rec in enumerate(records):
            line = _line_of(rows, i)
            try:
                row = self._check(rec.get("term"), rec.get("class"), rec.get("weight"), rec.get("note", ""))
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
    def _check(term, cls, weight, note="") -> dict:
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
        return {"term": term, "class": cls, "weight": w, "note": note}

    # ---- editing ------------------------------------------------------------------
    def add(self, term: str, cls: str, weight: float = 1.0, note: str = "") -> "Lexicon":
        """Add (or replace) a term; raise :class:`araz.ScopeError` for a bad class or weight."""
        try:
            row = self._check(term, cls, weight, note)
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
            self._rows[t] = self._check(t, row["class"], weight, row["note"])
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
        """Write the lexicon as CSV (``term,class,weight,note``) and return the path."""
        path = Path(path).expanduser()
        path.parent.mkdir(parents=True, exist_ok=True)
        df = self.table.copy()
        df["weight"] = df["weight"].map(lambda w: f"{w:g}")
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
            h.update(f"{t}\t{r['class']}\t{r['weight']!r}\n".encode())
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


def _compile(rows) -> _Matcher:
    import ahocorasick

    A = ahocorasick.Automaton()
    kind, cls, sign, weight, prefix, keylen, say, terms = [], [], [], [], [], [], [], []
    where: dict[str, int] = {}

    def put(key: str, k: int, c: int, s: int, w: float, p: bool, term: str, is_say: bool = False) -> None:
        akey = " " + key
        if akey in where:  # a lexicon word that is also a verb of saying: one entry, both roles
            i = where[akey]
            kind[i], cls[i], sign[i], weight[i], prefix[i], terms[i] = k, c, s, w, p, term
            say[i] = say[i] or is_say
            return
        where[akey] = len(kind)
        A.add_word(akey, len(kind))
        kind.append(k); cls.append(c); sign.append(s); weight.append(w); prefix.append(p)
        keylen.append(len(key) + 1); say.append(is_say); terms.append(term)

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
        put(key, _KIND_TERM, c, CLASSES[r["class"]], r["weight"], p, r["term"])
    A.make_automaton()
    return _Matcher(A, np.array(kind, np.int8), np.array(cls, np.int8), np.array(sign, np.int8),
                    np.array(weight, float), np.array(prefix, bool), np.array(keylen, np.int64),
                    np.array(say, bool), terms)


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
    from .paths import shipped
    from .tables import read_table

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


# ---------------------------------------------------------------------------------------
# Scoring: one pass of the automaton over all sentences, then numpy on the matches
# ---------------------------------------------------------------------------------------
MATCH_COLUMNS = ["row", "term", "surface", "class", "weight", "cue", "effect", "contribution", "start", "end"]
_BREAK_RE = re.compile(r"[,;:()\[\]{}—–!?.…\n]")


@dataclass
class _Scored:
    coop: np.ndarray
    conf: np.ndarray
    labelling: np.ndarray
    label: np.ndarray
    matches: pd.DataFrame     # one row per matched lexicon word (row = sentence index)
    say_rows: tuple           # (sentence index, offset in it) of each verb of saying (voice pre-filter)
    quote_rows: np.ndarray    # sentences holding a quotation mark
    title_spans: dict         # sentence index -> [(start, end)] of quoted titles and names


def _score_texts(texts: list[str], lex: Lexicon) -> _Scored:
    """Score a list of sentences: per-sentence sums and one row per matched word.

    ``start``/``end`` in the matches are character offsets inside each sentence.
    """
    m = lex._compiled()
    n = len(texts)
    P = _prepare(texts)
    starts = P.starts

    hits = np.fromiter(chain.from_iterable(m.automaton.iter(P.norm)), dtype=np.int64).reshape(-1, 2)
    ends, vals = hits[:, 0], hits[:, 1]
    ws = ends - m.keylen[vals] + 2          # first character of the word (after the space)
    we = ends + 1                           # one past the last character matched
    pre = m.prefix[vals]
    ok = pre | (P.codes[we] == 32)          # whole words, unless the term ends in *
    ws, we, vals, pre = ws[ok], we[ok], vals[ok], pre[ok]
    if pre.any():                           # cooperat* runs to the end of its word
        we = we.copy()
        we[pre] = P.next_space(we[pre])
    say = m.say[vals]
    say_ws = ws[say]
    say_sent = np.searchsorted(starts, say_ws, side="right") - 1
    keep = m.kind[vals] != _KIND_SAY
    ws, we, vals = ws[keep], we[keep], vals[keep]
    # the longest match wins: drop a match inside an earlier or longer one
    order = np.lexsort((-m.keylen[vals], -we, ws))
    ws, we, vals = ws[order], we[order], vals[order]
    if len(we):
        prev_max = np.maximum.accumulate(np.r_[-1, we[:-1]])
        keep = prev_max < we
        ws, we, vals = ws[keep], we[keep], vals[keep]

    kind = m.kind[vals]
    sent = np.searchsorted(starts, ws, side="right") - 1
    is_term = kind == _KIND_TERM
    t_ws, t_we, t_val, t_sent = ws[is_term], we[is_term], vals[is_term], sent[is_term]
    nt = len(t_ws)
    sign = m.sign[t_val].astype(float)
    weight = m.weight[t_val]
    cls = m.cls[t_val]
    factor = np.ones(nt)
    cue_idx = np.full(nt, -1, dtype=np.int64)
    effect_kind = np.full(nt, -1, dtype=np.int64)

    # clause boundaries: punctuation, and the words but / yet / however / whereas
    brk_words = ws[kind == _KIND_BREAK]
    joined, norm = P.joined, P.norm
    breaks = P.breaks

    def same_clause(a: np.ndarray, b: np.ndarray, sel: np.ndarray) -> np.ndarray:
        """For the pairs in ``sel``: no punctuation break and no but/yet/however between a and b."""
        out = sel & (np.searchsorted(breaks, a, side="left") == np.searchsorted(breaks, b, side="left"))
        if len(brk_words):
            out &= np.searchsorted(brk_words, a, side="right") == np.searchsorted(brk_words, b, side="right")
        return out

    scoped = np.isin(kind, (_KIND_NEG, _KIND_CONTRAST, _KIND_RESOLVE, _KIND_KEEP))
    c_ws, c_we, c_val, c_kind = ws[scoped], we[scoped], vals[scoped], kind[scoped]
    if len(c_ws) and nt:
        j = np.searchsorted(c_ws, t_ws, side="left") - 1
        valid = j >= 0
        jj = np.where(valid, j, 0)
        valid &= (c_we[jj] <= t_ws) & (t_ws - c_we[jj] <= 40 * (SCOPE + 1))
        valid = same_clause(c_ws[jj], t_ws, valid)
        # words between the cue and the term (counted with numpy: a cue's end is a space)
        idx = np.flatnonzero(valid)
        if len(idx):
            too_far = P.words_between(c_we[jj[idx]], t_ws[idx]) > SCOPE
            valid[idx[too_far]] = False
            # "resolved through dialogue": the means of resolving is not what is ended
            # (read word by word only for the few de-escalation verbs still in scope)
            idx = idx[~too_far & (c_kind[jj[idx]] == _KIND_RESOLVE)]
            if len(idx):
                means = [bool(_MEANS.intersection(norm[x:y].split())) for x, y in zip(c_we[jj[idx]].tolist(), t_ws[idx].tolist())]
                valid[idx[np.array(means, dtype=bool)]] = False
        # a cue governs only the first tone word after it ("far from isolated like its foes")
        tone_word = valid & (sign != 0)
        if tone_word.any():
            idx = np.flatnonzero(tone_word)
            cues = jj[idx]                       # non-decreasing: terms are in text order
            later = np.zeros(nt, dtype=bool)
            later[idx[1:][cues[1:] == cues[:-1]]] = True
            valid &= ~later
        flips = valid & (c_kind[jj] != _KIND_KEEP) & (sign != 0)
        cue_idx[valid] = c_val[jj[valid]]
        effect_kind[valid] = c_kind[jj[valid]]
        factor[flips] = -1.0
        # "not X but Y": X is corrected, not rejected
        neg = flips & (c_kind[jj] == _KIND_NEG)
        if neg.any():
            is_but = (np.array(m.term, dtype=object) == "but")[vals[kind == _KIND_BREAK]]  # per entry, then per word
            buts = brk_words[is_but] if len(brk_words) else brk_words
            if len(buts):
                b = np.searchsorted(buts, t_ws, side="right")
                has = b < len(buts)
                bpos = buts[np.minimum(b, len(buts) - 1)]
                corrected = neg & has & (np.searchsorted(starts, bpos, side="right") - 1 == t_sent)
                factor[corrected] = 0.0
                effect_kind[corrected] = 99
    conc = kind == _KIND_CONC
    conceded = np.zeros(nt, dtype=bool)
    if conc.any() and nt:
        k_ws = ws[conc]
        j = np.searchsorted(k_ws, t_ws, side="left") - 1
        valid = j >= 0
        jj = np.where(valid, j, 0)
        valid = same_clause(k_ws[jj], t_ws, valid)
        conceded = valid & (sign != 0)
        factor[conceded] *= CONCESSION
    # titles and names in quotation marks are not scored
    quote_rows = np.unique(np.searchsorted(starts, P.quotes, side="right") - 1).astype(np.int64)
    title_spans = _title_spans(texts, quote_rows)
    masked = np.zeros(nt, dtype=bool)
    if title_spans and nt:
        # spans do not overlap: a term is masked when it starts inside the last span opened before it
        span_a = np.array([starts[r] + a for r, sp in title_spans.items() for a, _ in sp], dtype=np.int64)
        span_b = np.array([starts[r] + b for r, sp in title_spans.items() for _, b in sp], dtype=np.int64)
        order = np.argsort(span_a, kind="stable")
        span_a, span_b = span_a[order], span_b[order]
        j = np.searchsorted(span_a, t_ws, side="right") - 1
        masked = (j >= 0) & (t_ws < span_b[np.maximum(j, 0)])
    factor[masked] = 0.0
    contribution = sign * weight * factor + 0.0  # no negative zero
    labelling = np.where((cls == _CLASS_NAMES.index("labelling")) & ~masked, weight, 0.0)

    coop = np.bincount(t_sent, weights=np.clip(contribution, 0, None), minlength=n)[:n]
    conf = np.bincount(t_sent, weights=np.clip(-contribution, 0, None), minlength=n)[:n]
    lab = np.bincount(t_sent, weights=labelling, minlength=n)[:n]
    # the label follows the main clause: a concessive clause alone does not make it mixed
    main = ~conceded
    main_coop = np.bincount(t_sent[main], weights=np.clip(contribution[main], 0, None), minlength=n)[:n]
    main_conf = np.bincount(t_sent[main], weights=np.clip(-contribution[main], 0, None), minlength=n)[:n]
    label = np.where(main_coop + main_conf > 0, _labels(main_coop, main_conf), _labels(coop, conf))

    # the long table of matched words
    cls_names = np.array(_CLASS_NAMES, dtype=object)[cls]
    terms_arr = np.array(m.term, dtype=object)
    cue_txt = np.where(cue_idx >= 0, terms_arr[np.maximum(cue_idx, 0)], "")
    eff = np.full(nt, "", dtype=object)
    for k, word_ in _EFFECT_WORD.items():
        sel = (effect_kind == k) & (factor != 0) & (sign != 0)
        if sel.any():
            eff[sel] = [f"flipped: {word_} '{c}'" for c in cue_txt[sel]]
    sel = effect_kind == _KIND_KEEP
    if sel.any():
        eff[sel] = [f"not flipped: '{c}' is not a negation" for c in cue_txt[sel]]
    sel = effect_kind == 99
    if sel.any():
        eff[sel] = [f"0: 'not … but' corrects '{c}'…, it does not reject it" for c in cue_txt[sel]]
    sel = conceded & (factor != 0)
    if sel.any():
        eff[sel] = [f"{e + '; ' if e else ''}×{CONCESSION:g} inside a concessive clause" for e in eff[sel]]
    eff[masked] = "0: inside a quoted title or name"
    eff[(cls_names == "neutral")] = "0: a name or fixed phrase"
    eff[(cls_names == "labelling") & ~masked] = "counted as labelling, not tone"
    joined = P.joined
    surface = list(map(joined.__getitem__, map(slice, t_ws.tolist(), t_we.tolist())))  # no bytecode per word
    matches = pd.DataFrame({
        "row": t_sent, "term": terms_arr[t_val], "surface": surface, "class": cls_names, "weight": weight,
        "cue": cue_txt, "effect": eff, "contribution": contribution,
        "start": t_ws - starts[t_sent], "end": t_we - starts[t_sent],
    }, columns=MATCH_COLUMNS)
    return _Scored(coop, conf, lab, label, matches, (say_sent, say_ws - starts[say_sent] if len(say_ws) else say_ws), quote_rows, title_spans)


_TITLE_QUOTE = re.compile(r"“([^”]{1,200})”|\"([^\"]{1,200})\"|‘([^’]{1,200})’")
_SMALL_WORDS = frozenset("of the and to in on for a an at by with".split())
_WORD_RE = re.compile(r"[^\W\d_][\w'’\-]*")


def _is_title(inner: str) -> bool:
    """A quotation whose content words are mostly capitalised is a title or a name, not speech."""
    words = _WORD_RE.findall(inner)
    if not words:
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS] or words
    return sum(1 for w in content if w[0].isupper()) / len(content) >= 0.6


def _title_spans(texts, rows) -> dict:
    out = {}
    for r in rows.tolist():
        s = [(mm.start(), mm.end()) for mm in _TITLE_QUOTE.finditer(texts[r])
             if _is_title(next(g for g in mm.groups() if g is not None))]
        if s:
            out[r] = s
    return out


def _labels(coop: np.ndarray, conf: np.ndarray) -> np.ndarray:
    total = coop + conf
    hi = np.maximum(coop, conf)
    lo = np.minimum(coop, conf)
    code = np.where(coop >= conf, 0, 1)
    code[(lo > 0) & (lo >= MIXED_RATIO * hi)] = 2
    code[total <= 0] = 3
    return _LABEL_OBJECTS[code]  # the four strings shared, not one new string per sentence


_LABEL_OBJECTS = np.array(["coop", "conf", "mixed", "neutral"], dtype=object)


# ---------------------------------------------------------------------------------------
# Voice: author or quoted
# ---------------------------------------------------------------------------------------
def _alt(words) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


_SAY = _alt(REPORTING_VERBS) + "|" + rf"(?:{_alt(TALK_VERBS)})(?:\s+\w+){{0,3}}?\s+about"
_STOP = (
    "The|This|That|These|Those|Their|Its|It|A|An|In|On|At|For|With|As|By|From|Such|Some|Many|Multiple|"
    "Other|Another|Each|Neither|Although|Though|Despite|While|When|Also|But|And|Yet|So|If|Last|Next|"
    "During|After|Before|Following|Given|Today|Observers|Analysts|Experts|Reports|Report|Sources|Critics|"
    "Officials|Media|People|Residents|Witnesses|Experience|Altogether|Earlier|Later|Looking|Significantly|"
    "Participants|There|Here|What|Which|Who|Why|How|Most|All|Any|Several|Few|One|Two|Three|Our|We|I|You|Your|My"
)
_CONCESSIVE_LEAD = re.compile(r"^(?:Although|Though|Even though|Despite|While|Whereas)\b[^,]*,")
_SPEECH_QUOTE = re.compile(r"“([^”]+)”?|\"([^\"]+)\"")


_STOP_WORDS = frozenset(_STOP.split("|"))
_PRONOUNS = frozenset(("he", "she", "they"))
_NOT_BETWEEN = frozenset(("and", "or", "but", "nor", "that", "which", "who", "whom"))
_SAY_AT = re.compile(rf"(?:{_SAY})\b")
_PARTICIPLE_SET = frozenset(REPORTING_PARTICIPLES)
_SAY_FIND = re.compile(rf"\b(?:{_SAY}|{_alt(REPORTING_PARTICIPLES)})\b", re.IGNORECASE)


def _find_say(texts) -> tuple[np.ndarray, np.ndarray]:
    rows, offs = [], []
    for i, t in enumerate(texts):
        for mm in _SAY_FIND.finditer(t):
            rows.append(i)
            offs.append(mm.start())
    return np.array(rows, dtype=np.int64), np.array(offs, dtype=np.int64)


def _is_speaker(tokens: list[str], k: int) -> bool:
    """Is ``tokens[k]`` a named speaker: a capitalised name, he/she/they, or 'both sides'?"""
    w = tokens[k]
    if w.lower() in _PRONOUNS:
        return True
    if w.lower() == "sides" and k > 0 and tokens[k - 1].lower() in ("both", "two"):
        return True
    return bool(w[:1].isupper() and w[-1:].isalnum() and w not in _STOP_WORDS)


_FIRST_TOKEN = re.compile(r"\s*(\S+)")


def _lead_end(text: str) -> int:
    """Where a leading "although/despite …," clause of ``text`` ends; -1 when there is none."""
    lead = _CONCESSIVE_LEAD.match(text)
    return lead.end() if lead else -1


def _reported(text: str, off: int, lead_end: int | None = None) -> str | None:
    """The reason a verb of saying at ``off`` makes ``text`` quoted, or None (rule V3).

    ``lead_end`` is :func:`_lead_end` of ``text`` (a sentence with several verbs of saying
    computes it once).
    """
    if lead_end is None:
        lead_end = _lead_end(text)
    if off < lead_end:
        return None  # "Although officials denied ..., the author says ..."
    verb_m = _SAY_AT.match(text, off)
    if verb_m:
        # the last tokens before the verb are all that is read: split only those (the
        # first element of rsplit's list, the unsplit rest, is never reached below)
        tokens = text[max(0, off - 160):off].rsplit(None, 5)
        # subject + up to three lower-case words (has, also, firmly, aims to) + verb
        for k in range(len(tokens) - 1, max(len(tokens) - 5, -1), -1):
            if _is_speaker(tokens, k):
                subject = " ".join(tokens[k - 1:k + 1]) if tokens[k].lower() == "sides" else tokens[k]
                return f"reported speech: '{subject} {text[off:verb_m.end()]}'" if k == len(tokens) - 1 else \
                    f"reported speech: '{subject} {' '.join(tokens[k + 1:])} {text[off:verb_m.end()]}'"
            w = tokens[k]
            if not (w.isalpha() and w.islower()) or w in _NOT_BETWEEN:
                break
    first = _FIRST_TOKEN.match(text, off)  # the first whitespace-separated token from `off`
    word = first.group(1).strip(",.;:").lower() if first else ""
    if word in _PARTICIPLE_SET and text[:off].rstrip().endswith(","):
        # "He met X, stressing that ...": the sentence's subject must be a named speaker
        head = text[:off]
        first_comma = head.find(",")
        start = first_comma + 1 if 0 <= first_comma <= 60 and first_comma < len(head.rstrip()) - 1 else 0
        subj = head[start:].split()
        if subj and (_is_speaker(subj, 0) or (len(subj) > 1 and _is_speaker(subj, 1) and subj[1].lower() == "sides")):
            return f"reported speech: '…, {word}' with a named speaker as subject"
        if start and head.split() and _is_speaker(head.split(), 0):
            return f"reported speech: '…, {word}' with a named speaker as subject"
    return None


def _voice(sent: pd.DataFrame, say_rows=None, quote_rows=None) -> tuple[np.ndarray, np.ndarray]:
    """``author``/``quoted`` per sentence, with the reason (codebook rules V1–V4).

    ``say_rows`` and ``quote_rows`` (from the scoring pass) limit the regular expressions
    to the sentences that can be quoted at all.

    Precedence: a direct quotation (V1) wins over everything, a quotation continued from
    an earlier sentence (V2) over reported speech (V3). So V1 is found first, and V3 is
    tried only on sentences that neither V1 nor V2 already made quoted.
    """
    texts = sent["text"].tolist()
    n = len(texts)
    voice = np.full(n, "author", dtype=object)
    reason = np.full(n, "no quotation and no verb of saying with a named speaker", dtype=object)
    if quote_rows is None:
        quote_rows = np.array([i for i, t in enumerate(texts) if "“" in t or "”" in t or '"' in t], dtype=np.int64)
    decided = np.zeros(n, dtype=bool)  # quoted by V1 or V2: V3 need not look
    # V2: inside a quotation opened earlier in the same paragraph
    if len(quote_rows):
        opens = np.zeros(n, dtype=np.int64)
        straight = np.zeros(n, dtype=np.int64)
        for i in quote_rows.tolist():
            t = texts[i]
            opens[i] = t.count("“") - t.count("”")
            straight[i] = t.count('"') % 2
        doc = pd.factorize(sent["doc_id"])[0]
        par = sent["paragraph"].to_numpy()
        new = np.r_[True, (doc[1:] != doc[:-1]) | (par[1:] != par[:-1])]
        grp = np.cumsum(new) - 1
        def seg_before(x):
            cs = np.cumsum(x)
            first = np.flatnonzero(new)
            base = (cs - x)[first]
            return cs - x - base[grp]
        inside = (seg_before(opens) > 0) | (seg_before(straight) % 2 == 1)
        voice[inside] = "quoted"
        reason[inside] = "continues a quotation opened in an earlier sentence"
        decided |= inside
    # V1: a direct quotation of speech (>= 4 words, not a title)
    direct_rows, direct_reasons = [], []
    for i in quote_rows.tolist():
        for mm in _SPEECH_QUOTE.finditer(texts[i]):
            inner = next(g for g in mm.groups() if g is not None)
            if len(inner.split()) >= 4 and not _is_title(inner):
                short = inner if len(inner) <= 40 else inner[:37] + "…"
                direct_rows.append(i)
                direct_reasons.append(f"direct quotation: “{short}”")
                break
    decided[direct_rows] = True
    # V3: a verb of saying with a named speaker (not inside a leading concessive clause)
    if say_rows is None:  # no scoring pass: find the verbs here
        say_rows = _find_say(texts)
    rows, offs = (np.asarray(x, dtype=np.int64) for x in say_rows)
    todo = ~decided[rows]
    done = decided.tolist()            # a list: indexed once per verb, faster than an array
    said_rows, said_reasons = [], []
    lead_row, text, lead_end = -1, "", -1
    for i, off in zip(rows[todo].tolist(), offs[todo].tolist()):
        if done[i]:
            continue
        if i != lead_row:
            lead_row, text = i, texts[i]
            lead_end = _lead_end(text)
        found = _reported(text, off, lead_end)
        if found:
            done[i] = True
            said_rows.append(i)
            said_reasons.append(found)
    if said_rows:
        voice[said_rows] = "quoted"
        reason[said_rows] = said_reasons
    if direct_rows:
        voice[direct_rows] = "quoted"
        reason[direct_rows] = direct_reasons
    return voice, reason


# ---------------------------------------------------------------------------------------
# Public scoring functions
# ---------------------------------------------------------------------------------------
SENTENCE_COLUMNS = [
    "doc_id", "paragraph", "sentence", "citation", "text", "voice", "coop", "conf", "score",
    "label", "labelling", "terms", "matches", "voice_reason",
]


def _store(corpus: Corpus) -> OrderedDict:
    return corpus.cached("araz.tone", OrderedDict)


def _memo(corpus: Corpus, key, compute, size: int = 8, persist: bool = False, build=None):
    """Per-corpus memo holding the last ``size`` results (a tone lab edits the lexicon often).

    With ``persist`` the result is also kept on disk for large folder corpora
    (``corpus.cached(..., persist=True)``), so a restarted notebook reads it back.
    ``build``, if given, turns what ``compute`` returns (and what is kept on disk) into
    the value held in memory — freshly computed or read back, the same way.
    """
    store = _store(corpus)
    if key in store:
        store.move_to_end(key)
        return store[key]
    if persist:
        full = ("araz.tone",) + key
        value = corpus.cached(full, compute, persist=True)
        corpus.cache.pop(full, None)  # this memo, not the corpus-wide one, keeps it in memory
    else:
        value = compute()
    if build is not None:
        value = build(value)
    store[key] = value
    while len(store) > size:
        store.popitem(last=False)
    return value


def _rules_key() -> str:
    """A hash of the rule settings, so that changing e.g. ``tone.MIXED_RATIO`` re-scores."""
    parts = (NEGATORS, CONTRASTS, RESOLVERS, KEEPERS, CONCESSIVES, BREAKERS, MEANS, SCOPE, CONCESSION,
             MIXED_RATIO, REPORTING_VERBS, TALK_VERBS, REPORTING_PARTICIPLES)
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:16]


class TermMatch(NamedTuple):
    """One matched word of a sentence (``score_sentences(...)['matches']`` holds a list of these)."""

    term: str
    surface: str
    cls: str
    weight: float
    cue: str
    effect: str
    contribution: float
    start: int
    end: int


def _readable(matches: pd.DataFrame, n: int) -> np.ndarray:
    """One readable string per sentence: 'cooperation +1.0; confrontation +1.5 (flipped…)'."""
    out = np.full(n, "", dtype=object)
    cls = matches["class"].to_numpy()
    tone = cls != "neutral"
    if not tone.any():
        return out
    rows = matches["row"].to_numpy()[tone]
    surface = matches["surface"].to_numpy()[tone].tolist()
    # Each part is "<surface><tail>": the tail (" +1.5 (flipped…)", then "; " inside a
    # sentence or "\x00" at its end) takes few distinct values, so it is formatted once per
    # distinct value and the parts are joined in one go, then split at the "\x00"s.
    c_codes, c_uniq = pd.factorize(matches["contribution"].to_numpy()[tone])
    e_codes, e_uniq = pd.factorize(matches["effect"].to_numpy()[tone])
    contrib = [f"{v:+.1f}" for v in c_uniq.tolist()] + ["[label]"]
    c_codes[cls[tone] == "labelling"] = len(contrib) - 1
    last = np.r_[rows[1:] != rows[:-1], True]
    combo = (c_codes.astype(np.int64) * len(e_uniq) + e_codes) * 2 + last
    t_uniq, t_codes = np.unique(combo, return_inverse=True)
    e_list = e_uniq.tolist()
    tails = []
    for v in t_uniq.tolist():
        ce, z = divmod(v, 2)
        c, e = contrib[ce // len(e_list)], e_list[ce % len(e_list)]
        tails.append(f" {c} ({e})" if e and c != "[label]" else f" {c}")
        tails[-1] += "\x00" if z else "; "
    tail = np.array(tails, dtype=object)[t_codes.ravel()].tolist()
    texts = "".join(chain.from_iterable(zip(surface, tail))).split("\x00")
    keys = rows[last]
    if len(texts) == len(keys) + 1:
        out[keys] = texts[:-1]
    else:  # a "\x00" inside a surface: join sentence by sentence
        parts = [a + b[:-1] if b.endswith("\x00") else a + b[:-2] for a, b in zip(surface, tail)]
        bounds = np.flatnonzero(np.r_[True, last]).tolist()
        for r, a, b in zip(keys.tolist(), bounds[:-1], bounds[1:]):
            out[r] = "; ".join(parts[a:b])
    return out


class _MatchTable:
    """The columns of all matched words, shared by every :class:`MatchList` of a scoring run.

    Kept as arrays and turned into Python lists on first access (most sentences are never opened).
    """

    __slots__ = ("_arrays", "_cols")

    def __init__(self, arrays: tuple):
        self._arrays, self._cols = arrays, None

    @property
    def cols(self) -> tuple:
        if self._cols is None:
            self._cols = tuple(a.tolist() for a in self._arrays)
            self._arrays = None
        return self._cols

    def __getstate__(self):
        return self.cols

    def __setstate__(self, cols):
        self._arrays, self._cols = None, cols


class MatchList(Sequence):
    """The matched words of one sentence: a read-only sequence of :class:`TermMatch`.

    Built lazily over one shared table so that scoring 10,000 articles does not create a
    Python object per word; ``list(m)`` or ``[t._asdict() for t in m]`` give plain data.
    """

    __slots__ = ("_table", "_a", "_b")

    def __init__(self, table: _MatchTable, a: int, b: int):
        self._table, self._a, self._b = table, a, b

    def __len__(self) -> int:
        return self._b - self._a

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("match index out of range")
        return TermMatch(*(c[self._a + i] for c in self._table.cols))

    def __eq__(self, other) -> bool:
        return list(self) == list(other) if isinstance(other, (list, tuple, MatchList)) else NotImplemented

    def __repr__(self) -> str:
        return repr(list(self))


_NO_MATCHES = MatchList(_MatchTable(()), 0, 0)


def _records(matches: pd.DataFrame, n: int) -> np.ndarray:
    """The structured form: per sentence, a :class:`MatchList` of its matched words."""
    out = np.empty(n, dtype=object)
    out.fill(_NO_MATCHES)
    if matches.empty:
        return out
    table = _MatchTable(tuple(matches[c].to_numpy() for c in ("term", "surface", "class", "weight", "cue", "effect", "contribution", "start", "end")))
    rows = matches["row"].to_numpy()
    first = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])   # rows are sorted: one run per sentence
    stop = np.r_[first[1:], len(rows)]
    # map() calls the class without a Python loop; fromiter keeps numpy from unpacking the sequences
    lists = np.fromiter(map(MatchList, repeat(table), first.tolist(), stop.tolist()), dtype=object, count=len(first))
    out[rows[first]] = lists
    return out


#: the per-sentence columns :func:`_score` computes (and keeps on disk); the others are
#: copied from ``corpus.sentences`` and ``matches`` is rebuilt from the long table
_COMPUTED = ["voice", "coop", "conf", "score", "label", "labelling", "terms", "voice_reason"]


def _score(corpus: Corpus, lex: Lexicon) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two public frames of a corpus (``score_sentences`` and ``matches``), memoised.

    What is persisted is compact: the computed per-sentence columns and the long table of
    matched words with its integer ``row`` — text, numbers and a few repeated strings,
    which the on-disk cache stores column by column — not the columns copied from
    ``corpus.sentences`` nor a column of Python objects. :func:`_assemble` builds the
    frames from it, after computing as after reading, so both give the same frames.
    """
    def compute():
        s = corpus.sentences
        sc = _score_texts(s["text"].tolist(), lex)
        coop = np.asarray(sc.coop, dtype=float)
        conf = np.asarray(sc.conf, dtype=float)
        total = coop + conf
        score = np.divide(coop - conf, total, out=np.zeros_like(total), where=total > 0)
        voice, reason = _voice(s, sc.say_rows, sc.quote_rows)
        per = pd.DataFrame({
            "voice": voice, "coop": coop, "conf": conf, "score": score, "label": sc.label,
            "labelling": sc.labelling, "terms": _readable(sc.matches, len(s)), "voice_reason": reason,
        }, columns=_COMPUTED)
        return per, sc.matches

    with cache.gc_paused():
        return _memo(corpus, ("scores", lex.fingerprint, _rules_key()), compute, persist=True,
                     build=lambda value: _assemble(corpus.sentences, *value))


def _assemble(s: pd.DataFrame, per: pd.DataFrame, m: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The public frames from the computed columns ``per`` and the matched words ``m`` (with ``row``)."""
    df = s[["doc_id", "paragraph", "sentence", "citation", "text"]].reset_index(drop=True)
    for col in _COMPUTED:
        df[col] = per[col].array  # the arrays as they are: no copy, no re-inferred dtype
    df["matches"] = _records(m, len(df))
    df = df[SENTENCE_COLUMNS]
    rows = m["row"].to_numpy()
    citation = s["citation"]
    long = m.drop(columns="row")
    if isinstance(citation.dtype, pd.StringDtype):  # take the strings without checking each again
        long.insert(0, "citation", citation.array.take(rows))
    else:
        long.insert(0, "citation", citation.to_numpy()[rows])
    return df, long


def score_sentences(corpus: Corpus | None = None, lexicon: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """Return one row per sentence with its tone, voice and the words that drove it.

    Columns: ``doc_id, paragraph, sentence, citation, text, voice`` (author/quoted),
    ``coop, conf`` (summed cooperation and conflict weights after negation),
    ``score`` (``(coop - conf) / (coop + conf)``, −1 conflict … +1 cooperation, 0 when
    nothing matched), ``label`` (coop/conf/mixed/neutral), ``labelling`` (weight of
    hostile labels, kept apart from tone), ``terms`` (readable: each matched word with its
    contribution and any flip), ``matches`` (the same, structured: a sequence of
    :class:`TermMatch` named tuples — term, surface, cls, weight, cue, effect,
    contribution, start, end, offsets inside the sentence; ``m._asdict()`` gives a dict;
    :func:`matches` gives them all as one long table), ``voice_reason`` (which voice rule
    fired). Cached per corpus and per lexicon content.

    >>> import araz
    >>> from araz import tone
    >>> df = tone.score_sentences(araz.load_corpus())
    >>> len(df), sorted(df["label"].unique())
    (121, ['conf', 'coop', 'mixed', 'neutral'])
    """
    corpus = corpus_or_default(corpus)
    return _score(corpus, _lexicon(lexicon))[0].copy()


def matches(corpus: Corpus | None = None, lexicon: Lexicon | str | Path | None = None) -> pd.DataFrame:
    """Return one row per matched word: the long form of ``score_sentences(...)['matches']``.

    Columns: ``citation, term`` (lexicon entry), ``surface`` (as written), ``class,
    weight, cue`` (the negation/contrast cue in scope, if any), ``effect`` (what the rules
    did), ``contribution`` (signed: + cooperation, − conflict), ``start, end`` (offsets
    inside the sentence).

    >>> import araz
    >>> from araz import tone
    >>> m = tone.matches(araz.load_corpus())
    >>> m.loc[m.term == "israeli regime", "class"].iloc[0]
    'labelling'
    """
    corpus = corpus_or_default(corpus)
    return _score(corpus, _lexicon(lexicon))[1].copy()


def score_text(text: str, lexicon: Lexicon | str | Path | None = None) -> "Explanation":
    """Score one sentence typed by a user (the tone lab); return an :class:`Explanation`.

    >>> from araz import tone
    >>> tone.score_text("Tehran is ready for cooperation instead of confrontation.").label
    'coop'
    """
    if not isinstance(text, str) or not text.strip():
        raise ScopeError("type a sentence to score")
    lex = _lexicon(lexicon)
    text = " ".join(text.split())
    sc = _score_texts([text], lex)
    frame = pd.DataFrame({"doc_id": ["typed"], "paragraph": [1], "sentence": [1], "text": [text]})
    voice, reason = _voice(frame, sc.say_rows, sc.quote_rows)
    return _explanation(None, text, str(voice[0]), str(reason[0]), float(sc.coop[0]), float(sc.conf[0]),
                        float(sc.labelling[0]), sc.matches.drop(columns="row"), label=str(sc.label[0]))


# ---------------------------------------------------------------------------------------
# Explanations
# ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Explanation:
    """Why a sentence got its tone: each matched word, its class, contribution and flips.

    ``words`` has columns ``surface, term, class, weight, cue, effect, contribution``.
    ``hand`` and ``vader`` are filled for a sentence of a corpus with hand labels.
    ``str(explanation)`` reads aloud in a seminar.
    """

    citation: str | None
    text: str
    voice: str
    voice_reason: str
    coop: float
    conf: float
    score: float
    label: str
    labelling: float
    words: pd.DataFrame = field(compare=False, repr=False)
    hand: dict | None = None
    vader: dict | None = None

    def __str__(self) -> str:
        head = f"{self.citation}  ({self.voice} voice)" if self.citation else f"typed sentence  ({self.voice} voice)"
        lines = [head, *("  " + ln for ln in textwrap.wrap(self.text, 96)), ""]
        w = self.words
        if w.empty:
            lines.append("  no lexicon term in this sentence")
        for r in w.itertuples(index=False):
            cls = _CLASS_LABEL.get(r._2, r._2)
            if r._2 == "labelling":
                amount = "label"
            elif r._2 == "neutral":
                amount = "0"
            else:
                base = CLASSES[r._2] * r.weight
                amount = f"{base:+.1f}" if abs(r.contribution - base) < 1e-9 else f"{base:+.1f} → {r.contribution:+.1f}"
            lines.append(f"  {r.surface:<22} {cls:<22} {amount:<12} {r.effect}".rstrip())
        lines.append("")
        lines.append(f"cooperation {self.coop:.1f} · conflict {self.conf:.1f} · net tone {self.score:+.2f} → {self.label}"
                     + (f" · hostile labels {self.labelling:g} (not tone)" if self.labelling else ""))
        lines.append(f"voice: {self.voice} ({self.voice_reason})")
        if self.hand:
            lines.append(f"hand label: {self.hand['label']} ({self.hand['voice']}), {self.hand['split']} split — {self.hand['note']}")
        if self.vader:
            lines.append(f"VADER: compound {self.vader['compound']:+.2f} → {self.vader['label']}")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):  # IPython shows the readable form
        p.text(str(self))


def _explanation(citation, text, voice, reason, coop, conf, labelling, words, hand=None, vader=None, *, label) -> Explanation:
    total = coop + conf
    score = (coop - conf) / total if total > 0 else 0.0
    cols = ["surface", "term", "class", "weight", "cue", "effect", "contribution"]
    return Explanation(citation, text, voice, reason, coop, conf, score, label, labelling,
                       words[cols].reset_index(drop=True), hand, vader)


def explain(corpus: Corpus | None, citation: str, lexicon: Lexicon | str | Path | None = None) -> Explanation:
    """Return an :class:`Explanation` of one sentence's tone (print it to read it aloud).

    >>> import araz
    >>> from araz import tone
    >>> ex = tone.explain(araz.load_corpus(), "alwaght-2025-araghchi-baku ¶11.1")
    >>> ex.label, ex.words.loc[ex.words.surface == "confrontation", "contribution"].item()
    ('coop', 1.5)
    """
    corpus = corpus_or_default(corpus)
    span = corpus.locate(citation)
    if span.sentence is None:
        raise CitationError(f"'{citation}' is a paragraph; explain one sentence, e.g. '{citation}.1'")
    cit = span.citation
    df, m = _score(corpus, _lexicon(lexicon))
    row = df.loc[df["citation"] == cit].iloc[0]
    words = m[m["citation"] == cit]
    hand = vader = None
    try:
        labels = load_labels(corpus)
        h = labels[labels["citation"] == cit]
        if len(h):
            hand = h.iloc[0][["label", "voice", "split", "note"]].to_dict()
    except ScopeError:
        pass
    v = score_vader(corpus)
    vr = v[v["citation"] == cit]
    if len(vr):
        vader = {"compound": float(vr["compound"].iloc[0]), "label": vr["vader_label"].iloc[0]}
    return _explanation(cit, row["text"], row["voice"], row["voice_reason"], float(row["coop"]), float(row["conf"]),
                        float(row["labelling"]), words, hand, vader, label=row["label"])


# ---------------------------------------------------------------------------------------
# Aggregates: every one carries its n
# ---------------------------------------------------------------------------------------
STAT_COLUMNS = ["n", "coop", "conf", "score", "n_coop", "n_conf", "n_mixed", "n_neutral", "labelling"]


def _pick_voice(df: pd.DataFrame, voice: str | None) -> pd.DataFrame:
    if voice in (None, "all", "both"):
        return df
    if voice not in VOICES:
        raise ScopeError(f"voice '{voice}' is unknown; use 'author', 'quoted', 'both' or None (all sentences)")
    return df[df["voice"] == voice]


def _summarise(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    d = df.assign(**{f"n_{lab}": (df["label"] == lab).astype(int) for lab in LABELS})
    g = d.groupby(keys, sort=False, dropna=False)
    out = g.agg(n=("citation", "size"), coop=("coop", "sum"), conf=("conf", "sum"), score=("score", "mean"),
                n_coop=("n_coop", "sum"), n_conf=("n_conf", "sum"), n_mixed=("n_mixed", "sum"),
                n_neutral=("n_neutral", "sum"), labelling=("labelling", "sum")).reset_index()
    return out


def by_paragraph(corpus: Corpus | None = None, lexicon=None, *, voice: str | None = None) -> pd.DataFrame:
    """Return tone per paragraph: ``doc_id, paragraph, citation, is_heading, n`` (sentences),
    ``coop, conf`` (sums), ``score`` (mean net tone of its sentences), ``n_coop, n_conf,
    n_mixed, n_neutral, labelling``. ``voice`` keeps only ``author`` or ``quoted`` sentences.

    >>> import araz
    >>> from araz import tone
    >>> row = tone.by_paragraph(araz.load_corpus()).iloc[0]
    >>> row["citation"], int(row["n"])
    ('mehr-2021-korybko ¶1', 27)
    """
    corpus = corpus_or_default(corpus)
    s = _pick_voice(score_sentences(corpus, lexicon), voice)
    out = _summarise(s, ["doc_id", "paragraph"])
    p = corpus.paragraphs[["doc_id", "paragraph", "citation", "is_heading"]]
    out = p.merge(out, on=["doc_id", "paragraph"], how="inner")
    return out[["doc_id", "paragraph", "citation", "is_heading", *STAT_COLUMNS]]


def by_document(corpus: Corpus | None = None, lexicon=None, *, voice: str | None = None) -> pd.DataFrame:
    """Return tone per document: ``doc_id, outlet, published_start, published_end,
    date_estimate, date_label, n`` (sentences) and the tone statistics of :func:`by_paragraph`.

    >>> import araz
    >>> from araz import tone
    >>> int(tone.by_document(araz.load_corpus())["n"].sum())
    121
    """
    corpus = corpus_or_default(corpus)
    s = _pick_voice(score_sentences(corpus, lexicon), voice)
    out = _summarise(s, ["doc_id"])
    d = corpus.documents[["doc_id", "outlet", "published_start", "published_end", "date_estimate", "date_label"]]
    out = d.merge(out, on="doc_id", how="inner")
    return out[["doc_id", "outlet", "published_start", "published_end", "date_estimate", "date_label", *STAT_COLUMNS]]


def by_outlet(corpus: Corpus | None = None, lexicon=None, *, voice: str | None = None) -> pd.DataFrame:
    """Return tone per outlet: ``outlet, n_docs, n`` (sentences) and the tone statistics.

    >>> import araz
    >>> from araz import tone
    >>> int(tone.by_outlet(araz.load_corpus())["n_docs"].sum())
    4
    """
    corpus = corpus_or_default(corpus)
    s = _pick_voice(score_sentences(corpus, lexicon), voice)
    s = s.merge(corpus.documents[["doc_id", "outlet"]], on="doc_id", how="left")
    out = _summarise(s, ["outlet"])
    nd = s.groupby("outlet")["doc_id"].nunique().rename("n_docs").reset_index()
    out = out.merge(nd, on="outlet")
    return out[["outlet", "n_docs", *STAT_COLUMNS]].sort_values("outlet", ignore_index=True)


def over_time(corpus: Corpus | None = None, lexicon=None, *, by: str | None = "outlet",
              voice: str | None = "both", freq: str | None = None) -> pd.DataFrame:
    """Return tone by publication date: one row per group, voice and date span.

    Columns: ``group`` (the value of ``by``: outlet, perspective or any document column;
    ``"all"`` when ``by=None``), ``voice`` (author, quoted, or all), ``start, end``
    (timestamps), ``estimate`` (True when any date in the row is inferred), ``n_docs, n``
    (sentences), the tone statistics, ``doc_ids``.

    A document dated by a range keeps its range: ``start`` and ``end`` are its first and
    last possible day — never collapsed to a fake point. With ``freq`` ("M", "Q", "Y")
    documents whose whole range falls in one period are pooled in that period (``start``
    and ``end`` are the period's bounds); a range that crosses periods stays a row of its own.

    >>> import araz
    >>> from araz import tone
    >>> t = tone.over_time(araz.load_corpus(), voice=None)
    >>> bool((t["end"] > t["start"]).all()), int(t["n"].sum())
    (True, 121)
    """
    corpus = corpus_or_default(corpus)
    s = score_sentences(corpus, lexicon)
    docs = corpus.documents
    if by is not None and by not in docs.columns:
        raise ScopeError(f"by='{by}' is not a document column; use one of: outlet, perspective, author, language, doc_id")
    if voice == "both":
        s = s.copy()
    elif voice in (None, "all"):
        s = s.assign(voice="all")
    else:
        s = _pick_voice(s, voice)
    cols = ["doc_id", "published_start", "published_end", "date_estimate"] + ([by] if by and by != "doc_id" else [])
    s = s.merge(docs[cols], on="doc_id", how="left")
    s["group"] = s[by].astype(str) if by else "all"
    start, end = s["published_start"], s["published_end"]
    if freq:
        try:
            ps, pe = start.dt.to_period(freq), end.dt.to_period(freq)
        except ValueError as exc:
            raise ScopeError(f"freq='{freq}' is not a period; use 'M' (month), 'Q' (quarter) or 'Y' (year)") from exc
        same = (ps == pe).to_numpy()
        s["start"] = np.where(same, ps.dt.start_time.dt.normalize(), start)
        s["end"] = np.where(same, ps.dt.end_time.dt.normalize(), end)
    else:
        s["start"], s["end"] = start, end
    s["start"] = pd.to_datetime(s["start"])
    s["end"] = pd.to_datetime(s["end"])
    keys = ["group", "voice", "start", "end"]
    out = _summarise(s, keys)
    extra = s.groupby(keys, sort=False).agg(
        estimate=("date_estimate", "any"), n_docs=("doc_id", "nunique"),
        doc_ids=("doc_id", lambda x: ", ".join(dict.fromkeys(x)))).reset_index()
    out = out.merge(extra, on=keys)
    out = out[["group", "voice", "start", "end", "estimate", "n_docs", *STAT_COLUMNS, "doc_ids"]]
    return out.sort_values(["start", "group", "voice"], ignore_index=True)


MIN_PERIODS = 6
MIN_DOCS_PER_PERIOD = 10


def trend_warning(n_docs: int, n_periods: int, *, n_estimated: int = 0) -> str | None:
    """Return a warning when ``n_docs`` documents over ``n_periods`` periods are too few for a trend.

    ``None`` means enough: at least :data:`MIN_PERIODS` periods with on average
    :data:`MIN_DOCS_PER_PERIOD` documents each. ``n_estimated`` (documents whose date is
    only inferred) adds a sentence about dating. Used by the plots, the explorer and the
    briefing note.

    >>> from araz import tone
    >>> print(tone.trend_warning(4, 3))
    Only 4 documents in 3 periods: an anecdote, not a trend. A trend needs at least 6 periods with about 10 documents each (≈60 documents), ideally from the same outlets, so that a change is not just a change of source.
    >>> tone.trend_warning(600, 12) is None
    True
    """
    n_docs, n_periods = int(n_docs), int(n_periods)
    msgs = []
    if n_periods < MIN_PERIODS or n_docs < MIN_DOCS_PER_PERIOD * max(n_periods, 1):
        doc_s = "document" if n_docs == 1 else "documents"
        per_s = "period" if n_periods == 1 else "periods"
        need = MIN_PERIODS * MIN_DOCS_PER_PERIOD
        msgs.append(
            f"Only {n_docs} {doc_s} in {n_periods} {per_s}: an anecdote, not a trend. A trend needs at least "
            f"{MIN_PERIODS} periods with about {MIN_DOCS_PER_PERIOD} documents each (≈{need} documents), ideally "
            "from the same outlets, so that a change is not just a change of source.")
    if n_estimated and msgs:
        msgs.append(f"{n_estimated} of the dates are estimates (ranges), so even the order of documents may be uncertain.")
    return " ".join(msgs) if msgs else None


# ---------------------------------------------------------------------------------------
# Baseline: VADER on the same sentences
# ---------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_label(compound, pos, neg) -> np.ndarray:
    """Map VADER scores to coop/conf/mixed/neutral with the documented thresholds.

    ``mixed`` when both ``pos`` and ``neg`` reach :data:`VADER_MIXED`; else ``coop`` when
    ``compound >= VADER_POS`` (0.05, VADER's own threshold), ``conf`` when
    ``compound <= VADER_NEG`` (−0.05), ``neutral`` in between.
    """
    compound, pos, neg = (np.asarray(x, dtype=float) for x in (compound, pos, neg))
    lab = np.full(compound.shape, "neutral", dtype=object)
    lab[compound >= VADER_POS] = "coop"
    lab[compound <= VADER_NEG] = "conf"
    lab[(pos >= VADER_MIXED) & (neg >= VADER_MIXED)] = "mixed"
    return lab


def score_vader(corpus: Corpus | None = None) -> pd.DataFrame:
    """Return VADER's scores for every sentence, mapped to our labels.

    Columns: ``citation, compound, pos, neu, neg, vader_label``.

    >>> import araz
    >>> from araz import tone
    >>> v = tone.score_vader(araz.load_corpus()).set_index("citation")
    >>> row = v.loc["alwaght-2025-araghchi-baku ¶11.1"]
    >>> float(row["compound"]), row["vader_label"]
    (0.25, 'mixed')
    """
    corpus = corpus_or_default(corpus)

    def compute():
        sia = _vader()
        rows = [sia.polarity_scores(t) for t in corpus.sentences["text"]]
        df = pd.DataFrame(rows, columns=["compound", "pos", "neu", "neg"])
        df.insert(0, "citation", corpus.sentences["citation"].to_numpy())
        df["vader_label"] = vader_label(df["compound"], df["pos"], df["neg"])
        return df

    return _memo(corpus, ("vader", VADER_POS, VADER_NEG, VADER_MIXED), compute, persist=True).copy()


def compare(corpus: Corpus | None = None, lexicon=None) -> pd.DataFrame:
    """Return ours beside VADER, one row per sentence.

    Columns: ``citation, text, voice, label, score, terms, vader_label, compound, agree``
    and, when the corpus has hand labels, ``hand_label, split``.

    >>> import araz
    >>> from araz import tone
    >>> tone.compare(araz.load_corpus())[["label", "vader_label", "hand_label"]].shape
    (121, 3)
    """
    corpus = corpus_or_default(corpus)
    s = score_sentences(corpus, lexicon)[["citation", "text", "voice", "label", "score", "terms"]]
    v = score_vader(corpus)[["citation", "vader_label", "compound"]]
    out = s.merge(v, on="citation", how="left")
    out["agree"] = out["label"] == out["vader_label"]
    try:
        h = load_labels(corpus)[["citation", "label", "split"]].rename(columns={"label": "hand_label"})
        out = out.merge(h, on="citation", how="left")
    except ScopeError:
        pass
    return out


# ---------------------------------------------------------------------------------------
# Hand labels and validation
# ---------------------------------------------------------------------------------------
def load_labels(corpus: Corpus | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """Return the hand-coded labels of a corpus: ``citation, label, voice, split, coder, note, text``.

    The shipped corpus uses ``data/annotations/tone_labels.csv``; a user corpus may bring
    ``<folder>/annotations/tone_labels.csv``. Rows are checked against the schema and
    against the corpus: a citation that points nowhere, or a text that no longer matches
    the sentence, is a :class:`araz.TableError` naming the line.

    >>> import araz
    >>> from araz import tone
    >>> tone.load_labels(araz.load_corpus())["split"].value_counts().to_dict()
    {'tune': 73, 'test': 48}
    """
    from .tables import read_table

    corpus = corpus_or_default(corpus)
    if path is None:
        path = corpus.annotation_file("tone_labels.csv")
        if path is None or not Path(path).exists():
            raise ScopeError("this corpus has no hand labels: code sentences following data/lexicons/CODEBOOK.md "
                             "and save them as <corpus folder>/annotations/tone_labels.csv "
                             "(columns citation,label,voice,split,coder,note,text)")

    def compute():
        df = read_table(path, "tone_labels")
        lines = df.attrs.get("lines", [None] * len(df))
        issues = []
        index = corpus.sentences.set_index("citation")["text"]
        for line, cit, txt in zip(lines, df["citation"], df["text"]):
            if cit not in index.index:
                try:
                    corpus.locate(cit)
                    msg = f"'{cit}' is a paragraph, not a sentence"
                except CitationError as exc:
                    msg = str(exc)
                issues.append(Issue(str(path), line, "citation", f"{msg}; fix the citation or remove the row"))
            elif txt and txt != index[cit]:
                issues.append(Issue(str(path), line, "text", f"no longer matches the sentence at {cit}; re-code it and copy the new text"))
        if issues:
            raise TableError(issues)
        return df

    return _memo(corpus, ("labels", str(path)), compute).copy()


@dataclass(frozen=True)
class Validation:
    """Agreement of our labels and VADER's with the hand labels.

    * ``summary``: ``method, split, n, accuracy, macro_f1``;
    * ``per_class``: ``method, split, label, precision, recall, f1, support``;
    * ``confusion``: ``{(method, split): DataFrame}`` — rows are hand labels, columns predictions;
    * ``voice``: ``split, n, accuracy`` — automatic voice against the hand-coded voice;
    * ``errors``: sentences where ours disagrees with the hand label (``citation, split,
      hand_label, label, vader_label, terms, text``).
    """

    summary: pd.DataFrame
    per_class: pd.DataFrame
    confusion: dict
    voice: pd.DataFrame
    errors: pd.DataFrame = field(repr=False)

    def macro_f1(self, method: str = "ours", split: str = "test") -> float:
        s = self.summary
        return float(s.loc[(s["method"] == method) & (s["split"] == split), "macro_f1"].iloc[0])

    def __str__(self) -> str:
        lines = ["Agreement with the hand labels (macro-F1 over coop, conf, mixed, neutral)"]
        for r in self.summary.itertuples(index=False):
            lines.append(f"  {r.method:<6} {r.split:<5} n={r.n:<4} accuracy {r.accuracy:.2f}  macro-F1 {r.macro_f1:.2f}")
        for r in self.voice.itertuples(index=False):
            lines.append(f"  voice  {r.split:<5} n={r.n:<4} accuracy {r.accuracy:.2f}")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def _metrics(truth: np.ndarray, pred: np.ndarray) -> tuple[dict, pd.DataFrame, pd.DataFrame]:
    conf = pd.crosstab(pd.Categorical(truth, categories=LABELS), pd.Categorical(pred, categories=LABELS),
                       rownames=["hand"], colnames=["predicted"], dropna=False)
    conf = conf.reindex(index=list(LABELS), columns=list(LABELS), fill_value=0)
    rows = []
    for lab in LABELS:
        tp = int(conf.loc[lab, lab])
        p_all = int(conf[lab].sum())
        t_all = int(conf.loc[lab].sum())
        prec = tp / p_all if p_all else 0.0
        rec = tp / t_all if t_all else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        rows.append({"label": lab, "precision": prec, "recall": rec, "f1": f1, "support": t_all})
    per = pd.DataFrame(rows)
    acc = float((truth == pred).mean()) if len(truth) else float("nan")
    return {"n": len(truth), "accuracy": acc, "macro_f1": float(per["f1"].mean())}, per, conf


def validate(corpus: Corpus | None = None, lexicon=None) -> Validation:
    """Return a :class:`Validation`: accuracy, macro-F1, per-class precision/recall and
    confusion matrices for our lexicon and for VADER, on the held-back ``test`` split, the
    ``tune`` split and ``all`` hand-labelled sentences; plus voice agreement.

    >>> import araz
    >>> from araz import tone
    >>> v = tone.validate(araz.load_corpus())
    >>> v.macro_f1("ours", "test") > v.macro_f1("vader", "test")
    True
    """
    corpus = corpus_or_default(corpus)
    hand = load_labels(corpus)
    ours = score_sentences(corpus, lexicon)[["citation", "label", "voice", "terms", "text"]]
    vad = score_vader(corpus)[["citation", "vader_label"]]
    d = hand[["citation", "label", "voice", "split"]].rename(columns={"label": "hand_label", "voice": "hand_voice"})
    d = d.merge(ours, on="citation", how="inner").merge(vad, on="citation", how="inner")
    summary, per_class, confusion, voice = [], [], {}, []
    for split in ("test", "tune", "all"):
        sub = d if split == "all" else d[d["split"] == split]
        if sub.empty:
            continue
        for method, col in (("ours", "label"), ("vader", "vader_label")):
            m, per, cm = _metrics(sub["hand_label"].to_numpy(), sub[col].to_numpy())
            summary.append({"method": method, "split": split, **m})
            per_class.append(per.assign(method=method, split=split))
            confusion[(method, split)] = cm
        voice.append({"split": split, "n": len(sub), "accuracy": float((sub["hand_voice"] == sub["voice"]).mean())})
    per_class = pd.concat(per_class, ignore_index=True)[["method", "split", "label", "precision", "recall", "f1", "support"]]
    errors = d[d["hand_label"] != d["label"]][["citation", "split", "hand_label", "label", "vader_label", "terms", "text"]]
    return Validation(pd.DataFrame(summary), per_class, confusion, pd.DataFrame(voice), errors.reset_index(drop=True))


__all__ = [
    "Lexicon", "load_lexicon", "normalise", "score_sentences", "matches", "score_text", "explain",
    "Explanation", "by_paragraph", "by_document", "by_outlet", "over_time", "trend_warning",
    "score_vader", "vader_label", "compare", "load_labels", "validate", "Validation",
    "CLASSES", "LABELS", "VOICES", "NEGATORS", "CONTRASTS", "RESOLVERS", "KEEPERS", "CONCESSIVES",
    "BREAKERS", "SCOPE", "CONCESSION", "MIXED_RATIO",
]
