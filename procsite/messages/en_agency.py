"""Messages of the agency stage in English: code → template (merged into the en catalogue).

The agency's identity in ``agency.yml`` (site name, description, address, logo, colours), its own
pages in ``pages/`` and ``procsite new``. Each code is also in ``vi_agency.py``, with the same values.
"""

from __future__ import annotations

MESSAGES: dict[str, str | tuple[str, str]] = {
    # What the new keys of agency.yml mean
    "doc.agency.site_name": "the site's name, in the browser's tab and the header (default: \"Administrative procedures — \" and the agency's name)",
    "doc.agency.site_description": "the site's short description for search engines (default: made from the agency's name)",
    "doc.agency.logo": "a PNG, JPEG or WebP logo file next to agency.yml, shown in the header",
    "doc.agency.primary_color": 'the site\'s main colour (header, links), as "#rrggbb"',
    "doc.agency.accent_color": 'the accent colour (links under the pointer, focus outlines), as "#rrggbb"',
    "what.color": 'a colour as "#rrggbb", in quotes',
    "what.logo": "the name of a PNG, JPEG or WebP file next to agency.yml",
    "what.site_url": 'a site address starting with https:// and ending with "/"',
    # Colours
    "agency.color_contrast": "expected a colour dark enough for white text on it and for text of this colour on white to read easily (contrast with white at least {limit}:1), but received: {received}, contrast {ratio}:1.",
    "agency.color_contrast.hint": 'Choose a darker colour, e.g. "{example}" (the same hue, just dark enough).',
    "agency.color_quotes.hint": 'A # without quotes starts a comment: write {key}: "#8e1b1b", or delete this line to use the default colour.',
    # Logo
    "agency.logo_svg": 'expected a PNG, JPEG or WebP picture, but received: the SVG file "{name}".',
    "agency.logo_svg.hint": "An SVG file can hold code that runs in the browser, so it is not published; export the logo as PNG (about 96 pixels high) and write logo: {png}.",
    "agency.logo_missing": 'expected the picture "{name}" in the folder {folder}/, next to agency.yml, but received: no such file.',
    "agency.logo_missing.hint": "Put the logo file next to agency.yml, or correct the file name here.",
    "agency.logo_empty": 'expected a picture with content, but received: "{name}", an empty file.',
    "agency.logo_empty.hint": "Save the logo again and copy it into the folder.",
    "agency.logo_too_big": "expected a logo of at most {limit} KB, but received: {size} KB.",
    "agency.logo_too_big.hint": "Make the picture smaller and save it again: the header shows the logo 24 pixels high, and a picture 96 pixels high is sharp enough.",
    "agency.logo_content": 'expected the content of a {kind} picture, as the file name says, but received: "{name}" is a {content} file.',
    "agency.logo_content.hint": "Open the picture in an image viewer and save it as {kind}, or correct the file name's ending to the picture's type.",
    "agency.logo_damaged": 'expected a readable {kind} picture, but received: "{name}", whose size cannot be read (a damaged file).',
    "agency.logo_pixels": "expected a logo of at most {limit} × {limit} pixels, but received: {width} × {height} pixels.",
    "agency.picture_unused.hint": "If this is the agency's logo, write logo: {name} in agency.yml (PNG, JPEG, WebP only); if not, delete it from the folder.",
    "agency.picture_svg.hint": "SVG files are not published, as they can hold code that runs in the browser; if this is the agency's logo, export it as PNG and write logo: {name} in agency.yml; if not, delete it from the folder.",
    # The agency's pages (the pages/ folder)
    "pages.not_markdown.hint": 'The pages/ folder holds only ".md" pages; pictures are not published from it.',
    "pages.language_folder": "expected a page in {folder}/vi/ (Vietnamese) or {folder}/en/ (English), but received: a file elsewhere.",
    "pages.language_folder.hint": "Move the file into pages/vi/ (or pages/en/ if it is the English version), at the same path in both folders.",
    "pages.bad_name": 'expected folder and file names of lowercase a-z, digits and single "-", but received: "{name}"{nfd}.',
    "pages.bad_name.hint": "Rename it \"{slug}.md\": the file's path is the page's address (/{slug}/).",
    "pages.reserved": 'expected an address not yet used, but received: "{folder}", an address the program uses for its own pages.',
    "pages.reserved.hint": 'Put the page in another folder, e.g. "gioi-thieu/"; these names are taken: thu-tuc, don-vi, linh-vuc, kiosk, bieu-mau, schema, search, assets, huong-dan, en.',
    "pages.orphan_english": 'expected the Vietnamese page "{vi}" for this English version, but received: no such page.',
    "pages.orphan_english.hint": "Every page is written in Vietnamese first, in pages/vi/; its English version has the same path in pages/en/.",
    "pages.empty": "expected the page's text, but received: an empty file.",
    "pages.front_matter": 'expected Markdown text, but received: a "---" line at the top of the page.',
    "pages.front_matter.hint": 'An agency page has no front matter: delete the "---" lines and what is between them; the page\'s name is its first "# …" line.',
    "pages.no_title": 'expected the page\'s name on the first line, starting with "# ", but received: {received}.',
    "pages.no_title.hint": 'Start the page with a line such as "# Quality policy"; the page\'s sections start with "## ".',
    "pages.second_title": 'expected a single page name "# …", on the first line, but received: a level-1 heading on this line.',
    "pages.second_title.hint": 'Use "## " for the page\'s sections, "### " for smaller ones.',
    "pages.link.hint": 'Link to another page by its address from this page, e.g. "thu-tuc/dang-ky-khai-sinh/" from the home page or "../muc-tieu/" from a quality page, to a section with "#" and its name, or write a full address.',
    # procsite new
    "new.written": 'Created the new agency folder {folder} ({count}). Next: replace the words in brackets "(…)" of agency.yml (name, address, site_url) and of the pages in pages/, then run: procsite check --procedures {folder}',
    "new.not_empty": "{folder}: expected a new or empty folder, but received: a folder that already holds {count}.",
    "new.not_empty.hint": "procsite new overwrites no file; choose another folder, e.g. {example}.",
    "new.not_folder": "{folder}: expected a folder, but received: a file.",
    "new.not_folder.hint": "Choose a name not yet used, e.g. {example}.",
    "new.failed": "{folder}: expected to create the folder and its files, but received: {reason}.",
    "new.failed.hint": "Check that you may write to the parent folder, or choose another folder.",
    "new.no_folder": "expected the new agency's folder, but received: nothing.",
    "new.no_folder.hint": "For example: procsite new ../xa-moi",
    "new.invalid": "the new folder has {count}, which should not happen; please tell the program's maintainers:",
    "help.command_new": "new: write a new agency folder (agency.yml, registers, pages, one example procedure) to start from",
    "help.first": "synth: how many procedures to write; new: the new agency's folder",
}
