"""The typed errors of the reviews services; each carries a translated message."""


class ReviewError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
