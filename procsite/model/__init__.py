"""Stage 2, the model: checked procedures and registers as plain data (``procedure``), the whole agency
(``catalog``), and working days (``workdays``). Nothing here reads files or writes pages."""
