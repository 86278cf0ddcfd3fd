from typing import Any

from django.core.management.base import BaseCommand

from saisei.reviews.services import send_invitations


class Command(BaseCommand):
    help = (
        "Invite every patient with a confirmed treatment to review the clinic, 3 months after "
        "the injection (once per treatment, whatever the outcome). Run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"{send_invitations()} invitation(s) queued")
