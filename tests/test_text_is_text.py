"""Staff texts are text everywhere: no title, name or register value passes through a Markdown or attribute parser.

Texts may hold any character but HTML markup and ``javascript:`` (the checker refuses those). What is left
is still Markdown to Python-Markdown: ``{: #__config }`` or ``{ onfocus=… }`` would become attributes,
``![p](…)`` a picture from another host, ``*em*`` emphasis and ``&amp;`` an ampersand. This builds a site
whose every text, in the procedures and in every register, is one of those payloads, and checks that each
is shown exactly as written: in the built HTML, and in Chromium (the page title and header included).
"""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, Page, Route

from procsite import paths
from procsite.problems import Report
from procsite.site.build import prepare
from procsite.source.loader import load_catalog
from procsite.source.spec import Context
from procsite.source.texts import TextSpec
from procsite.source.yamlsrc import Scalar
from tests.browser import serve
from tests.conftest import MINIMAL, build_site
from tests.test_xss import PAYLOADS as OWASP


def _refused(text: str) -> bool:
    """Whether the checker refuses ``text`` as the value of a text key."""
    report = Report()
    TextSpec().parse(Scalar(text, text, 1), Context("x", report), "k")
    return bool(report)


MARKER = "xss.invalid"
"""Every payload that would load something loads it from this host: a request to it is a failure."""

PAYLOADS = [
    "Cấp { autofocus onfocus=alert(1) }",
    "{: #__config }",
    "![p](https://xss.invalid/p.png)",
    "[x](https://xss.invalid)",
    "*em* _u_ **b** `c`",
    "&amp; &lt;b&gt;",
    "\\*",
    "{#id .cls}",
    "<3 bạn",
    # The OWASP filter-evasion payloads of test_xss.py that the checker accepts as texts (the others hold
    # markup or "javascript:", and are refused: test_owasp_payloads_with_markup_are_refused_where_written).
    *(p for p in OWASP if "\n" not in p and not _refused(p)),
]
LAST = len(PAYLOADS) - 1
"""The texts of the last payload are written in Vietnamese only (English pages show them marked as such),
and its procedure is superseded by the first (the kiosk shows procedures in force only)."""

LANGUAGES = {"vi": "", "en": "en/"}
AGENCY = " · ".join(PAYLOADS)
"""The agency's name, address, parent and hours: every payload (agency.yml); the site's name is made from it."""
SITE_NAMES = {"vi": f"Thủ tục hành chính — {AGENCY}", "en": f"Administrative procedures — {AGENCY}"}
"""The site's name, as ``pages/identity.py`` makes it from the agency's name (no ``site_name`` key)."""
DESCRIPTIONS = {
    "vi": f"Các thủ tục hành chính của {AGENCY}: trình tự, thời hạn, giấy tờ, phí, lệ phí và căn cứ pháp lý, "
    "công khai cho người dân.",
    "en": f"The administrative procedures of {AGENCY}: steps, processing times, documents, fees and legal basis, "
    "public for citizens.",
}


def text(i: int) -> str:
    """Payload ``i`` as a source text (JSON is YAML: the payload needs no YAML quoting rules)."""
    if i == LAST:
        return json.dumps(PAYLOADS[i], ensure_ascii=False)
    return json.dumps({"vi": PAYLOADS[i], "en": PAYLOADS[i]}, ensure_ascii=False)


def code(i: int) -> str:
    return f"1.0001{i:02d}"


def procedure(i: int) -> str:
    """Procedure ``i``: every text of it is payload ``i``; it is the only procedure of field and unit ``i``."""
    n = len(PAYLOADS)
    status = f'status: superseded\nsuperseded_by: "{code(0)}"\nstatus_note: {text(i)}\n' if i == LAST else ""
    return f"""---
title: {text(i)}
code: "{code(i)}"
iso:
  code: QT-TT-{i:02d}
  issue: 2
  effective: 2025-07-01
  drafted_by: u{i}
  reviewed_by: u{i}
  approved_by: u{i}
  revisions:
    - {{issue: 1, date: 2023-03-15, change: {text(i)}, section: {text(i)}}}
    - {{issue: 2, date: 2025-07-01, change: {text(i)}}}
field: f{i}
level: commune
{status}performing_units: [u{i}]
competent_unit: u{i}
submit_at: {text(i)}
channels: [in_person, online]
processing_time:
  limit: 3 working_days
  note: {text(i)}
fees:
  - {{amount: 0, label: {text(i)}, exemptions: {text(i)}}}
  - {{amount: 50000, label: {text(i)}, channel: online}}
documents:
  - {{name: {text(i)}, form: form{i}, condition: {text(i)}}}
  - {{name: {text(i)}, action: show}}
steps:
  - {{action: {text(i)}, unit: u{i}, duration: 1 working_days, output: {text(i)}, form: form{i}}}
  - {{action: {text(i)}, unit: u{i}, duration: 1 working_days}}
timing_note: {text(i)}
conditions: [{text(i)}]
legal_basis:
  - {{number: {json.dumps(PAYLOADS[i], ensure_ascii=False)}, date: 2014-11-20, issuer: {text(i)}, title: {text(i)}}}
result: {text(i)}
applicants: {text(i)}
keywords: {{vi: [{json.dumps(PAYLOADS[i], ensure_ascii=False)}]}}
related: ["{code((i + 1) % n)}"]
---
Nộp hồ sơ tại Bộ phận Một cửa.
"""


