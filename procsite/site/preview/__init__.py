"""The live preview of ``procsite serve``: after a save, only the pages the change touches are built again.

Stages, earlier to later: ``changes`` (which generated pages a change of the catalog touches; knows
procedures, not MkDocs), ``site`` (one language kept loaded in MkDocs, built whole or page by page),
``panel`` (the problems of the last save, shown over every page) and ``server`` (live reload, both
languages, the panel). ``procsite/site/serve.py`` puts them together.
"""
