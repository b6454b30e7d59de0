"""What may be uploaded: a short list of document types, recognised by content, not by name."""

from pathlib import Path

import puremagic
from django.core.exceptions import ValidationError

from core.uploads import check_size, check_zip

# extension -> (media type, content check)
ALLOWED = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".csv": "text/csv",
    ".txt": "text/plain",
}
_TEXT_TYPES = {".csv", ".txt"}
# Office formats are zip files underneath; puremagic names them by their zip signature.
_ZIP_BASED = {".docx", ".xlsx", ".odt"}


def check_upload(upload) -> str:
    """The upload's media type, or a ValidationError saying what is wrong with it."""
    extension = Path(upload.name).suffix.lower()
    if extension not in ALLOWED:
        allowed = ", ".join(sorted(ext.lstrip(".").upper() for ext in ALLOWED))
        raise ValidationError(f"The selected file must be a {allowed}")
    check_size(upload)
    head = upload.read(4096)
    upload.seek(0)
    if extension in _TEXT_TYPES:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("The selected file must be plain text (UTF-8)") from None
        if b"\x00" in head:
            raise ValidationError("The selected file must be plain text (UTF-8)")
        return ALLOWED[extension]
    try:
        found = {match.extension.lower() for match in puremagic.magic_string(head)}
    except puremagic.PureError:
        found = set()
    expected = {".zip", extension} if extension in _ZIP_BASED else {extension}
    if extension in {".jpg", ".jpeg"}:
        expected = {".jpg", ".jpeg", ".jfif"}
    if not found & expected:
        raise ValidationError(
            f"The selected file is not really a {extension.lstrip('.').upper()} file"
        )
    if extension in _ZIP_BASED:
        check_zip(upload, f"{extension.lstrip('.').upper()} file")
    return ALLOWED[extension]
