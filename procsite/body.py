"""Staff-written Markdown bodies, converted to safe HTML by the core.

Raw HTML is shown as text and links may only go to web, mail or phone addresses or to
pages of the site, so that nothing pasted into a procedure can run in a citizen's browser.
"""

from __future__ import annotations

import re

import markdown
from markupsafe import Markup

_SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#|\.{0,2}/|[A-Za-z0-9_-][^:]*$)", re.I)
_HREF = re.compile(r'(<a\b[^>]*?\shref|<img\b[^>]*?\ssrc)="([^"]*)"')


def render_body(text: str) -> Markup:
    """Markdown to HTML with raw HTML escaped and unsafe link targets removed."""
    if not text:
        return Markup("")
    converter = markdown.Markdown(extensions=["tables", "sane_lists", "smarty"], output_format="html")
    html = converter.convert(text.replace("&", "&amp;").replace("<", "&lt;"))
    html = html.replace("&amp;amp;", "&amp;")
    return Markup(_HREF.sub(_check_link, html))


def _check_link(match: re.Match[str]) -> str:
    url = match.group(2)
    return match.group(0) if _SAFE_LINK.match(url.strip()) else f'{match.group(1)}=""'
