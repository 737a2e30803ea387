"""Stage 5, the site: ``build`` prepares a language for the MkDocs hook; ``folder`` publishes a build
whole or not at all; ``serve`` and ``preview/`` are the live preview; ``publish`` and ``csp`` copy a
site to its server with its security policy; ``mkdocs_log`` turns MkDocs' log into our report."""
