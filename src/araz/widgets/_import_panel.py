"""The import panel: pick files or paste URLs → :func:`araz.ingest.import_sources` → the report.

A standalone ipywidgets box the explorer can embed. Its logic is in plain functions that
tests call directly (:func:`parse_urls`, :func:`save_uploads`, :func:`panel_state`,
:func:`report_html`); the widget only wires them to controls. After an import that wrote
something, ``on_imported(paths)`` is called with the new files' paths (the explorer
reloads its corpus there).

**Writing files is a privilege.** On a class server (``araz.app``, Voilà) a visitor must not
be able to write files on the server: the panel is built disabled there —
``ImportPanel(..., enabled=False)``, or ``ARAZ_IMPORT=off`` in the server's environment —
and then only says that importing is turned off.

Every file name, title, outlet and message shown comes from untrusted input and is escaped.
"""
from __future__ import annotations

import html
import os
import re
from pathlib import Path

import ipywidgets as W
import pandas as pd

from . import _html as H

e = html.escape
ACCEPT = ".html,.htm,.xhtml,.pdf,.txt,.md,.xml,.rss,.atom"
UPLOADS = ".imported-files"  # inside the corpus folder; a dot-folder, so never read as documents
OFF_MESSAGE = "Importing is turned off here: this server does not let visitors write files. Run the kit on your own computer to import articles."


def import_allowed() -> bool:
    """False when the environment says ``ARAZ_IMPORT=off`` (or ``0``/``false``/``no``)."""
    return os.environ.get("ARAZ_IMPORT", "").strip().lower() not in ("0", "off", "false", "no")


def parse_urls(text: str) -> tuple[list[str], list[str]]:
    """``(urls, problems)`` from pasted text: one URL per line; blank lines and ``#`` comments skipped."""
    urls, problems = [], []
    for n, line in enumerate((text or "").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if re.match(r"^https?://\S+$", s, re.IGNORECASE):
            urls.append(s)
        else:
            problems.append(f"line {n}: '{s[:80]}' is not an http(s):// URL")
    return urls, problems


def _safe_name(name: str) -> str:
    base = Path(str(name).replace("\\", "/")).name  # never a path: no ../, no folders
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip("-.") or "upload"
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix)[:10].lower()
    return f"{stem[:100]}.{suffix}" if suffix else stem[:100]


