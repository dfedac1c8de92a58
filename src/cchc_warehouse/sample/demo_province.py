"""The demo province (Lai Châu) as the sample generators see it: its units below the province."""

from __future__ import annotations

from cchc_warehouse.sample.simulate import demo_units

_REGISTRY = [u for u in demo_units() if u.level != "province"]
UNITS = [u.code for u in _REGISTRY]
UNIT_NAMES = {u.code: u.name for u in _REGISTRY}
DEPARTMENTS = [u.code for u in _REGISTRY if u.level == "department"]
DISTRICTS = [u.code for u in _REGISTRY if u.level == "district"]


def thousands(n: int, sep: str) -> str:
    """1234 -> '1.234' with sep '.'."""
    return f"{n:,}".replace(",", sep)


def decimal_text(v: float) -> str:
    """Points as people write them: 8.5 -> '8,5', 10.0 -> '10'."""
    return f"{v:.2f}".rstrip("0").rstrip(".").replace(".", ",")
