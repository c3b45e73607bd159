"""Write every committed ``.ipynb`` from its Jupytext percent-format source: ``make notebooks``.

The sources are the text files; the notebooks are generated from them, without outputs.

* Guided notebooks: ``notebooks/NN_name.py`` gives ``notebooks/NN_name.ipynb``.
* Exercises: one source per exercise, ``exercises/solutions/exNN_name.py``, gives the
  student notebook ``exercises/exNN_name.ipynb`` and the solutions notebook
  ``exercises/solutions/exNN_name.ipynb``. A cell tagged ``student`` goes only into the
  student notebook (the blank ``____`` cells, the hint cells), a cell tagged ``solution``
  only into the solutions notebook (the answers, the final ``all_passed`` assertion);
  every other cell goes into both. The two tags are removed from the written notebooks.

Every notebook gets the same normalised form, so that ``make notebooks`` is repeatable and a
diff shows only what a lecturer changed: kernel ``python3``, ``language_info`` ``python``,
cell ids ``c00``, ``c01`` … in order, no outputs, no Jupytext metadata.

    python tools/build_notebooks.py           # write the notebooks that differ from their source
    python tools/build_notebooks.py --check   # only say which ones differ (exit status 1 if any)
"""
from __future__ import annotations

import argparse
import copy
import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
VARIANT_TAGS = ("student", "solution")


def guided_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / "notebooks").glob("[0-9][0-9]_*.py"))


def exercise_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / "exercises" / "solutions").glob("ex[0-9][0-9]_*.py"))


def _normalised(nb, keep: str | None = None) -> nbformat.NotebookNode:
    """A copy of ``nb`` in the committed form; with ``keep``, drop the cells tagged for the other variant."""
    out = nbformat.v4.new_notebook()
    meta = {k: copy.deepcopy(v) for k, v in nb.metadata.items() if k not in ("jupytext", "kernelspec", "language_info")}
    out.metadata.update({**meta, "kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}})
    for cell in nb.cells:
        tags = list(cell.metadata.get("tags", []))
        if keep is not None and any(t in VARIANT_TAGS and t != keep for t in tags):
            continue
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(cell.source)
        elif cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        else:
            new = nbformat.v4.new_raw_cell(cell.source)
        metadata = {k: copy.deepcopy(v) for k, v in cell.metadata.items() if k != "tags"}
        tags = [t for t in tags if t not in VARIANT_TAGS]
        if tags:
            metadata["tags"] = tags
        new.metadata.update(metadata)
        out.cells.append(new)
    for i, cell in enumerate(out.cells):
        cell["id"] = f"c{i:02d}"
    nbformat.validate(out)
    return out


def expected(source: Path) -> dict[Path, nbformat.NotebookNode]:
    """The notebook(s) ``source`` gives: ``{path of the .ipynb: notebook}``."""
    source = Path(source)
    nb = jupytext.read(source, fmt="py:percent")
    if source.parent.name == "solutions":
        return {source.parent.parent / f"{source.stem}.ipynb": _normalised(nb, "student"),
                source.with_suffix(".ipynb"): _normalised(nb, "solution")}
    return {source.with_suffix(".ipynb"): _normalised(nb)}


def stale(root: Path = ROOT) -> list[tuple[Path, Path]]:
    """``(source, notebook)`` pairs whose committed notebook is missing or differs from its source."""
    out = []
    for source in guided_sources(root) + exercise_sources(root):
        for path, nb in expected(source).items():
            if not path.exists() or path.read_text(encoding="utf-8") != nbformat.writes(nb) + "\n":
                out.append((source, path))
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only list the notebooks that differ from their source")
    args = parser.parse_args(argv)
    todo = stale()
    for source, path in todo:
        rel, src = path.relative_to(ROOT), source.relative_to(ROOT)
        if args.check:
            print(f"{rel} differs from its source {src}; run `make notebooks`")
        else:
            nbformat.write(expected(source)[path], str(path))
            print(f"wrote {rel} from {src}")
    if not todo:
        print("every notebook matches its source")
    return 1 if (args.check and todo) else 0


if __name__ == "__main__":
    sys.exit(main())
