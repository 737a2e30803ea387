"""Command line: ``procsite check | build | serve | fix | schema | synth | csp``.

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
from .loader import Catalog, load_catalog_cached

CONFIGS = {"vi": "mkdocs.yml", "en": "mkdocs.en.yml"}
"""One MkDocs config per language; the first language is published at the site's root."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = argparse.ArgumentParser(prog="procsite", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "build", "serve", "fix", "schema", "synth", "csp"])
    parser.add_argument("count", nargs="?", type=int, help="synth: how many procedures to write")
    parser.add_argument("folder", nargs="?", help="synth: the folder to write (replaced)")
    parser.add_argument("--with-sample", action="store_true", help="synth: include the sample's real procedures")
    parser.add_argument("--procedures", help="procedures folder (default: $PROCEDURES or ./procedures)")
    parser.add_argument("--site", default="site", help="output folder of build, input of csp (default: site)")
    parser.add_argument("--port", type=int, default=8000, help="port of serve (default: 8000)")
    args = parser.parse_args(argv)
    if args.procedures:
        os.environ["PROCEDURES"] = args.procedures
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    procedures = Path(os.environ.get("PROCEDURES", "procedures"))
    if args.command == "synth":
        if not args.count or not args.folder:
            parser.error("synth needs a count and a folder, e.g. procsite synth 2000 /tmp/procedures")
        from .synth import write_synthetic

        written = write_synthetic(Path(args.folder), args.count, Path("procedures") if args.with_sample else None)
        print(f"Wrote {written} procedures and their registers into {args.folder}.")
        return 0
    if args.command == "csp":
        from .csp import nginx_snippet

        print(nginx_snippet(Path(args.site)), end="")
        return 0
    if args.command == "fix":
        return fix(procedures)
    if args.command == "schema":
        print(json.dumps(json_schema(), ensure_ascii=False, indent=2))
        return 0
    catalog = load_catalog_cached(procedures)
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


def fix(procedures: Path) -> int:
    """Rewrite the folder's source files in canonical form; 1 when some file could not be fixed."""
    from .fix import fix_folder

    report = fix_folder(procedures)
    for line in report.fixed:
        print(line)
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(report.summary(), file=sys.stderr if report.problems else sys.stdout)
    return 1 if report.problems else 0


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


def _build_language(lang: str, target: Path) -> str | None:
    """Build one language into ``target``; the error message, or None when it built."""
    from click import ClickException
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    warnings = _Collector()
    logging.getLogger("mkdocs").addHandler(warnings)
    try:
        config = load_config(config_file=CONFIGS[lang], site_dir=str(target), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
    except ClickException as error:
        return "\n".join([*warnings.messages, f"{lang}: {error.format_message()}"])
    finally:
        logging.getLogger("mkdocs").removeHandler(warnings)
    return None


class _Collector(logging.Handler):
    """Keeps the warnings of a build, which may run in another process, to report them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname} - {record.getMessage()}")


def build_languages(site: Path, parallel: bool = True) -> list[str]:
    """Build every language into ``site`` (the first at its root, the others in sub-folders).

    With ``parallel``, each language builds in its own forked process (one per core); the
    catalog read before the fork is shared. Returns the error messages; empty when all built.
    """
    targets = {lang: site if lang == LANGUAGES[0] else site.with_name(f"{site.name}-{lang}") for lang in LANGUAGES}
    if parallel and (os.cpu_count() or 1) > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(min(len(LANGUAGES), os.cpu_count() or 1)) as pool:
            errors = pool.starmap(_build_language, list(targets.items()))
    else:
        errors = [_build_language(lang, target) for lang, target in targets.items()]
    for lang, target in targets.items():
        if lang != LANGUAGES[0]:
            if target.exists() and not any(errors):
                target.rename(site / lang)
            shutil.rmtree(target, ignore_errors=True)
    return [error for error in errors if error]


def build(catalog: Catalog, site: Path) -> int:
    """Build all languages into a staging folder and swap it in; print the report."""

    started = time.monotonic()
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
    try:
        errors = build_languages(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if errors:
        shutil.rmtree(staging, ignore_errors=True)
        print("Build failed: " + "\n".join(errors) + f"\nThe site in {site} was left as it was.", file=sys.stderr)
        return 1
    _swap(staging, site)
    print(summary(catalog))
    print(f"Warnings: 0. Built {', '.join(LANGUAGES)} into {site} in {time.monotonic() - started:.1f} s.")
    return 0


def _swap(staging: Path, site: Path) -> None:
    old = site.with_name(f".{site.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
