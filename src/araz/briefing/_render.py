"""Rendering a :class:`~araz.briefing.Brief`: Markdown, self-contained HTML, PDF.

* Templates are Jinja2 files in ``araz/briefing/templates/`` (``brief.md.j2``,
  ``brief.html.j2``, ``brief.css``). A user folder given as ``template_dir`` is searched
  first, so a user may replace one file and keep the others.
* **HTML** is autoescaped: every string from a document (text, title, outlet, author,
  url…) is escaped by Jinja2; only markup built here (the analyst's notes rendered by
  markdown-it with raw HTML disabled, footnote links, the chart as a ``data:`` URI) is
  marked safe. Links are written only for ``http``/``https`` addresses.
* **Markdown** escapes every interpolated string with backslashes (``\\<script>``
  renders as text), so a Markdown renderer cannot turn document text into markup; the
  analyst's notes are passed through as written.
* **PDF** renders the same HTML with WeasyPrint (which needs the system's Pango).
"""
from __future__ import annotations

import base64
import html
import io
import os
import re
import tempfile
from pathlib import Path

from markupsafe import Markup

from ..errors import ArazError
from ._notes import MARK_CLOSE, MARK_OPEN

TEMPLATES = Path(__file__).with_name("templates")
PANGO_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&#~!])")
_MD_NOTE_MARK = re.compile(f"{MARK_OPEN}(\\d+){MARK_CLOSE}")


class OutputError(ArazError):
    """The note cannot be written where it was asked to go (missing folder, no permission…)."""


class PdfUnavailable(ArazError):
    """WeasyPrint cannot run: the system's Pango library is missing."""


def md_escape(value) -> str:
    """Backslash-escape Markdown/HTML punctuation and fold line breaks into spaces."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = re.sub(r"\s+", " ", str(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_unescape(text: str) -> str:
    """Undo :func:`md_escape`'s backslashes (for tests that read a note back)."""
    return re.sub(r"\\([\\`*_\[\]<>|&#~!])", r"\1", text)


def safe_url(url) -> str | None:
    """The address if it is an ``http(s)`` URL, else ``None`` (no ``javascript:`` links)."""
    if isinstance(url, str) and re.match(r"^https?://[^\s\"'<>]+$", url.strip(), re.I):
        return url.strip()
    return None


