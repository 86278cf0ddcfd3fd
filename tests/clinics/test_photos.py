"""Clinic photos: checked from their content, refused with a clear message, resized clean."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from saisei.clinics.models import ClinicPhoto

pytestmark = pytest.mark.django_db


def image_bytes(size=(2400, 1200), fmt="PNG", mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "teal").save(out, fmt)
    return out.getvalue()


def upload(client, facility, name, content, content_type="image/png"):
    return client.post(
        reverse("clinics:add_photo", args=[facility.slug]),
        {"image": SimpleUploadedFile(name, content, content_type), "caption": "Reception"},
    )


def test_a_photo_is_resized_re_encoded_and_shown(client_for, client, carol, clinic_a, settings):
    response = upload(client_for(carol), clinic_a, "reception.png", image_bytes(mode="RGBA"))
    assert response.status_code == 302
    photo = ClinicPhoto.objects.get()
    assert (photo.width, photo.height) == (settings.SAISEI_PHOTO_MAX_SIDE, 800)
    name = str(photo.image.name)
    assert name.endswith(".jpg") and "reception" not in name
    with photo.image.open("rb") as stored, Image.open(stored) as image:
        assert image.format == "JPEG"
        assert not image.getexif()
    html = client.get(reverse("clinics:detail", args=[clinic_a.slug])).content.decode()
    assert photo.image.url in html
    served = client.get(photo.image.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"


def test_only_clinic_photos_are_served_from_media(client, settings):
    private = settings.MEDIA_ROOT / "quotes" / "1"
    private.mkdir(parents=True)
    (private / "scan.pdf").write_bytes(b"%PDF")
    assert client.get("/media/quotes/1/scan.pdf").status_code == 404
    assert client.get("/media/clinics/1/../../quotes/1/scan.pdf").status_code == 404


def test_a_file_that_is_not_an_image_is_refused(client_for, carol, clinic_a):
    response = upload(client_for(carol), clinic_a, "photo.jpg", b"<?php system($_GET[c]); ?>")
    assert response.status_code == 400
    assert "not a photo we can read" in response.content.decode()
    assert not ClinicPhoto.objects.exists()


def test_an_image_type_we_do_not_take_is_refused(client_for, carol, clinic_a):
    response = upload(client_for(carol), clinic_a, "photo.jpg", image_bytes(fmt="GIF"))
    assert response.status_code == 400
    assert "Upload a JPEG, PNG or WebP photo." in response.content.decode()


def test_a_wrong_extension_is_refused(client_for, carol, clinic_a):
    response = upload(client_for(carol), clinic_a, "photo.svg", image_bytes())
    assert response.status_code == 400
    assert "Upload a JPEG, PNG or WebP photo." in response.content.decode()


def test_a_double_extension_is_refused(client_for, carol, clinic_a):
    response = upload(client_for(carol), clinic_a, "photo.php.jpg", image_bytes(fmt="JPEG"))
    assert response.status_code == 400
    assert "two extensions" in response.content.decode()
    assert not ClinicPhoto.objects.exists()


def test_an_oversized_photo_is_refused(client_for, carol, clinic_a, settings):
    settings.SAISEI_PHOTO_MAX_BYTES = 1024 * 1024
    big = image_bytes() + b"\0" * (1024 * 1024)
    response = upload(client_for(carol), clinic_a, "big.png", big)
    assert response.status_code == 400
    assert "too large: the limit is 1 MB" in response.content.decode()


def test_a_photo_is_removed_with_its_file(
    client_for, carol, clinic_a, django_capture_on_commit_callbacks
):
    client = client_for(carol)
    upload(client, clinic_a, "a.png", image_bytes(size=(100, 100)))
    photo = ClinicPhoto.objects.get()
    storage, name = photo.image.storage, str(photo.image.name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("clinics:remove_photo", args=[clinic_a.slug, photo.pk]))
    assert not ClinicPhoto.objects.exists()
    assert not storage.exists(name)
