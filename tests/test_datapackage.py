"""data/datapackage.json describes every table, and every table validates against its schema."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from araz.tables import read_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PACKAGE = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = PACKAGE["resources"]


def test_datapackage_is_up_to_date():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "build_datapackage.py"), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_every_csv_under_data_is_described():
    described = {r["path"] for r in RESOURCES}
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*.csv")}
    assert on_disk <= described, f"undescribed tables: {sorted(on_disk - described)}"


@pytest.mark.parametrize("resource", RESOURCES, ids=lambda r: r["name"])
def test_table_validates_against_its_schema(resource):
    schema = json.loads((DATA / resource["schema"]).read_text(encoding="utf-8"))
    assert schema["fields"], "a schema lists its fields"
    for field in schema["fields"]:
        assert field.get("description"), f"{resource['name']}.{field['name']} has no description"
    df = read_table(DATA / resource["path"], Path(resource["schema"]).stem)
    assert len(df) > 0


def test_a_bad_row_names_file_line_and_column(tmp_path):
    import araz
    schema = {"fields": [{"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
                         {"name": "weight", "type": "number", "constraints": {"minimum": 0}},
                         {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}}]}
    path = tmp_path / "t.csv"
    path.write_text("id,weight,kind\nx,1,a\nx,heavy,c\n,-1,a\n", encoding="utf-8")
    with pytest.raises(araz.TableError) as info:
        read_table(path, schema)
    text = str(info.value)
    assert "t.csv, line 3: field 'id': 'x' repeats line 2" in text
    assert "line 3: field 'weight': 'heavy' is not a valid number" in text
    assert "line 3: field 'kind': 'c' is not allowed; use one of: a, b" in text
    assert "line 4: field 'id': is required but empty" in text
    assert "line 4: field 'weight': -1 is below the minimum 0" in text


def test_missing_column_is_named(tmp_path):
    import araz
    schema = {"fields": [{"name": "id", "type": "string", "constraints": {"required": True}}]}
    path = tmp_path / "t.csv"
    path.write_text("name\nx\n", encoding="utf-8")
    with pytest.raises(araz.TableError, match="field 'id': column is missing"):
        read_table(path, schema)
