"""A procedure as schema.org ``GovernmentService`` in JSON-LD, for search engines and other systems.

Written into each procedure page as a data block (``<script type="application/ld+json">``, never run
by the browser and not subject to the CSP's script-src). Only facts the page shows; nothing fetched:
``@context`` is the schema.org name, which JSON-LD readers know without loading it.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from procsite.model.catalog import Catalog
from procsite.model.procedure import WORKING_HOURS_PER_DAY, Duration, Procedure, ProcessingTime

CHANNEL_NAMES = {
    "in_person": ("Trực tiếp tại Bộ phận Một cửa", "In person at the one-stop desk"),
    "online": ("Trực tuyến", "Online"),
    "post": ("Qua dịch vụ bưu chính", "By post"),
}


def iso_duration(time: ProcessingTime) -> str | None:
    """The processing time as an ISO 8601 duration: "P5D" (days), "PT4H" (working hours); the same
    working day as "PT8H" (at most one working day); None while it is to complete."""
    if time.same_day:
        return f"PT{WORKING_HOURS_PER_DAY}H"
    if time.limit is None:
        return None
    return _duration(time.limit)


def _duration(d: Duration) -> str:
    amount = f"{d.amount:g}"
    return f"PT{amount}H" if d.unit == "working_hours" else f"P{amount}D"


def government_service(p: Procedure, catalog: Catalog, lang: str, url: str | None) -> dict[str, Any]:
    """The JSON-LD object of ``p`` in ``lang``; ``url`` is the page's absolute address when known."""
    agency = catalog.agency
    service: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": p.title.get(lang),
        "identifier": p.code,
        "serviceType": catalog.fields[p.field].name.get(lang),
        "inLanguage": lang,
    }
    if url:
        service["url"] = url
    if agency is not None:
        provider: dict[str, Any] = {"@type": "GovernmentOrganization", "name": agency.name.get(lang)}
        provider["address"] = agency.address.get(lang)
        if agency.phone:
            provider["telephone"] = agency.phone
        if agency.email:
            provider["email"] = agency.email
        service["provider"] = provider
        area = agency.parent.get(lang) if agency.parent else agency.name.get(lang)
        service["areaServed"] = {"@type": "AdministrativeArea", "name": area}
    duration = iso_duration(p.processing_time)
    channels = []
    for channel in p.channels:
        item: dict[str, Any] = {"@type": "ServiceChannel", "name": CHANNEL_NAMES[channel][0 if lang == "vi" else 1]}
        if duration:
            item["processingTime"] = duration
        if channel == "in_person" and agency is not None:
            item["serviceLocation"] = {"@type": "Place", "address": (p.submit_at or agency.address).get(lang)}
        channels.append(item)
    service["availableChannel"] = channels
    if p.legal_basis:
        service["termsOfService"] = "; ".join(f"{b.number} {b.title.get(lang)}" for b in p.legal_basis)
    offers = [
        {
            "@type": "Offer",
            "price": fee.amount,
            "priceCurrency": "VND",
            **({"name": fee.label.get(lang)} if fee.label else {}),
        }
        for fee in p.fees
        if fee.amount is not None
    ]
    if offers:
        service["offers"] = offers
    if p.result:
        service["description"] = p.result.get(lang)
    return service


def script_block(data: dict[str, Any]) -> Markup:
    """``data`` as a JSON-LD data block: "<", ">" and "&" escaped so that no text can end the block."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup('<script type="application/ld+json">') + Markup(text) + Markup("</script>")
