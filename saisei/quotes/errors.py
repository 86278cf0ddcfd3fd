"""The typed errors of the quotes services; each carries a translated message."""


class QuoteError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class UploadError(QuoteError):
    pass


class StateError(QuoteError):
    """The action does not fit the request's or quote's current state."""
