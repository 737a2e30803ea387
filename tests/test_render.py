"""``procsite render --out DIR``: the site as a plain folder of Markdown and files, built by plain MkDocs with
no hook and none of our templates, as a builder without hooks (Zensical) would build it."""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from procsite.cli import CONFIGS, main
from procsite.pages.i18n import format_fee_range
from procsite.site.build import prepare
from procsite.site.render import MARKER, RenderError, inline_html_blocks, render
from procsite.source.loader import load_catalog
from tests.conftest import ROOT, SAMPLE

HOSTILE = (
    "Cấp { autofocus onfocus=alert(1) } {: #__config } *em* _u_ `c` &amp; &lt;b&gt; <3 ![p](https://xss.invalid/p.png)"
)
"""A title of what Markdown would read as attributes, emphasis, code, an entity and a picture (test_text_is_text.py)."""
LANGS = {"vi": "", "en": "en/"}


def render_command(procedures: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``procsite render`` as staff run it, from the project's folder."""
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        status = main(["render", "--procedures", str(procedures), "--out", str(out), "--lang", "en"])
    finally:
        os.chdir(cwd)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def mkdocs_build(out: Path) -> None:
    """Build the rendered folder with plain MkDocs, strict, Vietnamese first as the configs say."""
    for lang in LANGS:
        done = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "-f", str(out / f"mkdocs.{lang}.yml")],
            cwd=out.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "WARNING" not in done.stderr, done.stderr


