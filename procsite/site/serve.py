"""Live preview for staff: both languages at http://127.0.0.1:PORT/, up to date a moment after each save.

The first build is whole. After a save the folder is read again (only the changed files are parsed,
see ``loader``), checked, and only the pages the change touches are rendered and built again, in
each language, by the MkDocs sites kept loaded (``preview/``); a page of the agency (``pages/`` of the
procedures folder) the same way. A change to a register (``agency.yml`` and its logo included), to a page of
``docs/``, to ``overrides/``, the hooks, the templates or an ``mkdocs*.yml`` builds everything again,
into a new folder that is served once it is complete. A save with problems keeps the last good pages
and shows its problems in a panel over every page, in the staff's language, until they are fixed.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import socket
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from procsite import LANGUAGES
from procsite.cli import CONFIGS
from procsite.messages import DEFAULT_LANGUAGE, Count, Msg, Num
from procsite.model.catalog import Catalog
from procsite.pages.templating import TEMPLATE_DIR
from procsite.site.folder import BuildStopped, stop_on_signals
from procsite.site.preview.changes import touched_pages
from procsite.site.preview.panel import panel_html
from procsite.source.loader import load_catalog_cached

if TYPE_CHECKING:
    from procsite.site.preview.site import LanguageSite

TEMPLATES = str(TEMPLATE_DIR)
WATCHED = ("docs", "overrides", "hooks", "mkdocs.yml", "mkdocs.en.yml", TEMPLATES)
"""What the site is made of besides the procedures: a change to any of them builds everything again."""

log = logging.getLogger("procsite.site.serve")


def port_is_free(host: str, port: int) -> bool:
    """Whether ``port`` can be listened on: checked before a build of a minute, not after it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As the server itself binds: a port whose last connections are closing is free to it.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def settings_signature(paths: tuple[str, ...] = WATCHED) -> tuple[tuple[str, int, int], ...]:
    """Every file of ``paths`` with its modification time and size: what a whole build was made from."""
    entries = []
    for top in paths:
        for folder, dirs, files in os.walk(top) if os.path.isdir(top) else [("", [], [top])]:
            dirs[:] = [name for name in dirs if name != "__pycache__"]  # Python writes there when MkDocs loads a hook
            for name in files:
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                entries.append((path, info.st_mtime_ns, info.st_size))
    return tuple(sorted(entries))


