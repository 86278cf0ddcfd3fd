"""Lowest prices by kind and whether they are confirmed.

Earlier imports left stem_min_price_jpy and blood_min_price_jpy empty; this fills them and the
new *_confirmed flags for databases imported before. Later imports keep them up to date
(registry.importer.summary). Does nothing on an empty database.
"""

from django.db import migrations, models

STEM = {"adipose_msc", "svf", "bone_marrow_msc", "synovial_msc", "umbilical_cord_msc"}
BLOOD = {"prp", "blood_other"}


def fill(apps, schema_editor):
    Facility = apps.get_model("registry", "Facility")
    PricePoint = apps.get_model("registry", "PricePoint")
    rows = PricePoint.objects.filter(
        listed=True, kind="treatment", plan__status="listed"
    ).values_list("plan__facility_id", "plan__modality", "amount_jpy", "extraction")
    lowest: dict[tuple[int, str], tuple[int, bool]] = {}
    for pk, modality, amount, extraction in rows.iterator():
        kinds = ["min"] + (["stem_min"] if modality in STEM else [])
        kinds += ["blood_min"] if modality in BLOOD else []
        for kind in kinds:
            seen = lowest.get((pk, kind))
            confirmed = extraction == "auto"
            if seen is None or amount < seen[0]:
                lowest[(pk, kind)] = (amount, confirmed)
            elif amount == seen[0]:
                lowest[(pk, kind)] = (amount, seen[1] or confirmed)
    for (pk, kind), (amount, confirmed) in lowest.items():
        values = {f"{kind}_price_confirmed": confirmed}
        if kind != "min":
            values[f"{kind}_price_jpy"] = amount
        Facility.objects.filter(pk=pk).update(**values)


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_kind_prices")]

    operations = [
        migrations.AddField(
            model_name="facility",
            name="min_price_confirmed",
            field=models.BooleanField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="facility",
            name="stem_min_price_confirmed",
            field=models.BooleanField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="facility",
            name="blood_min_price_confirmed",
            field=models.BooleanField(blank=True, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
