"""What a store that cannot be used raises."""


class StoreError(Exception):
    """A store that cannot be used; the message is one line naming the file."""


class StoreBusy(StoreError):
    """Another mapper process holds the store."""
