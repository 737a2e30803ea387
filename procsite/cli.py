"""Command line: ``procsite check | build | serve | schema``.

``build`` builds every language into a fresh folder and swaps it in only when
all languages succeeded, so a failed build leaves the published site as it was.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import LANGUAGES
from .format import json_schema
from .loader import Catalog, load_catalog

CONFIGS = {"vi": "mkdocs.yml", "en": "mkdocs.en.yml"}
"""One MkDocs config per language; the first language is published at the site's root."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="procsite", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "build", "serve", "schema"])
    parser.add_argument("--procedures", help="procedures folder (default: $PROCEDURES or ./procedures)")
    parser.add_argument("--site", default="site", help="output folder of build (default: site)")
    parser.add_argument("--port", type=int, default=8000, help="port of serve (default: 8000)")
    args = parser.parse_args(argv)
    if args.procedures:
        os.environ["PROCEDURES"] = args.procedures
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    procedures = Path(os.environ.get("PROCEDURES", "procedures"))
    if args.command == "schema":
        print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
        return 0
    catalog = load_catalog(procedures)
    if catalog.report:
        print(catalog.report.text(), file=sys.stderr)
        count = len(set(catalog.report.problems))
        print(
            f"\n{count} problem{'s' if count != 1 else ''} found; nothing was built. "
            "Fix them and run the command again.",
            file=sys.stderr,
        )
        return 1
    if args.command == "check":
        print(summary(catalog))
        return 0
    if args.command == "build":
        return build(catalog, Path(args.site))
    from .serve import serve

    return serve(args.port)


def untranslated_pages(docs: Path = Path("docs")) -> list[str]:
    """Hand-written pages that exist in Vietnamese but not yet in another language."""
    source = docs / LANGUAGES[0]
    return [
        f"{docs / lang / page.relative_to(source)}: translation.missing: no page yet; the {LANGUAGES[0]} page is shown"
        for lang in LANGUAGES[1:]
        for page in sorted(source.rglob("*.md"))
        if not (docs / lang / page.relative_to(source)).exists()
    ]


def summary(catalog: Catalog) -> str:
    """The short build report: procedures per language, missing translations."""
    count = len(catalog.procedures)
    lines = [f"Procedures: {count} in {catalog.root} — published in " + ", ".join(LANGUAGES) + "."]
    pages = untranslated_pages()
    if pages:
        lines.append(f"Hand-written pages without translation: {len(pages)}:")
        lines += [f"  {page}" for page in pages]
    if catalog.untranslated:
        lines.append(
            f"Missing English translations: {len(catalog.untranslated)} (shown in Vietnamese, marked "
            '"not yet translated"):'
        )
        lines += [f"  {item}" for item in catalog.untranslated]
    else:
        lines.append("Missing English translations: none.")
    return "\n".join(lines)


def build_languages(site: Path) -> None:
    """Build every language into ``site`` (first language at its root); raises on any warning."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    for lang in LANGUAGES:
        target = site if lang == LANGUAGES[0] else site / lang
        config = load_config(config_file=CONFIGS[lang], site_dir=str(target), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()


def build(catalog: Catalog, site: Path) -> int:
    """Build all languages into a staging folder and swap it in; print the report."""
    from click import ClickException

    handler = _log_to_stderr()
    started = time.monotonic()
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        build_languages(staging)
    except ClickException as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {error.format_message()}\nThe site in {site} was left as it was.", file=sys.stderr)
        return 1
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    _swap(staging, site)
    print(summary(catalog))
    print(
        f"Warnings: {handler.warnings}. Built {', '.join(LANGUAGES)} into {site} in {time.monotonic() - started:.1f} s."
    )
    return 0


def _swap(staging: Path, site: Path) -> None:
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


class _CountingHandler(logging.StreamHandler):  # type: ignore[type-arg]
    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.warnings = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.warnings += 1
            super().emit(record)


def _log_to_stderr() -> _CountingHandler:
    handler = _CountingHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s - %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


if __name__ == "__main__":
    sys.exit(main())
