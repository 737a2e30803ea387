"""Command line: ``procsite check | build | serve | fix | schema | synth | csp | publish | new | render``.

``build`` builds every language into a staging folder and publishes it in one step only
when all languages succeeded, so a failed or stopped build leaves the published site as it
was; it replaces only an empty folder or a site of its own (see ``site_folder``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

from procsite import LANGUAGES
from procsite.messages import DEFAULT_LANGUAGE, Count, Msg, Num
from procsite.messages import LANGUAGES as MESSAGE_LANGUAGES
from procsite.model.catalog import Catalog
from procsite.site import folder as site_folder
from procsite.site.memory import give_back_freed_memory
from procsite.site.mkdocs_log import BuildWarnings
from procsite.source.format import json_schema
from procsite.source.loader import load_catalog_cached

CONFIGS = {"vi": "mkdocs.yml", "en": "mkdocs.en.yml"}
BUILDERS = ("mkdocs", "properdocs")
"""The site builders the configs work with: MkDocs 1.6 and ProperDocs, its maintained fork (tested to give
the same site: tests/test_second_builder.py)."""
"""One MkDocs config per language; the first language is published at the site's root."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    wanted = _wanted_language(sys.argv[1:] if argv is None else argv)
    parser = _parser(wanted)
    args = parser.parse_args(argv)
    lang = args.lang if args.lang in MESSAGE_LANGUAGES else DEFAULT_LANGUAGE
    if args.procedures:
        os.environ["PROCEDURES"] = args.procedures
    if args.builder:
        os.environ["PROCSITE_BUILDER"] = args.builder
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    procedures = Path(os.environ.get("PROCEDURES", "procedures"))
    if args.command == "synth":
        if not (args.first or "").isdigit() or not args.folder:
            parser.error("synth needs a count and a folder, e.g. procsite synth 2000 /tmp/procedures")
        from procsite.synth.procedures import write_synthetic

        sample = Path("procedures") if args.with_sample else None
        written = write_synthetic(Path(args.folder), int(args.first), sample)
        print(f"Wrote {written} procedures and their registers into {args.folder}.")
        return 0
    if args.command == "csp":
        from procsite.site.csp import nginx_snippet

        print(nginx_snippet(Path(args.site)), end="")
        return 0
    if args.command == "fix":
        return fix(procedures, lang)
    if args.command == "new":
        return new(args.first or args.folder, lang)
    if args.command == "import":
        return import_sources([a for a in (args.first, args.folder, *args.more) if a], procedures, lang)
    if args.command == "schema":  # with --procedures: references are the ids of that folder's registers
        catalog = load_catalog_cached(procedures) if args.procedures else None
        if catalog is not None and catalog.tree is None:  # no such folder
            print(catalog.report.text(lang), file=sys.stderr)
            return 1
        print(json.dumps(json_schema(catalog.references() if catalog else None), ensure_ascii=False, indent=2))
        return 0
    if args.command == "serve":  # with problems too: the preview shows them over its pages until fixed
        from procsite.site.serve import serve

        return serve(args.port, lang=lang)
    catalog = load_catalog_cached(procedures)
    if catalog.report:
        print(catalog.report.text(lang), file=sys.stderr)
        count = Count(len(set(catalog.report.problems)), "problem")
        print("\n" + Msg("cli.problems_found", count=count).render(lang), file=sys.stderr)
        return 1
    if args.command == "check":
        print(summary(catalog, lang))
        return 0
    if args.command == "build":
        return build(catalog, Path(args.site), lang)
    if args.command == "render":
        return render(procedures, args.out, lang)
    if args.command == "publish":
        if not args.to:
            print(Msg("publish.no_target").render(lang), file=sys.stderr)
            return 1
        from procsite.site.publish import publish

        status = build(catalog, Path(args.site), lang)
        return status or publish(Path(args.site).resolve(), args.to, catalog.root, lang)
    return 2  # argparse allows only the commands above


