"""The Content-Security-Policy of a built site, with the hashes of its inline scripts.

Material's pages carry small inline scripts (the colour palette, the search scope, which
differs with the page's depth); a policy without ``'unsafe-inline'`` must list their
SHA-256 hashes. They change with Material's version and the site's layout, so they are
read from the built HTML, never written by hand: ``nginx_snippet(site)`` is what a deploy
writes next to ``deploy/nginx.conf`` after each build.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^<>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_JAVASCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
"""Script types a browser runs; others (application/json data blocks) are not subject to script-src."""

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],  # Material's icons are data: SVGs in its CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'"],  # the search index
    "worker-src": ["'self'"],  # Material's search worker
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
"""Everything comes from the site itself: no web font, and nothing is loaded from another host."""


COPIED = {"bieu-mau"}
"""Folders of files copied from the procedures folder (forms), in every language."""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def inline_script_hashes(page: str) -> set[str]:
    """CSP hash sources of the inline scripts a browser would run in one HTML page."""
    hashes = set()
    for match in _SCRIPT.finditer(page):
        attributes, body = match.groups()
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind is not None and kind.group(1).lower() not in _JAVASCRIPT_TYPES):
            continue
        hashes.add(_sha256(body))
    return hashes


def style_attribute_hashes(page: str) -> set[str]:
    """CSP hash sources of the ``style="…"`` attributes of one page (Markdown's table alignment writes them)."""
    markup = _SCRIPT.sub("", page)
    return {_sha256(html.unescape(a if a is not None else b)) for a, b in _STYLE_ATTRIBUTE.findall(markup)}


def content_security_policy(site: Path) -> str:
    """The Content-Security-Policy header value for every page under ``site`` (all languages)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for path in sorted(site.rglob("*.html")):
        if COPIED & set(path.relative_to(site).parts[:2]):  # bieu-mau/… or en/bieu-mau/…
            continue  # a copied file's scripts are never trusted, whatever it is
        page = path.read_text(encoding="utf-8")
        scripts |= inline_script_hashes(page)
        styles |= style_attribute_hashes(page)
    policy = {name: list(sources) for name, sources in POLICY.items()}
    policy["script-src"] += sorted(scripts)
    if styles:
        # CSP level 3: 'unsafe-hashes' lets these exact style attributes apply, and no other.
        policy["style-src"] += ["'unsafe-hashes'", *sorted(styles)]
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def nginx_snippet(site: Path) -> str:
    """The ``add_header`` line that ``deploy/nginx.conf`` includes as ``csp.conf``."""
    return (
        f"# Generated from {site.name}/ by procsite.site.csp.nginx_snippet(); regenerate after every build.\n"
        f'add_header Content-Security-Policy "{content_security_policy(site)}" always;\n'
    )
