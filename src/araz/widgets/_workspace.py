"""The explorer on one's own folder, with the import panel above it.

:class:`Workspace` is what ``araz.widgets.explorer(folder_corpus, importing=True)`` returns:
an :class:`~araz.widgets._import_panel.ImportPanel` (in a collapsed accordion) that imports
into the corpus's folder, and the :class:`~araz.widgets._explorer.Explorer` below it. After an
import that wrote something, the folder is loaded again and a fresh explorer replaces the old
one, so the new documents appear in every filter, result and chart. Rebuilding the explorer
(instead of patching the old one's options) keeps the explorer's own state simple: it is made
for one corpus.

Everything else is delegated: ``workspace.controls``, ``.total``, ``.page``, ``.status`` … are
the current explorer's, so the same code drives either.
"""
from __future__ import annotations

import ipywidgets as W

from ..corpus import load_corpus
from ..errors import ArazError
from . import _html as H
from ._explorer import Explorer
from ._import_panel import ImportPanel


class Workspace(W.VBox):
    """Import panel + explorer on a folder corpus; the explorer is rebuilt after each import."""

    def __init__(self, corpus, *, import_options: dict | None = None, **explorer_kwargs):
        if getattr(corpus, "root", None) is None or getattr(corpus, "is_shipped", False):
            raise ArazError("the import panel writes into a corpus folder: load your own folder with "
                            "araz.load_corpus('path/to/folder') first (the shipped corpus is never written to)")
        self.root = corpus.root
        self._explorer_kwargs = explorer_kwargs
        self.explorer = Explorer(corpus, **explorer_kwargs)
        self.panel = ImportPanel(self.root, on_imported=self.reload, import_options=import_options)
        self.reload_status = W.HTML()
        self.accordion = W.Accordion(children=[W.VBox([self.panel, self.reload_status])],
                                     titles=("Import articles (web pages, URLs, feeds, PDFs)",), selected_index=None)
        super().__init__([self.accordion, self.explorer], layout=W.Layout(width="100%"))

    def reload(self, paths=None) -> None:
        """Load the folder again and show a fresh explorer on it (called after an import)."""
        try:
            corpus = load_corpus(self.root)
        except ArazError as exc:  # the imported files are kept; say what to fix
            self.reload_status.value = H.status_html(f"The folder no longer loads: {exc}", "error")
            return
        self.explorer = Explorer(corpus, **self._explorer_kwargs)
        self.children = [self.accordion, self.explorer]
        n = len(paths or ())
        self.reload_status.value = H.status_html(
            f"{n} new document{'s' if n != 1 else ''}; the explorer now shows {len(corpus)} documents.", "info")

    def __getattr__(self, name):
        # only reached for names a VBox does not have: the explorer's controls, total, page…
        if name.startswith("_") or name in ("explorer",):
            raise AttributeError(name)
        return getattr(self.__dict__.get("explorer") or super().__getattribute__("explorer"), name)
