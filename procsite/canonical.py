"""The canonical form of a source file, shared by ``procsite check`` and ``procsite fix``.

Procedure sources are ISO-controlled documents: two files that look the same must be the same
bytes, so that a diff, a search or a review shows what changed. They are stored as UTF-8 without a
byte order mark, with LF line endings, in Unicode NFC, without the invisible characters that come
with text pasted from Word or a web page. The check refuses anything else; the fixer rewrites it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .problems import describe

INVISIBLE = {
    "\u00a0": ("non-breaking space", " "),
    "\u200b": ("zero-width space", ""),
    "\u200c": ("zero-width non-joiner", ""),
    "\u200d": ("zero-width joiner", ""),
    "\u200e": ("left-to-right mark", ""),
    "\u200f": ("right-to-left mark", ""),
    "\u2060": ("word joiner", ""),
    "\ufeff": ("zero-width no-break space", ""),
    # Word's manual line break; YAML would read it as a line break the editor does not show.
    "\u2028": ("line separator", " "),
    "\u2029": ("paragraph separator", " "),
}
"""Characters pasted from Word or a web page: what each is called, and what replaces it."""

_CONTROLS = {
    **{chr(c): ("control character", "") for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]},
    **{chr(c): ("control character", "") for c in range(0x80, 0xA0)},
    **{chr(c): ("bidirectional control character", "") for c in [0x061C, *range(0x202A, 0x202F)]},
    **{chr(c): ("bidirectional control character", "") for c in range(0x2066, 0x206A)},
}
"""Characters that no text citizens read holds: terminal escapes (ESC), NUL, and the bidi controls
that make a line read in another order than it is stored. Tab, LF and CR are judged elsewhere."""
CONTROL = _CONTROL = re.compile("[" + "".join(re.escape(c) for c in _CONTROLS) + "]")
_WORD_PASTE = tuple(INVISIBLE)
INVISIBLE.update(_CONTROLS)

_INVISIBLE = re.compile("[" + "".join(re.escape(c) for c in INVISIBLE) + "]")
_TABLE = str.maketrans({char: replacement for char, (_, replacement) in INVISIBLE.items()})
_WORD = re.compile(r"[\w\u0300-\u036f]+(?:[-./][\w\u0300-\u036f]+)*")
_NFC_HINT = 'Run "make fix" to compose them; this happens when text is copied from some PDF files or macOS.'
_PASTE = "such characters come with text pasted from Word or a web page."
BOM = "\ufeff"

_LEGACY_HINT = (
    "The file is probably in a legacy Vietnamese encoding (TCVN3, VNI or Windows-1258); "
    "convert it to Unicode UTF-8, e.g. with Unikey's converter, and save it as UTF-8."
)


@dataclass(frozen=True)
class Unreadable:
    """Why the bytes of a file are not text this program reads: where, what, how to fix."""

    line: int
    message: str
    hint: str


def decode(data: bytes, convert_utf16: bool = False) -> str | Unreadable:
    """Decode a file's bytes as UTF-8 (a BOM is kept as U+FEFF, for the caller to report).

    With ``convert_utf16``, a UTF-16 file with a byte order mark is decoded too: its encoding
    is then certain. Legacy Vietnamese encodings are never guessed."""
    utf16_bom = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if utf16_bom and convert_utf16:
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    # UTF-16 without a BOM has a NUL in every other byte of Latin text; a stray NUL is a control character.
    if utf16_bom or (len(data) > 1 and data[:200].count(b"\x00") * 4 >= len(data[:200])):
        how = 'Run "make fix" to convert it to UTF-8, or save' if utf16_bom and not convert_utf16 else "Save"
        return Unreadable(
            1, "expected a UTF-8 text file, but received: a UTF-16 file.", f'{how} it again as "UTF-8" in your editor.'
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Unreadable(
            line, f"expected UTF-8 text, but received: byte 0x{data[error.start]:02x} that is not UTF-8.", _LEGACY_HINT
        )


def _has_invisible(text: str) -> bool:
    # A substring search per character is 4 times faster than the regular expression on clean text,
    # which is almost every file of a build.
    return any(char in text for char in _WORD_PASTE) or _CONTROL.search(text) is not None


def line_endings(text: str) -> tuple[int, int, int]:
    """Lines ending in CR LF, lines ending in a lone CR, and the line of the first of either (0: none)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    first = text.find("\r")
    return crlf, cr, (text.count("\n", 0, first) + 1 if first >= 0 else 0)


