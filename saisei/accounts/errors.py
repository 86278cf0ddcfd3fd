"""The typed errors of the accounts services; each carries a translated message."""


class AccountsError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ClaimError(AccountsError):
    pass
