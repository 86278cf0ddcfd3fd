import pytest


@pytest.fixture(autouse=True)
def _fresh_rates_cache():
    """Exchange rates are cached in the process; no test may see another's."""
    from saisei.lib.currency import clear_rates_cache

    clear_rates_cache()
    yield
    clear_rates_cache()
