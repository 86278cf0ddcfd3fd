from django.http import HttpResponse
from django.utils.http import content_disposition_header

from .models import Upload

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "dicom": "application/dicom",
}


def file_response(upload: Upload, data: bytes) -> HttpResponse:
    """Always a download (never rendered inline), never cached, never sniffed."""
    response = HttpResponse(data, content_type=CONTENT_TYPES[upload.kind])
    response["Content-Disposition"] = content_disposition_header(True, upload.name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
