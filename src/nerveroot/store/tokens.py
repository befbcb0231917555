"""Booking references a person can read out on the phone, and cancel tokens only they hold.

The reference avoids look-alike characters (no 0/O, 1/I/L, U). The cancel token is 192 random bits and
only its SHA-256 is stored, so a copy of the database cannot cancel anyone's booking.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PREFIX = "NR"


def new_reference() -> str:
    """For example ``NR-7KQ4-M2XD``: 30**8 (about 6.5e11) possibilities."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{chars[:4]}-{chars[4:]}"


def normalise_reference(reference: str) -> str:
    """Accept what people type: any case, spaces, a missing prefix or dashes."""
    chars = "".join(c for c in reference.upper() if c.isalnum())
    if len(chars) == 8 + len(REFERENCE_PREFIX) and chars.startswith(REFERENCE_PREFIX):
        chars = chars[len(REFERENCE_PREFIX) :]
    if len(chars) != 8:
        return reference.strip().upper()
    return f"{REFERENCE_PREFIX}-{chars[:4]}-{chars[4:]}"


def new_cancel_token() -> str:
    return secrets.token_urlsafe(24)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_token(token), stored_hash)
