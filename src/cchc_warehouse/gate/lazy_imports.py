"""Deferred imports of what Great Expectations imports but the gate never runs.

GX 1.x imports scipy.stats (for its KL-divergence and KS-test expectations) and altair (for their charts) when
it is imported, about a third of its import time. The gate uses neither: their modules are created lazily
(importlib.util.LazyLoader) and executed only if something reads an attribute of them, so a process that only
validates never pays for them, and one that does use them gets the real modules.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import sys

DEFERRED = frozenset({"scipy.stats", "altair"})


class _DeferredFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname not in DEFERRED:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return None
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def install() -> None:
    """Defer DEFERRED's modules in this process (idempotent; modules already imported stay as they are)."""
    if not any(isinstance(f, _DeferredFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _DeferredFinder())
