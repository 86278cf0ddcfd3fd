"""`manage.py check` (and migrate) validate every instrument file and any operator wording."""

from typing import Any

from django.core.checks import Error, register


@register()
def instruments_are_valid(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    from . import questionnaires

    questionnaires.reload()
    try:
        questionnaires.all_instruments()
    except questionnaires.InstrumentError as error:
        return [Error(str(error), id="outcomes.E001")]
    return []
