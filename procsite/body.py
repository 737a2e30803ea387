"""Staff-written Markdown bodies, converted to safe HTML by the core.

Raw HTML is shown as text; links may only go to web, mail or phone addresses or to pages
of the site, and pictures only to files of the site, so that nothing pasted into a procedure
can run in a citizen's browser or make it load anything from another host.
"""

from __future__ import annotations

import html
import re

import markdown
from markupsafe import Markup

_SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#|\.{0,2}/|[A-Za-z0-9_-][^:]*$)", re.I)
_SITE_FILE = re.compile(r"^(?!//)(\.{0,2}/|[A-Za-z0-9_-][^:]*$)")
_HREF = re.compile(r'(<a\b[^>]*?\shref|<img\b[^>]*?\ssrc)="([^"]*)"')
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")


def render_body(text: str) -> Markup:
    """Markdown to HTML with raw HTML escaped and unsafe link and picture addresses removed."""
    if not text:
        return Markup("")
    converter = markdown.Markdown(extensions=["tables", "sane_lists", "smarty"], output_format="html")
    html_text = converter.convert(text.replace("&", "&amp;").replace("<", "&lt;"))
    html_text = html_text.replace("&amp;amp;", "&amp;")
    return Markup(_HREF.sub(_check_link, html_text))


def browser_target(url: str) -> str:
    """The address a browser follows for an attribute value: character references decoded, tabs,
    newlines and spaces dropped, "\\" read as "/" (so "/\\host" is "//host", another host)."""
    return _IGNORED_IN_URLS.sub("", html.unescape(url)).replace("\\", "/")


def _check_link(match: re.Match[str]) -> str:
    target = browser_target(match.group(2))
    safe = _SITE_FILE if match.group(1).startswith("<img") else _SAFE_LINK
    return match.group(0) if safe.match(target) else f'{match.group(1)}=""'
