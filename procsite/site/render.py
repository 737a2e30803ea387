"""``procsite render --out DIR``: the whole site as plain Markdown and files, for a builder without hooks.

Material for MkDocs ends in May 2027 and Zensical, its successor, reads ``mkdocs.yml`` but runs no
``hooks:``. This writes into one folder what ``hooks/procedures.py`` adds to a MkDocs build, so that any
builder of Markdown can publish it: per language (``DIR/vi/``, ``DIR/en/``) the staff guide of ``docs/``
(untranslated pages filled as the hook fills them), the generated pages, the forms and logo, the open
data, the feed and the schema, the theme's assets in the agency's colours; and a config per language
(``DIR/mkdocs.vi.yml``, ``DIR/mkdocs.en.yml``) with the agency's name, address and footer and no hook.

What needs a hook is left out and said so in the README: our search (the builder's own runs instead),
kiosk mode, the per-page language switch (Material's, to each language's home, replaces it), the
sitemap's dates from the data.

The HTML blocks the hook puts back after Markdown (``pages/blocks.py``) are written back into the
Markdown here, as raw HTML blocks, which Python-Markdown passes through untouched: staff texts in them
are still never parsed as Markdown. A heading made of a staff text (a page's h1, the headings of the
agency's quality pages) becomes an HTML heading for the same reason, so the table of contents, which only
Markdown headings reach, lacks those (a procedure page's sections are our own words: Markdown headings).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from procsite import LANGUAGES, paths
from procsite.messages import Msg
from procsite.pages.blocks import restore_html_blocks
from procsite.pages.i18n import strings_for
from procsite.site import folder as site_folder
from procsite.site.build import LanguageBuild, nav_with_pages, prepare, untranslated_page

MARKER = ".procsite-render"
"""A file at the root of every folder ``render`` writes: the proof that the next render may replace it."""
NOTE = "This folder was written by `procsite render`; the next render replaces it as a whole.\n"
CONFIG = "mkdocs.{lang}.yml"
"""The config of each language, in the output folder; each builds into ``site/`` (English: ``site/en/``)."""

_PLACED_HEADING = re.compile(r"^(#{1,6}) (<!--procsite:[^>]*-->) \{: #([a-z0-9_-]+) \}$", re.M)
"""A heading ``extract_html_blocks`` made a Markdown line with a placeholder for its text."""
_FIRST_TAG = re.compile(r"<([a-z][a-z0-9]*)\b")
SNIPPETS = "pymdownx.snippets"
Expand = Callable[[Path], str]
"""What reads a guide page with its ``--8<--`` includes expanded."""


class RenderError(Exception):
    """The output folder must not be written, or a page could not be made; ``message`` says why."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render("en"))
        self.message = message


def inline_html_blocks(markdown: str, blocks: dict[str, str]) -> str:
    """A generated page with its HTML blocks back in the Markdown, as raw HTML that Markdown passes through.

    Python-Markdown keeps a block verbatim only when it starts with a block-level tag; every block of ours
    does (the templates' HTML), and one that would not is wrapped in a ``<div>`` rather than left to the
    Markdown parser."""
    from markdown.util import BLOCK_LEVEL_ELEMENTS

    def heading(match: re.Match[str]) -> str:
        level = len(match[1])
        return f'<h{level} id="{match[3]}">{blocks[match[2]]}</h{level}>'

    def raw(block: str) -> str:
        tag = _FIRST_TAG.match(block)
        return block if tag and tag[1] in BLOCK_LEVEL_ELEMENTS else f"<div>\n{block}\n</div>"

    headings = {placeholder for _, placeholder, _ in _PLACED_HEADING.findall(markdown)}
    placed = _PLACED_HEADING.sub(lambda m: heading(m) if m[2] in blocks else m[0], markdown)
    return restore_html_blocks(placed, {key: raw(block) for key, block in blocks.items() if key not in headings})


def check_out(out: Path, procedures: Path, project: Path) -> Path:
    """The resolved ``out``, or a RenderError when it must not be replaced: refused as a build refuses a
    ``--site`` folder (``site/folder.py``), a folder of files of its own being one render did not write."""
    try:
        return site_folder.check_site(out, procedures, project, lambda folder: (folder / MARKER).is_file(), "render")
    except site_folder.SiteFolderError as error:
        raise RenderError(error.message) from None


def render(procedures: Path, out: Path, project: Path, configs: dict[str, str]) -> dict[str, int]:
    """Write both languages of ``procedures`` into ``out`` (replaced whole, once all is written), from the
    project's MkDocs ``configs`` (per language, a file of ``project``), docs and theme; the number of
    Markdown pages written per language."""
    target = check_out(out, procedures, project)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-render-", dir=target.parent))
    try:
        (staging / MARKER).write_text(NOTE, encoding="utf-8")
        counts = {}
        for lang in LANGUAGES:
            config = _project_config(project / configs[lang])
            counts[lang] = _write_language(prepare(procedures, lang), config, project, staging)
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return counts


def _project_config(path: Path) -> dict[str, Any]:
    """A MkDocs config of the project as written (``INHERIT`` and ``!ENV`` resolved, nothing validated)."""
    from mkdocs.utils.yaml import yaml_load

    if not path.is_file():
        raise RenderError(Msg("render.no_config", config=str(path)))
    with path.open("rb") as config:
        loaded: dict[str, Any] = yaml_load(config)
    return loaded


