"""Modules imported on first use, to keep start-up short.

The window needs the services (and through them SQLAlchemy, about half a second of imports) only
once the user acts: a module named with :func:`lazy_import` is imported the first time one of
its attributes is read, through the normal import machinery (thread-safe, unlike
``importlib.util.LazyLoader`` on Python 3.11), so the services can be used from worker threads.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
from typing import Any


class _Deferred:
    """Stands for a module until an attribute of it is read; then imports it and hands over."""

    def __init__(self, name: str) -> None:
        self.__dict__["_name"] = name

    def __getattr__(self, attr: str) -> Any:
        module = self.__dict__.get("_module")
        if module is None:
            module = importlib.import_module(self.__dict__["_name"])
            self.__dict__["_module"] = module
        return getattr(module, attr)

    def __repr__(self) -> str:
        return f"<module {self.__dict__['_name']!r}, imported on first use>"


def lazy_import(name: str) -> ModuleType:
    """The module ``name``, imported only when one of its attributes is first read."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    deferred: Any = _Deferred(name)
    return deferred  # type: ignore[no-any-return]
