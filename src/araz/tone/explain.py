"""Explanations: why a sentence got its tone, word by word, readable aloud in a seminar."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..corpus import Corpus, corpus_or_default
from ..errors import CitationError, ScopeError
from .lexicon import Lexicon, _lexicon
from .baseline import score_vader
from .rules import CLASSES, _CLASS_LABEL
from .scoring import _score_texts
from .sentences import _score
from .validation import load_labels
from .voice import _voice


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
    quad_class: str | None = None   # CAMEO quad class of the decisive cue (see score_sentences)
    intensity: float | None = None  # its Goldstein-like intensity, −10 … +10

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
        if self.quad_class is not None:
            lines.append(f"CAMEO quad class: {self.quad_class.replace('_', ' ')} · intensity {self.intensity:+.1f} (−10 … +10)")
        if self.hand:
            lines.append(f"hand label: {self.hand['label']} ({self.hand['voice']}), {self.hand['split']} split — {self.hand['note']}")
        if self.vader:
            lines.append(f"VADER: compound {self.vader['compound']:+.2f} → {self.vader['label']}")
        return "\n".join(lines)

    def _repr_pretty_(self, p, cycle):  # IPython shows the readable form
        p.text(str(self))


def _explanation(citation, text, voice, reason, coop, conf, labelling, words, hand=None, vader=None, *, label,
                 quad_class=None, intensity=None) -> Explanation:
    total = coop + conf
    score = (coop - conf) / total if total > 0 else 0.0
    cols = ["surface", "term", "class", "weight", "cue", "effect", "contribution"]
    return Explanation(citation, text, voice, reason, coop, conf, score, label, labelling,
                       words[cols].reset_index(drop=True), hand, vader, quad_class, intensity)


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
                        float(row["labelling"]), words, hand, vader, label=row["label"],
                        quad_class=row["quad_class"], intensity=float(row["intensity"]))


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
                        float(sc.labelling[0]), sc.matches.drop(columns="row"), label=str(sc.label[0]),
                        quad_class=str(sc.quad[0]), intensity=float(sc.intensity[0]))
