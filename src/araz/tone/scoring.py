"""The scoring pass: one scan of the automaton over all sentences, then numpy on the matches.

Performance: instead of a Python loop per sentence and per word, every match of the whole
corpus is one row of a few numpy arrays (start, end, entry). Negation scope, clause
breaks, concession and title masks are then decided for all matches at once with
``searchsorted`` over sorted positions (a term's governing cue is the last cue that
starts before it; two positions are in the same clause when the same number of breaks
lies before each). Only the few de-escalation verbs still in scope, and sentences with a
quotation mark, are read word by word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

import numpy as np
import pandas as pd

from . import rules as R
from .rules import _CLASS_NAMES, _EFFECT_WORD, _KIND_BREAK, _KIND_CONC, _KIND_CONTRAST, _KIND_KEEP, _KIND_NEG, _KIND_RESOLVE, _KIND_SAY, _KIND_TERM, _MEANS
from .textprep import _prepare


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
    quad: np.ndarray = None       # CAMEO quad class of the sentence's decisive cue, or "none"
    intensity: np.ndarray = None  # its Goldstein-like intensity (0 when none)


def _score_texts(texts: list[str], lex) -> _Scored:
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
        valid &= (c_we[jj] <= t_ws) & (t_ws - c_we[jj] <= 40 * (R.SCOPE + 1))
        valid = same_clause(c_ws[jj], t_ws, valid)
        # words between the cue and the term (counted with numpy: a cue's end is a space)
        idx = np.flatnonzero(valid)
        if len(idx):
            too_far = P.words_between(c_we[jj[idx]], t_ws[idx]) > R.SCOPE
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
        factor[conceded] *= R.CONCESSION
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
    code = np.where(main_coop + main_conf > 0, _label_codes(main_coop, main_conf), _label_codes(coop, conf))
    label = _LABEL_OBJECTS[code]  # the four strings shared, not one new string per sentence
    quad, intensity = _quad_intensity(n, t_sent, cls, sign, factor, m.intensity[t_val], conceded, code)

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
        eff[sel] = [f"{e + '; ' if e else ''}×{R.CONCESSION:g} inside a concessive clause" for e in eff[sel]]
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
    return _Scored(coop, conf, lab, label, matches, (say_sent, say_ws - starts[say_sent] if len(say_ws) else say_ws),
                   quote_rows, title_spans, quad, intensity)


_MATERIAL = np.array([c.startswith("material_") for c in _CLASS_NAMES])
_QUAD_OBJECTS = np.array(R.QUAD_CLASSES, dtype=object)  # order: v-coop, m-coop, v-conf, m-conf, none


def _quad_intensity(n, t_sent, cls, sign, factor, gold, conceded, code) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: the CAMEO quad class and Goldstein-like intensity of its decisive cue.

    Each tone word's effective intensity is its lexicon ``intensity`` with the sign it ends
    up with: a word flipped by a cue takes :data:`~araz.tone.rules.FLIPPED_INTENSITY`
    ("end the war" is a material yield, +5; "no to confrontation" verbal, +4), a word
    zeroed (title, "not … but") counts nothing. The decisive cue is the strongest one
    (largest ``|intensity|``; the first in the text on a tie) on the side of the label —
    cooperative for ``coop``, conflictual for ``conf``, either for ``mixed`` — taken from
    the main clause when the main clause has one (as the label is). ``neutral`` sentences
    are ``none`` with intensity 0.
    """
    eff = sign * np.sign(factor)
    material = _MATERIAL[np.maximum(cls, 0)] if len(cls) else np.zeros(0, dtype=bool)
    g = np.abs(gold) * eff
    flipped = (factor < 0) & (sign != 0)
    for (kind, side), value in R.FLIPPED_INTENSITY.items():
        sel = flipped & (material == (kind == "material")) & (eff == side)
        g[sel] = value
    g[eff == 0] = 0.0
    lab = code[t_sent]  # label codes (integers: compared without touching Python strings)
    ok = (g != 0) & (((lab == 0) & (g > 0)) | ((lab == 1) & (g < 0)) | (lab == 2))
    quad = np.full(n, len(R.QUAD_CLASSES) - 1, dtype=np.int64)
    intensity = np.zeros(n)
    idx = np.flatnonzero(ok)
    if len(idx):
        # sort by sentence, then main clause first, then strength, then earliest: the last of each run wins
        order = np.lexsort((-idx, np.abs(g[idx]), ~conceded[idx], t_sent[idx]))
        idx = idx[order]
        last = np.r_[t_sent[idx][1:] != t_sent[idx][:-1], True]
        win = idx[last]
        quad[t_sent[win]] = material[win].astype(np.int64) + 2 * (g[win] < 0)
        intensity[t_sent[win]] = g[win]
    return _QUAD_OBJECTS[quad], intensity + 0.0


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
    return _LABEL_OBJECTS[_label_codes(coop, conf)]  # the four strings shared, not one new string per sentence


def _label_codes(coop: np.ndarray, conf: np.ndarray) -> np.ndarray:
    """0 coop, 1 conf, 2 mixed, 3 neutral (the rule of the module text, step 5)."""
    total = coop + conf
    hi = np.maximum(coop, conf)
    lo = np.minimum(coop, conf)
    code = np.where(coop >= conf, 0, 1)
    code[(lo > 0) & (lo >= R.MIXED_RATIO * hi)] = 2
    code[total <= 0] = 3
    return code


_LABEL_OBJECTS = np.array(["coop", "conf", "mixed", "neutral"], dtype=object)
