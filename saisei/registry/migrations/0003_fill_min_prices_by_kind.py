"""Fill stem_min_price_jpy and blood_min_price_jpy, which earlier imports left empty.

Later imports keep them up to date (registry.importer.summary); this pass only repairs
databases imported before the fix, and does nothing on an empty database.
"""

from django.db import migrations
from django.db.models import Min

STEM = ["adipose_msc", "svf", "bone_marrow_msc", "synovial_msc", "umbilical_cord_msc"]
BLOOD = ["prp", "blood_other"]


def fill(apps, schema_editor):
    Facility = apps.get_model("registry", "Facility")
    PricePoint = apps.get_model("registry", "PricePoint")
    treatment = PricePoint.objects.filter(listed=True, kind="treatment", plan__status="listed")
    for field, modalities in (("stem_min_price_jpy", STEM), ("blood_min_price_jpy", BLOOD)):
        lows = (
            treatment.filter(plan__modality__in=modalities)
            .values("plan__facility_id")
            .annotate(low=Min("amount_jpy"))
            .order_by()
        )
        for row in lows:
            Facility.objects.filter(pk=row["plan__facility_id"]).update(**{field: row["low"]})


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_kind_prices")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
