"""Old binary Word files (.doc, first bytes D0 CF 11 E0) made .docx with LibreOffice, run headless.

Many agencies still keep their ISO processes as .doc, which python-docx cannot read. LibreOffice runs
with a profile of its own in a temporary folder, so that it works while staff have LibreOffice open
(a second soffice on the same profile hands the job to the first and returns at once, converting
nothing), and in a new process group, so that a file that makes it hang is stopped with all its
helper processes after the time limit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from procsite.importers.records import SourceError
from procsite.messages import Msg, Num

TIMEOUT_SECONDS = 120
"""A .doc of a few hundred pages converts in seconds; two minutes means LibreOffice is stuck on it."""

PROGRAMS = ("soffice", "libreoffice")
"""The names LibreOffice is started by (Debian's libreoffice-writer-nogui installs both)."""


def convert_doc(data: bytes, shown: str, into: Path, timeout: float = TIMEOUT_SECONDS) -> Path:
    """The bytes of a .doc file converted to .docx in a new folder under ``into`` (which the caller
    removes); the path of the converted file. ``shown`` names the file in messages.

    The bytes are written under a fixed name rather than converting the file where it is, so that a
    name starting with "-" or holding odd characters reaches LibreOffice as a plain file name."""
    program = next((found for name in PROGRAMS if (found := shutil.which(name))), None)
    if program is None:
        raise SourceError(shown, "", Msg("iso_word.no_soffice"), Msg("iso_word.no_soffice.hint"))
    work = Path(tempfile.mkdtemp(prefix="doc-", dir=into))  # one folder per file: several share ``into``
    source, profile, out = work / "quy-trinh.doc", work / "profile", work / "out"
    out.mkdir()
    source.write_bytes(data)
    command = [
        program,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(out),
        str(source),
    ]
    with subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env={**os.environ, "HOME": str(work)},  # LibreOffice writes to HOME even with its own profile
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            why = Msg("iso_word.convert_timeout", seconds=Num(timeout))
            raise SourceError(shown, "", why, Msg("iso_word.save_as_docx.hint")) from None
        except BaseException:  # interrupted (Ctrl-C): LibreOffice must not outlive the import
            _stop(process)
            raise
    converted = out / "quy-trinh.docx"
    if process.returncode != 0 or not converted.is_file():
        said = output.decode("utf-8", "replace").strip().splitlines()
        reason = said[-1][:200] if said else f"exit status {process.returncode}"
        raise SourceError(shown, "", Msg("iso_word.convert_failed", reason=reason), Msg("iso_word.save_as_docx.hint"))
    return converted


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End LibreOffice and the helpers it started (oosplash starts soffice.bin): its whole process group,
    which is its own (``start_new_session``) and still exists, since its leader is not yet waited for."""
    if process.returncode is None:
        with contextlib.suppress(ProcessLookupError):  # the group has ended already
            os.killpg(process.pid, signal.SIGKILL)
    process.wait()
