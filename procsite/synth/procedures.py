"""Synthetic procedures for scale tests: ``procsite synth N FOLDER`` writes N procedures and registers.

Names vary the way the national database's do (``words.py``): long names with commas, parentheses
and legal qualifiers, near-duplicates that differ by one word ("cấp" / "cấp lại" / "gia hạn"), the
same act for different subjects or at different levels. Every text is bilingual, and the real
sample procedures can be included (counted in N), so that queries made from real names are
measured among the synthetic ones. The same seed writes the same folder.
"""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from procsite.folding import tokens
from procsite.source.loader import load_catalog
from procsite.synth.words import ACTS, AUTHORITIES, FIELDS, RESULTS, SCOPES, SUBJECTS, UNITS, Phrase


class Name(NamedTuple):
    """One synthetic procedure's name in both languages, its field, level and result."""

    field: str
    vi: str
    en: str
    level: str
    result: Phrase


def procedure_names(count: int, rng: random.Random, taken: Iterable[str] = ()) -> list[Name]:
    """``count`` distinct names (distinct once folded, and from ``taken``), in near-duplicate families.

    A family is one object with one "for whom / where / who decides" tail, under one to five of the
    acts its kind takes ("Cấp", "Cấp lại", "Gia hạn" …), sometimes for a second subject too: as a
    national catalogue lists "Cấp giấy phép X", "Cấp lại giấy phép X (trường hợp bị mất, hư hỏng)"
    and "Cấp giấy phép X đối với người nước ngoài" side by side.
    """
    objects = [(fid, kind, vi, en) for fid, (_, _, objs) in FIELDS.items() for kind, vi, en in objs]
    seen = {tokens(t.removeprefix("Thủ tục ")) for t in taken}
    names: list[Name] = []
    tries = 0
    while len(names) < count:
        tries += 1
        if tries > 50 * count + 1000:
            raise ValueError(f"the words of procsite/synth/words.py make fewer than {count} distinct names")
        field, kind, obj_vi, obj_en = rng.choice(objects)
        subjects = SUBJECTS[kind]
        subject = rng.choice(subjects) if rng.random() < 0.4 else None
        where = rng.choice([s for s in SCOPES if kind in s[2].split()]) if rng.random() < 0.15 else None
        scope = where[:2] if where else None
        who_decides = rng.choice(AUTHORITIES) if rng.random() < 0.2 else None
        authority = who_decides[:2] if who_decides else None
        acts = rng.sample(ACTS[kind], k=min(len(ACTS[kind]), rng.choice([1, 1, 2, 3, 4, 5])))
        for act in acts:
            for whom in [subject, rng.choice(subjects)] if rng.random() < 0.2 else [subject]:
                case = rng.choice(act.cases) if act.cases and rng.random() < 0.35 else None
                late = rng.random() < 0.5
                tail = [p for p in (whom, scope, authority) if p is not None]
                parts = [(act.vi, act.en), (obj_vi, obj_en), *([case] if case and not late else []), *tail]
                parts += [case] if case and late else []
                vi = " ".join(p[0] for p in parts)
                en = " ".join(p[1] for p in parts)
                if tokens(vi) in seen or len(names) == count:
                    continue
                seen.add(tokens(vi))
                if rng.random() < 0.05:  # as some agencies publish them
                    vi = "Thủ tục " + vi[0].lower() + vi[1:]
                result = (obj_vi[0].upper() + obj_vi[1:], obj_en) if kind == "document" else RESULTS[kind]
                level = who_decides[2] if who_decides else "province"
                names.append(Name(field, vi[0].upper() + vi[1:], en[0].upper() + en[1:], level, result))
    return names


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _procedure(i: int, name: Name, rng: random.Random) -> str:
    days = rng.choice([3, 5, 7, 10, 15, 20])
    split = [1, days - 3, 1, 1] if days > 3 else [0.5, 1.5, 0.5, 0.5]
    steps = [
        ("tiep-nhan", "Tiếp nhận, kiểm tra hồ sơ", "Receive and check the dossier"),
        ("chuyen-vien", "Thẩm định hồ sơ, dự thảo kết quả", "Appraise the dossier and draft the result"),
        ("lanh-dao-so", "Xem xét, ký duyệt kết quả", "Review and sign the result"),
        ("tiep-nhan", "Trả kết quả cho tổ chức, cá nhân", "Return the result"),
    ]
    fee = rng.choice([0, 0, 50000, 100000, 200000, 500000, 1500000])
    lines = [
        "---",
        f"title: {{vi: {_q(name.vi)}, en: {_q(name.en)}}}",
        f'code: "{1 + i % 2}.{100000 + i:06d}"',
        "iso:",
        f"  code: QT-{name.field.upper()[:6]}-{i:04d}",
        "  issue: 1",
        "  effective: 2025-07-01",
        "  drafted_by: thu-ky-iso-so",
        "  reviewed_by: truong-phong",
        "  approved_by: lanh-dao-so",
        f"field: {name.field}",
        f"level: {name.level}",
        "performing_units: [ubnd-tinh]",
        "channels: [in_person, online, post]",
        f"processing_time: {days} working_days",
        "fees:",
        f"  - amount: {fee}",
        "    label: {vi: Phí thẩm định hồ sơ, en: Appraisal fee}",
        "documents:",
        "  - name: {vi: Đơn đề nghị theo mẫu, en: Application form}",
        "    form: don-de-nghi",
        "  - name: {vi: Bản sao giấy tờ pháp lý, en: Copy of legal documents}",
        "    originals: 0",
        "    copies: 1",
        "steps:",
    ]
    for (unit, vi, en), days_of_step in zip(steps, split, strict=True):
        lines += [
            f"  - action: {{vi: {_q(vi)}, en: {_q(en)}}}",
            f"    unit: {unit}",
            f"    duration: {days_of_step:g} working_days",
        ]
    lines += [
        "legal_basis:",
        "  - number: 63/2010/NĐ-CP",
        "    date: 2010-06-08",
        "    issuer: {vi: Chính phủ, en: Government}",
        "    title: {vi: Về kiểm soát thủ tục hành chính, en: On the control of administrative procedures}",
        f"result: {{vi: {_q(name.result[0])}, en: {_q(name.result[1][0].upper() + name.result[1][1:])}}}",
        "---",
        f"{name.vi} được giải quyết tại Trung tâm Phục vụ hành chính công tỉnh.",
        "",
    ]
    return "\n".join(lines)


