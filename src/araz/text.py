"""Paragraph and sentence splitting, with character offsets into the document text.

Rules (tested in ``tests/test_text.py``):

* a line break separates paragraphs; blank lines are ignored; a heading line (a short
  line with no closing punctuation) is a paragraph of its own;
* a sentence ends at ``.``, ``!``, ``?``, ``…`` or the Persian/Arabic ``؟`` —
  optionally followed by closing quotes or brackets (``.”`` ends a sentence) — when
  whitespace follows and the next word does not start with a lower-case letter;
* it does not end after a known abbreviation (``Mr.``, ``Ms.``, ``Dr.``, ``U.S.``, …),
  after an initial (``J. Smith``) or inside a number (``4.0``). A dotted abbreviation
  such as ``U.S.`` followed by a common sentence opener (``The``, ``It``…) does end one.
"""
from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st mt gen col lt sgt capt cmdr adm maj sen rep gov pres amb
    hon rev fr jr sr messrs mme mlle vs etc al approx no nos vol art fig ch pp cf ca
    inc ltd co corp dept univ est jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e u.s u.k u.n e.u u.s.a a.m p.m""".split()
)
# Words that, after a dotted abbreviation like "U.S.", show that a new sentence began.
SENTENCE_OPENERS = frozenset(
    "The A An It He She They We I This That These Those In On At But And However "
    "Meanwhile Yet So His Her Its Their Our There".split()
)
_END = re.compile(
    r"(?P<p>[.!?…؟]+)(?P<q>[”\"’'»)\]]*)(?P<ws>\s++)"  # the candidate end itself
    r"(?:(?=[“\"‘'«(\[*—–\- ]{0,39}(?P<up>[A-Z]))|(?=[“\"‘'«(\[*—–\- ]{0,39}(?P<low>[a-z])))?"  # next word
)
_LONG_WORD = re.compile(r"[\w.]{7}")  # a word this long before a full stop is no abbreviation
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_LOOKBACK = 16  # longer than any abbreviation (≤ 6 letters) or initial the rules look at
_LETTER = re.compile(r"[^\W\d_]")
_SKIP_OPENING = re.compile(r"[“\"‘'«(\[*—–\- ]*")  # skipped before the next word
_FIRST_WORD = re.compile(r"\w+")


def _is_boundary(text: str, m: re.Match) -> bool:
    """Whether the candidate end ``m`` (a match of ``_END``) ends a sentence (the rules above)."""
    me = m.end()
    limit = me + 40
    k = _SKIP_OPENING.match(text, me, limit).end()
    if k >= limit or k >= len(text):  # nothing but opening marks follow
        return True
    if text[k].islower():
        return False
    if m.group("p") != "." or m.group("q"):  # `?`, `!`, `…`; and `.”` (a closing quote ends it)
        return True
    # Look back a short window only: searching from 0 made splitting quadratic in the
    # paragraph length (a 50-sentence paragraph rescanned its start 50 times).
    ms = m.start()
    before = _WORD_BEFORE.search(text, max(0, ms - _LOOKBACK), ms)
    if before is None:
        return True
    word = before.group(1)
    low = word.lower().rstrip(".")
    if low in ABBREVIATIONS or (len(word) == 1 and word.isupper() and _LETTER.match(word)):
        if "." in low or low in ("etc", "al"):  # U.S., e.g., etc. may end a sentence
            first = _FIRST_WORD.match(text, me, limit)
            return bool(first and first.group(0) in SENTENCE_OPENERS)
        return False
    return True


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the sentences of one paragraph.

    Offsets are relative to ``text`` plus ``offset``; leading and trailing whitespace
    is excluded from every span.

    >>> s = "Ms. Rafiga met Mr. Mousavi. They spoke.”"
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['Ms. Rafiga met Mr. Mousavi.', 'They spoke.”']
    """
    out: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        # Fast paths (most candidates), decided by the pattern's look-arounds; the same
        # answers _is_boundary gives, which decides every other case.
        if m.group("low") is not None:  # the next word starts with a-z
            continue
        if m.group("up") is not None and (m.group("p") != "." or m.group("q") or (
                m.start() >= 7 and _LONG_WORD.fullmatch(text, m.start() - 7, m.start()))):
            pass  # an upper-case word follows `?`/`!`/`.”`, or a full stop after a long word
        elif not _is_boundary(text, m):
            continue
        if start:  # after a candidate end: no whitespace on either side of the span
            out.append((start + offset, m.start("ws") + offset))
        else:
            _add_span(text, start, m.start("ws"), offset, out)
        start = m.end()
    _add_span(text, start, n, offset, out)
    return out


def _add_span(text: str, a: int, b: int, offset: int, out: list) -> None:
    if a >= b:
        return
    if text[a].isspace() or text[b - 1].isspace():
        seg = text[a:b]
        stripped = seg.strip()
        if not stripped:
            return
        a += len(seg) - len(seg.lstrip())
        b = a + len(stripped)
    out.append((a + offset, b + offset))


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of the paragraphs: one per non-blank line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def is_heading(paragraph: str) -> bool:
    """A heading is a short paragraph (≤ 12 words) that does not end in sentence punctuation."""
    p = paragraph.strip()
    return bool(p) and p[-1] not in ".!?…؟:;,”\"’'" and len(p.split()) <= 12
