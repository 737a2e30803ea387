"""Keep generated HTML out of the Markdown parser.

Generated pages are mostly HTML (tables, lists, the flow diagram) that Python-Markdown
and MkDocs would parse again, HTML parser and all, for nothing: at 2,000 procedures
that was half of the build. ``extract_html_blocks`` leaves a comment in their place;
the site builder puts the blocks back into the converted page (``restore_html_blocks``).

They also keep staff-written text away from the Markdown parser, where ``{: #id }`` would become
an attribute and ``*x*`` emphasis (templating.py). A heading block, ``<h1 id="…">…</h1>``, stays a
Markdown heading whose text is the placeholder: the table of contents still starts at the page's
h1, Material's skip link still goes there, and the toc extension adds its permalink.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator, MutableMapping

_OPEN = re.compile(r"<([a-z][a-z0-9]*)\b")
_HEADING = re.compile(r'<h([1-6]) id="([a-z0-9-]+(?:_[0-9]+)?|_[0-9]+)">(.*)</h\1>', re.DOTALL)
"""A heading of ours: its id (written into a Markdown line) holds no character that Markdown reads."""


def extract_html_blocks(markdown: str, key: str) -> tuple[str, dict[str, str]]:
    """Replace each top-level HTML block (a paragraph that starts with a tag) with a placeholder comment.

    The page's front matter is not part of its first paragraph: a page's h1, written as HTML right
    under it, is a block too (templating.py: no staff text is left to the Markdown parser)."""
    front = ""
    if markdown.startswith("---\n") and (end := markdown.find("\n---\n", 3)) != -1:
        front, markdown = markdown[: end + 5], markdown[end + 5 :]
    chunks = markdown.split("\n\n")
    out: list[str] = []
    blocks: dict[str, str] = {}
    i = 0
    while i < len(chunks):
        chunk = chunks[i]
        match = _OPEN.match(chunk)
        if match is None:
            out.append(chunk)
            i += 1
            continue
        placeholder = f"<!--procsite:{key}:{len(blocks)}-->"
        heading = _HEADING.fullmatch(chunk)
        if heading is not None:
            level, heading_id, blocks[placeholder] = heading.groups()
            out.append(f"{'#' * int(level)} {placeholder} {{: #{heading_id} }}")
            i += 1
            continue
        tag = match.group(1)
        block = [chunk]
        # A block ends where its outer tag closes (a <pre> inside may hold blank lines).
        while _depth("\n\n".join(block), tag) > 0 and i + 1 < len(chunks):
            i += 1
            block.append(chunks[i])
        blocks[placeholder] = "\n\n".join(block)
        out.append(placeholder)
        i += 1
    return front + "\n\n".join(out), blocks


def _depth(html: str, tag: str) -> int:
    return len(re.findall(rf"<{tag}\b", html)) - html.count(f"</{tag}>")


def restore_html_blocks(html: str, blocks: dict[str, str]) -> str:
    """Put the blocks back in place of their placeholders in the converted page."""
    for placeholder, block in blocks.items():
        html = html.replace(placeholder, block, 1)
    return html


class PageBlocks(MutableMapping[str, dict[str, str]]):
    """Per generated page, its HTML blocks, kept compressed until the page is built.

    The blocks are most of a site's generated text (165 MB for 6,000 procedures in one language, as
    Python strings), and a builder needs one page's at a time: each page's are stored as UTF-8 JSON,
    deflated (a tenth of the size), and made again when asked for."""

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}

    def __getitem__(self, page: str) -> dict[str, str]:
        unpacked: dict[str, str] = json.loads(zlib.decompress(self._packed[page]))
        return unpacked

    def __setitem__(self, page: str, blocks: dict[str, str]) -> None:
        self._packed[page] = zlib.compress(json.dumps(blocks, ensure_ascii=False).encode("utf-8"), 1)

    def __delitem__(self, page: str) -> None:
        del self._packed[page]

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)
