"""The panel the preview shows over every page while the last save has problems.

The preview server adds it to each page it serves (never to a built site), with a stylesheet of
its own from the same server: no script, nothing from another host. It says why the page is not
up to date, in the staff's language, and lists the problems as ``procsite check`` prints them.
"""

from __future__ import annotations

import html

from procsite.messages import Msg

STYLESHEET_URL = "/_procsite/preview.css"
"""Where the preview server serves ``STYLESHEET``: outside both sites' addresses."""

STYLESHEET = """\
.procsite-preview-panel {
  position: fixed; inset: auto 1rem 1rem 1rem; z-index: 10000; max-height: 60vh; overflow: auto;
  padding: 1rem 1.25rem; border: 3px solid #b00020; border-radius: 6px;
  background: #fff4f4; color: #1a1a1a; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.3);
  font: 16px/1.5 system-ui, sans-serif;
}
.procsite-preview-panel p { margin: 0 0 0.5rem; font-weight: 700; color: #8a0018; }
.procsite-preview-panel pre {
  margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.45 ui-monospace, monospace;
}
@media print { .procsite-preview-panel { display: none; } }
"""


def panel_html(headline: Msg, lines: str, lang: str) -> str:
    """The panel: ``headline`` worded in ``lang``, then ``lines`` (the problems) as written."""
    return (
        f'<link rel="stylesheet" href="{STYLESHEET_URL}">'
        f'<aside class="procsite-preview-panel" id="procsite-preview-panel" role="alert" lang="{lang}" '
        f'aria-label="{html.escape(Msg("preview.panel").render(lang))}">'
        f"<p>{html.escape(headline.render(lang))}</p><pre>{html.escape(lines)}</pre></aside>"
    )


def with_panel(page: bytes, panel: str) -> bytes:
    """An HTML page with ``panel`` first in its body, where keyboard and screen reader users meet it first."""
    start = page.find(b"<body")
    end = page.find(b">", start) + 1 if start != -1 else 0
    return page[:end] + panel.encode("utf-8") + page[end:]
