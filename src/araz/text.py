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
    return _ends_after(text, before.group(1), me, limit)


def _ends_after(text: str, word: str, me: int, limit: int) -> bool:
    """Whether a full stop after ``word`` ends the sentence, the next word starting at or
    after ``me``: not after an abbreviation or an initial, unless a dotted one (``U.S.``,
    ``etc.``) is followed by a common sentence opener."""
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


# ---- a whole document at once ----------------------------------------------------------
# Loading 10,000 documents called split_sentences once per paragraph (111,228 calls) and
# looked at every candidate end in Python. split_document runs one regex over the whole
# text instead, and the regex itself decides the common cases; only a candidate after a
# possible abbreviation or initial reaches Python (_ends_sentence). It gives exactly what
# split_paragraphs + split_sentences give (tests/test_text.py compares them on many texts):
#
# * a sentence end never reaches into the next paragraph: the whitespace after it must not
#   contain a line break (``[^\S\n]++``) and must be followed by more of the paragraph
#   (``(?=\S)``), where split_sentences's ``\s++`` met the end of the stripped paragraph;
# * the look-ahead for the next word cannot cross a line break either (its characters are
#   opening marks and the space, never ``\n``), so it sees what it saw in the paragraph;
# * a lower-case next word rejects the candidate inside the regex: the search then goes on
#   inside the candidate's punctuation, where nothing can match (the same whitespace and
#   next word follow), so the next match is the one split_sentences would look at next.
_OPEN = "[“\"‘'«(\\[*—–\\- ]"  # the opening marks _SKIP_OPENING skips
_P = "[.!?…؟]"  # sentence-final punctuation
_ABBREVIATION_BEFORE = "".join(  # one negative look-behind per length: the word before is no abbreviation
    "(?<!(?<![\\w.])(?i:" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS) if len(a) == n) + ")" + _P + ")"
    for n in sorted({len(a) for a in ABBREVIATIONS})
)
_Q = "[”\"’'»)\\]]"  # closing quotes and brackets after the punctuation
_DOC_END = re.compile(
    # The first character is a plain class, so that the regex engine skips to it quickly;
    # then a cheap test that this is a candidate end at all (most `.` inside numbers and
    # at the end of a paragraph are not), before the costlier ones.
    _P + "(?=" + _P + "*" + _Q + "*[^\\S\\n]++\\S)"
    # Group 1 ("sure") matches, empty, where the candidate certainly ends a sentence: an
    # upper-case word [A-Z] follows, and the end is `?`, `!`, `…`, `..`, `.”`, or a full stop
    # after a word that is neither one letter (maybe an initial) nor an abbreviation (a word
    # of 7 characters is none). The (?i:) look-behinds match every spelling whose lower() is
    # an abbreviation (and a few more, such as the long s), so "sure" is never wrong; what
    # it misses, _ends_sentence decides.
    + "(?:(?P<sure>)(?=" + _P + "*" + _Q + "*[^\\S\\n]++" + _OPEN + "{0,39}[A-Z])"
    + "(?:(?!(?<=\\.)\\s)|(?<=[\\w.]{7}" + _P + ")|(?<!(?<![\\w.])[\\w.]" + _P + ")" + _ABBREVIATION_BEFORE + "))?"
    # the rest of the candidate end, not before a lower-case word
    + _P + "*" + _Q + "*(?P<ws>[^\\S\\n]++)(?=\\S)(?!" + _OPEN + "{0,39}[a-z])"
)
# The same for a text whose only sentence punctuation is the full stop (most news articles):
# a regex that starts with one literal character skips to it several times faster than one
# that starts with a class (10,000 texts: 0.11 s instead of 0.25 s).
_DOC_END_DOT = re.compile("\\." + _DOC_END.pattern[len(_P):])
_OTHER_ENDS = "!?…؟"
_PARAGRAPH = re.compile(r"\S(?:[^\n]*\S)?")  # a line from its first to its last non-space character
_WORD_END = re.compile(r"[\w.]+\Z")  # \Z, not $: $ also matches before a final line break
_BLANK_TO_EOL = re.compile(r"[^\S\n]*(?:\n|\Z)")


def _ends_sentence(text: str, m: re.Match) -> bool:
    """:func:`_is_boundary` for a match of ``_DOC_END`` in a whole document.

    The same rules; windows that could run past the paragraph cannot change the answer:
    the word before stops at the whitespace before the paragraph, and a run of opening
    marks that reaches the end of the line means, as at the end of a paragraph, that no
    word follows.
    """
    me = m.end()
    limit = me + 40
    k = _SKIP_OPENING.match(text, me, limit).end()
    if k >= limit or k >= len(text):  # nothing but opening marks follow
        return True
    c = text[k]
    if c.isspace() and _BLANK_TO_EOL.match(text, k):  # nothing but opening marks to the end of the paragraph
        return True
    if c.islower():
        return False
    ms = m.start()
    if text[ms] != "." or not text[ms + 1].isspace():  # `?`, `!`, `…`, `..`; and `.”`
        return True
    before = _WORD_END.search(text, max(0, ms - _LOOKBACK), ms)
    if before is None:
        return True
    return _ends_after(text, before.group(0), me, limit)


def split_document(text: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Return the paragraphs and sentences of a whole text as four lists of offsets.

    ``(paragraph_starts, paragraph_ends, sentence_starts, sentence_ends)``: the paragraphs
    of :func:`split_paragraphs` and, paragraph after paragraph, the sentences
    :func:`split_sentences` finds in each, all as offsets into ``text``.

    >>> s = "Ms. Rafiga met Mr. Mousavi. They spoke.\\nA heading\\n"
    >>> pa, pb, sa, sb = split_document(s)
    >>> [s[a:b] for a, b in zip(pa, pb)]
    ['Ms. Rafiga met Mr. Mousavi. They spoke.', 'A heading']
    >>> [s[a:b] for a, b in zip(sa, sb)]
    ['Ms. Rafiga met Mr. Mousavi.', 'They spoke.', 'A heading']
    """
    pa: list[int] = []
    pb: list[int] = []
    for m in _PARAGRAPH.finditer(text):
        a, b = m.span()
        pa.append(a)
        pb.append(b)
    cuts_a: list[int] = []  # where a sentence after an end starts
    cuts_b: list[int] = []  # where the sentence before it ends
    ends = _DOC_END if any(c in text for c in _OTHER_ENDS) else _DOC_END_DOT
    for m in ends.finditer(text):
        if m.start(1) < 0 and not _ends_sentence(text, m):
            continue
        cuts_b.append(m.start(2))
        cuts_a.append(m.end())
    if not cuts_a:
        return pa, pb, pa[:], pb[:]
    return pa, pb, sorted(pa + cuts_a), sorted(pb + cuts_b)


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


_CLOSING = frozenset(".!?…؟:;,”\"’'")


def heading_flags(paragraphs: list[str]) -> list[bool]:
    """:func:`is_heading` of each paragraph text (as split, without surrounding whitespace)."""
    # the last character first: most paragraphs end in punctuation and need no word count;
    # split(None, 12) stops after 13 words, which is enough to tell "more than 12"
    return [bool(p) and p[-1] not in _CLOSING and len(p.split(None, 12)) <= 12 for p in paragraphs]


def is_heading(paragraph: str) -> bool:
    """A heading is a short paragraph (≤ 12 words) that does not end in sentence punctuation."""
    p = paragraph.strip()
    return bool(p) and p[-1] not in ".!?…؟:;,”\"’'" and len(p.split()) <= 12
