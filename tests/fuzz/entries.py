"""Mutators of files as a whole: names, special files, form paths, bytes and encodings."""

from __future__ import annotations

import os
import random
import re
import shutil
from pathlib import Path

from . import payloads
from .mutators import Mutation, NothingToMutate, _files, _read, _rel, _shown, _write


def rename(rng: random.Random, root: Path) -> Mutation:
    """Rename or move a procedure file, its English text, or their folder."""
    path = rng.choice(_files(root, "procedure"))
    english = path.with_name(path.stem + ".en.md")
    old = _rel(path, root)
    variant = rng.choice(["file", "file", "file-and-english", "english", "folder", "to-root", "clone"])
    if variant == "folder" and path.parent != root:
        name = rng.choice(payloads.FOLDER_NAMES)
        target = path.parent.with_name(name)
        if target.exists():
            shutil.rmtree(target)
        path.parent.rename(target)
        return Mutation("rename", "folder", _rel(target, root), f"{path.parent.name}/ -> {_shown(name)}")
    if variant == "to-root":
        path.rename(root / path.name)
        if english.exists():
            english.rename(root / english.name)
        return Mutation("rename", variant, path.name, f"{old} -> {path.name}")
    if variant == "clone":
        others = sorted({p.parent for p in _files(root, "procedure")} - {path.parent}) or [root]
        target = rng.choice(others) / path.name
        text = _read(path)
        text = re.sub(r"(?m)^code: .*$", 'code: "9.999999"', text, count=1)
        text = re.sub(r"(?m)^  code: .*$", "  code: QT-ZZ-99", text, count=1)
        _write(target, text)
        return Mutation("rename", variant, _rel(target, root), f"copy of {old} with a new code")
    name = rng.choice(payloads.PROCEDURE_NAMES)
    if variant == "english":
        if not english.exists():
            raise NothingToMutate(english)
        target = english.with_name(name[:-3] + ".en.md" if name.lower().endswith(".md") else name)
        english.rename(target)
        return Mutation("rename", variant, _rel(target, root), f"{english.name} -> {_shown(target.name)}")
    target = path.with_name(name)
    path.rename(target)
    if variant == "file-and-english" and english.exists():
        english.rename(target.with_name(target.name[:-3] + ".en.md"))
    return Mutation("rename", variant, _rel(target, root), f"{old} -> {_shown(name)}")


def _replace_with(path: Path, kind: str, target: str = "") -> None:
    """Make ``path`` a FIFO, a folder, a symlink to ``target``, or a sparse file of ``target`` bytes."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dir":
        path.mkdir()
        (path / "inside.txt").write_text("x\n")
    elif kind == "symlink":
        path.symlink_to(target)
    else:
        with path.open("wb") as sparse:
            sparse.truncate(int(target))


def special(rng: random.Random, root: Path) -> Mutation:
    """A FIFO, a folder, a symlink (dangling, looping, to a device or outside) or a huge sparse file."""
    procedure = rng.choice(_files(root, "procedure"))
    folder = procedure.parent
    english = procedure.with_name(procedure.stem + ".en.md")
    choices: list[tuple[str, Path, str, str]] = [
        ("fifo-md", folder / "fifo.md", "fifo", ""),
        ("dir-md", folder / "x.md", "dir", ""),
        ("dangling-symlink-md", folder / "x.md", "symlink", "no-such-file.md"),
        ("symlink-loop-md", folder / "loop.md", "symlink", "loop.md"),
        ("devzero-md", folder / "zero.md", "symlink", "/dev/zero"),
        ("devzero-procedure", procedure, "symlink", "/dev/zero"),
        ("etc-hostname-md", folder / "host.md", "symlink", "/etc/hostname"),
        ("symlink-procedure-outside", folder / "out.md", "symlink", str(procedure.resolve())),
        ("sparse-md-1gb", folder / "big.md", "sparse", str(1 << 30)),
        ("fifo-procedure", procedure, "fifo", ""),
        ("devzero-units", root / "units.yml", "symlink", "/dev/zero"),
        ("etc-passwd-units", root / "units.yml", "symlink", "/etc/passwd"),
        ("fifo-units", root / "units.yml", "fifo", ""),
        ("dir-units", root / "units.yml", "dir", ""),
        ("dangling-units", root / "units.yml", "symlink", "nowhere.yml"),
        ("sparse-units-2gb", root / "units.yml", "sparse", str(2 << 30)),
        ("sparse-agency-50mb", root / "agency.yml", "sparse", str(50 << 20)),
        ("fifo-english", english, "fifo", ""),
        ("dir-english", english, "dir", ""),
        ("devzero-english", english, "symlink", "/dev/zero"),
        ("sparse-english-1gb", english, "sparse", str(1 << 30)),
        ("symlink-dir-loop", folder / "loop", "symlink", "."),
    ]
    forms = sorted((root / "forms").glob("*.pdf"))
    if forms:
        form = rng.choice(forms)
        choices += [
            ("fifo-form", form, "fifo", ""),
            ("dir-form", form, "dir", ""),
            ("passwd-form", form, "symlink", "/etc/passwd"),
            ("dangling-form", form, "symlink", "gone.pdf"),
        ]
    if rng.random() < 0.08:
        path = root / rng.choice(["units.yml", "forms.yml"])
        path.unlink()
        return Mutation("special", "missing-register", _rel(path, root), "deleted")
    variant, path, kind, target = rng.choice(choices)
    _replace_with(path, kind, target)
    return Mutation("special", variant, _rel(path, root), f"{kind} {target}".strip())


def form_file(rng: random.Random, root: Path) -> Mutation:
    """Point a form's ``file:`` at another place: outside the folder, a folder, HTML, a URL …"""
    path = root / "forms.yml"
    text = _read(path).split("\n")
    sites = [i for i, line in enumerate(text) if re.match(r"^\s+file: ", line)]
    if not sites:
        raise NothingToMutate(path)
    i = rng.choice(sites)
    variant = rng.choice([*payloads.FORM_FILES, "symlink-outside", "html-with-script"])
    new = variant
    if variant == "symlink-outside":
        (root / "forms" / "link.pdf").symlink_to("/etc/passwd")
        new = "forms/link.pdf"
    elif variant in ("html-with-script", "forms/x.html"):
        (root / "forms" / "x.html").write_text("<script>alert(1)</script>\n")
        new = "forms/x.html"
    elif variant == "forms/a b.pdf":
        (root / "forms" / "a b.pdf").write_bytes(b"%PDF-1.4\n")
    old = text[i]
    text[i] = re.sub(r"file: .*", lambda _: f"file: {new}", old)
    _write(path, "\n".join(text))
    return Mutation("form-file", variant, _rel(path, root), f"line {i + 1}: {_shown(old.strip())} -> {_shown(new)}")


