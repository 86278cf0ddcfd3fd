"""A patient's data: export everything held about them, or delete the account.

Each app registers a `PrivacyHandler`: `export(user)` returns JSON-ready data, `files(user)`
yields (name, open binary file) pairs for the archive, and `anonymise(user)` removes the
personal data it holds while keeping the records others need (e.g. a clinic's quote history).

    from saisei.accounts import privacy
    privacy.register(privacy.PrivacyHandler("quotes", export=..., anonymise=..., files=...))

Register from the app's `AppConfig.ready()`.
"""

import io
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from saisei.audit.services import record

Exporter = Callable[[Any], Any]
FileLister = Callable[[Any], Iterable[tuple[str, IO[bytes]]]]
Anonymiser = Callable[[Any], None]


@dataclass(frozen=True)
class PrivacyHandler:
    label: str
    export: Exporter
    anonymise: Anonymiser
    files: FileLister | None = None


_handlers: dict[str, PrivacyHandler] = {}


def register(handler: PrivacyHandler) -> None:
    _handlers[handler.label] = handler


def unregister(label: str) -> None:
    _handlers.pop(label, None)


def handlers() -> list[PrivacyHandler]:
    return list(_handlers.values())


def export_data(user: Any) -> dict[str, Any]:
    return {
        "exported_at": timezone.now(),
        "user_id": user.pk,
        **{handler.label: handler.export(user) for handler in handlers()},
    }


def _archive_files(user: Any) -> Iterator[tuple[str, IO[bytes]]]:
    for handler in handlers():
        if handler.files is not None:
            for name, fileobj in handler.files(user):
                yield f"files/{handler.label}/{name}", fileobj


def export_archive(user: Any) -> bytes:
    """One zip: data.json plus every file held about the user. The export is audited."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        data = json.dumps(export_data(user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        archive.writestr("data.json", data)
        for name, fileobj in _archive_files(user):
            with fileobj:
                archive.writestr(name, fileobj.read())
    with transaction.atomic():
        record("privacy.exported", user, actor=user)
    return buffer.getvalue()


@transaction.atomic
def delete_account(user: Any) -> None:
    """Anonymise everything, then the user row itself; the row stays so records keep a key."""
    for handler in handlers():
        handler.anonymise(user)
    record("privacy.account_deleted", user, actor=user, handlers=[h.label for h in handlers()])
