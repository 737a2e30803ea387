"""Core of the procedure site: load, validate and render ISO procedures.

Nothing in this package imports MkDocs; the MkDocs hooks in ``hooks/`` wire it
to MkDocs events, and ``python -m procsite`` runs it as a plain build step.
"""

LANGUAGES = ("vi", "en")
"""Site languages, the first one is the default and is published at ``/``."""
