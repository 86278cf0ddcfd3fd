from datetime import date

import pytest
from django.contrib.auth import get_user_model

from saisei.audit.models import AuditEntry
from saisei.registry.models import EnforcementAction
from tests.factories import make_facility

pytestmark = pytest.mark.django_db


@pytest.fixture
def mia(client):
    user = get_user_model().objects.create_superuser("mia", "mia@example.com", "x-pass-123")
    client.force_login(user)
    return user


def test_recording_an_enforcement_action_is_audited_and_shown(client, mia):
    facility = make_facility()
    response = client.post(
        "/admin/registry/enforcementaction/add/",
        {
            "facility": facility.pk,
            "kind": "improvement",
            "issued_on": "2026-10-01",
            "summary": "Improvement order for cell processing records.",
            "source_url": "https://www.mhlw.go.jp/example",
        },
    )
    assert response.status_code == 302
    action = EnforcementAction.objects.get()
    assert action.issued_on == date(2026, 10, 1)
    entry = AuditEntry.objects.get(action="registry.enforcementaction.added")
    assert entry.actor == mia and entry.target_id == str(action.pk)
    page = client.get(f"/clinics/{facility.slug}/").content.decode()
    assert "Improvement order" in page and "cell processing records" in page


def test_registry_plans_cannot_be_edited_in_the_admin(client, mia):
    facility = make_facility(plans=[{}])
    plan = facility.plans.get()
    response = client.post(f"/admin/registry/plan/{plan.pk}/change/", {"title_ja": "changed"})
    assert response.status_code == 403
