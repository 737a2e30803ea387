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

from procsite.messages import Count, Msg, Val

INVISIBLE = {
    "\u00a0": ("char.non_breaking_space", " "),
    "\u200b": ("char.zero_width_space", ""),
    "\u200c": ("char.zero_width_non_joiner", ""),
    "\u200d": ("char.zero_width_joiner", ""),
    "\u200e": ("char.left_to_right_mark", ""),
    "\u200f": ("char.right_to_left_mark", ""),
    "\u2060": ("char.word_joiner", ""),
    "\ufeff": ("char.zero_width_no_break_space", ""),
    # Word's manual line break; YAML would read it as a line break the editor does not show.
    "\u2028": ("char.line_separator", " "),
    "\u2029": ("char.paragraph_separator", " "),
}
"""Characters pasted from Word or a web page: the message code of its name, and what replaces it."""

_CONTROLS = {
    **{chr(c): ("char.control", "") for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]},
    **{chr(c): ("char.control", "") for c in range(0x80, 0xA0)},
    **{chr(c): ("char.bidi", "") for c in [0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]},
}
"""Characters that no text citizens read holds: terminal escapes (ESC), NUL, and the bidi controls
that make a line read in another order than it is stored. Tab, LF and CR are judged elsewhere."""
CONTROL = _CONTROL = re.compile("[" + "".join(re.escape(c) for c in _CONTROLS) + "]")
_WORD_PASTE = tuple(INVISIBLE)
INVISIBLE.update(_CONTROLS)

_INVISIBLE = re.compile("[" + "".join(re.escape(c) for c in INVISIBLE) + "]")
_TABLE = str.maketrans({char: replacement for char, (_, replacement) in INVISIBLE.items()})
_WORD = re.compile(r"[\w\u0300-\u036f]+(?:[-./][\w\u0300-\u036f]+)*")
BOM = "\ufeff"


@dataclass(frozen=True)
class Unreadable:
    """Why the bytes of a file are not text this program reads: where, what, how to fix."""

    line: int
    message: Msg
    hint: Msg


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
        how = "source.utf16.hint_fix" if utf16_bom and not convert_utf16 else "source.utf16.hint_save"
        return Unreadable(1, Msg("source.utf16"), Msg(how))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Unreadable(line, Msg("source.not_utf8", byte=f"{data[error.start]:02x}"), Msg("source.legacy.hint"))


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
    what: Msg | str
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
            what = Msg("source.invisible.what", name=Msg(name), code=f"{ord(match.group()):04X}", beside=where)
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


def _beside(line: str, index: int) -> Msg:
    """' after "word"' or ' before "word"': the word the character touches, else the nearest one."""
    before = list(_WORD.finditer(line, 0, index))
    after = _WORD.search(line, index + 1)
    if before and before[-1].end() == index:
        return Msg("source.beside.after", word=Val.of(canonical(before[-1].group())))
    if after and after.start() == index + 1:
        return Msg("source.beside.before", word=Val.of(canonical(after.group())))
    if before:
        return Msg("source.beside.after", word=Val.of(canonical(before[-1].group())))
    if after:
        return Msg("source.beside.before", word=Val.of(canonical(after.group())))
    return Msg("source.beside.none")


def flaw_problems(flaws: list[Flaw]) -> list[tuple[int, Msg, Msg]]:
    """The problems of the flaws of one value or one line: (line, message, hint), one per kind."""
    problems = []
    words = [f for f in flaws if f.decomposed]
    if words:
        nfd_more = Msg("source.nfd.more", count=Count(len(words) - 1, "more_word")) if len(words) > 1 else ""
        message = Msg("source.nfd", word=Val.of(str(words[0].what)), more=nfd_more)
        problems.append((words[0].line, message, Msg("source.nfd.hint")))
    chars = [f for f in flaws if not f.decomposed]
    if chars:
        if len(chars) > 1:
            more: Msg | str = Msg("source.invisible.more", count=Count(len(chars) - 1, "more_character"))
            replaced = {f.replaced for f in chars}
            how = "mixed" if len(replaced) > 1 else ("replace_many" if chars[0].replaced else "remove_many")
        else:
            more, how = "", "replace_one" if chars[0].replaced else "remove_one"
        what = chars[0].what
        assert isinstance(what, Msg)
        hint = Msg("source.invisible.hint", how=Msg(f"source.how.{how}"))
        problems.append((chars[0].line, Msg("source.invisible", what=what, more=more), hint))
    return problems


def changes(text: str) -> list[Msg]:
    """What making decoded ``text`` canonical changes, e.g. "removed the BOM"."""
    done = [Msg("fix.bom")] if text.startswith(BOM) else []
    crlf, cr, _ = line_endings(text)
    if crlf:
        done.append(Msg("fix.crlf", n=crlf))
    if cr:
        done.append(Msg("fix.cr", n=cr))
    text = to_lf(text.removeprefix(BOM))
    count = decomposed_count(text.translate(_TABLE))
    if count:
        done.append(Msg("fix.nfd", n=count))
    for char, number in invisible_counts(text).items():
        name, replacement = INVISIBLE[char]
        code = f"{ord(char):04X}"
        done.append(Msg("fix.spaced" if replacement else "fix.removed", n=number, name=Msg(name), code=code))
    return done
