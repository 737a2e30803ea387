"""One language of the preview, kept loaded in MkDocs: built whole once, then page by page.

A whole build is MkDocs' own (``mkdocs.commands.build.build``), which keeps nothing; this module
keeps what it made (files, navigation, theme environment) by listening to the ``nav`` and ``env``
events. A later update renders the Markdown of the touched pages again (``LanguageBuild.render_again``)
and sends only those pages through MkDocs' page pipeline, with the same plugin events as a whole build
(``pre_page`` … ``post_page``, then ``post_build``, which writes the search files).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from procsite.model.catalog import Catalog
from procsite.site.build import LanguageBuild
from procsite.site.mkdocs_log import BuildWarnings

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation


class SiteError(Exception):
    """A build or update of one language did not succeed; the message says what MkDocs reported."""


class LanguageSite:
    """The MkDocs config, files, navigation and theme of one language, loaded once per whole build."""

    def __init__(self, lang: str, config_file: str, site_dir: Path) -> None:
        from mkdocs.config import load_config

        self.lang, self.site_dir = lang, site_dir
        self.config: MkDocsConfig = load_config(config_file=config_file, site_dir=str(site_dir), strict=True)
        self.files: Files | None = None
        self.nav: Navigation | None = None
        self.env: jinja2.Environment | None = None
        # Last in each event, after the hook and the theme: what they made is what is kept.
        self.config.plugins.events["nav"].append(self._keep_nav)
        self.config.plugins.events["env"].append(self._keep_env)
        self.config.plugins.on_startup(command="build", dirty=False)

    def _keep_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    def _keep_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        self.env = env
        return env

    @property
    def build(self) -> LanguageBuild:
        """What the core made for this language (the hook keeps it in the config)."""
        build: LanguageBuild = self.config.extra["procsite_build"]
        return build

    def build_all(self) -> None:
        """Build the whole language into ``site_dir``, as ``procsite build`` does; raises SiteError."""
        from click import ClickException
        from mkdocs.commands.build import build

        with BuildWarnings() as warnings:
            try:
                build(self.config)
            except ClickException as error:
                raise SiteError("\n".join([*warnings.messages, f"{self.lang}: {error.format_message()}"])) from None

    def update(self, catalog: Catalog, pages: Collection[str]) -> list[str]:
        """Build again, from ``catalog``, the pages ``pages`` (Markdown paths) and the search files;
        the pages built. Raises SiteError when MkDocs warned (the site is then built whole next time)."""
        from mkdocs.commands.build import _build_page, _populate_page
        from mkdocs.structure.files import InclusionLevel

        assert self.files is not None and self.nav is not None and self.env is not None, "build_all first"
        config, files, build = self.config, self.files, self.build
        generated = set(build.render_again(catalog, pages))
        chosen = [file for path in sorted(pages) if (file := files.get_file_from_path(path)) and file.page]
        with BuildWarnings() as warnings:
            for file in chosen:
                if file.src_uri in generated:
                    file.content_string = build.pages[file.src_uri]
                assert file.page is not None
                _populate_page(file.page, config, files)
            doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
            for file in chosen:
                assert file.page is not None
                # A hand-written page notes itself for search when it is built: once, not once per update.
                build.hand_written[:] = [entry for entry in build.hand_written if entry.url != file.page.url]
                _build_page(file.page, config, doc_files, self.nav, self.env)
            for file in chosen:
                assert file.page is not None
                file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            config.plugins.on_post_build(config=config)
        if warnings.messages:
            raise SiteError("\n".join(warnings.messages))
        return [file.src_uri for file in chosen]

    def close(self) -> None:
        """End the plugins' session (``on_shutdown``)."""
        self.config.plugins.on_shutdown()
