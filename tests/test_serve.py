"""The preview command's start: a busy port is said at once, in one line, before any build."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_a_busy_port_is_said_in_one_line_before_building(procedures: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "procsite", "serve", "--port", str(port), "--procedures", str(procedures)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1 and result.stdout == ""
    # Only this line: a build first would have logged its pages and "Rebuilt" to stderr.
    assert result.stderr == (
        f"serve: cần một cổng còn trống, nhưng nhận được: cổng {port} của 127.0.0.1 đang được dùng. "
        f"Hãy tắt chương trình kia, hoặc chọn cổng khác: make serve PORT={port + 1}.\n"
    )
