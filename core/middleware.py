from core import audit


class AuditContextMiddleware:
    """Gives every audit row written during a request its origin and one shared action id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit.set_context(
            audit.AuditContext(
                ip_address=request.META.get("REMOTE_ADDR"),
                user_agent=request.META.get("HTTP_USER_AGENT", ""),
            )
        )
        try:
            return self.get_response(request)
        finally:
            audit.reset_context(token)
