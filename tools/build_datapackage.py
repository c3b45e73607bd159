"""Write data/datapackage.json from the schemas in data/schemas/ and the CSVs they describe.

Each ``data/schemas/<name>.json`` describes the CSV ``data/*/<name>.csv``; the schema's own
``title``, ``description``, ``sources`` and ``licenses`` keys (if present) become the resource's.
Run after adding or changing a table:  .venv/bin/python tools/build_datapackage.py
``tests/test_datapackage.py`` fails when the committed file is out of date.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data"
META_KEYS = ("title", "description", "sources", "licenses")


def build() -> dict:
    resources = []
    for schema_path in sorted((DATA / "schemas").glob("*.json")):
        name = schema_path.stem
        csvs = sorted(p for p in DATA.glob(f"*/{name}.csv"))
        if len(csvs) != 1:
            raise SystemExit(f"{schema_path}: expected exactly one data/*/{name}.csv, found {len(csvs)}")
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        res = {
            "name": name.replace("_", "-"),
            "path": csvs[0].relative_to(DATA).as_posix(),
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": f"schemas/{schema_path.name}",
        }
        for key in META_KEYS:
            if key in schema:
                res[key] = schema[key]
        resources.append(res)
    return {
        "profile": "tabular-data-package",
        "name": "araz",
        "title": "Araz: Iran–Azerbaijan relations teaching and briefing kit — data",
        "description": (
            "Gazetteers, lexicons and annotations of the Araz kit. The corpus itself is in corpus/ "
            "(one UTF-8 file per document: YAML front matter with provenance, then the text). "
            "Every table's fields are described by its Table Schema in schemas/."
        ),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 (the kit's own tables)",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": resources,
    }


def main() -> None:
    text = json.dumps(build(), indent=2, ensure_ascii=False) + "\n"
    if "--check" in sys.argv:
        current = (DATA / "datapackage.json").read_text(encoding="utf-8") if (DATA / "datapackage.json").exists() else ""
        sys.exit(0 if current == text else "data/datapackage.json is out of date: run tools/build_datapackage.py")
    (DATA / "datapackage.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