class Attributes(HTMLParser):
    """Every attribute of every tag of a page, as (name, value)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += attrs


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


@pytest.fixture(scope="module")
def rendered_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("render") / "rendered"
    render(SAMPLE, out, ROOT, CONFIGS)
    mkdocs_build(out)
    return out


def test_the_configs_run_no_hook_and_include_no_file(rendered_sample: Path) -> None:
    for lang in LANGS:
        config = yaml.safe_load((rendered_sample / f"mkdocs.{lang}.yml").read_text(encoding="utf-8"))
        assert "hooks" not in config and "INHERIT" not in config
        assert config["docs_dir"] == lang and config["theme"]["custom_dir"] == "theme"
        assert not any("snippets" in str(extension) for extension in config["markdown_extensions"])
        assert config["site_url"] == f"https://hoaan.dongthap.gov.vn/{LANGS[lang]}"
        assert "--8<--" not in "".join(p.read_text(encoding="utf-8") for p in (rendered_sample / lang).rglob("*.md"))


@pytest.mark.parametrize("lang", LANGS)
def test_plain_mkdocs_builds_every_procedure_page_with_its_name_steps_and_fee(rendered_sample: Path, lang: str) -> None:
    catalog = load_catalog(SAMPLE)
    site = rendered_sample / "site" / LANGS[lang]
    for p in catalog.procedures:
        page = (site / "thu-tuc" / p.slug / "index.html").read_text(encoding="utf-8")
        title = html.escape(p.title.get(lang), quote=False)
        assert re.search(rf'<h1 id="[a-z0-9_-]+">{re.escape(title)}</h1>', page), p.slug
        assert f"<title>{title} - " in page.replace("&#39;", "'"), p.slug
        steps = re.search(r'<table class="ps-steps">.*?<tbody>(.*?)</tbody>', page, re.S)
        assert steps, p.slug
        rows = re.findall(r"<tr>(.*?)</tr>", steps.group(1), re.S)
        assert [text_of(re.findall(r"<td>(.*?)</td>", row, re.S)[1]) for row in rows] == [
            step.action.get(lang) for step in p.steps
        ]
        summary = text_of(re.search(r'<section class="ps-summary[^"]*".*?</section>', page, re.S).group(0))
        assert format_fee_range(p.fees, lang) in summary, p.slug
    assert (site / "thu-tuc" / "index.html").is_file() and (site / "kiosk" / "index.html").is_file()
    assert (site / "huong-dan" / "index.html").is_file()  # the staff guide, its includes expanded
    assert (site / "bieu-mau" / "to-khai-dang-ky-khai-sinh.pdf").is_file()
    assert (site / "thay-doi.xml").is_file() and (site / "assets" / "agency" / "logo.png").is_file()
    assert (rendered_sample / "site" / "du-lieu" / "danh-muc.csv").is_file()  # open data: once, at the root
    for path, change in prepare(SAMPLE, lang).theme_files().items():  # in the agency's colours, as the hook makes it
        theirs = change((ROOT / "overrides" / path).read_text(encoding="utf-8"))
        assert (site / path).read_text(encoding="utf-8") == theirs, path


def test_every_html_block_reaches_the_page_untouched_by_markdown(rendered_sample: Path) -> None:
    """Python-Markdown, with the rendered config's extensions, passes every block through as it was: no staff
    text in it is read as Markdown. (A Markdown heading line that a template left inside a block, with no
    blank line before it, is converted: the hook's build shows it as written, "### … {: #revisions }".)"""
    config = yaml.safe_load((rendered_sample / "mkdocs.vi.yml").read_text(encoding="utf-8"))
    extensions = config["markdown_extensions"]
    names = [e if isinstance(e, str) else next(iter(e)) for e in extensions]
    options = {next(iter(e)): e[next(iter(e))] for e in extensions if isinstance(e, dict)}
    heading_line = re.compile(r"^#{1,6} .* \{: #[a-z0-9_-]+ \}$", re.M)
    for lang in LANGS:
        build = prepare(SAMPLE, lang)
        for path, page in build.pages.items():
            body = inline_html_blocks(page, build.blocks[path]).split("\n---\n", 1)[-1]
            converted = markdown.markdown(body, extensions=names, extension_configs=options)
            for block in build.blocks[path].values():
                for part in heading_line.split(block):
                    assert part.strip() in converted, (lang, path, part[:200])


def test_a_block_markdown_would_not_keep_is_wrapped_and_headings_become_html() -> None:
    page = "---\ntitle: x\n---\n# <!--procsite:0:0--> {: #t }\n\n<!--procsite:0:1-->\n\n<!--procsite:0:2-->"
    blocks = {
        "<!--procsite:0:0-->": "*a*",
        "<!--procsite:0:1-->": "<span>*b*</span>",
        "<!--procsite:0:2-->": "<p>c</p>",
    }
    assert inline_html_blocks(page, blocks) == (
        '---\ntitle: x\n---\n<h1 id="t">*a*</h1>\n\n<div>\n<span>*b*</span>\n</div>\n\n<p>c</p>'
    )
    assert "<em>" not in markdown.markdown(inline_html_blocks(page, blocks).split("\n---\n", 1)[1])


def test_a_hostile_title_stays_text_in_a_site_built_without_hooks(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = procedures / "ho-tich" / "khai-sinh.md"
    title = '{vi: "' + HOSTILE.replace('"', '\\"') + '", en: "' + HOSTILE.replace('"', '\\"') + '"}'
    source.write_text(
        source.read_text(encoding="utf-8").replace("{vi: Đăng ký khai sinh, en: Birth registration}", title),
        encoding="utf-8",
    )
    out = tmp_path / "rendered"
    status, said, err = render_command(procedures, out, capsys)
    assert status == 0, err
    assert f"mkdocs build -f {out / 'mkdocs.vi.yml'} && mkdocs build -f {out / 'mkdocs.en.yml'}" in said
    mkdocs_build(out)
    escaped = html.escape(HOSTILE, quote=False)
    for root in LANGS.values():
        page = (out / "site" / root / "thu-tuc" / "khai-sinh" / "index.html").read_text(encoding="utf-8")
        shown = page.replace("&#34;", '"').replace("&#39;", "'")
        assert re.search(rf'<h1 id="[a-z0-9_-]+">{re.escape(escaped)}</h1>', shown)
        assert f"<title>{escaped} - " in shown
        assert "<em>em</em>" not in page and "<code>c</code>" not in page and "<em>u</em>" not in page
        attributes = Attributes()
        attributes.feed(page)
        assert not {"autofocus", "onfocus"} & {name for name, _ in attributes.found}
        assert attributes.found.count(("id", "__config")) == 1  # Material's own, which the payload would shadow
        assert not [value for _, value in attributes.found if value and "xss.invalid" in value]


def test_render_refuses_a_folder_of_other_files_and_replaces_its_own(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    status, _, err = render_command(procedures, other, capsys)
    assert status == 1
    assert err == (
        f"render: expected an empty folder or one procsite render wrote (with its .procsite-render marker), but "
        f"received: a folder with other files ({other}). Choose another --out folder; nothing was deleted.\n"
    )
    assert (other / "keep.txt").read_text(encoding="utf-8") == "mine"
    status, _, err = render_command(procedures, procedures / "out", capsys)
    assert status == 1 and "a folder inside the procedures folder" in err
    out = tmp_path / "rendered"
    assert render_command(procedures, out, capsys)[0] == 0
    (out / "vi" / "stale.md").write_text("left from before", encoding="utf-8")
    assert render_command(procedures, out, capsys)[0] == 0
    assert (out / MARKER).is_file() and not (out / "vi" / "stale.md").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left


def test_render_needs_a_folder_said_in_both_languages(procedures: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["render", "--procedures", str(procedures)]) == 1
        vietnamese = capsys.readouterr().err
        assert main(["render", "--procedures", str(procedures), "--lang", "en"]) == 1
        english = capsys.readouterr().err
    finally:
        os.chdir(cwd)
    assert vietnamese.startswith("render: cần nơi ghi ra (--out THƯ_MỤC), nhưng nhận được: để trống.")
    assert english.startswith("render: expected where to write (--out FOLDER), but received: nothing.")


def project_copy(tmp_path: Path, pages: dict[str, str]) -> Path:
    """The project's configs and theme with a guide of ``pages`` (path under docs/ → text) only."""
    project = tmp_path / "project"
    project.mkdir()
    for config in CONFIGS.values():
        shutil.copy(ROOT / config, project / config)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    for lang in LANGS:
        (project / "docs" / lang).mkdir(parents=True)
    for path, text in pages.items():
        (project / "docs" / path).write_text(text, encoding="utf-8")
    return project


def test_an_untranslated_guide_page_shows_the_vietnamese_one_with_the_note(procedures: Path, tmp_path: Path) -> None:
    project = project_copy(tmp_path, {"vi/chi-tieng-viet.md": "# Chỉ có tiếng Việt\n\nNội dung.\n"})
    render(procedures, tmp_path / "rendered", project, CONFIGS)
    english = (tmp_path / "rendered" / "en" / "chi-tieng-viet.md").read_text(encoding="utf-8")
    assert english == (
        "---\nuntranslated_from: vi\n---\n"
        '<div class="admonition note ps-untranslated-page"><p>This page is not yet translated into English; it is '
        "shown in Vietnamese.</p></div>\n\n# Chỉ có tiếng Việt\n\nNội dung.\n"
    )
    nav = yaml.safe_load((tmp_path / "rendered" / "mkdocs.vi.yml").read_text(encoding="utf-8"))["nav"]
    assert "huong-dan/index.md" not in str(nav) and "thu-tuc/index.md" in str(nav)  # pages that exist only


def test_a_missing_include_names_the_page_and_stops_before_writing(procedures: Path, tmp_path: Path) -> None:
    project = project_copy(tmp_path, {"vi/trang.md": '# Trang\n\n--8<-- "khong-co.txt"\n'})
    out = tmp_path / "rendered"
    with pytest.raises(RenderError) as raised:
        render(procedures, out, project, CONFIGS)
    message = raised.value.message.render("en")
    assert message.startswith("docs/vi/trang.md: expected a file to include (--8<--), but received: ")
    assert message.endswith(". Correct the path on that line, or add the file.")
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["procedures", "project"]


def test_a_folder_that_cannot_be_written_is_said_without_a_traceback(
    procedures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "rendered").write_text("", encoding="utf-8")  # a file where render needs a folder's parent
    out = locked / "rendered" / "out"
    status, _, err = render_command(procedures, out, capsys)
    assert status == 1
    assert err.startswith("render: expected a folder that can be written, but received: ")
    assert err.endswith(f"Check the folder's rights and the free space; {out} was left as it was.\n")
