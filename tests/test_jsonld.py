"""Every procedure page carries a schema.org GovernmentService in JSON-LD, read here by a JSON-LD library
(PyLD, with the schema.org context given locally: nothing is fetched) from the built sample."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from pyld import jsonld

from procsite.model.catalog import Catalog
from procsite.pages.jsonld import government_service, script_block
from procsite.source.loader import load_catalog
from tests.conftest import SAMPLE

SCHEMA = "https://schema.org/"
_BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _local_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    assert url.rstrip("/") == SCHEMA.rstrip("/"), url  # no other context may be needed
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def expanded(data: dict[str, Any]) -> dict[str, Any]:
    out = jsonld.expand(data, {"documentLoader": _local_loader})
    assert len(out) == 1
    return out[0]  # type: ignore[no-any-return]


def value(node: dict[str, Any], key: str) -> Any:
    return [v.get("@value", v) for v in node[SCHEMA + key]]


def test_every_sample_page_has_a_government_service(sample_site: Path) -> None:
    catalog = load_catalog(SAMPLE)
    for p in catalog.procedures:
        page = (sample_site / "thu-tuc" / p.slug / "index.html").read_text(encoding="utf-8")
        blocks = _BLOCK.findall(page)
        assert len(blocks) == 1, p.slug
        node = expanded(json.loads(blocks[0]))
        assert node["@type"] == [SCHEMA + "GovernmentService"]
        assert value(node, "name") == [p.title.vi]
        assert value(node, "identifier") == [p.code]
        assert len(node[SCHEMA + "availableChannel"]) == len(p.channels)
        prices = sorted(v for o in node.get(SCHEMA + "offers", []) for v in value(o, "price"))
        assert prices == sorted(f.amount for f in p.fees if f.amount is not None)
        times = {t for c in node[SCHEMA + "availableChannel"] for t in value(c, "processingTime")}
        assert len(times) == 1 and re.fullmatch(r"P(T\d+(\.\d+)?H|\d+(\.\d+)?D)", times.pop())


def test_durations_are_iso_8601() -> None:
    catalog: Catalog = load_catalog(SAMPLE)
    by_code = catalog.by_code()
    same_day = next(p for p in catalog.procedures if p.processing_time.same_day)
    days = next(
        p for p in catalog.procedures if p.processing_time.limit and p.processing_time.limit.unit == "working_days"
    )
    assert government_service(same_day, catalog, "vi", None)["availableChannel"][0]["processingTime"] == "PT8H"
    limit = days.processing_time.limit
    assert limit is not None
    expected = f"P{limit.amount:g}D"
    assert (
        government_service(by_code[days.code], catalog, "en", None)["availableChannel"][0]["processingTime"] == expected
    )


def test_no_text_can_end_the_block() -> None:
    block = script_block({"name": "</script><script>alert(1)</script> & <!--"})
    assert str(block).count("</script>") == 1 and "<!--" not in block
    inner = str(block).removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(inner)["name"] == "</script><script>alert(1)</script> & <!--"