def write_synthetic(folder: Path, count: int, sample: Path | None = None, seed: int = 2026) -> int:
    """Write exactly ``count`` procedures (the real sample ones first, if given) and their registers
    into ``folder`` (replaced); returns how many were written."""
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written = 0
    taken: list[str] = []
    if sample is not None:
        real = load_catalog(sample).procedures
        if count < len(real):  # the sample's procedures refer to each other: all or none
            raise ValueError(f"the sample has {len(real)} procedures: ask for at least that many")
        shutil.copytree(sample, folder, dirs_exist_ok=True)
        written = len(real)
        taken = [p.title.vi for p in real]
    (folder / "forms").mkdir(exist_ok=True)
    (folder / "forms" / "don-de-nghi.pdf").write_bytes(b"%PDF-1.4\n% synthetic form\n")
    for i, name in enumerate(procedure_names(count - written, rng, taken)):
        path = folder / "tinh" / name.field / f"thu-tuc-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_procedure(i, name, rng), encoding="utf-8", newline="\n")
        path.with_name(path.stem + ".en.md").write_text(
            f"{name.en} is handled at the Provincial Public Administrative Service Centre.\n",
            encoding="utf-8",
            newline="\n",
        )
        written += 1
    _append_register(folder / "units.yml", {k: {"vi": vi, "en": en} for k, (vi, en) in UNITS.items()})
    fields = {fid: {"vi": vi, "en": en} for fid, (vi, en, _) in FIELDS.items()}
    _append_register(folder / "fields.yml", fields)
    with (folder / "forms.yml").open("a", encoding="utf-8", newline="\n") as out:
        out.write("don-de-nghi:\n  title: {vi: Đơn đề nghị, en: Application form}\n  file: forms/don-de-nghi.pdf\n")
    if not (folder / "agency.yml").exists():
        (folder / "agency.yml").write_text(
            "name: {vi: Ủy ban nhân dân tỉnh Mẫu, en: Sample Provincial People's Committee}\n"
            "address: {vi: Trung tâm Phục vụ hành chính công tỉnh, en: Provincial Public Administrative Service"
            " Centre}\n",
            encoding="utf-8",
            newline="\n",  # LF on every system: the check refuses CR LF
        )
    return written


def _append_register(path: Path, entries: dict[str, dict[str, str]]) -> None:
    with path.open("a", encoding="utf-8", newline="\n") as out:
        out.write("\n")
        for key, name in entries.items():
            out.write(f"{key}:\n  name: {{vi: {_q(name['vi'])}, en: {_q(name['en'])}}}\n")
