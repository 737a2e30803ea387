"""What a procedure is: the values a validated source file becomes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as default

WORKING_HOURS_PER_DAY = 8
"""A Vietnamese civil-service working day (Decree 45/2013: 8 hours)."""


@dataclass(frozen=True)
class Text:
    """A text a citizen reads, in Vietnamese and, once translated, English."""

    vi: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """The text in ``lang``, falling back to Vietnamese when not translated."""
        return self.en if lang == "en" and self.en else self.vi

    def missing(self, lang: str) -> bool:
        """True when ``lang`` has no text of its own and shows the Vietnamese fallback."""
        return lang == "en" and not self.en


@dataclass(frozen=True)
class Duration:
    """A length of time as the law writes it: working days, working hours or calendar days."""

    amount: float
    unit: str  # "working_days" | "working_hours" | "days"

    @property
    def working_hours(self) -> float:
        """The length in working hours (only meaningful for working units)."""
        return self.amount * WORKING_HOURS_PER_DAY if self.unit == "working_days" else self.amount

    @property
    def calendar(self) -> bool:
        """True for calendar days, which cannot be added to working time."""
        return self.unit == "days"


@dataclass(frozen=True)
class ProcessingTime:
    """The legal processing time: a duration, or the same working day with a cut-off hour."""

    limit: Duration | None = None
    same_day: bool = False
    cutoff: str | None = None
    verification_limit: Duration | None = None
    note: Text | None = None


@dataclass(frozen=True)
class Fee:
    """One fee or charge, in đồng; an amount of 0 means free of charge, ``None`` that it is still to
    complete (the national record gives no value)."""

    amount: int | None
    label: Text | None = None
    channel: str | None = None
    exemptions: Text | None = None


@dataclass(frozen=True)
class Document:
    """A document of the dossier: to submit or to show, with an optional form."""

    name: Text
    action: str = "submit"
    originals: int = 1
    copies: int = 0
    form: str | None = None
    condition: Text | None = None


@dataclass(frozen=True)
class Step:
    """One numbered step of the ISO process, with the unit responsible and its time."""

    action: Text
    unit: str
    duration: Duration
    output: Text | None = None
    form: str | None = None
    parallel: bool = False


@dataclass(frozen=True)
class LegalBasis:
    """A legal document the procedure rests on; date and issuer may still be to complete (``None``)."""

    number: str
    date: dt.date | None
    issuer: Text | None
    title: Text


@dataclass(frozen=True)
class Revision:
    """A line of the ISO revision log (theo dõi sửa đổi)."""

    issue: int
    date: dt.date | None  # None: to complete (an ISO document's revision log without dates)
    change: Text
    section: Text | None = None


@dataclass(frozen=True)
class DocumentControl:
    """ISO document control of the process: code, issue, effective date, signatures, revisions."""

    code: str
    issue: int
    effective: dt.date
    drafted_by: str
    reviewed_by: str
    approved_by: str
    revisions: list[Revision] = default(default_factory=list)


@dataclass(frozen=True)
class Decision:
    """The decision that announced the procedure (quyết định công bố thủ tục hành chính)."""

    number: str
    date: dt.date | None = None
    issuer: Text | None = None


@dataclass(frozen=True)
class Keywords:
    """Words staff add so that citizens find the procedure by the words they use."""

    vi: list[str] = default(default_factory=list)
    en: list[str] = default(default_factory=list)


@dataclass
class Procedure:
    """One administrative procedure and its ISO process.

    A key written ``to_complete`` (an import's placeholder for what its source did not have) is empty
    here — ``None`` or an empty list — and listed in ``to_complete``; the page says it is being prepared.
    """

    title: Text
    code: str
    iso: DocumentControl | None
    field: str
    level: str | None
    channels: list[str]
    processing_time: ProcessingTime
    fees: list[Fee]
    documents: list[Document]
    steps: list[Step]
    legal_basis: list[LegalBasis]
    result: Text | None
    performing_units: list[str]
    status: str = "in_force"
    superseded_by: str | None = None
    status_note: Text | None = None
    competent_unit: str | None = None
    submit_at: Text | None = None
    applicants: Text | None = None
    conditions: list[Text] = default(default_factory=list)
    timing_note: Text | None = None
    keywords: Keywords = default(default_factory=Keywords)
    related: list[str] = default(default_factory=list)
    decision: Decision | None = None
    national_steps: list[Text] = default(default_factory=list)
    """The steps as the national database describes them: shown while the ISO steps are to complete."""
    to_complete: dict[str, int] = default(default_factory=dict)
    """The keys written ``to_complete``, with their lines (``steps``, ``legal_basis[2].date``, …)."""
    # Set by the loader, not written in the front matter:
    slug: str = ""
    source: str = ""
    body: Text = default(default_factory=lambda: Text(""))
    lines: dict[str, int] = default(default_factory=dict)


@dataclass(frozen=True)
class Unit:
    """An organisational unit or a role (one-stop desk, civil-status officer, chair …)."""

    name: Text
    part_of: str | None = None
    description: Text | None = None


@dataclass(frozen=True)
class Field:
    """A field of procedures (lĩnh vực), e.g. civil status."""

    name: Text
    description: Text | None = None


@dataclass(frozen=True)
class Form:
    """A form template citizens can download, stored under the procedures folder."""

    title: Text
    file: str | None  # None: the file is still to complete (an import named the form, without the file)
    number: str | None = None


@dataclass(frozen=True)
class Everyday:
    """An everyday name or abbreviation of a procedure (``sổ đỏ``), and what it stands for in the names
    the law uses, per language: search reads a query holding one as the query with it replaced."""

    said: Text
    means: Text
