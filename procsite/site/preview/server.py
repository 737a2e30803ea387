"""The preview's web server: MkDocs' live-reload server, told of changes at once, with the problem panel.

MkDocs' server polls the watched folders every half second, a scan of every file of the folder
each time; the system's own notification (inotify on Linux) tells of a save at once and costs
nothing between saves. Pages are served from a folder the builds update in place (the server
holds requests while a build runs, so that no page is served half written); a whole build writes
a new folder, which the server switches to when it is complete.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import watchdog.observers
from mkdocs.livereload import LiveReloadServer
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch

from procsite.site.preview.panel import STYLESHEET, STYLESHEET_URL, with_panel

CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileClosedEvent,
    FileMovedEvent,
    FileDeletedEvent,
]
"""What a save is made of. Not a file opened or read: the build reads every watched file itself."""


class _SavesObserver(watchdog.observers.Observer):  # type: ignore[misc,valid-type]
    """The system's observer, told only of changes (MkDocs' server asks for every event)."""

    def schedule(
        self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False, **_: Any
    ) -> ObservedWatch:
        watch: ObservedWatch = super().schedule(event_handler, path, recursive=recursive, event_filter=CHANGES)
        return watch


class PreviewServer(LiveReloadServer):
    """Serves the folder ``site`` (switched with ``show``), adding ``panel()`` to every page when it is not empty."""

    def __init__(self, builder: Callable[[], None], host: str, port: int, site: Path, panel: Callable[[], str]) -> None:
        super().__init__(builder=builder, host=host, port=port, root=str(site), mount_path="/")
        self.observer = _SavesObserver(timeout=0.1)
        self.build_delay = 0.05  # editors that save through a temporary file send a few events at once
        self.panel = panel
        self.error_handler = self._not_found

    def show(self, site: Path) -> None:
        """Serve ``site`` from now on (one attribute, read once per request)."""
        self.root = str(site)

    def _not_found(self, code: int) -> bytes | None:
        page = Path(self.root) / "404.html"
        body = page.read_bytes() if code == 404 and page.is_file() else b"<!doctype html><html><body></body></html>"
        panel = self.panel()  # before the first good build there is no page at all: the panel says why
        return with_panel(body, panel) if panel else body if page.is_file() else None

    def _serve_request(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes] | None:
        if environ["PATH_INFO"] == STYLESHEET_URL:
            body = STYLESHEET.encode("utf-8")
            start_response("200 OK", [("Content-Type", "text/css; charset=utf-8"), ("Content-Length", str(len(body)))])
            return [body]
        # MkDocs' server finds the file before it waits for the build under way: wait first, so
        # that a request made during a whole build is answered from the new folder.
        with self._epoch_cond:
            self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
        result: Iterable[bytes] | None = super()._serve_request(environ, start_response)
        return result

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        page: bytes = super()._inject_js_into_html(content, epoch)  # type: ignore[no-untyped-call]
        panel = self.panel()
        return with_panel(page, panel) if panel else page
