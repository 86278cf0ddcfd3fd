import pytest

from saisei.reviews.models import Review

pytestmark = pytest.mark.django_db


def form(rating: str = "4", text: str = "Good.", **extra):
    body = {}
    for aspect in ["communication", "price_honesty", "facilities", "aftercare"]:
        body[aspect], body[f"{aspect}_text"] = rating, text
    return {**body, "interpreter": "", **extra}


def test_alice_writes_a_review_through_the_page_once(alice, treatment, client_for, clinic_a):
    client = client_for(alice)
    page = client.get(f"/reviews/write/{treatment.pk}/").content.decode()
    assert "Please do not rate whether the treatment worked" in page
    assert "/reviews/rules/" in page
    response = client.post(f"/reviews/write/{treatment.pk}/", form(final_price_jpy="1300000"))
    assert response.status_code == 302
    assert response["Location"] == f"/clinics/{clinic_a.slug}/#reviews"
    review = Review.objects.get()
    assert (review.communication, review.interpreter, review.final_price_jpy) == (
        4,
        None,
        1_300_000,
    )
    again = client.post(f"/reviews/write/{treatment.pk}/", form())
    assert again.status_code == 403
    assert "already reviewed" in again.content.decode()
    assert Review.objects.count() == 1


def test_a_rating_without_words_is_sent_back_and_nothing_is_published(alice, treatment, client_for):
    response = client_for(alice).post(f"/reviews/write/{treatment.pk}/", form(text=""))
    assert response.status_code == 400
    assert "Please write a few words" in response.content.decode()
    assert not Review.objects.exists()


def test_my_reviews_lists_confirmed_treatments_to_review(alice, bob, treatment, client_for):
    assert f"/reviews/write/{treatment.pk}/" in client_for(alice).get("/reviews/").content.decode()
    assert "/reviews/write/" not in client_for(bob).get("/reviews/").content.decode()
