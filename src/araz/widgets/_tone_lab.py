"""The tone lab: score a sentence, edit the lexicon in memory, watch the agreement change."""
from __future__ import annotations

import ipywidgets as W

from .. import explore
from ..errors import ArazError
from . import _html as H
from ._explorer import default_export_folder

e = H.e


def explanation_html(ex) -> str:
    """An :class:`araz.tone.Explanation` as HTML: the sentence, its label, and each word's part."""
    head = e(ex.citation) if ex.citation else "typed sentence"
    w = ex.words
    rows = "".join(
        f"<tr><td>{e(str(sf))}</td><td>{e(str(t))}</td><td>{e(str(c))}</td><td class='num'>{float(wt):g}</td>"
        f"<td>{e(str(ef or ''))}</td><td class='num'>{float(ct):+.2f}</td></tr>"
        for sf, t, c, wt, ef, ct in zip(w["surface"], w["term"], w["class"], w["weight"], w["effect"], w["contribution"]))
    table = (f"<table class='araz-t'><tr><th>word</th><th>lexicon term</th><th>class</th><th>weight</th>"
             f"<th>what the rules did</th><th>contribution</th></tr>{rows}</table>" if rows
             else "<div class='araz-meta'>No lexicon term in this sentence: it is neutral.</div>")
    extra = ""
    if getattr(ex, "hand", None):
        extra += f"<div class='araz-meta'>hand label: {e(str(ex.hand.get('label')))} ({e(str(ex.hand.get('voice')))} voice), {e(str(ex.hand.get('split')))} split</div>"
    if getattr(ex, "vader", None):
        extra += f"<div class='araz-meta'>VADER: compound {float(ex.vader['compound']):+.2f} → {e(str(ex.vader['label']))}</div>"
    return H.wrap(
        f"<div class='araz-meta'>{head} · {e(ex.voice)} voice ({e(ex.voice_reason)})</div>"
        f"<blockquote style='margin:4px 0 6px 0'>“{e(ex.text)}”</blockquote>"
        f"<div>cooperation {ex.coop:.1f} · conflict {ex.conf:.1f} · net tone {ex.score:+.2f} → "
        f"<span class='araz-badge {e(ex.label)}'>{e(ex.label)}</span>"
        + (f" · hostile labels {ex.labelling:g} (not tone)" if ex.labelling else "") + "</div>"
        + table + extra)


def agreement_html(now, before=None) -> str:
    """Macro-F1 of ours and VADER's (now, and before the edits) and our confusion matrix on all hand labels."""
    s = now.summary.copy()
    if before is not None:
        b = before.summary.set_index(["method", "split"])["macro_f1"]
        s["before edits"] = [b.get((m, sp)) for m, sp in zip(s["method"], s["split"])]
    s = s.rename(columns={"macro_f1": "macro-F1"}).set_index(["method", "split"])
    cm = now.confusion.get(("ours", "all"))
    parts = [H.table_html(s.round(3), caption="Agreement with the hand labels")]
    if cm is not None:
        parts.append(H.table_html(cm, caption="Ours vs hand labels, all sentences (rows: hand, columns: ours)"))
    return H.wrap("<div style='display:flex;flex-wrap:wrap;align-items:flex-start'>" + "".join(parts) + "</div>")


