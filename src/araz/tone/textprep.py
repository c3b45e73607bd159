"""Text normalisation for matching: one length-preserving pass over all sentences.

Performance: the whole corpus is joined into one string and normalised with numpy look-up
tables over the Basic Multilingual Plane (a lower-case code, "is a word character", "is a
clause break"), instead of calling ``str.lower`` and a regular expression per sentence.
Keeping the length unchanged means every offset found in the normalised text is also an
offset in the original, so matches point back to the words as written.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np


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
