"""Synthetic procedures for scale tests: ``procsite synth N FOLDER`` writes N procedures and registers.

Titles, units and fields vary the way a province's ~2,000 procedures do (the same verbs and
objects recombined), every text is bilingual, and the real sample procedures are included
so that queries made from real names can be measured among the synthetic ones.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from procsite.synth.words import FIELDS, QUALIFIERS, UNITS, VERBS


def _titles(rng: random.Random) -> list[tuple[str, tuple[str, str], str]]:
    combos = [
        (field_id, (f"{verb} {obj}{q_vi}", f"{verb_en} {obj_en}{q_en}"), obj)
        for field_id, (_, _, objects) in FIELDS.items()
        for obj, obj_en in objects
        for verb, verb_en in VERBS
        for q_vi, q_en in QUALIFIERS
    ]
    rng.shuffle(combos)
    return [(f, (vi[0].upper() + vi[1:], en), o) for f, (vi, en), o in combos]


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _procedure(i: int, field_id: str, title: tuple[str, str], rng: random.Random) -> str:
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
        f"title: {{vi: {_q(title[0])}, en: {_q(title[1])}}}",
        f'code: "{1 + i % 2}.{100000 + i:06d}"',
        "iso:",
        f"  code: QT-{field_id.upper()[:6]}-{i:04d}",
        "  issue: 1",
        "  effective: 2025-07-01",
        "  drafted_by: thu-ky-iso-so",
        "  reviewed_by: truong-phong",
        "  approved_by: lanh-dao-so",
        f"field: {field_id}",
        "level: province",
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
        f"result: {{vi: {_q(title[0].split(' ', 1)[1].capitalize())}, en: {_q('The requested document')}}}",
        "---",
        f"Thủ tục {title[0].lower()} được giải quyết tại Trung tâm Phục vụ hành chính công tỉnh.",
        "",
    ]
    return "\n".join(lines)


def write_synthetic(folder: Path, count: int, sample: Path | None = None, seed: int = 2026) -> int:
    """Write ``count`` procedures (the real sample ones first, if given) and their registers into ``folder``."""
    rng = random.Random(seed)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    written = 0
    units = dict(UNITS)
    fields = {fid: (vi, en) for fid, (vi, en, _) in FIELDS.items()}
    if sample is not None:
        shutil.copytree(sample, folder, dirs_exist_ok=True)
        written = sum(1 for p in folder.rglob("*.md") if not p.name.endswith(".en.md"))
    (folder / "forms").mkdir(exist_ok=True)
    (folder / "forms" / "don-de-nghi.pdf").write_bytes(b"%PDF-1.4\n% synthetic form\n")
    titles = _titles(rng)
    for i, (field_id, title, _) in enumerate(titles[: max(0, count - written)]):
        path = folder / "tinh" / field_id / f"thu-tuc-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_procedure(i, field_id, title, rng), encoding="utf-8", newline="\n")
        path.with_name(path.stem + ".en.md").write_text(
            f"{title[1]} is handled at the Provincial Public Administrative Service Centre.\n",
            encoding="utf-8",
            newline="\n",
        )
        written += 1
    _append_register(folder / "units.yml", {k: {"vi": vi, "en": en} for k, (vi, en) in units.items()})
    _append_register(folder / "fields.yml", {k: {"vi": vi, "en": en} for k, (vi, en) in fields.items()})
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