def _environment(kind: str, template_dir=None):
    import jinja2

    loaders = []
    if template_dir is not None:
        folder = Path(template_dir).expanduser()
        if not folder.is_dir():
            raise ArazError(f"template folder {folder} does not exist; give a folder holding brief.md.j2 and/or "
                            f"brief.html.j2 (copy them from {TEMPLATES})")
        loaders.append(jinja2.FileSystemLoader(str(folder)))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    loader = jinja2.ChoiceLoader(loaders)
    if kind == "html":
        env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                                 trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    else:
        env = jinja2.Environment(loader=loader, autoescape=False, finalize=md_escape, undefined=jinja2.StrictUndefined,
                                 trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["safe_url"] = safe_url
    env.filters["raw"] = Markup
    env.globals["Markup"] = Markup
    return env


def render(brief, kind: str, template_dir=None) -> str:
    """Render ``brief`` with ``brief.md.j2`` or ``brief.html.j2``."""
    env = _environment(kind, template_dir)
    name = "brief.md.j2" if kind == "md" else "brief.html.j2"
    try:
        template = env.get_template(name)
    except Exception as exc:  # jinja2.TemplateError
        raise ArazError(f"template {name}: {exc}") from None
    ctx = brief.context()
    if kind == "html":
        ctx["css"] = Markup(env.loader.get_source(env, "brief.css")[0])
        ctx["notes_html"] = notes_html(brief.notes)
        ctx["chart_uri"] = chart_uri(brief.chart_png)
    else:
        ctx["notes_md"] = Markup(brief.notes.markdown()) if brief.notes else None
    out = template.render(**ctx)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out


def notes_html(notes) -> Markup | None:
    """The analyst's notes as HTML: Markdown rendered with raw HTML disabled, markers as footnote links."""
    if notes is None:
        return None
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    body = md.render(notes.text)
    body = _MD_NOTE_MARK.sub(lambda m: f'<sup class="fnref"><a href="#fn-{m.group(1)}" id="fnref-{m.group(1)}">{m.group(1)}</a></sup>', body)
    return Markup(body)


def chart_uri(png: bytes | None) -> str | None:
    return None if not png else "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def figure_png(fig) -> bytes:
    """A matplotlib figure as PNG bytes, without a timestamp (same figure, same bytes)."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=130, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def load_weasyprint():
    """Import WeasyPrint, or raise :class:`PdfUnavailable` naming the Debian packages to install."""
    try:
        import weasyprint  # noqa: F401
    except (OSError, ImportError) as exc:
        raise PdfUnavailable(
            "PDF export needs WeasyPrint and the system's Pango library, which could not be loaded "
            f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else 'no details'}). "
            f"On Debian/Ubuntu install it with: sudo apt-get install {PANGO_PACKAGES} fonts-dejavu-core "
            "— or export HTML (--format html) and print it to PDF from a browser."
        ) from None
    return weasyprint


def pdf_bytes(html_text: str, built) -> bytes:
    """The HTML rendered to PDF by WeasyPrint (metadata dated by the build date)."""
    import calendar

    weasyprint = load_weasyprint()
    doc = weasyprint.HTML(string=html_text, base_url=str(TEMPLATES)).render()
    stamp = f"{built.isoformat()}T00:00:00Z"
    doc.metadata.created = stamp
    doc.metadata.modified = stamp
    # The fonts embedded in the PDF are subset by fontTools, which stamps each with the
    # current time unless SOURCE_DATE_EPOCH is set: without this, the same note built twice
    # gave different bytes whenever the two builds fell in different seconds.
    before = os.environ.get("SOURCE_DATE_EPOCH")
    if before is None:
        os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(built.timetuple()))
    try:
        return doc.write_pdf(pdf_identifier=b"araz-briefing-note", uncompressed_pdf=False)
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


def check_writable(path) -> Path:
    """Raise :class:`OutputError` unless a file can be created at ``path``; return it as a Path.

    Missing folders are fine (they are created when the note is written) as long as the
    nearest existing one is a writable folder.
    """
    out = Path(path).expanduser()
    if out.is_dir():
        raise OutputError(f"--out {out} is a folder; give a file name such as {out / 'brief.md'}")
    if out.exists() and not os.access(out, os.W_OK):
        raise OutputError(f"--out {out}: the file exists and is not writable; choose another name")
    base = out.parent
    while not base.exists() and base != base.parent:
        base = base.parent
    if not base.is_dir():
        raise OutputError(f"--out {out}: {base} is a file, not a folder; choose another place")
    if not os.access(base, os.W_OK | os.X_OK):
        raise OutputError(f"--out {out}: the folder {base} is not writable; choose another place")
    return out


def write_atomic(path, data: bytes | str) -> Path:
    """Write to a temporary file in the same folder, then rename it to ``path``.

    Nothing half-written is ever left at ``path``: on any failure the temporary file (and
    any folder made for it) is removed and an existing file at ``path`` is untouched.
    """
    out = check_writable(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    made = [p for p in [out.parent, *out.parent.parents] if not p.exists()]
    tmp = None

    def clean_up():
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        for folder in made:  # innermost first
            try:
                folder.rmdir()
            except OSError:
                pass

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=str(out.parent))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except OSError as exc:
        clean_up()
        raise OutputError(f"--out {out}: could not write the note ({exc.strerror or exc}); nothing was written") from None
    except BaseException:
        clean_up()
        raise
    return out


def iframe(html_text: str, height: int = 720) -> str:
    """The note inside a sandboxed ``<iframe srcdoc>`` (for notebooks: its CSS cannot leak, no script runs)."""
    return (f'<iframe sandbox="" srcdoc="{html.escape(html_text, quote=True)}" '
            f'style="width:100%;height:{height}px;border:1px solid #ccc;background:white"></iframe>')
