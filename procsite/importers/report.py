"""What an import did, per procedure: mapped, left to complete, dropped and why, added to the registers,
and on a re-import what changed, key by key. Printed after the import and written as a file."""

from __future__ import annotations

from dataclasses import dataclass, field

from procsite.messages import DEFAULT_LANGUAGE, Msg
from procsite.problems import printable


@dataclass
class ImportReport:
    source: str  # the source file as given
    code: str = ""
    file: str = ""  # the procedure file written, relative to the procedures folder's parent
    status: str = ""  # "new" | "updated" | "unchanged" | "failed"
    mapped: list[str] = field(default_factory=list)
    to_complete: list[tuple[str, Msg]] = field(default_factory=list)
    dropped: list[tuple[str, Msg, str]] = field(default_factory=list)  # where, why, what was dropped
    notes: list[tuple[str, Msg]] = field(default_factory=list)
    registers: list[tuple[str, str, str]] = field(default_factory=list)  # register, id, name
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # key, before, after
    errors: list[tuple[str, Msg]] = field(default_factory=list)
    revision: str = ""  # the proposed iso.revisions entry, as YAML lines

    def error(self, key: str, why: Msg) -> None:
        self.errors.append((key, why))

    def placeholder(self, key: str, why: Msg) -> None:
        self.to_complete.append((key, why))

    def note(self, key: str, what: Msg) -> None:
        self.notes.append((key, what))

    def drop(self, where: str, why: Msg, received: str) -> None:
        self.dropped.append((where, why, received))

    def added(self, register: str, entry_id: str, name: str) -> None:
        self.registers.append((register, entry_id, name))

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The report of this procedure as lines a person reads, in ``lang``."""
        head = Msg(
            f"import.status.{self.status or 'failed'}", source=self.source, code=self.code or "—", file=self.file
        )
        lines = [head.render(lang)]
        for key, why in self.errors:
            lines.append(f"  ✗ {key}: {why.render(lang)}")
        if self.mapped:
            lines.append("  " + Msg("import.report.mapped", keys=", ".join(self.mapped)).render(lang))
        for key, before, after in self.changes:
            lines.append("  " + Msg("import.report.changed", key=key).render(lang))
            lines.append(f"    − {printable(_short(before))}")
            lines.append(f"    + {printable(_short(after))}")
        for key, why in self.to_complete:
            lines.append("  " + Msg("import.report.to_complete", key=key, why=why).render(lang))
        for register, entry_id, name in self.registers:
            msg = Msg("import.report.register", register=register, id=entry_id, name=printable(name))
            lines.append("  " + msg.render(lang))
        for key, what in self.notes:
            lines.append("  " + Msg("import.report.note", key=key, what=what).render(lang))
        for where, why, received in self.dropped:
            msg = Msg("import.report.dropped", where=where, why=why, received=printable(_short(received)))
            lines.append("  " + msg.render(lang))
        if self.revision:
            lines.append("  " + Msg("import.report.revision").render(lang))
            lines += [f"    {line}" for line in self.revision.rstrip("\n").split("\n")]
        return "\n".join(lines)


def _short(text: str, limit: int = 160) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"
