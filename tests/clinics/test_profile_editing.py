"""A clinic's members edit its profile and packages; the public page shows them, labelled."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from saisei.audit.models import AuditEntry
from saisei.clinics import profile as services
from saisei.clinics.models import ClinicProfile, Doctor, Package, SpokenLanguage

pytestmark = pytest.mark.django_db


def url(name, facility, *args):
    return reverse(f"clinics:{name}", args=[facility.slug, *args])


def package_data(plan_obj, **overrides):
    data = {
        "plan": plan_obj.pk,
        "name_en": "Cultured stem cells, one knee",
        "cell_source": "adipose",
        "cultured": "on",
        "typical_cell_count": "50 million",
        "injections": 1,
        "knees": 1,
        "culture_weeks": 4,
        "visits": 2,
        "price_jpy": 1_650_000,
        "tax": "included",
        "valid_until": (date.today() + timedelta(days=90)).isoformat(),
        "items": ["consultation", "harvest", "processing", "injection", "other"],
        "other_items": "Airport pick-up",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def stem_plan(facility):
    return facility.plans.get(modality="adipose_msc")


def prp_plan(facility):
    return facility.plans.get(modality="prp")


def test_carol_edits_the_profile_and_the_public_page_shows_it_labelled(
    client_for, client, carol, clinic_a
):
    response = client_for(carol).post(
        url("edit_profile", clinic_a),
        {
            "display_name_en": "Clinic A Knee Centre",
            "address_en": "1-1 Example, Tokyo",
            "access_en": "3 minutes from Example Station",
            "interpreter_available": "on",
            "interpreter_note": "English and Chinese, book 3 days ahead",
        },
    )
    assert response.status_code == 302
    profile = ClinicProfile.objects.get(facility=clinic_a)
    assert profile.display_name_en == "Clinic A Knee Centre"
    entry = AuditEntry.objects.get(action="clinic.profile_updated")
    assert entry.actor == carol and "display_name_en" in entry.data["fields"]
    html = client.get(reverse("clinics:detail", args=[clinic_a.slug])).content.decode()
    assert "Clinic A Knee Centre" in html
    assert "Entered by the clinic" in html
    assert "3 minutes from Example Station" in html
    assert clinic_a.name_ja in html  # the registry name stays


def test_the_registry_facts_cannot_be_changed_through_the_profile(client_for, carol, clinic_a):
    client_for(carol).post(
        url("edit_profile", clinic_a), {"display_name_en": "X", "name_ja": "偽名", "slug": "x"}
    )
    clinic_a.refresh_from_db()
    assert clinic_a.name_ja == "テスト再生クリニックA" and clinic_a.slug == "clinic-a"


def test_languages_spoken_and_interpreted(client_for, client, carol, clinic_a):
    response = client_for(carol).post(
        url("edit_languages", clinic_a), {"spoken": ["en"], "interpreted": ["zh", "ko"]}
    )
    assert response.status_code == 302
    rows = {r.language: r.interpreter for r in SpokenLanguage.objects.filter(facility=clinic_a)}
    assert rows == {"en": False, "zh": True, "ko": True}
    client_for(carol).post(url("edit_languages", clinic_a), {"spoken": ["ja"]})
    assert list(clinic_a.languages.values_list("language", flat=True)) == ["ja"]


def test_doctors_are_added_and_removed(client_for, carol, clinic_a):
    client = client_for(carol)
    response = client.post(
        url("add_doctor", clinic_a),
        {"name": "Dr Sato", "specialty": "Orthopaedics", "licence_year": 2004},
    )
    assert response.status_code == 302
    doctor = Doctor.objects.get(facility=clinic_a)
    response = client.post(url("add_doctor", clinic_a), {"name": "Dr Old", "licence_year": 1800})
    assert response.status_code == 400
    assert "year the doctor was licensed" in response.content.decode()
    assert client.post(url("remove_doctor", clinic_a, doctor.pk)).status_code == 302
    assert not Doctor.objects.exists()
    assert AuditEntry.objects.filter(action__startswith="clinic.doctor_").count() == 2


def test_a_package_under_the_clinics_own_plan_is_saved_with_typed_items(
    client_for, client, carol, clinic_a
):
    response = client_for(carol).post(
        url("new_package", clinic_a), package_data(stem_plan(clinic_a))
    )
    assert response.status_code == 302, response.content.decode()
    package = Package.objects.get()
    assert (package.facility, package.plan) == (clinic_a, stem_plan(clinic_a))
    items = {(i.kind, i.note) for i in package.items.all()}
    assert ("other", "Airport pick-up") in items and ("injection", "") in items
    assert AuditEntry.objects.filter(action="clinic.package_created", actor=carol).exists()
    html = client.get(reverse("clinics:detail", args=[clinic_a.slug])).content.decode()
    assert "Cultured stem cells, one knee" in html
    assert "¥1,650,000" in html
    assert stem_plan(clinic_a).plan_id in html


def test_a_package_under_another_clinics_plan_is_refused(client_for, carol, clinic_a, clinic_b):
    response = client_for(carol).post(
        url("new_package", clinic_a), package_data(prp_plan(clinic_b))
    )
    assert response.status_code == 400
    assert not Package.objects.exists()


def test_the_service_refuses_a_plan_of_another_clinic(carol, clinic_a, clinic_b):
    data = {"plan": prp_plan(clinic_b), "cell_source": "blood", "cultured": False}
    with pytest.raises(services.ProfileError, match="registered plans"):
        services.save_package(carol, clinic_a, data, [])
    with pytest.raises(services.ProfileError, match="registered plans"):
        services.save_package(carol, clinic_a, {"plan": None}, [])


def test_a_package_needs_a_plan(client_for, carol, clinic_a):
    response = client_for(carol).post(
        url("new_package", clinic_a), package_data(stem_plan(clinic_a), plan="")
    )
    assert response.status_code == 400
    assert not Package.objects.exists()


def test_prp_cannot_be_sold_under_a_stem_cell_plan(client_for, carol, clinic_a):
    data = package_data(stem_plan(clinic_a), cell_source="blood", cultured=None, culture_weeks=None)
    response = client_for(carol).post(url("new_package", clinic_a), data)
    assert response.status_code == 400
    assert "blood products need their own plan" in response.content.decode()


def test_a_prp_package_under_the_prp_plan_is_accepted(client_for, carol, clinic_a):
    data = package_data(prp_plan(clinic_a), cell_source="blood", cultured=None, culture_weeks=None)
    assert client_for(carol).post(url("new_package", clinic_a), data).status_code == 302


def test_cultured_cells_need_culture_weeks(client_for, carol, clinic_a):
    data = package_data(stem_plan(clinic_a), culture_weeks=None)
    response = client_for(carol).post(url("new_package", clinic_a), data)
    assert response.status_code == 400


def test_a_package_is_edited_and_deleted_by_its_clinic_only(
    client_for, carol, dave, clinic_a, clinic_b
):
    client_for(carol).post(url("new_package", clinic_a), package_data(stem_plan(clinic_a)))
    package = Package.objects.get()
    edit = package_data(stem_plan(clinic_a), price_jpy=1_500_000)
    assert (
        client_for(carol).post(url("edit_package", clinic_a, package.pk), edit).status_code == 302
    )
    package.refresh_from_db()
    assert package.price_jpy == 1_500_000
    # dave reaches the package neither through clinic A's address nor through his own
    assert client_for(dave).post(url("edit_package", clinic_a, package.pk), edit).status_code == 403
    assert client_for(dave).post(url("delete_package", clinic_b, package.pk)).status_code == 404
    assert Package.objects.filter(pk=package.pk).exists()
    assert client_for(carol).post(url("delete_package", clinic_a, package.pk)).status_code == 302
    assert not Package.objects.exists()


def test_an_expired_package_says_so(client, carol, clinic_a):
    services.save_package(
        carol,
        clinic_a,
        {
            "plan": stem_plan(clinic_a),
            "name_en": "Old offer",
            "cell_source": "adipose",
            "cultured": True,
            "culture_weeks": 4,
            "price_jpy": 1_000_000,
            "tax": "included",
            "valid_until": date.today() - timedelta(days=1),
        },
        [],
    )
    html = client.get(reverse("clinics:detail", args=[clinic_a.slug])).content.decode()
    assert "Price expired on" in html
    assert "did not say what the price includes" in html


PAYLOAD = '<script>alert("x")</script><img src=x onerror="y">'


def test_profile_and_package_text_render_escaped(client_for, client, carol, clinic_a):
    staff = client_for(carol)
    staff.post(url("edit_profile", clinic_a), {"display_name_en": PAYLOAD, "access_en": PAYLOAD})
    staff.post(url("add_doctor", clinic_a), {"name": PAYLOAD, "specialty": PAYLOAD})
    staff.post(
        url("new_package", clinic_a),
        package_data(stem_plan(clinic_a), name_en=PAYLOAD, other_items=PAYLOAD),
    )
    for page in (reverse("clinics:detail", args=[clinic_a.slug]), url("manage", clinic_a)):
        html = (client if "manage" not in page else staff).get(page).content.decode()
        assert "<script>alert" not in html
        assert '<img src=x onerror="y">' not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_public_page_shows_the_clinics_text_in_the_visitors_language(client, carol, clinic_a):
    services.update_profile(
        carol,
        clinic_a,
        {
            "display_name_en": "Knee Centre A",
            "display_name_ja": "膝センターA",
            "access_en": "By train",
            "access_zh": "乘电车",
        },
    )
    path = reverse("clinics:detail", args=[clinic_a.slug])
    english = client.get(path).content.decode()
    assert "Knee Centre A" in english and "By train" in english
    japanese = client.get("/ja" + path).content.decode()
    assert "膝センターA" in japanese and "By train" in japanese  # no Japanese access: English
    text = client.get("/zh-hans" + path).content.decode()
    assert "Knee Centre A" in text and "乘电车" in text
