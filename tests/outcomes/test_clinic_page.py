from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_facility
from tests.outcomes.helpers import treated

pytestmark = pytest.mark.django_db

INJECTION = timezone.localdate() - timedelta(days=240)


def test_clinic_page_shows_the_share_with_n_interval_definition_and_limits(client, clinic_a):
    for _ in range(8):
        treated(clinic_a, injection=INJECTION, baseline=6, follow_up={"m6": 3})
    for _ in range(2):
        treated(clinic_a, injection=INJECTION, baseline=6, follow_up={"m6": 6})
    treated(clinic_a, injection=INJECTION, baseline=6)
    html = client.get(f"/clinics/{clinic_a.slug}/").content.decode()
    assert "<strong>8 of 10 patients improved</strong>" in html
    assert "95 percent Wilson interval 49% to 94%" in html
    assert "Answered at 6 months: 10 of 11 treated" in html
    assert "Dworkin et al. 2008" in html  # the definition's source
    assert "no control group" in html and "placebo" in html
    assert "<svg" in html and '<table class="outcome-table">' in html


def test_clinic_page_with_few_answers_says_how_many_and_shows_no_share(client, clinic_a):
    for _ in range(4):
        treated(clinic_a, injection=INJECTION, baseline=6, follow_up={"m6": 1})
    html = client.get(f"/clinics/{clinic_a.slug}/").content.decode()
    assert "Too few answers to show a share yet: 4 patients have answered" in html
    assert "patients improved" not in html
    assert "%" not in html.split('id="outcomes"')[1].split("</section>")[0]


def test_clinic_page_query_count_does_not_grow_with_outcome_data(
    client, clinic_a, django_assert_max_num_queries
):
    for n in range(25):
        treated(
            clinic_a,
            injection=INJECTION - timedelta(days=n),
            baseline=7,
            follow_up={"m1": 5, "m3": 4, "m6": 3},
        )
    with django_assert_max_num_queries(10):
        response = client.get(f"/clinics/{clinic_a.slug}/")
    assert "25 of 25" in response.content.decode()


def test_ranking_page_says_it_sorts_by_shrunk_estimates(client, db):
    clinic = make_facility(name_romaji="Ranked Clinic", slug="ranked", plans=[{"modality": "prp"}])
    for _ in range(10):
        treated(clinic, injection=INJECTION, baseline=6, follow_up={"m6": 2})
    html = client.get("/outcomes/clinics/").content.decode()
    assert "Ranked Clinic" in html
    assert "beta-binomial empirical Bayes" in html
    assert "Shrunk estimate (used for sorting)" in html
    assert "All clinics with answers together: 10 of 10 patients improved (100%)" in html
