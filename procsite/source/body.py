"""Staff-written Markdown bodies, converted to safe HTML by the core.

Raw HTML is shown as text; links may only go to web, mail or phone addresses or to pages
of the site, and pictures only to files of the site, so that nothing pasted into a procedure
can run in a citizen's browser or make it load anything from another host.

The converter is markdown-it-py (CommonMark), whose parsing time grows linearly with the
body and whose nesting is bounded: Python-Markdown took 47 s on 20,000 "[" and overflowed
the stack on a line of 500 list markers. tests/test_body.py and bench/body.py hold the
pathological inputs.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.rules_block import StateBlock, table
from markdown_it.rules_core import StateCore
from markdown_it.rules_core.smartquotes import process_inlines
from markupsafe import Markup

MAX_BLOCK_NESTING = 50
"""Lists and quotes nested deeper than this end the body there (markdown-it drops the rest): far beyond
what anyone writes, and the parser's recursion stays well within Python's limit."""
MAX_INLINE_NESTING = 10
"""Links and pictures nested deeper than this are shown as text: the parser's time per "[" grows with
this bound (markdown-it's CommonMark default of 20 costs half as much again on a run of "![")."""
MAX_QUOTES = 100
"""A paragraph with more quote marks keeps them straight: pairing them costs the square of their number."""
MAX_TABLE_CELLS = 5000
"""Table cells in one body; a table beyond them is shown as text. Rows shorter than the header are
filled with empty cells, so without this a line of two characters ("|" and a newline) makes a row."""

_SAFE_LINK = re.compile(r"^(https?:|mailto:|tel:|#|\.{0,2}/|[A-Za-z0-9_-][^:]*$)", re.I)
_SITE_FILE = re.compile(r"^(?!//)(\.{0,2}/|[A-Za-z0-9_-][^:]*$)")
_HREF = re.compile(r'(<a\b[^>]*?\shref|<img\b[^>]*?\ssrc)="([^"]*)"')
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")
# Python-Markdown's "smarty" punctuation, which staff bodies were written for; markdown-it's own
# "replacements" would also turn "(c)", a list label in Vietnamese texts, into "©".
_PUNCTUATION = re.compile(r"(?<!-)---(?!-)|(?<!-)--(?!-)|(?<!\.)\.\.\.(?!\.)|<<|>>")
_PUNCTUATION_CHARS = {"---": "—", "--": "–", "...": "…", "<<": "«", ">>": "»"}


def render_body(text: str) -> Markup:
    """Markdown to HTML with raw HTML escaped and unsafe link and picture addresses removed."""
    if not text:
        return Markup("")
    return Markup(_HREF.sub(_check_link, _converter().render(text).rstrip("\n")))


def body_targets(text: str) -> list[tuple[str, str]]:
    """Every link and picture of a body as written, before the address policy: ("a" or "img", address)."""
    if not text:
        return []
    return [(tag, html.unescape(target)) for tag, target in _TARGETS.findall(_converter().render(text))]


_TARGETS = re.compile(r'<(a|img)\b[^>]*?\s(?:href|src)="([^"]*)"')


def browser_target(url: str) -> str:
    """The address a browser follows for an attribute value: character references decoded, tabs,
    newlines and spaces dropped, "\\" read as "/" (so "/\\host" is "//host", another host)."""
    return _IGNORED_IN_URLS.sub("", html.unescape(url)).replace("\\", "/")


def _converter() -> MarkdownIt:
    """CommonMark with tables and typographic quotes and dashes, raw HTML disabled (shown as text).

    Every link is parsed as one (validateLink accepts all): its address is judged afterwards on
    the HTML, as a browser reads it, and emptied when unsafe.
    """
    md = MarkdownIt(
        "commonmark", {"html": False, "xhtmlOut": False, "typographer": True, "maxNesting": MAX_BLOCK_NESTING}
    )
    md.enable(["table", "smartquotes"])
    md.core.ruler.before("block", "block_nesting", lambda state: _nest(state, MAX_BLOCK_NESTING))
    md.core.ruler.before("inline", "inline_nesting", lambda state: _nest(state, MAX_INLINE_NESTING))
    md.block.ruler.at("table", _table, {"alt": ["paragraph", "reference"]})
    md.core.ruler.at("smartquotes", _smartquotes)
    md.core.ruler.after("smartquotes", "punctuation", _punctuation)
    md.normalizeLink = lambda url: normalizeLink(url.replace("\\", "/"))  # type: ignore[method-assign]
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    return md


def _nest(state: StateCore, depth: int) -> None:
    """Set the nesting bound of the parsing stage that follows (markdown-it has one for both)."""
    state.md.options.maxNesting = depth


def _table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """markdown-it's table, with as many rows as MAX_TABLE_CELLS has left for its width."""
    delimiter = start_line + 1
    if delimiter >= end_line:
        return False
    columns = state.src.count("|", state.bMarks[delimiter], state.eMarks[delimiter]) + 1  # at least
    rows = (MAX_TABLE_CELLS - state.env.get("table_cells", 0)) // columns
    if rows < 2 or not table(state, start_line, min(end_line, start_line + rows), silent):
        return False
    if not silent:
        state.env["table_cells"] = state.env.get("table_cells", 0) + (state.line - start_line) * columns
    return True


def _smartquotes(state: StateCore) -> None:
    """markdown-it's typographic quotes, in each paragraph with at most MAX_QUOTES quote marks."""
    for token in state.tokens:
        if token.type == "inline" and token.children:
            quotes = token.content.count('"') + token.content.count("'")
            if 0 < quotes <= MAX_QUOTES:
                process_inlines(token.children, state)


def _punctuation(state: StateCore) -> None:
    """Python-Markdown's "smarty" dashes, ellipsis and angle quotes, in text outside code and autolinks."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        in_autolink = False
        for token in block.children:
            if token.type == "link_open" and token.info == "auto":
                in_autolink = True
            elif token.type == "link_close" and token.info == "auto":
                in_autolink = False
            elif token.type == "text" and not in_autolink:
                token.content = _PUNCTUATION.sub(lambda m: _PUNCTUATION_CHARS[m.group(0)], token.content)


def _check_link(match: re.Match[str]) -> str:
    target = browser_target(match.group(2))
    safe = _SITE_FILE if match.group(1).startswith("<img") else _SAFE_LINK
    return match.group(0) if safe.match(target) else f'{match.group(1)}=""'
