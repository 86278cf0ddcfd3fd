from django.db import models


class ExchangeRate(models.Model):
    """Units of `currency` per one euro on `as_of`, as published by `source`."""

    currency = models.CharField(max_length=3)
    per_eur = models.DecimalField(max_digits=18, decimal_places=6)
    as_of = models.DateField()
    source = models.CharField(max_length=200)
    source_url = models.URLField(max_length=300, blank=True)
    imported = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["currency", "-as_of"]
        constraints = [
            models.UniqueConstraint(fields=["currency", "as_of"], name="unique_rate_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.currency} {self.per_eur} per EUR on {self.as_of}"