class Preview:
    """What the preview keeps between saves: a loaded site per language, and why the last save did not show."""

    def __init__(self, procedures: Path, folder: Path, lang: str, url: str) -> None:
        self.procedures, self.folder, self.lang, self.url = procedures, folder, lang, url
        self.sites: dict[str, LanguageSite] = {}
        self.site: Path | None = None
        """The folder served: the first language at its root, the others in sub-folders."""
        self.built_from: Catalog | None = None
        """The catalog the served pages were made from; None when the next build must be whole."""
        self.settings: tuple[tuple[str, int, int], ...] = ()
        self.panel = ""
        """The problem panel shown over every page; empty when the pages are up to date."""
        self.show: Callable[[Path], None] = lambda site: None
        """Told of each new folder to serve (the server's ``show``)."""
        self.builds = 0
        self.retired: Path | None = None

    def update(self) -> None:
        """Bring the served pages up to date with the sources, or show in the panel why they are not."""
        from procsite.site.preview.site import SiteError

        started = time.monotonic()
        catalog = load_catalog_cached(self.procedures)
        if catalog.report:
            text = catalog.report.text(self.lang)
            log.error("%s\n%s", Msg("serve.not_rebuilt").render(self.lang), text)
            count = Count(len(set(catalog.report.problems)), "problem")
            self.panel = panel_html(Msg("preview.outdated", count=count), text, self.lang)
            return
        settings = settings_signature()
        pages = None
        if self.built_from is not None and settings == self.settings:
            pages = touched_pages(self.built_from, catalog)
        try:
            if pages is None:
                self._build_all(settings)
            elif pages:
                self._update(catalog, pages, started)
        except Exception as error:  # keep serving the last good pages whatever went wrong, and say why
            shown = str(error) if isinstance(error, SiteError) else f"{type(error).__name__}: {error}"
            log.error(
                "%s\n%s", Msg("serve.not_rebuilt").render(self.lang), shown, exc_info=not isinstance(error, SiteError)
            )
            self.panel = panel_html(Msg("preview.not_built"), shown, self.lang)
            self.built_from = None  # the pages may be half updated: the next save builds everything
            return
        self.panel = ""

    def _update(self, catalog: Catalog, pages: set[str], started: float) -> None:
        """Build again the pages ``pages`` of every language."""
        self.built_from = None  # until every language is updated
        for site in self.sites.values():
            site.update(catalog, pages)
        self.built_from = catalog
        seconds = Num(round(time.monotonic() - started, 2))
        log.info("%s", Msg("preview.updated", n=len(pages), seconds=seconds).render(self.lang))

    def _build_all(self, settings: tuple[tuple[str, int, int], ...]) -> None:
        """Build every language into a new folder and serve it; the last good folder stays served on failure."""
        from procsite.site.preview.site import LanguageSite

        started = time.monotonic()
        self.builds += 1
        site = self.folder / f"site-{self.builds}"
        sites: dict[str, LanguageSite] = {}
        gc.unfreeze()  # the objects of the last build may go once it is replaced
        try:
            for lang in LANGUAGES:  # the first language first: MkDocs empties its folder, the others' parent
                sites[lang] = LanguageSite(lang, CONFIGS[lang], site if lang == LANGUAGES[0] else site / lang)
                sites[lang].build_all()
        except BaseException:
            for built in sites.values():
                built.close()
            shutil.rmtree(site, ignore_errors=True)
            raise
        old, retired, self.site, self.sites = self.sites, self.site, site, sites
        self.show(site)
        for built in old.values():
            built.close()
        # The folder served before goes at the next switch: a request begun before this one may still read it.
        if self.retired is not None:
            shutil.rmtree(self.retired, ignore_errors=True)
        self.retired = retired
        self.built_from, self.settings = sites[LANGUAGES[0]].build.catalog, settings
        # What stays loaded until the next whole build is not looked at by every collection of the
        # garbage collector: with two sites of 2,000 pages in memory, each one took half a second.
        gc.collect()
        gc.freeze()
        count = Count(len(self.built_from.procedures), "procedure")
        seconds = Num(round(time.monotonic() - started, 1))
        log.info("%s", Msg("preview.built", count=count, seconds=seconds, url=self.url).render(self.lang))

    def close(self) -> None:
        """End the plugins' sessions."""
        for site in self.sites.values():
            site.close()


def serve(port: int, host: str = "127.0.0.1", lang: str = DEFAULT_LANGUAGE) -> int:
    """Serve the site with live reload; a broken save shows its problems over every page, the last good pages stay."""
    if not port_is_free(host, port):
        print(Msg("serve.port_busy", host=host, port=port, next=port + 1).render(lang), file=sys.stderr)
        return 1

    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    from procsite.site.preview.server import PreviewServer

    folder = Path(tempfile.mkdtemp(prefix="procsite-serve-"))
    procedures = Path(os.environ.get("PROCEDURES", "procedures"))
    preview = Preview(procedures, folder, lang, f"http://{host}:{port}/")
    server: PreviewServer | None = None
    try:
        with stop_on_signals():  # SIGTERM too ends the preview through the clean-up below
            preview.update()
            if preview.site is None:  # the first build failed: serve an empty folder with the panel
                preview.site = folder / "empty"
                preview.site.mkdir()
            server = PreviewServer(preview.update, host, port, preview.site, lambda: preview.panel)
            preview.show = server.show
            for path in (*WATCHED, str(procedures)):
                if Path(path).exists():
                    server.watch(str(Path(path).resolve()))
            server.serve()  # type: ignore[no-untyped-call]
    except (KeyboardInterrupt, BuildStopped):
        print("Stopped.", file=sys.stderr)
    finally:
        if server is not None:
            server.shutdown()
        preview.close()
        shutil.rmtree(folder, ignore_errors=True)
    return 0
