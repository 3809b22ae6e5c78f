"""The project's bytecode, written once so that one-shot commands start from it.

An editable install has no bytecode, and with PYTHONDONTWRITEBYTECODE set Python never writes any: every
`interview-bot ask` would compile ~140 modules again (60 ms of its start). The first run, which builds
the database anyway, compiles them as pip compiles an installed package; files already compiled are
skipped, and a read-only install is left as it is."""

from __future__ import annotations

import compileall
import contextlib
import importlib.util
from pathlib import Path

PACKAGES = ("bot", "retrieval", "corpus")


def write_bytecode() -> None:
    for name in PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            with contextlib.suppress(OSError):
                compileall.compile_dir(Path(folder), quiet=2, workers=1)
