"""Every facility with doctors, photos, packages or languages gets a profile (see ClinicContent)."""

from django.db import migrations


def add_profiles(apps, schema_editor):
    ClinicProfile = apps.get_model("clinics", "ClinicProfile")
    have = set(ClinicProfile.objects.values_list("facility_id", flat=True))
    wanted = set()
    for name in ("Doctor", "ClinicPhoto", "Package", "SpokenLanguage"):
        wanted |= set(apps.get_model("clinics", name).objects.values_list("facility_id", flat=True))
    ClinicProfile.objects.bulk_create([ClinicProfile(facility_id=pk) for pk in wanted - have])


class Migration(migrations.Migration):
    dependencies = [("clinics", "0002_profile_doctors_photos_packages")]

    operations = [migrations.RunPython(add_profiles, migrations.RunPython.noop)]
