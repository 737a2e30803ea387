"""The format of ``agency.yml``: the agency's name, contact and identity (declared like every key, see
``format``)."""

from __future__ import annotations

from procsite.model.agency import Agency
from procsite.source.common import CODE, TEXT
from procsite.source.schema import Key, ListOf, Obj, Str

AGENCY = Obj(
    Agency,
    {
        "name": Key(TEXT, True),
        "address": Key(TEXT, True),
        "parent": Key(TEXT),
        "phone": Key(Str("phone")),
        "email": Key(Str("email")),
        "hours": Key(TEXT),
        "site_url": Key(Str("url", r"https?://\S+")),
        "featured": Key(ListOf(CODE)),
    },
    "agency",
)
