"""Tiny helper to write a notebook (no outputs, kernel python3) from a list of cells.

    from nbbuild import md, code, write
    write("notebooks/00_start_here.ipynb", [md("# Title"), code("import araz")])
"""
from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def md(text: str):
    return new_markdown_cell(text.strip("\n"))


def code(text: str):
    return new_code_cell(text.strip("\n"))


def write(path: str, cells) -> None:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"c{i:02d}"
    nbformat.validate(nb)
    nbformat.write(nb, path)