def save_uploads(uploads, folder) -> list[Path]:
    """Write a FileUpload's files (``name`` and ``content`` each) into ``folder``; never overwrite."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for up in uploads or ():
        name = _safe_name(up.get("name", "upload") if isinstance(up, dict) else getattr(up, "name", "upload"))
        content = up["content"] if isinstance(up, dict) else up.content
        path, n = folder / name, 1
        while path.exists():
            n += 1
            stem, dot, suffix = name.rpartition(".")
            path = folder / (f"{stem}-{n}.{suffix}" if dot else f"{name}-{n}")
        with open(path, "xb") as f:
            f.write(bytes(content))
        out.append(path)
    return out


def panel_state(*, enabled: bool, urls_text: str, n_files: int, into) -> dict:
    """What the panel shows before a run: ``{"can_run", "message", "kind", "urls"}``."""
    if not enabled:
        return {"can_run": False, "message": OFF_MESSAGE, "kind": "empty", "urls": []}
    urls, problems = parse_urls(urls_text)
    if problems:
        return {"can_run": False, "message": "Fix the URL list: " + "; ".join(problems[:3]), "kind": "error", "urls": urls}
    if not urls and not n_files:
        return {"can_run": False, "message": f"Pick files or paste URLs to import them into {into}.", "kind": "info", "urls": []}
    what = " and ".join(x for x in (f"{n_files} file{'s' if n_files != 1 else ''}" if n_files else "",
                                    f"{len(urls)} URL{'s' if len(urls) != 1 else ''}" if urls else "") if x)
    return {"can_run": True, "message": f"Ready to import {what} into {into}.", "kind": "info", "urls": urls}


def report_html(report: pd.DataFrame) -> str:
    """The import report as an escaped HTML table, with a count per status on top."""
    if report is None or report.empty:
        return H.status_html("Nothing was imported.", "empty")
    counts = report["status"].value_counts()
    head = ", ".join(f"{int(counts.get(s, 0))} {s}" for s in ("imported", "near-duplicate", "duplicate", "error"))
    colour = {"imported": "#e6f4ea", "near-duplicate": "#fff4d6", "duplicate": "#f3f3f3", "error": "#fdecea"}
    rows = "".join(
        f"<tr style='background:{colour.get(r.status, '#fff')}'><td>{e(str(r.status))}</td><td>{e(str(r.doc_id))}</td>"
        f"<td>{e(str(r.title))}</td><td>{e(str(r.outlet))}</td><td>{e(str(r.published))}</td><td>{e(str(r.language))}</td>"
        f"<td>{e(str(r.source))}</td><td>{e(str(r.message))}</td></tr>"
        for r in report.itertuples(index=False))
    return H.wrap(f"<div class='araz-meta'>{e(head)}</div><table class='araz-t'><tr><th>status</th><th>doc_id</th>"
                  f"<th>title</th><th>outlet</th><th>published</th><th>language</th><th>source</th><th>message</th></tr>"
                  f"{rows}</table>")


class ImportPanel(W.VBox):
    """Pick files or paste URLs, press Import: the report, then ``on_imported(paths)``.

    ``panel.controls``: ``files`` (FileUpload), ``urls`` (Textarea), ``outlet``,
    ``perspective``, ``licence`` (Text), ``run`` (Button). ``panel.report`` is the last
    report (a DataFrame). ``importer`` defaults to :func:`araz.ingest.import_sources`
    (tests pass options through ``import_options``, e.g. a timeout).
    """

    def __init__(self, into, *, on_imported=None, enabled: bool | None = None, importer=None,
                 import_options: dict | None = None):
        self.into = Path(into)
        self.enabled = import_allowed() if enabled is None else bool(enabled)
        self.on_imported = on_imported
        self.importer = importer
        self.import_options = dict(import_options or {})
        self.report = pd.DataFrame()
        desc = {"description_width": "initial"}
        self.controls = {
            "files": W.FileUpload(accept=ACCEPT, multiple=True, description="Pick files"),
            "urls": W.Textarea(value="", placeholder="…or paste URLs (or a feed's URL), one per line", rows=3,
                               layout=W.Layout(width="98%")),
            "outlet": W.Text(value="", description="Outlet (if a page does not say)", style=desc),
            "perspective": W.Text(value="", description="Perspective", style=desc),
            "licence": W.Text(value="", description="Licence", style=desc),
            "run": W.Button(description="Import", button_style="primary", icon="download"),
        }
        self.status = W.HTML()
        self.output = W.HTML()
        for c in self.controls.values():
            c.disabled = not self.enabled
        self.controls["urls"].observe(lambda _: self._refresh(), names="value")
        self.controls["files"].observe(lambda _: self._refresh(), names="value")
        self.controls["run"].on_click(lambda _: self.run())
        c = self.controls
        super().__init__([W.HTML(H.wrap("<b>Import articles</b> <span class='araz-meta'>saved pages, PDFs, feeds, "
                                        "text files or URLs → " + e(str(self.into)) + "</span>")),
                          W.HBox([c["files"], c["run"]]), c["urls"], W.HBox([c["outlet"], c["perspective"], c["licence"]]),
                          self.status, self.output])
        self._refresh()

    def state(self) -> dict:
        return panel_state(enabled=self.enabled, urls_text=self.controls["urls"].value,
                           n_files=len(self.controls["files"].value or ()), into=self.into)

    def _refresh(self) -> None:
        s = self.state()
        self.controls["run"].disabled = not s["can_run"]
        self.status.value = H.status_html(s["message"], s["kind"])

    def run(self) -> pd.DataFrame:
        """Import what is picked and pasted; show the report; call ``on_imported`` with new paths."""
        s = self.state()
        if not s["can_run"]:
            self._refresh()
            return self.report
        from ..ingest import import_sources

        self.controls["run"].disabled = True
        self.status.value = H.status_html("Importing…")
        try:
            files = save_uploads(self.controls["files"].value, self.into / UPLOADS)
            defaults = {k: self.controls[k].value.strip() for k in ("outlet", "perspective", "licence")
                        if self.controls[k].value.strip()}
            importer = self.importer or import_sources
            self.report = importer([str(p) for p in files] + s["urls"], self.into, progress=False,
                                   **self.import_options, **defaults)
        except Exception as exc:  # noqa: BLE001 - shown to the reader, not raised into the kernel log
            self.status.value = H.status_html(f"The import failed: {exc}", "error")
            self.controls["run"].disabled = False
            return self.report
        self.controls["files"].value = ()
        self.controls["urls"].value = ""
        self.output.value = report_html(self.report)
        new = [Path(p) for p, st in zip(self.report["path"], self.report["status"]) if st in ("imported", "near-duplicate")]
        n_err = int((self.report["status"] == "error").sum())
        self.status.value = H.status_html(
            f"{len(new)} new document{'s' if len(new) != 1 else ''} in {self.into}"
            + (f"; {n_err} source{'s' if n_err != 1 else ''} could not be imported (see the messages)" if n_err else ""),
            "error" if n_err else "info")
        if new and self.on_imported is not None:
            self.on_imported(new)
        return self.report


def import_panel(into, **kwargs) -> ImportPanel:
    """The import panel (an ``ipywidgets.VBox``) writing into the corpus folder ``into``."""
    return ImportPanel(into, **kwargs)
