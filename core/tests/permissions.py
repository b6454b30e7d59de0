from core.models import ClosureDay
from security.permission_matrix import Check, expect


def _closure(cast):
    return {
        "pk": ClosureDay.objects.create(
            partnership=cast.partnership, date="2026-12-29", reason="Closed"
        ).pk
    }


def _document(cast):
    from django.core.files.base import ContentFile

    from core.models import Document

    document = Document(
        partnership=cast.partnership,
        owner=cast.council,
        title="Terms",
        original_name="terms.txt",
        media_type="text/plain",
        size=5,
        uploaded_by=cast.manager,
    )
    document.file.save("terms", ContentFile(b"terms"), save=False)
    document.save()
    return {"pk": document.pk}


def _text_version(cast):
    from django.contrib.contenttypes.models import ContentType

    from core.models import NarrativeVersion

    version = NarrativeVersion.objects.create(
        partnership=cast.partnership,
        subject_type=ContentType.objects.get_for_model(cast.partnership),
        subject_id=str(cast.partnership.pk),
        field_name="notes",
        text="Earlier text",
        digest="0" * 64,
    )
    return {"pk": version.pk}


CHECKS = [
    Check("core:dashboard", expect(200)),
    Check("core:healthz", expect(200, anonymous=200)),
    Check("core:accessibility", expect(200, anonymous=200)),
    Check("core:privacy", expect(200, anonymous=200)),
    Check("core:cookies", expect(200, anonymous=200)),
    Check("core:audit_trail", expect(403, manager=200, outsider=200)),
    Check("core:text_history", expect(403, manager=200, outsider=200)),
    Check(
        "core:text_version_change",
        expect(403, manager=200, outsider=404),
        kwargs=_text_version,
    ),
    Check("core:closure_days", expect(200, no_role=403)),
    Check(
        "core:closure_days",
        expect(403, manager=200, officer=200, outsider=200),
        method="post",
        label="add with no data",
    ),
    Check(
        "core:closure_day_remove",
        expect(403, manager=302, officer=302, outsider=404),
        kwargs=_closure,
        method="post",
    ),
    Check("core:document_download", expect(200, outsider=404, no_role=404), kwargs=_document),
    Check("api_schema", expect(200, anonymous=403, password_only=302)),
]
