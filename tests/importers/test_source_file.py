"""The one gate every file to import passes: the same limits and the same messages whichever reader opens
it, JSON held to its own (smaller) limit, and every ZIP bomb refused from what its directory declares."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from procsite.importers.detect import kind_of
from procsite.importers.iso_word import read_iso_word
from procsite.importers.national_json import read_national_json
from procsite.importers.national_word import read_national_word
from procsite.importers.records import SourceError
from procsite.importers.source_file import (
    MAX_JSON_BYTES,
    MAX_MEMBER_BYTES,
    MAX_MEMBERS,
    MAX_WORD_BYTES,
    read_source_file,
    reason_of,
)
from procsite.messages import Msg, Num
from tests.importers.test_detect import deadline, zip_bytes

READERS: dict[str, Callable[[Path, str], object]] = {"national_word": read_national_word, "iso_word": read_iso_word}


def declaring(data: bytes, size: int) -> bytes:
    """``data`` with every part claiming ``size`` bytes unpacked in the central directory, as a crafted
    bomb does (nothing that big is written)."""
    patched = bytearray(data)
    directory = patched.find(b"PK\x01\x02")
    while directory != -1:
        struct.pack_into("<I", patched, directory + 24, size)
        directory = patched.find(b"PK\x01\x02", directory + 4)
    return bytes(patched)


HOSTILE: dict[str, tuple[Callable[[], bytes], str, str, str]] = {
    # case: (the file, its message code, where, its hint)
    "too many parts": (
        lambda: zip_bytes({f"word/media/{n}.png": b"" for n in range(MAX_MEMBERS + 1)}),
        "national.zip_too_many",
        "",
        "national.zip.hint",
    ),
    "a part too big": (
        lambda: declaring(zip_bytes({"word/document.xml": b"<w:document/>"}), MAX_MEMBER_BYTES + 1),
        "national.zip_member_too_big",
        "word/document.xml",
        "national.zip.hint",
    ),
    "parts too big together": (
        lambda: declaring(zip_bytes({f"word/media/{n}.bin": b"x" for n in range(5)}), 45_000_000),
        "national.zip_too_big",
        "",
        "national.zip.hint",
    ),
    "not a ZIP": (lambda: b"PK\x03\x04" + bytes(200), "national.word_not_zip", "", "national.word_unreadable.hint"),
    "a ZIP that is not Word": (
        lambda: zip_bytes({"readme.txt": b"hello"}),
        "national.word_unreadable",
        "",
        "national.word_unreadable.hint",
    ),
}


def refusal(reader: Callable[[Path, str], object], path: Path) -> SourceError:
    with deadline(20), pytest.raises(SourceError) as caught:
        reader(path, path.name)
    return caught.value


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("case", HOSTILE)
def test_every_word_reader_refuses_a_hostile_file_with_the_same_message(tmp_path: Path, reader: str, case: str) -> None:
    make, code, where, hint = HOSTILE[case]
    path = tmp_path / "hostile.docx"
    path.write_bytes(make())
    error = refusal(READERS[reader], path)
    assert (error.why.code, error.where, error.hint) == (code, where, Msg(hint))


def test_a_crafted_part_name_is_shown_cut_short(tmp_path: Path) -> None:
    path = tmp_path / "long.docx"
    path.write_bytes(declaring(zip_bytes({"word/" + "x" * 5_000: b"x"}), MAX_MEMBER_BYTES + 1))
    assert refusal(read_iso_word, path).where == "word/" + "x" * 75


def sparse(path: Path, size: int) -> Path:
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def test_json_is_held_to_its_own_limit_and_word_to_its_own(tmp_path: Path) -> None:
    path = sparse(tmp_path / "15mb.bin", 15_000_000)
    assert len(read_source_file(path, "15mb.bin")) == 15_000_000  # a Word file's limit, unless told
    error = refusal(read_national_json, path)
    assert error.why == Msg("national.too_big", limit=Num(MAX_JSON_BYTES // 1_000_000), size=Num(15))
    assert refusal(read_national_word, path).why.code == "national.word_not_zip"  # read, then refused as no ZIP


def test_a_file_past_the_word_limit_is_refused_by_every_reader_alike(tmp_path: Path) -> None:
    path = sparse(tmp_path / "big.docx", MAX_WORD_BYTES + 1)
    expected = Msg("national.too_big", limit=Num(MAX_WORD_BYTES // 1_000_000), size=Num(20))
    for reader in READERS.values():
        error = refusal(reader, path)
        assert (error.why, error.hint) == (expected, Msg("national.too_big.hint"))


def test_a_national_record_past_the_json_limit_is_not_parsed_to_recognise_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b'{"code": "1.004370", "name": "' + b"a" * MAX_JSON_BYTES + b'"}')
    with deadline(10):
        assert kind_of(path) is None


def test_the_reason_a_file_is_unreadable_is_one_short_line() -> None:
    said = reason_of(ValueError("no such\n   part: " + "x" * 500))
    assert said.startswith("ValueError: no such part: xxx") and len(said) == len("ValueError: ") + 160
    assert reason_of(KeyError()) == "KeyError"
