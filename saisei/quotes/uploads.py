"""Patient uploads: the type is read from the content, and files are encrypted at rest.

Accepted: PDF, JPEG, PNG and DICOM (Part 10 files: 128-byte preamble, then "DICM"), up to
50 MB each. A name with two extensions ("scan.pdf.exe", "x.php.png") is refused, and so is
an extension that does not match the content. Files are stored encrypted with Fernet
(AES-128-CBC + HMAC-SHA256) under MEDIA_ROOT/quotes/; the key comes from the
UPLOAD_ENCRYPTION_KEY environment variable (comma-separated keys: the first encrypts, all
decrypt, for rotation) or, locally, from var/upload-key, generated on first use.
"""

import hashlib
import os
import re
from functools import cache
from pathlib import Path
from typing import IO

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.utils.translation import gettext as _

from .errors import UploadError

MAX_BYTES = 50 * 1024 * 1024
MAX_FILES = 5
EXTENSIONS = {
    "pdf": {"pdf"},
    "jpeg": {"jpg", "jpeg"},
    "png": {"png"},
    "dicom": {"dcm", "dicom", ""},
}


def sniff(head: bytes) -> str | None:
    """The file's type from its first bytes, or None when it is none of the accepted ones."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 132 and head[128:132] == b"DICM":
        return "dicom"
    return None


def clean_name(name: str) -> str:
    """The base name, without directories or control characters, at most 200 characters."""
    base = os.path.basename(name.replace("\\", "/")).strip()
    base = re.sub(r"[\x00-\x1f\x7f]", "", base)
    return base[-200:] or "upload"


def check(name: str, size: int, head: bytes) -> str:
    """Validate one upload; returns its kind or raises UploadError with a clear message."""
    base = clean_name(name)
    if size > MAX_BYTES:
        raise UploadError(
            _("%(name)s is larger than 50 MB. Please send a smaller file.") % {"name": base}
        )
    if size == 0:
        raise UploadError(_("%(name)s is empty.") % {"name": base})
    parts = base.lstrip(".").split(".")
    if len(parts) > 2:
        raise UploadError(
            _(
                "%(name)s has more than one extension. Rename it so that it ends with a single "
                "extension, for example scan.pdf."
            )
            % {"name": base}
        )
    extension = parts[1].lower() if len(parts) == 2 else ""
    kind = sniff(head)
    if kind is None:
        raise UploadError(
            _("%(name)s is not a PDF, JPEG, PNG or DICOM file (checked from its content).")
            % {"name": base}
        )
    if extension not in EXTENSIONS[kind]:
        raise UploadError(
            _("The name of %(name)s does not match its content, which is %(kind)s.")
            % {"name": base, "kind": kind.upper()}
        )
    return kind


def _local_key() -> str:
    path = Path(settings.VAR_DIR) / "upload-key"
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    path.write_text(key)
    path.chmod(0o600)
    return key


@cache
def _fernet(keys: str) -> MultiFernet:
    return MultiFernet([Fernet(k.strip().encode()) for k in keys.split(",") if k.strip()])


def fernet() -> MultiFernet:
    return _fernet(os.environ.get("UPLOAD_ENCRYPTION_KEY") or _local_key())


def path_for(upload_id: object) -> Path:
    return Path(settings.MEDIA_ROOT) / "quotes" / f"{upload_id}.bin"


def store(upload_id: object, data: bytes) -> str:
    """Encrypt and write the file; returns its SHA-256 (of the plain content)."""
    path = path_for(upload_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(fernet().encrypt(data))
    tmp.replace(path)
    return hashlib.sha256(data).hexdigest()


def read(upload_id: object) -> bytes:
    return fernet().decrypt(path_for(upload_id).read_bytes())


def remove(upload_id: object) -> None:
    path_for(upload_id).unlink(missing_ok=True)


def read_all(fileobj: IO[bytes]) -> bytes:
    fileobj.seek(0)
    return fileobj.read()
