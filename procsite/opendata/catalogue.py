"""The whole catalogue in one file: JSON (one object per procedure) and CSV (one row per procedure).

The CSV is UTF-8 with a byte-order mark, the one way Excel on a Windows office PC opens Vietnamese
without mojibake; its columns are documented in ``COLUMNS`` (and on the open-data page).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from procsite import paths
from procsite.model.catalog import Catalog
from procsite.opendata.procedure_json import procedure_object
from procsite.pages.i18n import format_fee_range, format_processing_time_short

COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("code", "Mã thủ tục", "National procedure code"),
    ("title_vi", "Tên thủ tục", "Name in Vietnamese"),
    ("title_en", "Tên tiếng Anh", "Name in English (empty while not translated)"),
    ("field", "Lĩnh vực", "Field, in Vietnamese"),
    ("level", "Cấp thực hiện", "commune, province or ministry"),
    ("processing_time", "Thời hạn giải quyết", "Processing time as the page states it, in Vietnamese"),
    ("fees", "Phí, lệ phí", "Fees as the page states them, in Vietnamese"),
    ("channels", "Cách thức", "in_person, online, post (separated by spaces)"),
    ("status", "Tình trạng", "in_force, superseded or repealed"),
    ("iso_code", "Mã hiệu quy trình", "ISO process code (empty while being prepared)"),
    ("effective", "Ngày hiệu lực", "Effective date of the ISO process (YYYY-MM-DD)"),
    ("url", "Địa chỉ trang", "The procedure's page, from the site's root"),
    ("json", "Dữ liệu JSON", "The procedure's JSON file, from the site's root"),
)

JSON_FOLDER = "du-lieu/thu-tuc"
"""Where each procedure's JSON goes: ``du-lieu/thu-tuc/<code>.json`` (same in both languages)."""


def procedure_files(catalog: Catalog) -> dict[str, str]:
    """Each procedure as its own JSON file, by path."""
    return {
        f"{JSON_FOLDER}/{p.code}.json": json.dumps(procedure_object(p), ensure_ascii=False, indent=2)
        for p in catalog.procedures
    }


def rows(catalog: Catalog) -> list[dict[str, Any]]:
    out = []
    for p in sorted(catalog.procedures, key=lambda p: p.code):
        out.append(
            {
                "code": p.code,
                "title_vi": p.title.vi,
                "title_en": p.title.en or "",
                "field": catalog.fields[p.field].name.vi,
                "level": p.level or "",
                "processing_time": format_processing_time_short(p.processing_time, "vi"),
                "fees": format_fee_range(p.fees, "vi"),
                "channels": " ".join(p.channels),
                "status": p.status,
                "iso_code": p.iso.code if p.iso else "",
                "effective": p.iso.effective.isoformat() if p.iso else "",
                "url": paths.url_of(paths.procedure_page(p.slug)),
                "json": f"{JSON_FOLDER}/{p.code}.json",
            }
        )
    return out


def catalogue_json(catalog: Catalog) -> str:
    return json.dumps({"columns": [c[0] for c in COLUMNS], "procedures": rows(catalog)}, ensure_ascii=False, indent=1)


def catalogue_csv(catalog: Catalog) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[c[0] for c in COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(catalog))
    return "\ufeff" + buffer.getvalue()


def open_data_files(catalog: Catalog) -> dict[str, str]:
    """Every open-data file of the site, by path: per procedure, and the catalogue in JSON and CSV."""
    return {
        **procedure_files(catalog),
        "du-lieu/danh-muc.json": catalogue_json(catalog),
        "du-lieu/danh-muc.csv": catalogue_csv(catalog),
    }
