"""The analyst's notes: ``[[doc_id ¶p.s]]`` citations resolved into numbered footnotes.

Syntax, anywhere in the analyst's Markdown (outside code spans and fenced code blocks):

* ``[[doc_id ¶p.s]]`` cites a sentence (``[[doc_id ¶p]]`` a paragraph);
* ``[[doc_id ¶p.s | "exact words"]]`` cites it *and* says which words of it the analyst
  relies on. The words must stand at that place; the check normalises only quote marks
  (straight, curly, low-9 and primes count as the same mark) and whitespace (any run of
  spaces, tabs or line breaks counts as one space). Case, spelling, punctuation and
  ellipses must match.

Each distinct citation becomes one numbered footnote (numbered in order of first use)
holding the cited text verbatim, with the quoted words marked. Every citation that does
not resolve, and every quote that is not at its place, is reported at once in one
:class:`NotesError` naming the line of the notes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ArazError, CitationError, Issue

# A citation in the notes: [[ citation ]] or [[ citation | quote ]].
_REF = re.compile(r"\[\[(?P<body>.*?)\]\]")
_OPEN = re.compile(r"\[\[")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
# Placeholders survive Markdown rendering untouched (Unicode private-use characters).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
_MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")

_DOUBLE = "\"“”„‟″〝〞＂«»"
_SINGLE = "'‘’‚‛′`"
_QUOTE_MAP = {**{c: '"' for c in _DOUBLE}, **{c: "'" for c in _SINGLE}}


class NotesError(CitationError):
    """A citation in the analyst's notes does not resolve, or its quoted words are not there.

    ``issues`` lists every problem, each naming the notes file (or ``notes``) and its line.
    """

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        n = len(self.issues)
        head = f"{n} citation{'s' if n != 1 else ''} in the notes cannot be verified:"
        super().__init__("\n".join([head, *(f"  {i}" for i in self.issues)]))


@dataclass
class Footnote:
    """One numbered footnote: the cited text verbatim and where the quoted words are in it."""

    number: int
    citation: str
    doc_id: str
    text: str
    lines: list[int] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    highlights: list[tuple[int, int]] = field(default_factory=list)

    def pieces(self) -> list[tuple[str, bool]]:
        """The text cut into ``(piece, quoted?)`` parts, for marking the quoted words."""
        spans = sorted(self.highlights)
        merged: list[list[int]] = []
        for a, b in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        out, pos = [], 0
        for a, b in merged:
            if a > pos:
                out.append((self.text[pos:a], False))
            out.append((self.text[a:b], True))
            pos = b
        if pos < len(self.text):
            out.append((self.text[pos:], False))
        return out


@dataclass
class Notes:
    """The analyst's notes with citations replaced by footnote markers.

    ``text`` is the Markdown with each ``[[…]]`` replaced by a private-use marker
    (``MARK_OPEN`` + number + ``MARK_CLOSE``); :meth:`markdown` and the HTML renderer
    turn the markers into footnote references.
    """

    source: str
    name: str
    text: str
    footnotes: list[Footnote]

    def markdown(self) -> str:
        """The notes as Markdown with ``[^n]`` footnote references."""
        return _MARK.sub(lambda m: f"[^{m.group(1)}]", self.text)


def normalise(text: str) -> tuple[str, list[int]]:
    """Normalise quote marks and whitespace; return the new text and, per character, its index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                index.append(i)
            in_space = True
            continue
        in_space = False
        out.append(_QUOTE_MAP.get(ch, ch))
        index.append(i)
    if out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def find_quote(quote: str, text: str) -> tuple[int, int] | None:
    """Offsets of ``quote`` in ``text`` up to quote marks and whitespace, or ``None``."""
    nq, _ = normalise(quote)
    nt, index = normalise(text)
    if not nq:
        return None
    at = nt.find(nq)
    if at < 0:
        return None
    return index[at], index[at + len(nq) - 1] + 1


def _strip_quotes(raw: str) -> str:
    q = raw.strip()
    if len(q) >= 2 and q[0] in _QUOTE_MAP and q[-1] in _QUOTE_MAP and _QUOTE_MAP[q[0]] == _QUOTE_MAP[q[-1]]:
        return q[1:-1]
    return q


