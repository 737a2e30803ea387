"""Live preview for staff: both languages at http://127.0.0.1:PORT/, rebuilt when a file changes."""

from __future__ import annotations

import logging
import os
import shutil
import socket
import sys
import tempfile
from pathlib import Path

from .cli import build_languages
from .loader import load_catalog_cached
from .messages import DEFAULT_LANGUAGE, Msg
from .site_folder import BuildStopped, publish, staging, stop_on_signals

WATCHED = ("docs", "overrides", "hooks", "mkdocs.yml", "mkdocs.en.yml", str(Path(__file__).parent / "templates"))


def port_is_free(host: str, port: int) -> bool:
    """Whether ``port`` can be listened on: checked before a build of a minute, not after it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def serve(port: int, host: str = "127.0.0.1", lang: str = DEFAULT_LANGUAGE) -> int:
    """Serve the site with live reload; a broken edit shows its problems and keeps the last good site."""
    from mkdocs.livereload import LiveReloadServer

    if not port_is_free(host, port):
        print(Msg("serve.port_busy", host=host, port=port, next=port + 1).render(lang), file=sys.stderr)
        return 1

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    log = logging.getLogger("procsite.serve")
    root = Path(tempfile.mkdtemp(prefix="procsite-serve-"))
    site = root / "site"
    procedures = Path(os.environ.get("PROCEDURES", "procedures"))

    def builder() -> None:
        catalog = load_catalog_cached(procedures)
        if catalog.report:
            log.error("%s\n%s", Msg("serve.not_rebuilt").render(lang), catalog.report.text(lang))
            return
        with staging(site) as target:
            try:
                # Sequential: the live-reload server runs this in a thread, where forking is unsafe.
                errors = build_languages(target, parallel=False)
            except Exception as error:  # keep serving the last good site whatever went wrong
                errors = [str(error)]
            if errors:
                log.error("Not rebuilt: %s", "\n".join(errors))
                return
            publish(target, site)  # in one step: a page asked for meanwhile comes whole from one site
        log.info(
            "Rebuilt: %d procedures. Serving at http://%s:%d/ and http://%s:%d/en/",
            len(catalog.procedures),
            host,
            port,
            host,
            port,
        )

    builder()
    site.mkdir(exist_ok=True)
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site), mount_path="/")
    for path in (*WATCHED, str(procedures)):
        if Path(path).exists():
            server.watch(str(Path(path).resolve()))
    try:
        with stop_on_signals():  # SIGTERM too ends the preview through the clean-up below
            server.serve()  # type: ignore[no-untyped-call]
    except (KeyboardInterrupt, BuildStopped):
        print("Stopped.", file=sys.stderr)
    finally:
        server.shutdown()
        shutil.rmtree(root, ignore_errors=True)
    return 0
