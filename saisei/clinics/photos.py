"""Clinic photos: check the upload is really an image, then re-encode it small and clean.

The type is read from the content (Pillow), never trusted from the name; names with a second
extension (``photo.php.jpg``) are refused; every photo is re-encoded as JPEG with a random
name, which drops metadata (EXIF, GPS) and anything appended to the file.
"""

import io
import secrets
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_EXTENSIONS = {".jpg", ".jpeg", ".png", ".webp"}
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP"}
MAX_PIXELS = 40_000_000
# Inner extensions that make a name misleading (``x.php.jpg``, ``x.jpg.html``).
SUSPICIOUS_EXTENSIONS = {
    "php", "phtml", "php5", "asp", "aspx", "jsp", "cgi", "pl", "py", "sh", "exe", "dll", "bat",
    "cmd", "com", "js", "mjs", "html", "htm", "svg", "xml", "jpg", "jpeg", "png", "gif", "webp",
}  # fmt: skip


def check_name(name: str) -> None:
    path = PurePath(name)
    if path.suffix.lower() not in ALLOWED_EXTENSIONS:
        raise ValidationError(_("Upload a JPEG, PNG or WebP photo."), code="extension")
    inner = [s.lstrip(".").lower() for s in path.suffixes[:-1]]
    if any(s in SUSPICIOUS_EXTENSIONS for s in inner):
        raise ValidationError(
            _("The file name has two extensions (such as photo.php.jpg); rename the file."),
            code="double_extension",
        )


def process_photo(upload: UploadedFile) -> ContentFile:
    """Validate an uploaded photo and return it resized and re-encoded, or raise."""
    check_name(upload.name or "")
    limit = settings.SAISEI_PHOTO_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise ValidationError(
            _("The photo is too large: the limit is %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
            code="size",
        )
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format
            width, height = probe.size
            probe.verify()
        if kind not in ALLOWED_FORMATS:
            raise ValidationError(_("Upload a JPEG, PNG or WebP photo."), code="format")
        if width * height > MAX_PIXELS:
            raise ValidationError(_("The photo has too many pixels."), code="pixels")
        with Image.open(io.BytesIO(data)) as opened:
            image: Image.Image = ImageOps.exif_transpose(opened)
            image.thumbnail((settings.SAISEI_PHOTO_MAX_SIDE, settings.SAISEI_PHOTO_MAX_SIDE))
            if image.mode not in ("RGB", "L"):
                background = Image.new("RGB", image.size, "white")
                rgba = image.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a photo we can read. Upload a JPEG, PNG or WebP image."),
            code="content",
        ) from None
    return ContentFile(out.getvalue(), name=f"{secrets.token_hex(12)}.jpg")
