"""Limits every upload meets: its size and, for the zip-based formats (XLSX, DOCX, ODT), what it unpacks to.

A zip file can unpack to a thousand times its size (a "zip bomb"): the limits are read from the
zip's directory before anything is unpacked. Python's zipfile never unpacks more than an entry's
declared size, so checking the declared sizes bounds what a reader such as openpyxl can unpack.
"""

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError

# An XLSX or DOCX holds a few dozen parts; a thousand leaves room for many sheets and pictures.
MAX_ZIP_ENTRIES = 1000


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def upload_limit() -> str:
    """The largest upload allowed, for hints beside file fields ("20 MB")."""
    return _megabytes(settings.UPLOAD_MAX_BYTES)


def check_size(upload) -> None:
    if upload.size == 0:
        raise ValidationError("The selected file is empty")
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(f"The selected file must be smaller than {upload_limit()}")


def check_zip(file, kind: str) -> None:
    """Refuse a zip-based file that is broken, or would unpack to too many or too large parts.

    `file` is a path or a binary file object (left at its start); `kind` names the format for the
    message, e.g. "XLSX spreadsheet".
    """
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ValidationError(
            f"The selected file is not a readable {kind}: it may be damaged. Open it, save it "
            "again and upload the new copy"
        ) from None
    finally:
        if hasattr(file, "seek"):
            file.seek(0)
    if len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(
            f"The selected file holds too many parts ({len(entries)}) to be a {kind} Learning Hub "
            "can read: save it again as a plain spreadsheet or document"
        )
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > settings.UPLOAD_MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(
            f"The selected file unpacks to more than "
            f"{_megabytes(settings.UPLOAD_MAX_UNCOMPRESSED_BYTES)}: split it into smaller files"
        )