def to_lf(text: str) -> str:
    """CR LF and lone CR line endings as LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def canonical(text: str) -> str:
    """LF text in canonical form: Word-paste characters replaced or removed, then NFC.

    Removing a zero-width character first lets a letter and its accent around it compose."""
    if _has_invisible(text):
        text = text.translate(_TABLE)
    return unicodedata.normalize("NFC", text)


def decomposed_count(text: str) -> int:
    """How many letters of ``text`` are written decomposed (a letter followed by its accents)."""
    if unicodedata.is_normalized("NFC", text):
        return 0
    count, cluster = 0, ""
    for char in text + "\n":
        if unicodedata.combining(char):
            cluster += char
            continue
        if unicodedata.normalize("NFC", cluster) != cluster:
            count += 1
        cluster = char
    return max(count, 1)  # at least one: the text is not NFC


def invisible_counts(text: str) -> dict[str, int]:
    """How many of each Word-paste character ``text`` holds, in the order of ``INVISIBLE``."""
    if not _has_invisible(text):
        return {}
    return {char: count for char in INVISIBLE if (count := text.count(char))}


@dataclass(frozen=True)
class Flaw:
    """One place where LF text is not canonical: a decomposed word, or a Word-paste character."""

    line: int
    column: int
    """The column in the canonical line, which is how the YAML parser counts."""
    decomposed: bool
    what: str
    """The decomposed word (composed), or the character and the word beside it."""
    replaced: bool = False
    """A Word-paste character that a space replaces (rather than one that is removed)."""


def find_flaws(text: str, first_line: int = 1) -> list[Flaw]:
    """Every decomposed word and Word-paste character of LF ``text``, whose first line is ``first_line``."""
    if unicodedata.is_normalized("NFC", text) and not _has_invisible(text):
        return []
    flaws: list[Flaw] = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        for match in _INVISIBLE.finditer(line):
            name, replacement = INVISIBLE[match.group()]
            where = _beside(line, match.start())
            what = f"a {name} (U+{ord(match.group()):04X}){where}"
            flaws.append(Flaw(number, _column(line, match.start()), False, what, bool(replacement)))
        if not unicodedata.is_normalized("NFC", line):
            words = [m for m in _WORD.finditer(line) if not unicodedata.is_normalized("NFC", m.group())]
            # Not in a word (an accent after a space or a symbol): the first such stretch of the line.
            tokens = [m for m in re.finditer(r"\S+", line) if not unicodedata.is_normalized("NFC", m.group())]
            for m in words or tokens[:1] or list(re.finditer(r"\S+", line))[:1]:
                flaws.append(Flaw(number, _column(line, m.start()), True, canonical(m.group())))
    return flaws


def _column(line: str, index: int) -> int:
    return len(canonical(line[:index]))


def _beside(line: str, index: int) -> str:
    """' after "word"' or ' before "word"': the word the character touches, else the nearest one."""
    before = list(_WORD.finditer(line, 0, index))
    after = _WORD.search(line, index + 1)
    if before and before[-1].end() == index:
        return f" after {describe(canonical(before[-1].group()))}"
    if after and after.start() == index + 1:
        return f" before {describe(canonical(after.group()))}"
    if before:
        return f" after {describe(canonical(before[-1].group()))}"
    if after:
        return f" before {describe(canonical(after.group()))}"
    return " on a line without words"


def flaw_problems(flaws: list[Flaw]) -> list[tuple[int, str, str]]:
    """The problems of the flaws of one value or one line: (line, message, hint), one per kind."""
    problems = []
    words = [f for f in flaws if f.decomposed]
    if words:
        more = f" and {len(words) - 1} more word{'s' if len(words) > 2 else ''}" if len(words) > 1 else ""
        problems.append(
            (
                words[0].line,
                "expected text in Unicode NFC (composed characters), but received: decomposed characters in "
                f"{describe(words[0].what)}{more}.",
                _NFC_HINT,
            )
        )
    chars = [f for f in flaws if not f.decomposed]
    if chars:
        if len(chars) > 1:
            more = f" and {len(chars) - 1} more such character{'s' if len(chars) > 2 else ''}"
            replaced = {f.replaced for f in chars}
            how = (
                "replace or remove them"
                if len(replaced) > 1
                else ("replace them with plain spaces" if chars[0].replaced else "remove them")
            )
        else:
            more, how = "", "replace it with a plain space" if chars[0].replaced else "remove it"
        problems.append(
            (
                chars[0].line,
                f"expected plain spaces and visible characters, but received: {chars[0].what}{more}.",
                f'Run "make fix" to {how}; {_PASTE}',
            )
        )
    return problems


def changes(text: str) -> list[str]:
    """What making decoded ``text`` canonical changes, in words, e.g. "removed the BOM"."""
    done = ["removed the BOM"] if text.startswith(BOM) else []
    crlf, cr, _ = line_endings(text)
    if crlf:
        done.append(f"{crlf} CR LF line ending{'s' if crlf != 1 else ''} → LF")
    if cr:
        done.append(f"{cr} CR line ending{'s' if cr != 1 else ''} → LF")
    text = to_lf(text.removeprefix(BOM))
    count = decomposed_count(text.translate(_TABLE))
    if count:
        done.append(f"{count} decomposed character{'s' if count != 1 else ''} composed")
    for char, number in invisible_counts(text).items():
        name, replacement = INVISIBLE[char]
        plural = "s" if number != 1 else ""
        result = f"→ space{plural}" if replacement else "removed"
        done.append(f"{number} {name}{plural} (U+{ord(char):04X}) {result}")
    return done
