"""One visitor's state over a shared corpus, and the tone lab's two calls.

A :class:`Session` is what one person is doing with the explorer: their edited tone
lexicon (and the tone labels it gives), the documents they picked, their notes. The corpus
and the explorer's :class:`~araz.explore.Index` are shared, read-only, by every session —
in a notebook there is one session; the class server (``araz serve``) keeps one per
visitor, so nothing one student does is ever seen by another.

Pass a session wherever the explorer takes a corpus: ``select(session, filters)``,
``chart(ax, session, filters)``, ``compare(session, …)``… use the session's tone labels.
A session stands in for its corpus (``len``, ``session[doc_id]``, ``session.sentences``…).

>>> import araz
>>> from araz import explore, tone
>>> corpus = araz.load_corpus()
>>> s = explore.Session(corpus)
>>> before = explore.count(s, {"tone": ["coop"]})
>>> lex = tone.load_lexicon().copy()
>>> lex = lex.add("Baku", "verbal_cooperation", 3, note="an edit for this example")
>>> s.set_lexicon(lex)
>>> explore.count(s, {"tone": ["coop"]}) > before    # this session sees its own labels…
True
>>> explore.count(corpus, {"tone": ["coop"]}) == before   # …nobody else does
True
"""
from __future__ import annotations

import threading
from typing import Callable

from ..errors import ScopeError
from .indexing import Index, index


class Session:
    """One person's explorer state: lexicon (and tone labels), picked documents, notes.

    ``session.corpus`` is the shared corpus (never copied). ``set_lexicon(lexicon)``
    rescores the corpus with an edited lexicon for this session only and tells every
    listener (``on_change``): the explorer, its charts and every aggregate then use the
    new labels. ``selected`` (citations) and ``notes`` (the analyst's Markdown, cited with
    ``[[doc_id ¶p.s]]``) are plain per-session values the views read and write.
    """

    def __init__(self, corpus, *, lexicon=None):
        self.corpus = corpus.corpus if isinstance(corpus, Session) else corpus
        self.lexicon = None  # None: the shipped lexicon, whose labels the shared index holds
        self.selected: list[str] = []
        self.notes: str = ""
        self._index: Index | None = None
        self._listeners: list[Callable[[Session], None]] = []
        self._lock = threading.Lock()
        if lexicon is not None:
            self.set_lexicon(lexicon)

    # ---- standing in for the corpus ------------------------------------------------
    def __getattr__(self, name):  # only called for names a Session does not have
        if name.startswith("__") or name in ("corpus", "_index", "_listeners", "_lock"):
            raise AttributeError(name)
        return getattr(self.corpus, name)

    def __len__(self) -> int:
        return len(self.corpus)

    def __getitem__(self, doc_id):
        return self.corpus[doc_id]

    def __repr__(self) -> str:
        return f"<araz.explore.Session over {len(self.corpus)} documents, {'edited' if self.lexicon is not None else 'shipped'} lexicon>"

    def explore_index(self) -> Index:
        """The index this session reads: the shared one, or its view with this session's tone."""
        return self._index if self._index is not None else index(self.corpus)

    # ---- the lexicon -------------------------------------------------------------------
    def set_lexicon(self, lexicon=None) -> None:
        """Use ``lexicon`` (an :class:`araz.tone.Lexicon`; ``None``: the shipped one) in this session.

        The corpus is rescored with it (``araz.tone.score_sentences``) and the session's
        index becomes a view of the shared index with those labels; then every listener
        is called. Other sessions are not affected.
        """
        from .. import tone

        if lexicon is None:
            view = None
        else:
            try:
                scored = tone.score_sentences(self.corpus, lexicon)
            except Exception as err:  # noqa: BLE001 - say it in the lab, keep the previous labels
                raise ScopeError(f"the edited lexicon cannot score this corpus ({type(err).__name__}: {err}); "
                                 "undo the last edit or go back to the shipped lexicon") from None
            view = index(self.corpus).with_tone(scored)
        with self._lock:
            self.lexicon = lexicon
            self._index = view
        for listener in list(self._listeners):
            listener(self)

    def on_change(self, listener: Callable[["Session"], None]) -> None:
        """Call ``listener(session)`` whenever this session's lexicon (hence its tone labels) changes."""
        self._listeners.append(listener)

    def close(self) -> None:
        """Forget the listeners and the session's own labels (the class server calls this for an idle visitor)."""
        self._listeners.clear()
        self._index = None
        self.lexicon = None
        self.selected = []
        self.notes = ""


def session(corpus_or_session) -> Session:
    """``corpus_or_session`` itself when it is a :class:`Session`, else a new session over the corpus."""
    return corpus_or_session if isinstance(corpus_or_session, Session) else Session(corpus_or_session)


def _plain_corpus(obj):
    return obj.corpus if isinstance(obj, Session) else obj


def _lexicon_of(obj, lexicon):
    if lexicon is None and isinstance(obj, Session):
        return obj.lexicon
    return lexicon


# ---------------------------------------------------------------------------
# Tone lab
# ---------------------------------------------------------------------------
def lab_score(corpus, sentence: str, lexicon=None):
    """Score one sentence for the tone lab: a citation of ``corpus`` or any typed text.

    Returns the :class:`araz.tone.Explanation` (``label, score, coop, conf, voice`` and
    ``words``: each matched word, its class, contribution and any negation flip), from
    ``araz.tone.explain`` for a citation and ``araz.tone.score_text`` for typed text.
    ``corpus`` may be a :class:`Session`: its lexicon is used unless ``lexicon`` is given.

    >>> import araz
    >>> lab_score(araz.load_corpus(), "Tehran is ready for cooperation instead of confrontation.").label
    'coop'
    """
    from .. import tone

    lexicon = _lexicon_of(corpus, lexicon)
    if not isinstance(sentence, str) or not sentence.strip():
        raise ScopeError("type a sentence, or pick one by its citation, to see its tone")
    sentence = sentence.strip()
    if "¶" in sentence and len(sentence) < 200:
        return tone.explain(_plain_corpus(corpus), sentence, lexicon)
    return tone.score_text(sentence, lexicon)


def lab_agreement(corpus, lexicon=None):
    """Agreement of a (possibly edited) lexicon with the hand labels: ``araz.tone.validate(corpus, lexicon)``.

    Returns the :class:`araz.tone.Validation` (macro-F1 and confusion matrices, ours and VADER's).
    ``corpus`` may be a :class:`Session`: its lexicon is used unless ``lexicon`` is given.
    """
    from .. import tone

    return tone.validate(_plain_corpus(corpus), _lexicon_of(corpus, lexicon))
