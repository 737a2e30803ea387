"""Stage 3, render pages: where a procedure becomes a page.

``render`` makes every generated page of one language from the catalog; ``procedure_page`` computes what a
procedure page shows and ``templates/`` displays it (Jinja, through ``templating``); ``kiosk`` makes the
touch pages; ``i18n``/``strings`` hold the interface texts and number, date and money formats; ``blocks``
keeps generated HTML out of the Markdown parser.
"""
