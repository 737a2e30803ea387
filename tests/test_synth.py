"""The synthetic catalogue of the benchmark (``procsite synth N``): exactly N valid procedures, named
as the national database names them, the same for the same seed."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from procsite.folding import tokens
from procsite.source.loader import load_catalog
from procsite.synth.procedures import procedure_names, write_synthetic
from tests.conftest import SAMPLE


@pytest.mark.parametrize(("count", "sample"), [(1, False), (21, True), (900, True), (700, False)])
def test_it_writes_exactly_the_procedures_asked_for_and_they_all_pass_the_check(
    tmp_path: Path, count: int, sample: bool
) -> None:
    folder = tmp_path / "procedures"
    assert write_synthetic(folder, count, SAMPLE if sample else None) == count
    catalog = load_catalog(folder)
    assert not catalog.report, catalog.report.text()
    assert len(catalog.procedures) == count
    codes = [p.code for p in catalog.procedures]
    assert len(set(codes)) == count
    synthetic = [p.code for p in catalog.procedures if p.slug.startswith("thu-tuc-")]
    assert len(synthetic) == count - (21 if sample else 0)
    assert all(re.fullmatch(r"[0-9]\.[0-9]{6}", code) for code in synthetic)  # the sample has a local variant
    assert len({tokens(p.title.vi) for p in catalog.procedures}) == count


def test_fewer_than_the_sample_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="the sample has 21 procedures: ask for at least that many"):
        write_synthetic(tmp_path / "procedures", 20, SAMPLE)


def test_the_same_seed_writes_the_same_folder_and_another_seed_another(tmp_path: Path) -> None:
    def contents(folder: Path) -> dict[str, bytes]:
        return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}

    write_synthetic(tmp_path / "a", 300, seed=7)
    write_synthetic(tmp_path / "b", 300, seed=7)
    write_synthetic(tmp_path / "c", 300, seed=8)
    assert contents(tmp_path / "a") == contents(tmp_path / "b")
    assert contents(tmp_path / "a") != contents(tmp_path / "c")


def test_names_vary_as_real_ones_do() -> None:
    names = [n.vi for n in procedure_names(6000, random.Random(2026))]
    assert len({tokens(n) for n in names}) == 6000
    assert sum("(" in n for n in names) > 600  # a case in parentheses
    assert sum("," in n for n in names) > 1500  # lists inside the name
    assert max(len(n.split()) for n in names) >= 30
    assert any(n.startswith("Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản") for n in names)
    assert sum("nước ngoài" in n for n in names) > 300  # "đối với người nước ngoài", "có yếu tố nước ngoài"
    by_rest: dict[str, set[str]] = {}
    for act in ("Cấp", "Cấp lại", "Cấp đổi", "Điều chỉnh", "Gia hạn"):
        for n in names:
            if n.startswith(act + " "):
                by_rest.setdefault(n[len(act) + 1 :], set()).add(act)
    # Near-duplicates: the same document under two or more of the five acts.
    assert sum(len(acts) >= 2 for acts in by_rest.values()) > 200
    assert sum(len(acts) >= 4 for acts in by_rest.values()) > 10