def read_notes(notes) -> tuple[str, str]:
    """``(text, name)`` of the notes: a path (``Path`` or a one-line ``str`` naming an existing file) or Markdown text."""
    if notes is None:
        return "", "notes"
    if isinstance(notes, Path) or (hasattr(notes, "__fspath__") and not isinstance(notes, str)):
        path = Path(notes)
        if not path.is_file():
            raise ArazError(f"notes file {path} does not exist; give the path of a Markdown file with your assessment")
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except UnicodeDecodeError as exc:
            raise ArazError(f"notes file {path} is not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from None
    if isinstance(notes, str):
        if "\n" not in notes and notes.strip().lower().endswith((".md", ".markdown", ".txt")) and Path(notes.strip()).is_file():
            return read_notes(Path(notes.strip()))
        return notes, "notes"
    raise ArazError(f"notes must be Markdown text or the path of a Markdown file, not {type(notes).__name__}")


def resolve_notes(corpus, notes, *, name: str | None = None) -> Notes | None:
    """Resolve every ``[[…]]`` citation of the analyst's notes; return :class:`Notes` (``None`` without notes).

    Raises :class:`NotesError` listing every citation that does not resolve and every
    quote that is not at its place, each with the line of the notes.

    >>> import araz
    >>> from araz.briefing import resolve_notes
    >>> n = resolve_notes(araz.load_corpus(), 'Framed as dialogue [[ftribune-2025-araghchi-baku ¶3.1 | "continue dialogue"]].')
    >>> n.markdown(), n.footnotes[0].citation
    ('Framed as dialogue [^1].', 'ftribune-2025-araghchi-baku ¶3.1')
    """
    text, default_name = read_notes(notes)
    if not text.strip():
        return None
    name = name or default_name
    issues: list[Issue] = []
    by_citation: dict[str, Footnote] = {}
    out_lines: list[str] = []
    in_fence = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            out_lines.append(line)
            continue
        if in_fence:
            out_lines.append(line)
            continue
        # Protect inline code spans: `[[like this]]` is shown, not resolved.
        shielded = _CODE_SPAN.sub(lambda m: "\0" * len(m.group(0)), line)
        pieces: list[str] = []
        pos = 0
        for m in _REF.finditer(shielded):
            body = line[m.start("body"):m.end("body")]
            pieces.append(line[pos:m.start()])
            pos = m.end()
            raw_cit, bar, raw_quote = body.partition("|")
            raw_cit = raw_cit.strip()
            shown = line[m.start():m.end()]
            try:
                span = corpus.locate(raw_cit)
            except CitationError as exc:
                issues.append(Issue(name, lineno, None, f"{shown}: {exc}"))
                pieces.append(shown)
                continue
            quote = _strip_quotes(raw_quote) if bar else ""
            where = None
            if bar:
                if not quote.strip():
                    issues.append(Issue(name, lineno, None, f"{shown}: the quote after '|' is empty; write [[{span.citation} | \"exact words\"]] or leave out the '|'"))
                    pieces.append(shown)
                    continue
                where = find_quote(quote, span.text)
                if where is None:
                    issues.append(Issue(name, lineno, None,
                                        f"{shown}: the words \"{quote}\" are not at {span.citation}, which reads: \"{span.text}\" "
                                        "(only quote marks and spaces may differ; copy the words from the sentence or fix the citation)"))
                    pieces.append(shown)
                    continue
            fn = by_citation.get(span.citation)
            if fn is None:
                fn = Footnote(number=len(by_citation) + 1, citation=span.citation, doc_id=span.doc_id, text=span.text)
                by_citation[span.citation] = fn
            fn.lines.append(lineno)
            if bar:
                fn.quotes.append(quote)
                fn.highlights.append(where)
            pieces.append(f"{MARK_OPEN}{fn.number}{MARK_CLOSE}")
        rest = shielded[pos:]
        if _OPEN.search(rest):
            issues.append(Issue(name, lineno, None,
                                "'[[' is not closed on this line; write a citation as [[doc_id ¶p.s]] or [[doc_id ¶p.s | \"exact words\"]] on one line"))
        pieces.append(line[pos:])
        out_lines.append("".join(pieces))
    if issues:
        raise NotesError(issues)
    return Notes(source=text, name=name, text="\n".join(out_lines), footnotes=list(by_citation.values()))
