"""The integer `quote_id` hook becomes a one-to-one link to the accepted quote.

Quote ids are UUIDs, so the integer column could never hold one: it is replaced by a UUID
column of the same name (no code wrote the integer hook, so no data is lost).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0001_initial"),
        ("quotes", "0001_initial"),
    ]

    operations = [
        migrations.RemoveField(model_name="treatment", name="quote_id"),
        migrations.AddField(
            model_name="treatment",
            name="quote",
            field=models.OneToOneField(
                blank=True,
                db_column="quote_id",
                help_text="The accepted quote (quotes app), if any.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="treatment",
                to="quotes.quote",
            ),
        ),
    ]