_BYTES = [b"\x00", b"\xff", b"\x80", b"\xc3", b"\xed\xa0\x80", b"\x1a", b"\x1b[2J", b"\r", b"\t", b"\x85"]
_CHARS = ["\u202e", "\u2028", "\u0085", "\ufeff", "\u200b", "\u00a0", "\ufffd", "\U0001f600", "e\u0301"]


def flip(rng: random.Random, root: Path) -> Mutation:
    """Flip bits of 1 to 8 bytes, or insert a byte sequence or character, anywhere in a file."""
    path = rng.choice(_files(root, rng.choice(["any", "text", "text"])))
    data = bytearray(path.read_bytes())
    if not data:
        raise NothingToMutate(path)
    variant = rng.choice(["flip", "insert-bytes", "insert-char"])
    at = rng.randrange(len(data))
    if variant == "flip":
        spots = sorted(rng.randrange(len(data)) for _ in range(rng.randint(1, 8)))
        for spot in spots:
            data[spot] ^= rng.randint(1, 255)
        change = f"bytes at {spots}"
    else:
        inserted = rng.choice(_BYTES) if variant == "insert-bytes" else rng.choice(_CHARS).encode()
        data[at:at] = inserted
        change = f"{_shown(inserted)} at byte {at}"
    path.write_bytes(bytes(data))
    return Mutation("bytes", variant, _rel(path, root), change)


def truncate(rng: random.Random, root: Path) -> Mutation:
    """Cut a file at a random byte (maybe inside a UTF-8 sequence), or empty it."""
    path = rng.choice(_files(root, "text"))
    data = path.read_bytes()
    at = 0 if rng.random() < 0.15 else rng.randrange(max(1, len(data)))
    path.write_bytes(data[:at])
    return Mutation("truncate", "empty" if at == 0 else "cut", _rel(path, root), f"at byte {at} of {len(data)}")


def encoding(rng: random.Random, root: Path) -> Mutation:
    """Store a text file with a BOM, in UTF-16 or UTF-32, a legacy code page, or CR LF / CR endings."""
    path = rng.choice(_files(root, "text"))
    text = _read(path)
    variant = rng.choice(
        [
            "bom",
            "utf-16",
            "utf-16-le",
            "utf-16-be",
            "utf-32",
            "cp1258",
            "latin-1",
            "crlf",
            "cr",
            "one-crlf",
            "bom-twice",
        ]
    )
    if variant == "bom":
        data = b"\xef\xbb\xbf" + text.encode()
    elif variant == "bom-twice":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + text.encode()
    elif variant in ("cp1258", "latin-1"):
        data = text.encode(variant, "replace")
    elif variant.startswith("utf-"):
        data = text.encode(variant)
    elif variant == "crlf":
        data = text.replace("\n", "\r\n").encode()
    elif variant == "cr":
        data = text.replace("\n", "\r").encode()
    else:
        first, _, rest = text.partition("\n")
        data = (first + "\r\n" + rest).encode()
    path.write_bytes(data)
    return Mutation("encoding", variant, _rel(path, root), variant)
