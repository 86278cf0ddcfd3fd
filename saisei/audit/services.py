from typing import Any

from django.db import models

from .models import AuditEntry


def record(
    action: str,
    target: models.Model | None = None,
    *,
    actor: Any = None,
    actor_label: str = "",
    **data: Any,
) -> AuditEntry:
    """Write one audit entry. Call it inside the transaction that makes the change."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry.objects.create(
        actor=user,
        actor_label=actor_label or (str(actor) if actor is not None and user is None else ""),
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        data=data,
    )
