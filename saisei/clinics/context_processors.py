from django.http import HttpRequest

from .services import compare_tray


def compare(request: HttpRequest) -> dict:
    session = getattr(request, "session", None)
    return {"tray": compare_tray(session) if session is not None else []}
