from django.urls import reverse


def test_personas_sign_in_and_staff_page_needs_mfa_session(client_for, carol, clinic_a):
    url = reverse("clinics:manage", args=[clinic_a.slug])
    assert client_for(carol).get(url).status_code == 200
    response = client_for(carol, mfa=False).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
