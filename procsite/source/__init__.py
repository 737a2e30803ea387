"""Stage 1, read and check the sources: the procedures folder as staff keep it.

``files`` walks the folder and reads only regular files inside it; ``yamlsrc``/``yamlparse`` read YAML into
nodes that keep their lines; ``spec``, ``scalars``, ``texts`` and ``format`` say what each key may hold
(``schema`` publishes it as JSON Schema); ``references`` checks ids where they are written; ``checks`` looks
across files; ``loader`` puts it together into a ``model.catalog.Catalog`` and a report of problems.
``canonical`` and ``fix`` keep texts in NFC without Word paste; ``body`` is the Markdown dialect of bodies.
"""
