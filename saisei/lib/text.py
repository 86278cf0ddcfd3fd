import unicodedata


def normalise(text: str) -> str:
    """Fold width, case and compatibility forms, so that ＰＲＰ, prp and PRP compare equal."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())
