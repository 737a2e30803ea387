"""Stage 4, search: ``index`` writes the index the browser reads; ``everyday`` holds the everyday names of
procedures; ``browser/`` is the engine and client that run in the page."""