def _wanted_language(argv: list[str]) -> str:
    """The language of the messages, read before the arguments so that ``--help`` speaks it too."""
    for i, arg in enumerate(argv):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--lang=")
            else argv[i + 1]
            if arg == "--lang" and i + 1 < len(argv)
            else None
        )
        if value in MESSAGE_LANGUAGES:
            return value
    wanted = os.environ.get("PROCSITE_LANG", DEFAULT_LANGUAGE)
    return wanted if wanted in MESSAGE_LANGUAGES else DEFAULT_LANGUAGE


def _parser(lang: str) -> argparse.ArgumentParser:
    """The command line's arguments, described in ``lang``."""

    def say(code: str) -> str:
        return Msg(f"help.{code}").render(lang)

    parser = argparse.ArgumentParser(prog="procsite", description=say("description"))
    parser.add_argument(
        "command",
        choices=COMMANDS,
        help="; ".join(say(code) for code in ("command", "command_new", "command_import", "command_render")),
    )
    parser.add_argument("first", nargs="?", metavar="COUNT|FOLDER", help=say("first"))
    parser.add_argument("folder", nargs="?", help=say("folder"))
    parser.add_argument("more", nargs="*", metavar="SOURCE", help=say("more"))
    parser.add_argument("--with-sample", action="store_true", help=say("with_sample"))
    parser.add_argument("--procedures", help=say("procedures"))
    parser.add_argument("--site", default="site", help=say("site"))
    parser.add_argument("--to", help=say("to"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")), help=say("port"))
    parser.add_argument("--lang", choices=MESSAGE_LANGUAGES, default=lang, help=say("lang"))
    parser.add_argument("--builder", choices=BUILDERS, help=say("builder"))
    parser.add_argument("--out", help=say("out"))
    return parser


COMMANDS = ["check", "build", "serve", "fix", "schema", "synth", "csp", "publish", "new", "import", "render"]


def import_sources(sources: list[str], procedures: Path, lang: str = DEFAULT_LANGUAGE) -> int:
    """``procsite import SOURCE... [--procedures FOLDER]``: national records and Word files into the folder."""
    if not sources:
        print(f"{Msg('import.no_source').render(lang)} {Msg('import.no_source.hint').render(lang)}", file=sys.stderr)
        return 2
    from procsite.importers.command import run_import

    status, report = run_import([Path(s) for s in sources], procedures, lang)
    print(report, file=sys.stderr if status else sys.stdout)
    return status


def fix(procedures: Path, lang: str = DEFAULT_LANGUAGE) -> int:
    """Rewrite the folder's source files in canonical form; 1 when some file could not be fixed."""
    from procsite.source.fix import fix_folder

    report = fix_folder(procedures)
    for line in report.fixed_lines(lang):
        print(line)
    for problem in report.problems:
        print(problem.render(lang), file=sys.stderr)
    print(report.summary(lang), file=sys.stderr if report.problems else sys.stdout)
    return 1 if report.problems else 0


def new(folder: str | None, lang: str = DEFAULT_LANGUAGE) -> int:
    """``procsite new FOLDER``: write a new agency's folder, which checks and builds at once; 1 when it
    could not be written (a folder that is not empty is never written into)."""
    from procsite.scaffold import ScaffoldError, write_agency
    from procsite.source.loader import load_catalog

    if not folder:
        print(f"{Msg('new.no_folder').render(lang)} {Msg('new.no_folder.hint').render(lang)}", file=sys.stderr)
        return 1
    try:
        written = write_agency(Path(folder))
    except ScaffoldError as error:
        print(error.render(lang), file=sys.stderr)
        return 1
    catalog = load_catalog(Path(folder))
    if catalog.report:  # the template is tested: this is a defect of the program, said as such
        count = Count(len(set(catalog.report.problems)), "problem")
        print(Msg("new.invalid", count=count).render(lang) + "\n" + catalog.report.text(lang), file=sys.stderr)
        return 1
    print(Msg("new.written", folder=folder, count=Count(written, "file")).render(lang))
    return 0


def untranslated_agency_pages(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The agency's pages (``pages/vi/``) that have no English page yet."""
    return [
        Msg("cli.page_untranslated", page=f"{catalog.root.name}/pages/en/{path}", lang=LANGUAGES[0]).render(lang)
        for path, page in catalog.pages.items()
        if page.en is None
    ]


def untranslated_pages(docs: Path = Path("docs"), lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """Hand-written pages that exist in Vietnamese but not yet in another language."""
    source = docs / LANGUAGES[0]
    return [
        Msg("cli.page_untranslated", page=str(docs / other / page.relative_to(source)), lang=LANGUAGES[0]).render(lang)
        for other in LANGUAGES[1:]
        for page in sorted(source.rglob("*.md"))
        if not (docs / other / page.relative_to(source)).exists()
    ]


def summary(catalog: Catalog, lang: str = DEFAULT_LANGUAGE) -> str:
    """The short build report: procedures per language, missing translations, warnings."""
    count = len(catalog.procedures)
    lines = [Msg("cli.procedures", count=count, root=str(catalog.root), languages=", ".join(LANGUAGES)).render(lang)]
    pages = untranslated_agency_pages(catalog, lang) + untranslated_pages(lang=lang)
    if pages:
        lines.append(Msg("cli.pages_untranslated", count=len(pages)).render(lang))
        lines += [f"  {page}" for page in pages]
    to_complete = catalog.to_complete()
    if to_complete:  # what an import left: notices that never stop a build
        lines.append(Msg("cli.to_complete", count=len(to_complete)).render(lang))
        lines += [f"  {item.render(lang)}" for item in to_complete]
        lines.append("  " + Msg("to_complete.hint").render(lang))
    if catalog.untranslated:
        lines.append(Msg("cli.untranslated", count=len(catalog.untranslated)).render(lang))
        lines += [f"  {item.render(lang)}" for item in catalog.untranslated]
    else:
        lines.append(Msg("cli.untranslated_none").render(lang))
    warnings = sorted(set(catalog.report.warnings), key=lambda p: (p.path, p.line))
    if warnings:
        lines.append(Msg("cli.warnings", count=len(warnings)).render(lang))
        lines += [f"  {warning.render(lang)}" for warning in warnings]
    else:
        lines.append(Msg("cli.warnings_none").render(lang))
    return "\n".join(lines)


def _build_language(lang: str, target: Path) -> str | None:
    """Build one language into ``target``; the error message, or None when it built."""
    from click import ClickException

    if os.environ.get("PROCSITE_BUILDER") == "properdocs":  # the maintained fork of MkDocs 1.6, same configs
        # As its own command does: from here on, "import mkdocs.…" (Material, our hook) imports ProperDocs.
        # It works in a process that has not imported MkDocs yet, as a `procsite build` has not.
        import properdocs.replacement  # noqa: F401
        from properdocs.commands.build import build as mkdocs_build
        from properdocs.config import load_config
    else:
        from mkdocs.commands.build import build as mkdocs_build  # type: ignore[assignment]
        from mkdocs.config import load_config  # type: ignore[assignment]

    with BuildWarnings() as warnings:
        try:
            config = load_config(config_file=CONFIGS[lang], site_dir=str(target), strict=True)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except ClickException as error:
            return "\n".join([*warnings.messages, f"{lang}: {error.format_message()}"])
    return None


def build_languages(site: Path, parallel: bool = True) -> list[str]:
    """Build every language into ``site`` (the first at its root, the others in sub-folders).

    With ``parallel``, each language builds in its own forked process (one per core); the
    catalog read before the fork is shared. The workers end with this call, whatever stops it
    (an error, BuildStopped). Returns the error messages; empty when all built.
    """
    targets = {lang: site if lang == LANGUAGES[0] else site.with_name(f"{site.name}-{lang}") for lang in LANGUAGES}
    if parallel and (os.cpu_count() or 1) > 1 and hasattr(os, "fork"):
        import multiprocessing

        # Workers start with the stop signals held back, until start_worker has set their own handlers.
        with site_folder.stop_signals_held():
            pool = multiprocessing.get_context("fork").Pool(
                min(len(LANGUAGES), os.cpu_count() or 1), initializer=site_folder.start_worker
            )
        try:
            errors = pool.starmap(_build_language, list(targets.items()))
        finally:
            with site_folder.stop_signals_held():  # a second Ctrl-C must not leave workers running
                pool.terminate()
                pool.join()
    else:
        errors = [_build_language(lang, target) for lang, target in targets.items()]
    for lang, target in targets.items():
        if lang != LANGUAGES[0]:
            if target.exists() and not any(errors):
                target.rename(site / lang)
            shutil.rmtree(target, ignore_errors=True)
    return [error for error in errors if error]


def render(procedures: Path, out: str | None, lang: str = DEFAULT_LANGUAGE) -> int:
    """``procsite render --out DIR``: both languages as Markdown pages and files, with a config per language,
    for a site builder that runs no hooks (``site/render.py``); the procedures are checked already."""
    from procsite.site.render import CONFIG, RenderError
    from procsite.site.render import render as render_folder

    if not out:
        print(Msg("render.no_out").render(lang), file=sys.stderr)
        return 1
    try:
        pages = render_folder(procedures, Path(out), Path.cwd(), CONFIGS)
    except RenderError as error:
        print(error.message.render(lang), file=sys.stderr)
        return 1
    except OSError as error:  # a folder without the right to write, a full disk
        print(Msg("render.unwritable", out=out, error=str(error)).render(lang), file=sys.stderr)
        return 1
    commands = " && ".join(f"mkdocs build -f {Path(out) / CONFIG.format(lang=language)}" for language in LANGUAGES)
    count = Count(sum(pages.values()), "page")
    print(Msg("render.done", languages=", ".join(LANGUAGES), out=out, count=count, commands=commands).render(lang))
    return 0


def build(catalog: Catalog, site: Path, lang: str = DEFAULT_LANGUAGE) -> int:
    """Build all languages beside ``site`` and publish them in one step; print the report.

    ``site`` must be empty or a site of ours (see ``site_folder.check_site``). A failed or
    stopped build leaves the published site as it was and nothing beside it.
    """
    started = time.monotonic()
    try:
        site = site_folder.check_site(site, catalog.root)
    except site_folder.SiteFolderError as error:
        print(error.message.render(lang), file=sys.stderr)
        return 1
    site_folder.clean_stale(site)
    give_back_freed_memory()  # what reading the catalog freed, before each language's process inherits it
    errors: list[str] = []
    published = False
    try:
        with site_folder.stop_on_signals(), site_folder.staging(site) as target:
            errors = build_languages(target)
            if not errors:
                site_folder.publish(target, site)
                published = True
    except site_folder.BuildStopped as stop:
        outcome = Msg("build.outcome.published" if published else "build.outcome.kept", site=str(site))
        print(Msg("build.stopped", signal=str(stop), outcome=outcome).render(lang), file=sys.stderr)
        return stop.status
    except Exception as error:
        if published:
            raise
        print(Msg("build.stopped_by_error", error=repr(error), site=str(site)).render(lang), file=sys.stderr)
        return 1
    if errors:
        print(Msg("build.failed", errors="\n".join(errors), site=str(site)).render(lang), file=sys.stderr)
        return 1
    print(summary(catalog, lang))
    print(
        Msg(
            "cli.built",
            languages=", ".join(LANGUAGES),
            site=str(site),
            seconds=Num(round(time.monotonic() - started, 1)),
        ).render(lang)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
