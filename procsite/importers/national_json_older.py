"""A record of the national database's older integration interface: upper-case keys (MATTHC, TENTTHC,
...), numbers mostly written in texts, the times as Vietnamese lengths ("15" "Ngày làm việc").

``read_older_record`` reads the record object ``national_json`` found in the file; the keys it reads are
listed in ``national_json.read_older_national_json``.
"""

from __future__ import annotations

from dataclasses import replace

from procsite.importers.json_node import Node
from procsite.importers.legal_texts import read_legal_text
from procsite.importers.national_values import date_in_text, dong_of, one
from procsite.importers.records import (
    DocumentGroup,
    LegalText,
    NationalChannel,
    NationalDocument,
    NationalFee,
    NationalRecord,
    TimeLimit,
    level_of,
)
from procsite.importers.vi_durations import read_length

OLDER_CHANNELS = {"1": "in_person", "2": "online", "3": "post"}
"""KENH, the channel: 1 in person, 2 online, 3 by post."""


def read_older_record(data: Node, shown: str) -> NationalRecord:
    """The national record in ``data``, an object of the older interface (``shown`` names its file)."""
    record = NationalRecord(
        source=shown,
        code=data.key("MATTHC").text() or data.key("MaTTHC").text(),
        name=data.key("TENTTHC").text(),
        levels=tuple(_levels(data.key("CAPTHUCHIEN"))),
        fields=data.key("LINHVUCTHUCHIEN").names("TENLINHVUC"),
        procedure_type=data.key("LOAITTHC").text(),
        steps=tuple(_steps(data.key("TRINHTUTHUCHIEN"))),
        channels=tuple(channel for item in data.key("CACHTHUCTHUCHIEN").objects() for channel in _channels(item)),
        document_groups=tuple(_group(group) for group in data.key("THANHPHANHOSO").objects()),
        applicants=data.key("DOITUONGTHUCHIEN").names("TENDOITUONG") or one(data.key("MOTADOITUONGTHUCHIEN")),
        performing=data.key("COQUANTHUCHIEN").names("TENDONVI") or one(data.key("MOTACOQUANTHUCHIEN")),
        competent=data.key("COQUANCOTHAMQUYEN").names("TENDONVI") or one(data.key("MOTACOQUANTHAMQUYEN")),
        delegated=data.key("COQUANDUOCUYQUYEN").names("TENDONVI"),
        coordinating=data.key("COQUANPHOIHOP").names("TENDONVI"),
        submit_at=data.key("DIACHITIEPNHAN").text(),
        results=data.key("KETQUATHUCHIEN").names("TENKETQUA"),
        conditions=data.key("YEUCAU").text(),
        legal_basis=tuple(_legal_text(text) for text in data.key("CANCUPHAPLY").objects()),
        keywords=data.key("TUKHOA").text(),
        description=data.key("MOTA").text(),
        status=data.key("TRANGTHAI").text(),
    )
    return replace(record, issues=tuple(data.issues))


def _levels(levels: Node) -> list[str]:
    found = []
    for item in levels.objects():
        name = item.key("TENCAP")
        level = level_of(name.text())
        if level is None:
            name.report("national.level_unknown")
        else:
            found.append(level)
    return found


def _steps(cases: Node) -> list[str]:
    texts = []
    for case in cases.objects():
        texts += [text for text in (case.key("TRUONGHOP").text(),) if text]
        texts += list(case.key("TRINHTU").names("TENTRINHTU"))
    return texts


def _channels(item: Node) -> list[NationalChannel]:
    kenh = item.key("KENH")
    method = OLDER_CHANNELS.get(kenh.text())
    if method is None:
        kenh.report("national.channel_unknown")
        return []
    channels = []
    for time in item.key("THOIGIAN").objects():
        description = time.key("MOTA").text()
        amount, unit = time.key("THOIGIANGIAIQUYET").text(), time.key("DONVITINH").text()
        length = read_length(f"{amount} {unit}", day_is_working=False) if amount and unit else None
        limit = TimeLimit(length.amount, length.unit, description) if length else None
        if limit is None and (amount or unit):
            limit = TimeLimit(None, None, "\n".join(part for part in (f"{amount} {unit}".strip(), description) if part))
        fees = tuple(_fee(fee) for fee in time.key("PHILEPHI").objects())
        channels.append(NationalChannel(method, limit, fees, description))
    return channels


def _fee(fee: Node) -> NationalFee:
    code = fee.key("MAPHILEPHI").text()
    return NationalFee("fee", dong_of(fee.key("SOTIEN"), fee.key("DONVI")), fee.key("MOTA").text(), code)


def _group(group: Node) -> DocumentGroup:
    documents = tuple(
        NationalDocument(
            name=item.key("TENGIAYTO").text(),
            originals=item.key("SOBANCHINH").count(),
            copies=item.key("SOBANSAO").count(),
            form_files=one(item.key("TENMAUDON")),
            code=item.key("MAGIAYTO").text(),
        )
        for item in group.key("GIAYTO").objects()
    )
    return DocumentGroup(group.key("TRUONGHOP").text(), documents)


def _legal_text(item: Node) -> LegalText:
    text = read_legal_text(item.key("SOVANBAN").text(), item.key("TENVANBAN").text())
    date_node, issuer = item.key("NGAYBANHANH"), item.key("COQUANBANHANH").text()
    date = date_in_text(date_node.text())
    if date is None and date_node.text():
        date_node.report("national.date_invalid")
    return replace(text, date=date or text.date, issuer=issuer or text.issuer)
