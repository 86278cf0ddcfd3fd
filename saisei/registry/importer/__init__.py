"""Importing the registry extracts (plans.csv, prices.csv); see service.import_registry."""

from .errors import ImportFailed, Problem, RowError, RowWarning
from .service import COUNT_KEYS, ImportReport, Progress, import_registry

__all__ = [
    "COUNT_KEYS",
    "ImportFailed",
    "ImportReport",
    "Problem",
    "Progress",
    "RowError",
    "RowWarning",
    "import_registry",
]
