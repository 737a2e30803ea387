"""The agency that publishes the site: its name, contact and identity, in both languages, and its own pages."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as default

from procsite.model.procedure import Text


@dataclass(frozen=True)
class Agency:
    """The agency that publishes the site (``agency.yml``)."""

    name: Text
    address: Text
    parent: Text | None = None
    phone: str | None = None
    email: str | None = None
    hours: Text | None = None
    site_url: str | None = None
    """The Vietnamese site's public address, ending with "/"; the English site is at ``<site_url>en/``."""
    featured: list[str] = default(default_factory=list)
    site_name: Text | None = None
    """The site's name in the browser's tab and the header; by default made from ``name``."""
    site_description: Text | None = None
    """The description search engines show; by default made from ``name``."""
    logo: str | None = None
    """The name of a PNG, JPEG or WebP file at the top of the procedures folder, shown in the header."""
    primary_color: str | None = None
    """The header's and links' colour, ``#rrggbb`` in lower case; white text reads on it."""
    accent_color: str | None = None
    """The colour of links under the pointer and of focus outlines, ``#rrggbb`` in lower case."""


@dataclass(frozen=True)
class Logo:
    """The agency's logo file, checked: what it is and which version of it (a new picture is a new digest)."""

    file: str
    """Its name in the procedures folder (``logo.png``)."""
    kind: str
    """``png``, ``jpeg`` or ``webp``: what its bytes are."""
    width: int
    height: int
    digest: str
    """SHA-256 of its bytes: the preview builds everything again when the picture changes."""


@dataclass(frozen=True)
class PageText:
    """One language of an agency page, as staff wrote it (Markdown, checked, stored NFC)."""

    source: str
    """The file as messages name it: ``procedures/pages/vi/index.md``."""
    text: str
    line: int = 1
    """The line of the file where ``text`` starts."""


@dataclass(frozen=True)
class AgencyPage:
    """A page the agency writes itself (``pages/vi/<path>``, ``pages/en/<path>``): the home page's text,
    the quality policy and objectives, and any other page it adds."""

    path: str
    """Its Markdown path on the site, the same in both languages: ``index.md``, ``chat-luong/chinh-sach.md``."""
    vi: PageText
    en: PageText | None = None

    def get(self, lang: str) -> PageText:
        """The page in ``lang``, falling back to Vietnamese when not translated."""
        return self.en if lang == "en" and self.en is not None else self.vi

    def missing(self, lang: str) -> bool:
        """True when ``lang`` has no page of its own and shows the Vietnamese one."""
        return lang == "en" and self.en is None