@pytest.fixture(scope="module")
def payload_procedures(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal folder rewritten so that every text of every procedure and register is a payload."""
    folder = tmp_path_factory.mktemp("text") / "procedures"
    shutil.copytree(MINIMAL, folder)
    (folder / "ho-tich").rename(folder / "thu-tuc")
    for old in (folder / "thu-tuc").iterdir():
        old.unlink()
    n, everything = len(PAYLOADS), json.dumps(" · ".join(PAYLOADS), ensure_ascii=False)
    registers = {
        "units.yml": "".join(
            f"u{i}:\n  name: {text(i)}\n  description: {text(i)}\n" + (f"  part_of: u{i - 1}\n" if i else "")
            for i in range(n)
        ),
        "fields.yml": "".join(f"f{i}:\n  name: {text(i)}\n  description: {text(i)}\n" for i in range(n)),
        "forms.yml": "".join(
            f"form{i}:\n  title: {text(i)}\n  file: forms/to-khai.pdf\n"
            f"  number: {json.dumps(PAYLOADS[i], ensure_ascii=False)}\n"
            for i in range(n)
        ),
        "agency.yml": f"name: {everything}\naddress: {everything}\nparent: {everything}\nhours: {everything}\n"
        f"phone: {json.dumps('0277 ' + PAYLOADS[6])}\nemail: {json.dumps(PAYLOADS[4])}\n"
        f"featured: {json.dumps([code(i) for i in range(n)])}\n",
    }
    for name, source in registers.items():
        (folder / name).write_text(source, encoding="utf-8")
    for i in range(n):
        (folder / "thu-tuc" / f"p{i}.md").write_text(procedure(i), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def payload_site(payload_procedures: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("text") / "site"
    assert build_site(payload_procedures, site) == 0
    return site


def escaped(written: str) -> str:
    """A text as it must stand in the HTML: escaped once, and only once."""
    return html.escape(written, quote=False)


def vietnamese(text_html: str) -> str:
    """How an English page shows a text written in Vietnamese only."""
    return f'<span lang="vi">{text_html}</span> <small class="ps-untranslated">(not yet translated)</small>'


def shown(i: int, lang: str) -> str:
    """Text ``i`` as a page in ``lang`` shows it."""
    return vietnamese(escaped(PAYLOADS[i])) if i == LAST and lang == "en" else escaped(PAYLOADS[i])


def titled_pages() -> dict[str, int]:
    """Every page whose title is a staff text (its Markdown path), and the payload of that text."""
    pages = {}
    for i in range(len(PAYLOADS)):
        for path in (
            paths.procedure_page(f"p{i}"),
            paths.unit_page(f"u{i}"),
            paths.field_page(f"f{i}"),
            paths.kiosk_field_page(f"f{i}"),
        ):
            pages[path] = i
    return pages


def titled_urls() -> list[tuple[str, int, str]]:
    """Every page whose title is a staff text, in each language: (URL, payload, language)."""
    return [
        (root + paths.url_of(path), i, lang) for lang, root in LANGUAGES.items() for path, i in titled_pages().items()
    ]


def read(site: Path, url: str) -> str:
    """A built page, with quotes in text written as themselves (Jinja writes them &#34; and &#39;, which
    read the same), so that a text compares with ``escaped``: escaped once, for <, > and &."""
    page = (site / url / "index.html").read_text(encoding="utf-8")
    return page.replace("&#34;", '"').replace("&#39;", "'")


def test_no_staff_text_is_left_to_the_markdown_parser(payload_procedures: Path) -> None:
    """What MkDocs converts holds none of the texts, only placeholders of HTML blocks; the front
    matter's title is HTML to Material (its templates do not escape it), so it is written escaped."""
    titled = titled_pages()
    for lang in LANGUAGES:
        build = prepare(payload_procedures, lang)
        for path, markdown in build.pages.items():
            # The home page has no front matter: its title is the site's name.
            front, body = (
                markdown.removeprefix("---\n").split("\n---\n", 1) if markdown.startswith("---\n") else ("", markdown)
            )
            for written in PAYLOADS:
                assert written not in body and escaped(written) not in body, (lang, path, written)
            if path in titled:
                assert yaml.safe_load(front)["title"] == escaped(PAYLOADS[titled[path]]), (lang, path)
        assert len(set(titled) & set(build.pages)) == len(titled)
        # The page's h1 is a Markdown heading whose text is a placeholder: the table of contents starts there.
        heading = build.pages[paths.procedure_page("p1")].split("\n---\n", 1)[1].split("\n\n", 1)[0]
        assert re.fullmatch(r"# <!--procsite:[0-9]+:0--> \{: #config \}", heading), heading


def test_each_text_is_shown_exactly_as_written(payload_site: Path) -> None:
    for url, i, lang in titled_urls():
        page, e, site_name = read(payload_site, url), escaped(PAYLOADS[i]), escaped(SITE_NAMES[lang])
        heading = shown(i, lang) if url.startswith(LANGUAGES[lang] + "thu-tuc/") else e
        assert f'">{heading}<a class="headerlink" href="#' in page, url
        assert f"<title>{e} - {site_name}</title>" in page, url
        topic = page.split('data-md-component="header-topic">', 1)[1].split("</span>", 1)[0]
        assert topic.split('<span class="md-ellipsis">', 1)[1].strip() == e, url
    for lang, root in LANGUAGES.items():
        for i in range(len(PAYLOADS)):
            text = shown(i, lang)
            procedure = read(payload_site, f"{root}thu-tuc/p{i}")
            for fragment in (
                f"<td>{text}</td>",  # a step's action, the legal basis' title and issuer, a revision
                f"<td>{escaped(PAYLOADS[i])}</td>",  # the legal basis' number
                f"<dd>{text}</dd>",  # result, applicants, where to submit
                f"<small>{text}</small>",  # processing-time note, document condition, timing note
                f'<span class="ps-checklist__name">{text}</span>',
                f" — {text}",  # a fee's label
                f"<li>{text}</li>",  # a condition
                f'<div class="ps-flow__lane ps-lane-1">{text}</div>',
                f"</span> {text}<span",  # a box of the flow diagram
                f">{text}</a>",  # units, the field, forms
            ):
                assert fragment in procedure, (root, i, fragment)
            assert procedure.count(text) >= 25, (root, i)
            unit = read(payload_site, f"{root}don-vi/u{i}")
            assert f"<p>{text}</p>" in unit and f"<td>{text}</td>" in unit
            if i:
                assert f">{shown(i - 1, lang)}</a></p>" in unit  # part of
            assert f"<p>{text}</p>" in read(payload_site, f"{root}linh-vuc/f{i}")
            if i != LAST:
                kiosk = read(payload_site, f"{root}kiosk/linh-vuc/f{i}")
                assert f'<span class="ps-kiosk-tile__title">{text}</span>' in kiosk
            assert f'<span class="ps-tile__title">{text}</span>' in read(payload_site, root)
            catalogue = read(payload_site, f"{root}thu-tuc")
            e = escaped(PAYLOADS[i])
            assert f'<option value="../linh-vuc/f{i}/" data-name="{e}">{e}</option>' in catalogue
            assert f'<a class="ps-chip" href="../linh-vuc/f{i}/">{text} <span' in catalogue
            assert f">{text}</a>" in read(payload_site, f"{root}don-vi")
        everything = " · ".join(escaped(p) for p in PAYLOADS)
        everything = vietnamese(everything) if lang == "en" else everything
        assert f"<dd>{everything}</dd>" in read(payload_site, root)  # the agency's address and hours
        assert f'<p class="ps-kiosk-intro">{everything}. ' in read(payload_site, f"{root}kiosk")


TEXT_ATTRIBUTES = {*SITE_NAMES.values(), *DESCRIPTIONS.values()}
"""Attribute values that are the site's name or description, which the pages show as text (tooltips, labels)."""


class _Markup(HTMLParser):
    """What a page's HTML makes of the payloads: attributes, elements and addresses they must not become."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.config = 0
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on") or name == "autofocus":
                self.found.append(f"<{tag} {name}>")
            # A field's name in the catalogue's select (what the filter matches the search index's records
            # with), and the site's name and description (title, aria-label, meta), as text.
            text_attribute = name == "data-name" or value in TEXT_ATTRIBUTES
            if MARKER in (value or "") and not text_attribute:
                self.found.append(f"<{tag} {name}={value}>")
        if values.get("id") == "__config":
            self.config += 1
            if (tag, values.get("type")) != ("script", "application/json"):
                self.found.append(f"<{tag} id=__config>")
        if values.get("id") == "id" or "cls" in (values.get("class") or "").split():
            self.found.append(f"<{tag} {attrs}>")
        if tag == "img" and values.get("alt") == "p":
            self.found.append("<img alt=p>")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]

    def handle_data(self, data: str) -> None:
        inside = self.open[-1] if self.open else ""
        if inside in ("em", "strong", "code") and data in ("em", "u", "b", "c"):
            self.found.append(f"<{inside}>{data}</{inside}>")
        if "& <b>" in data:  # the written "&amp; &lt;b&gt;" read as entities
            self.found.append(data)


def test_no_text_becomes_an_attribute_an_element_or_a_link(payload_site: Path) -> None:
    pages = sorted(payload_site.rglob("*.html"))
    assert len(pages) > 4 * len(PAYLOADS) * len(LANGUAGES)
    for path in pages:
        parser = _Markup()
        parser.feed(path.read_text(encoding="utf-8"))
        assert parser.found == [], path
        assert parser.config == 1, path


CONFIG_JS = """() => {
  const config = document.querySelector('#__config');
  return config && config.tagName === 'SCRIPT' ? Object.keys(JSON.parse(config.textContent)) : [];
}"""
HEADER_JS = "() => document.querySelector('[data-md-component=\"header-topic\"] .md-ellipsis').textContent.trim()"


@pytest.mark.browser
def test_no_text_runs_or_loads_anything_and_titles_show_as_written(payload_site: Path, browser: Browser) -> None:
    titles = {url: PAYLOADS[i] for url, i, _ in titled_urls()}
    urls = sorted(p.parent.relative_to(payload_site).as_posix() + "/" for p in payload_site.rglob("index.html"))
    urls = [url.removeprefix("./") for url in urls]
    assert set(titles) <= set(urls)
    found: list[str] = []  # dialogs, errors and requests to any other host
    with serve(payload_site) as base_url:
        page = _watched_page(browser, base_url, found)
        for url in urls:
            page.goto(base_url + url, wait_until="load")
            assert found == [], url
            assert {"base", "features", "search", "translations"} <= set(page.evaluate(CONFIG_JS)), url
            if url in titles:
                lang = "en" if url.startswith("en/") else "vi"
                # A browser shows a tab or a run of spaces as one space (document.title too).
                written = " ".join(titles[url].split())
                assert " ".join(page.title().split()) == " ".join(f"{written} - {SITE_NAMES[lang]}".split()), url
                assert " ".join(page.evaluate(HEADER_JS).split()) == written, url
        page.context.close()
        # Search shows the texts from its own index: as written, too. (In a new context: the kiosk
        # pages turned kiosk mode on for the first one's session, and the kiosk hides Material's search.)
        page = _watched_page(browser, base_url, found)
        page.goto(base_url, wait_until="load")
        box = page.locator(".md-search__input")
        for query, i in (("autofocus", 0), ("config", 1), ("em", 4), ("amp", 5), ("cls", 7), ("bạn", 8)):
            box.fill(query)
            box.press("End")
            page.locator(".md-search-result__item").first.wait_for()
            assert PAYLOADS[i] in page.locator(".md-search-result__item h1").all_inner_texts(), query
            assert found == [], query
        page.context.close()


def _watched_page(browser: Browser, base_url: str, found: list[str]) -> Page:
    """A page in a new context that notes in ``found`` every dialog, error and request to another host."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def refuse(route: Route) -> None:
        found.append(route.request.url)
        route.abort()

    context.route(f"**/{MARKER}/**", refuse)
    page = context.new_page()
    page.on("dialog", lambda dialog: (found.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda m: found.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: found.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((base_url, "data:")) else found.append(r.url))
    page.set_default_timeout(5000)
    return page


@pytest.mark.parametrize("payload", [p for p in OWASP if _refused(p)])
def test_owasp_payloads_with_markup_are_refused_where_written(
    payload: str, payload_procedures: Path, tmp_path: Path
) -> None:
    """Every OWASP payload the site does not show as text is refused at its line and key, in a procedure
    title and in a unit's name: it never reaches a page."""
    folder = tmp_path / "procedures"
    shutil.copytree(payload_procedures, folder)
    source = folder / "thu-tuc" / "p0.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace(f"title: {text(0)}", f"title: {text_of(payload)}", 1),
        encoding="utf-8",
    )
    units = folder / "units.yml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(f"u0:\n  name: {text(0)}", f"u0:\n  name: {text_of(payload)}"),
        encoding="utf-8",
    )
    problems = load_catalog(folder).report.text("en").splitlines()
    assert [line.split(": ", 2)[:2] for line in problems] == [
        ["procedures/thu-tuc/p0.md:2", "title, English (title.en)"],
        ["procedures/thu-tuc/p0.md:2", "title, Vietnamese (title.vi)"],
        ["procedures/units.yml:2", "name, English (u0.name.en)"],
        ["procedures/units.yml:2", "name, Vietnamese (u0.name.vi)"],
    ]
    assert all("expected plain text, but received:" in line for line in problems)


def text_of(payload: str) -> str:
    return json.dumps({"vi": payload, "en": payload}, ensure_ascii=False)