def _write_language(build: LanguageBuild, config: dict[str, Any], project: Path, out: Path) -> int:
    """One language into ``out/<lang>/``, in the hook's order: the guide, then what the build makes."""
    lang, docs = build.lang, out / build.lang
    expand = _snippets(config, project)
    source_docs = project / config["docs_dir"]
    for source in sorted(p for p in source_docs.rglob("*") if p.is_file()):
        _copy(source, docs / source.relative_to(source_docs), expand)
    theme = project / config["theme"]["custom_dir"]
    for source in sorted(p for p in (theme / "assets").rglob("*") if p.is_file()):
        _copy(source, docs / source.relative_to(theme), None)
    for path, change in build.theme_files().items():
        _write(docs / path, change((theme / path).read_text(encoding="utf-8")))
    # Material's interface strings in Vietnamese (``language: custom``): the one template without a hook's data.
    languages = Path("partials/languages/custom.html")
    _copy(theme / languages, out / "theme" / languages, None)
    for path, markdown in build.pages.items():  # a generated page wins over a guide page at its path
        _write(docs / path, inline_html_blocks(markdown, build.blocks[path]))
    for path, file in build.files.items():
        _copy(file, docs / path, None)
    for path, text in build.data.items():
        _write(docs / path, text)
    if lang != LANGUAGES[0]:
        originals = source_docs.parent / LANGUAGES[0]
        for source in sorted(originals.rglob("*.md")):
            page = docs / source.relative_to(originals)
            if not page.exists():
                _write(page, _untranslated(expand(source) if expand else source.read_text("utf-8"), lang))
    nav = nav_with_pages(config.get("nav"), lambda path: (docs / path).is_file())
    _write(out / CONFIG.format(lang=lang), _config_text(build, config, nav))
    return sum(1 for _ in docs.rglob("*.md"))


def _untranslated(markdown: str, lang: str) -> str:
    """A guide page with no translation yet, flagged as the hook flags it, and with the note our template
    would show written into the page, since a builder without our template shows no note."""
    flagged = untranslated_page(markdown, lang)
    end = flagged.index("\n---\n", 3) + 5
    note = f'<div class="admonition note ps-untranslated-page"><p>{strings_for(lang)["untranslated.page"]}</p></div>'
    return f"{flagged[:end]}{note}\n\n{flagged[end:]}"


def _snippets(config: dict[str, Any], project: Path) -> Expand | None:
    """What expands the guide's ``--8<--`` includes (pymdownx.snippets, as the project's config sets it),
    or None. They are expanded here, so that the folder holds what it shows and the written configs need
    no include at all (none of a page's text can then name a file to include)."""
    extensions = config.get("markdown_extensions", [])
    if not any(_is_snippets(e) for e in extensions):
        return None
    options = next((e[SNIPPETS] or {} for e in extensions if isinstance(e, dict) and SNIPPETS in e), {})
    from markdown import Markdown
    from pymdownx.snippets import SnippetExtension, SnippetMissingError  # type: ignore[import-untyped]

    settings = {**options, "base_path": [str(project / p) for p in options.get("base_path", ["."])]}
    preprocessor = Markdown(extensions=[SnippetExtension(**settings)]).preprocessors["snippet"]

    def expand(page: Path) -> str:
        try:
            return "\n".join(preprocessor.run(page.read_text(encoding="utf-8").split("\n")))
        except SnippetMissingError as error:
            raise RenderError(Msg("render.snippet", page=str(page.relative_to(project)), error=str(error))) from None

    return expand


def _is_snippets(extension: Any) -> bool:
    """Whether an entry of ``markdown_extensions`` (a name, or a name with its options) is the includes'."""
    return extension == SNIPPETS or (isinstance(extension, dict) and SNIPPETS in extension)


def _config_text(build: LanguageBuild, config: dict[str, Any], nav: Any) -> str:
    """The config of one language for a builder without hooks: the project's, with what the hook would set
    (the agency's name, description, address, footer, logo), without the hook and our theme templates."""
    lang, site = build.lang, build.identity
    # Our templates need the hook: Material's, with our Vietnamese strings. Zensical's "classic" variant is the
    # look our stylesheet is made for (its default, "modern", drops the header's colours); Material ignores it.
    theme = {**config["theme"], "custom_dir": "theme", "variant": "classic"}
    if site.logo:
        theme["logo"] = site.logo
    extra = {key: value for key, value in config.get("extra", {}).items() if key not in ("procedures", "alternate")}
    # Material's own language switch: to the home page of each language, relative so that any host and prefix work.
    up = "../" * paths.SITE_ROOTS[lang].count("/")
    extra["alternate"] = [
        {"name": language["name"], "link": (up + paths.SITE_ROOTS[language["lang"]]) or "./", "lang": language["lang"]}
        for language in config.get("extra", {}).get("languages", [])
    ]
    written = {
        "site_name": str(site.name),
        "site_description": str(site.description),
        **({"site_url": site.url} if site.url else {}),
        "copyright": str(site.footer),
        "docs_dir": lang,
        "site_dir": ("site/" + paths.SITE_ROOTS[lang]).rstrip("/"),
        "use_directory_urls": config.get("use_directory_urls", True),
        "strict": config.get("strict", False),
        "theme": theme,
        "extra_css": config.get("extra_css", []),
        "extra_javascript": config.get("extra_javascript", []),
        "plugins": config.get("plugins", []),
        "markdown_extensions": [e for e in config.get("markdown_extensions", []) if not _is_snippets(e)],
        "validation": config.get("validation", {}),
        "extra": extra,
        "nav": nav,
    }
    head = (
        "# Written by `procsite render` from the project's config, for a site builder without hooks; the next\n"
        "# render replaces it. Build the Vietnamese site first: a build empties site/, site/en/ included.\n"
    )
    return head + yaml.safe_dump(written, allow_unicode=True, sort_keys=False, width=120)


def _copy(source: Path, target: Path, expand: Expand | None) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if expand is not None and source.suffix == ".md":
        target.write_text(expand(source), encoding="utf-8")
    else:
        shutil.copyfile(source, target)


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