class ToneLab(W.VBox):
    """Score a sentence and edit the lexicon; the agreement with the hand labels updates at once.

    ``lab.lexicon`` is the edited in-memory :class:`araz.tone.Lexicon`; drive it with
    ``lab.controls["term"].value = "handshake"`` … ``lab.add_term()``, or call
    :func:`araz.explore.lab_score` / :func:`araz.explore.lab_agreement` directly.

    Give it the same :class:`araz.explore.Session` as an explorer (``s = explore.Session(corpus)``;
    ``tone_lab(s)``, ``explorer(s)``) and every edit relabels the explorer, its charts and
    every aggregate of that session at once — and of no other session. With
    ``downloads=True`` (the class server) "Save lexicon" is a browser download.
    """

    def __init__(self, corpus, *, lexicon=None, downloads: bool = False):
        from .. import explore, tone

        self.session = explore.session(corpus)
        self.corpus = self.session.corpus
        self.downloads = downloads
        self.lexicon = (lexicon or self.session.lexicon or tone.load_lexicon()).copy()
        desc = {"description_width": "initial"}
        try:
            labels = tone.load_labels(corpus)
            cits = labels["citation"].tolist()
        except ArazError:
            cits = corpus.sentences["citation"].head(300).tolist()
        texts = dict(zip(corpus.sentences["citation"], corpus.sentences["text"]))
        pick = [(f"{c} — {texts.get(c, '')[:70]}", c) for c in cits]
        self.controls = {
            "pick": W.Dropdown(options=[("(pick a sentence)", "")] + pick, value="", description="Sentence",
                               style=desc, layout=W.Layout(width="98%")),
            "text": W.Textarea(value="", placeholder="…or type a sentence and press Score", rows=2,
                               layout=W.Layout(width="98%")),
            "term": W.Text(value="", description="Term", placeholder="e.g. handshake, cooperat*", style=desc),
            "class": W.Dropdown(options=list(tone.CLASSES), value="verbal_cooperation", description="Class", style=desc),
            "weight": W.BoundedFloatText(value=1.0, min=0.0, max=tone.MAX_WEIGHT, step=0.5, description="Weight", style=desc),
            "save_as": W.Text(value=f"{default_export_folder()}/tone_edited.csv", description="Save as", style=desc,
                              layout=W.Layout(width="60%")),
        }
        self.score_button = W.Button(description="Score", icon="check")
        self.add_button = W.Button(description="Add / reweight", icon="plus")
        self.remove_button = W.Button(description="Remove", icon="minus")
        self.reset_button = W.Button(description="Back to the shipped lexicon", icon="undo", layout=W.Layout(width="240px"))
        self.save_button = W.Button(description="Download lexicon (CSV)" if downloads else "Save lexicon", icon="save",
                                    layout=W.Layout(width="220px"))
        self.result = W.HTML()
        self.edit_status = W.HTML()
        self.agreement = W.HTML()
        self.download_link = W.HTML()
        self.saved_path: str | None = None
        self._before = None
        try:
            self._before = explore.lab_agreement(corpus, tone.load_lexicon())
        except ArazError as err:
            self._before_error = str(err)
        c = self.controls
        super().__init__([
            W.HTML(H.wrap("<strong>Tone lab</strong> <span class='araz-meta'>score a sentence; edit the lexicon "
                          "in memory and see the agreement with the hand labels change</span>")),
            c["pick"], W.HBox([c["text"], self.score_button]), self.result,
            W.HTML(H.wrap("<strong>Edit the lexicon</strong>")),
            W.HBox([c["term"], c["class"], c["weight"]]), W.HBox([self.add_button, self.remove_button, self.reset_button]),
            self.edit_status, self.agreement,
            *([self.save_button, self.download_link] if downloads else [W.HBox([c["save_as"], self.save_button])]),
        ])
        self.add_class("araz-tone-lab")
        c["pick"].observe(lambda ch: self.score(ch["new"]) if ch["new"] else None, names="value")
        self.score_button.on_click(lambda _b: self.score(c["text"].value))
        self.add_button.on_click(lambda _b: self.add_term())
        self.remove_button.on_click(lambda _b: self.remove_term())
        self.reset_button.on_click(lambda _b: self.reset())
        self.save_button.on_click(lambda _b: self.save())
        self._current: str | None = None
        self.update_agreement()

    # ---- scoring ---------------------------------------------------------------
    def score(self, sentence: str | None = None):
        """Score a citation or a typed sentence with the edited lexicon; show and return the explanation."""
        if sentence is not None:
            self._current = sentence
        if not self._current:
            return None
        try:
            ex = explore.lab_score(self.corpus, self._current, self.lexicon)
        except ArazError as err:
            self.result.value = H.status_html(str(err), "error")
            return None
        self.explanation = ex
        self.result.value = explanation_html(ex)
        return ex

    # ---- editing ---------------------------------------------------------------
    def add_term(self, term: str | None = None, cls: str | None = None, weight: float | None = None) -> None:
        """Add a term (or change its class and weight) in the in-memory lexicon."""
        c = self.controls
        term = c["term"].value if term is None else term
        cls = c["class"].value if cls is None else cls
        weight = c["weight"].value if weight is None else weight
        try:
            if term in self.lexicon:
                self.lexicon.add(term, cls, weight, note="edited in the tone lab")
                msg = f"Changed '{term}': {cls}, weight {weight:g}."
            else:
                self.lexicon.add(term, cls, weight, note="added in the tone lab")
                msg = f"Added '{term}': {cls}, weight {weight:g}."
        except ArazError as err:
            self.edit_status.value = H.status_html(str(err), "error")
            return
        self._edited(msg)

    def remove_term(self, term: str | None = None) -> None:
        """Remove a term from the in-memory lexicon."""
        term = self.controls["term"].value if term is None else term
        try:
            self.lexicon.remove(term)
        except ArazError as err:
            self.edit_status.value = H.status_html(str(err), "error")
            return
        self._edited(f"Removed '{term}'.")

    def reset(self) -> None:
        """Go back to the shipped lexicon."""
        from .. import tone

        self.lexicon = tone.load_lexicon().copy()
        self._edited("Back to the shipped lexicon.", shipped=True)

    def _edited(self, msg: str, shipped: bool = False) -> None:
        try:  # the session's labels follow the lexicon: the explorer and every aggregate update
            self.session.set_lexicon(None if shipped else self.lexicon.copy())
        except ArazError as err:
            self.edit_status.value = H.status_html(str(err), "error")
            return
        self.edit_status.value = H.status_html(f"{msg} The lexicon has {len(self.lexicon)} terms (not saved yet); "
                                               "the explorer now uses it.")
        self.update_agreement()
        self.score()

    def update_agreement(self):
        """Recompute the agreement with the hand labels for the edited lexicon; show and return it."""
        try:
            v = explore.lab_agreement(self.corpus, self.lexicon)
        except ArazError as err:
            self.agreement.value = H.status_html(str(err), "empty")
            self.validation = None
            return None
        self.validation = v
        self.agreement.value = agreement_html(v, self._before)
        return v

    def save(self, path: str | None = None) -> str | None:
        """Save the edited lexicon as CSV to the named file; show and return its path.

        With ``downloads`` it becomes a download link (nothing is written) and the file name is returned."""
        if self.downloads:
            t = self.lexicon.table.copy()
            t["weight"] = t["weight"].map(lambda w: f"{w:g}")
            data = t.to_csv(index=False, lineterminator="\n").encode("utf-8")
            self.download_link.value = H.download_html(data, "tone_edited.csv", "text/csv", "save the edited lexicon")
            self.edit_status.value = H.status_html(f"Ready: {len(self.lexicon)} terms; click the link to save them. "
                                                   "Use the file with araz.tone.load_lexicon('tone_edited.csv').")
            return "tone_edited.csv"
        path = (self.controls["save_as"].value if path is None else path).strip()
        if not path:
            self.edit_status.value = H.status_html("Name the file to save the lexicon to, e.g. exports/tone_edited.csv", "error")
            return None
        if not path.endswith(".csv"):
            path += ".csv"
        try:
            out = self.lexicon.save(path)
        except OSError as err:
            self.edit_status.value = H.status_html(f"cannot write '{path}': {err.strerror or err}; choose another file", "error")
            return None
        self.saved_path = str(out.resolve())
        self.edit_status.value = H.status_html(f"Saved {len(self.lexicon)} terms to {self.saved_path}. "
                                               f"Use it with araz.tone.load_lexicon({str(out)!r}).")
        return self.saved_path


__all__ = ["ToneLab", "explanation_html", "agreement_html"]
