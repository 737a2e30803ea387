"""The agency that publishes the site: its name, contact and identity, in both languages."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as default

from procsite.model.procedure import Text


@dataclass(frozen=True)
class Agency:
    """The agency that publishes the site."""

    name: Text
    address: Text
    parent: Text | None = None
    phone: str | None = None
    email: str | None = None
    hours: Text | None = None
    site_url: str | None = None
    featured: list[str] = default(default_factory=list)
