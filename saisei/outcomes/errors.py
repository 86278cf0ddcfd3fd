"""The typed errors of the outcomes services; each carries a translated message."""


class OutcomesError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class TreatmentError(OutcomesError):
    pass


class LinkError(OutcomesError):
    pass


class AnswerError(OutcomesError):
    pass
