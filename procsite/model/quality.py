"""The agency's quality management system as data: its objectives and their yearly figures, its controlled
documents, the decision that announced it; and the addresses of the pages that show them.

Whether an objective was met in a year is computed here (``Objective.met``), never typed: the page, the
chart and the register all read it from the target, the achieved value and the comparison.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as default
from decimal import Decimal
from typing import TYPE_CHECKING

from procsite.model.procedure import Revision, Text

if TYPE_CHECKING:
    from procsite.model.catalog import Catalog

COMPARISONS = ("at_least", "at_most", "exactly")
"""How an achieved value is held against its target: at least it (a share on time), at most it (days of
delay, complaints), or exactly it."""
MEASURES = ("percent", "count", "days", "working_days", "hours")
"""What an objective's figures are in: a percentage (0 to 100), a number of things, or a length of time."""
DOCUMENT_KINDS = ("policy", "objectives", "manual", "announcement", "plan", "form", "record", "other")
"""The kinds of controlled document an agency lists in ``documents.yml`` (its processes come from the
procedures, as the kind ``process``)."""
DOCUMENT_STATUSES = ("in_force", "draft", "superseded", "repealed")
"""A controlled document is in force, being prepared, replaced by another, or withdrawn."""

OBJECTIVES_PAGE = "chat-luong/muc-tieu.md"
"""The objectives, with their figures and charts (``objectives.yml``), after the agency's own text of
``pages/*/chat-luong/muc-tieu.md``."""
REGISTER_PAGE = "chat-luong/tai-lieu.md"
"""The document register (danh mục tài liệu): every controlled document of the system, every procedure's ISO
process among them (or said to be being prepared); published when the site shows a quality system."""
SYSTEM_PAGE = "chat-luong/he-thong.md"
"""The quality management system: its standard, announcement, scope, ISO secretary and feedback
(``system.yml``)."""
POLICY_PAGE = "chat-luong/chinh-sach.md"
"""The quality policy, a page the agency writes (``pages/*/chat-luong/chinh-sach.md``)."""
REGISTER_CSV = "du-lieu/tai-lieu.csv"
"""The register as CSV, published once at the Vietnamese site's root, as the catalogue's open data is."""


def met(comparison: str, target: Decimal, achieved: Decimal) -> bool:
    """Whether ``achieved`` meets ``target`` under ``comparison``; a value equal to its target meets it
    whichever the comparison."""
    if comparison == "at_least":
        return achieved >= target
    if comparison == "at_most":
        return achieved <= target
    if comparison == "exactly":
        return achieved == target
    raise ValueError(f"unknown comparison: {comparison}")


@dataclass(frozen=True)
class YearFigures:
    """One year of an objective: its target and, once the year is counted, what was achieved."""

    year: int
    target: Decimal
    achieved: Decimal | None = None
    """None: no result yet (the year is not over, or its figures are not compiled)."""
    note: Text | None = None


@dataclass(frozen=True)
class Objective:
    """A quality objective (mục tiêu chất lượng): what is measured, how, from where, and its years."""

    name: Text
    measure: Text
    """How it is calculated (cách tính)."""
    source: Text
    """Where the figures come from (nguồn số liệu)."""
    comparison: str
    unit: str
    years: list[YearFigures]
    counted: Text | None = None
    """What a count counts ("hồ sơ"), shown after its figures; only with ``unit: count``."""
    note: Text | None = None

    def met(self, figures: YearFigures) -> bool | None:
        """Whether the objective was met in that year; None while it has no achieved value."""
        return None if figures.achieved is None else met(self.comparison, figures.target, figures.achieved)

    def by_year(self) -> list[YearFigures]:
        """Its years, oldest first (as a chart reads them)."""
        return sorted(self.years, key=lambda figures: figures.year)


@dataclass(frozen=True)
class ControlledDocument:
    """A document of the quality system the agency lists in ``documents.yml`` (its processes come from the
    procedures' ``iso`` blocks): the policy, the objectives, the manual, forms, plans, records."""

    title: Text
    kind: str
    number: str
    """Its code or number (số hiệu): ``STCL-01``, ``125/QĐ-UBND``."""
    effective: dt.date
    issue: int | None = None
    status: str = "in_force"
    page: str | None = None
    """The page of the site that shows it, as an address from the home page (``chat-luong/chinh-sach/``)."""
    form: str | None = None
    """The id of the form (``forms.yml``) that publishes its file."""
    revisions: list[Revision] = default(default_factory=list)
    note: Text | None = None

    def last_revision(self) -> Revision | None:
        """Its latest revision (the highest issue), or None."""
        return max(self.revisions, key=lambda r: r.issue) if self.revisions else None


@dataclass(frozen=True)
class BasisDocument:
    """A legal document the system follows: the decision on ISO in public administration, the model."""

    number: str
    title: Text
    date: dt.date | None = None
    issuer: Text | None = None


@dataclass(frozen=True)
class Announcement:
    """The decision by which the head of the agency announced its system (quyết định công bố)."""

    number: str
    date: dt.date
    signed_by: str
    """The id (``units.yml``) of the role that signed it: the chair."""
    signer: str | None = None
    """The signer's name, as on the decision."""
    title: Text | None = None
    scope: Text | None = None
    """What the system covers, in words."""
    units: list[str] = default(default_factory=list)
    """The ids (``units.yml``) of the units the system covers."""
    procedures: list[str] | None = None
    """The codes of the procedures it covers; None: every procedure of the site."""


@dataclass(frozen=True)
class Feedback:
    """How citizens send feedback on the system and its processes."""

    how: Text
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class QualitySystem:
    """The agency's quality management system (``system.yml``)."""

    standard: str
    secretary: str
    """The id (``units.yml``) of the ISO secretary (thư ký ISO)."""
    feedback: Feedback
    model: list[BasisDocument] = default(default_factory=list)
    announcement: Announcement | None = None
    """None: the system is not announced yet (the page says it is being prepared)."""


def shows_quality_system(catalog: Catalog) -> bool:
    """Whether the site shows the agency's quality system: it has one of the quality registers, or a quality
    policy or objectives page of its own."""
    pages = {POLICY_PAGE, OBJECTIVES_PAGE} & catalog.pages.keys()
    return bool(catalog.objectives or catalog.documents or catalog.system is not None or pages)


def quality_pages(catalog: Catalog) -> list[str]:
    """The Markdown paths of the quality pages the build writes for ``catalog``: the register whenever the site
    shows a quality system, the objectives with ``objectives.yml``, the system page with ``system.yml``."""
    if not shows_quality_system(catalog):
        return []
    found = [REGISTER_PAGE]
    if catalog.objectives:
        found.append(OBJECTIVES_PAGE)
    if catalog.system is not None:
        found.append(SYSTEM_PAGE)
    return found
