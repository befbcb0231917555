"""Storage: consultation slots and bookings in SQLite (default) or PostgreSQL, migrated by Alembic."""

from nerveroot.store import clinic as _clinic_tables  # noqa: F401  (the clinic's tables join Base.metadata)
from nerveroot.store.db import Store, StoreUnavailable, UnitOfWork
from nerveroot.store.models import Booking, Slot

__all__ = ["Booking", "Slot", "Store", "StoreUnavailable", "UnitOfWork"]
