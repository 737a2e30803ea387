"""Run Debian's nginx on 127.0.0.1 for tests and the benchmark: a real server, as in production.

nginx runs in the foreground as the current user, with its pid, logs and temporary files in a
folder of the caller; ``server_block`` is the ``server { … }`` configuration to serve.
`make test` and `make bench` install Debian's nginx (Makefile target browser-deps).
"""

from __future__ import annotations

import grp
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DEPLOY_CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"

NGINX = "/usr/sbin/nginx"


def require_nginx() -> str:
    """Debian's nginx; `make test` (target browser-deps) installs it when it is missing."""
    if not shutil.which(NGINX):
        raise RuntimeError(f"{NGINX} not found: run `make test`, which installs Debian's nginx package")
    return NGINX


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def run_nginx(prefix: Path, server_block: str, port: int) -> Iterator[str]:
    """Start nginx with ``server_block`` (listening on ``port``) and yield its base URL."""
    nginx = require_nginx()
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "procsite.conf").write_text(server_block, encoding="utf-8")
    temp = "\n".join(
        f"  {kind}_temp_path {prefix / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # Run as the current user: as root, nginx would otherwise hand requests to workers running as
    # "nobody", which cannot read a private temporary folder.
    user = (
        f"user {pwd.getpwuid(os.geteuid()).pw_name} {grp.getgrgid(os.getegid()).gr_name};" if os.geteuid() == 0 else ""
    )
    (prefix / "nginx.conf").write_text(
        f"""daemon off;
{user}
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log {prefix / "access.log"};
{temp}
  include procsite.conf;
}}
""",
        encoding="utf-8",
    )
    command = [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(prefix / "error.log")]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True)
    if checked.returncode != 0:
        raise RuntimeError(f"nginx refused its configuration:\n{checked.stderr}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    raise RuntimeError((prefix / "error.log").read_text(encoding="utf-8")) from None
                if time.monotonic() > deadline:
                    raise RuntimeError("nginx did not start listening") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/"
    finally:
        process.terminate()
        process.wait(timeout=10)


def server_block(site: Path, port: int) -> str:
    """deploy/nginx.conf with its placeholders filled in: this loopback port, this site folder."""
    text = DEPLOY_CONF.read_text(encoding="utf-8")
    replaced = {
        r"^    listen 80;$": f"    listen 127.0.0.1:{port};",
        r"^    listen \[::\]:80;$": "",
        r"^    server_name \S+;": "    server_name localhost;",
        r"^    root \S+;": f"    root {site.resolve()};",
    }
    for pattern, value in replaced.items():
        text, count = re.subn(pattern, value, text, count=1, flags=re.M)
        if count != 1:
            raise ValueError(f"deploy/nginx.conf has no line matching {pattern}")
    return text
