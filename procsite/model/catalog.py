"""A procedures folder once read and checked: its agency, registers, procedures and report.

Every later stage (the pages, search, the site) reads a ``Catalog``; ``loader.py`` makes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from procsite.messages import DEFAULT_LANGUAGE, Msg
from procsite.model.agency import Agency, AgencyPage, Logo
from procsite.model.procedure import Everyday, Field, Form, Procedure, Unit
from procsite.model.quality import ControlledDocument, Objective, QualitySystem
from procsite.problems import Problem, Report
from procsite.source.files import SourceTree
from procsite.source.references import References


@dataclass(frozen=True)
class Untranslated:
    """A text shown in Vietnamese on the English site because its English is missing."""

    path: str
    line: int
    key: str

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The notice as one line in ``lang``."""
        return Problem(self.path, self.line, self.key, Msg("translation.missing"), None, "translation.missing").render(
            lang
        )

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class ToComplete:
    """A value an import left to complete (written ``to_complete``): a notice of the build report until
    staff write it; the page says it is being prepared. Never an error: citizens need the rest today."""

    path: str
    line: int
    key: str

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The notice as one line in ``lang``."""
        # The hint (how to complete it) is said once after the list, not on every line.
        return Problem(self.path, self.line, self.key, Msg("to_complete"), None, "to_complete").render(lang)

    def __str__(self) -> str:
        return self.render()


@dataclass
class Catalog:
    """Everything a build needs: the agency, its registers and its procedures, checked."""

    root: Path
    agency: Agency | None = None
    units: dict[str, Unit] = field(default_factory=dict)
    fields: dict[str, Field] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)
    everyday: dict[str, Everyday] = field(default_factory=dict)
    """The agency's everyday names of procedures (``everyday.yml``, optional), for search."""
    procedures: list[Procedure] = field(default_factory=list)
    untranslated: list[Untranslated] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    codes_seen: dict[str, str] = field(default_factory=dict)
    """Codes of procedure files that have a problem, by file: references to them are not unknown."""
    tree: SourceTree | None = None
    """Every file of the folder, by role."""
    unreadable: list[str] = field(default_factory=list)
    """Procedure files that could not be read; codes they hold are unknown."""
    register_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per register file name, the line of each key path, for messages."""
    broken: dict[str, set[str]] = field(default_factory=dict)
    """Per register, the ids of entries with a problem already reported ("*": the whole file)."""
    pages: dict[str, AgencyPage] = field(default_factory=dict)
    """The agency's own pages (``pages/``), by their Markdown path on the site (``index.md``)."""
    logo: Logo | None = None
    """The agency's logo (``logo`` in ``agency.yml``), once its file is checked."""
    objectives: dict[str, Objective] = field(default_factory=dict)
    """The quality objectives with their yearly figures (``objectives.yml``, optional), in the file's order."""
    documents: dict[str, ControlledDocument] = field(default_factory=dict)
    """The controlled documents the agency lists (``documents.yml``, optional), besides its processes."""
    system: QualitySystem | None = None
    """The quality management system and its announcement (``system.yml``, optional)."""

    def already_reported(self, register: str, entry_id: str) -> bool:
        """True when a reference to ``entry_id`` fails only because of a problem already reported,
        so that one mistake in a register is not reported again at every procedure that uses it."""
        broken = self.broken.get(register, set())
        return "*" in broken or entry_id in broken

    def register_line(self, register: str, key: str) -> int:
        """The line where ``key`` (e.g. ``featured[1]``) was written in ``register``.yml."""
        lines = self.register_lines.get(register, {})
        return lines.get(key, lines.get(key.split("[")[0].rsplit(".", 1)[0], 0))

    def references(self) -> References:
        """The registers' ids and names, for references checked where they are written."""
        names = {
            register: {
                entry_id: entry.name.vi if hasattr(entry, "name") else entry.title.vi
                for entry_id, entry in entries.items()
            }
            for register, entries in (("units", self.units), ("fields", self.fields), ("forms", self.forms))
        }
        return References(names, self.broken)

    def to_complete(self) -> list[ToComplete]:
        """Every value still to complete, file by file: the procedures' keys, then forms without a file."""
        notices = [
            ToComplete(p.source, line, key)
            for p in sorted(self.procedures, key=lambda p: p.source)
            for key, line in p.to_complete.items()
        ]
        forms_rel = f"{self.root.name}/forms.yml"
        notices += [
            ToComplete(forms_rel, self.register_line("forms", f"{form_id}.file"), f"{form_id}.file")
            for form_id, form in self.forms.items()
            if form.file is None
        ]
        return notices

    def codes(self) -> set[str]:
        """Every procedure code known: of the procedures read, and of the files with a problem."""
        return {p.code for p in self.procedures} | set(self.codes_seen)

    def by_code(self) -> dict[str, Procedure]:
        """Procedures by national code."""
        return {p.code: p for p in self.procedures}
