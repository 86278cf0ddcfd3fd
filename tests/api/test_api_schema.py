"""Property-based tests of the JSON API against its own OpenAPI schema (schemathesis)."""

from decimal import Decimal, InvalidOperation

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tests.factories import make_facility, make_rates

# Serving the schema needs no database; the calls below run inside each test's transaction.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Calling the WSGI app directly sends request_started/finished, whose handler closes a
    connection that is inside the test's transaction (PostgreSQL: "the connection is closed").
    Django's test client disconnects it the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def clinic(db):
    make_rates()
    return make_facility(
        slug="test-clinic",
        plans=[{"modality": "prp", "prices": [{"amount_jpy": 50_000}]}, {"cultured": True}],
    )


def _number(value: object) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


@schema.parametrize()
# Derandomised so that CI is repeatable; to explore new inputs, run it by hand with
# derandomize=False a few times (that is how the NUL-character case was found).
@settings(
    max_examples=40,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_schema_and_no_input_gives_a_500(case, clinic):
    """Any parameters, valid or not: a documented status, a body that matches its schema."""
    query = case.query or {}
    low, high = _number(query.get("price_min")), _number(query.get("price_max"))
    if low is not None and high is not None and low > high:
        # A rule across two parameters, which OpenAPI cannot state: a JSON 422.
        response = case.call()
        assert response.status_code == 422 and response.json()["detail"]
        return
    case.call_and_validate()
