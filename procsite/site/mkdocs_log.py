"""The warnings MkDocs and its plugins log during a build: kept, to report them and to fail the build."""

from __future__ import annotations

import logging
from typing import Any


class BuildWarnings(logging.Handler):
    """Collects the warnings logged under ``mkdocs`` while in use (``with BuildWarnings() as warnings``),
    which fail a build as ``--strict`` does. A build may run in another process: the messages travel back."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname} - {record.getMessage()}")

    LOGGERS = ("mkdocs", "properdocs")
    """MkDocs logs under "mkdocs", ProperDocs under "properdocs" (plugins and hooks under "mkdocs.plugins")."""

    def __enter__(self) -> BuildWarnings:
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *_: Any) -> None:
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)
