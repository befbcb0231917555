"""Bookings: idempotency key and request hashes (a retry finds its booking), contact keys (a cap on
future bookings per email or phone), and who cancelled (the person or the clinic).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bookings") as batch:
        batch.add_column(sa.Column("cancelled_by", sa.String(16), nullable=True))
        batch.add_column(sa.Column("email_key", sa.String(320), nullable=True))
        batch.add_column(sa.Column("phone_key", sa.String(40), nullable=True))
        batch.add_column(sa.Column("idempotency_hash", sa.String(64), nullable=True))
        batch.add_column(sa.Column("request_hash", sa.String(64), nullable=True))
    bookings = sa.table(
        "bookings",
        sa.column("id", sa.Integer),
        sa.column("email", sa.String),
        sa.column("phone", sa.String),
        sa.column("email_key", sa.String),
        sa.column("phone_key", sa.String),
    )
    connection = op.get_bind()
    rows = connection.execute(sa.select(bookings.c.id, bookings.c.email, bookings.c.phone)).all()
    for row in rows:
        connection.execute(
            bookings.update()
            .where(bookings.c.id == row.id)
            .values(
                email_key=row.email.strip().lower(), phone_key="".join(c for c in row.phone if c.isdigit())
            )
        )
    with op.batch_alter_table("bookings") as batch:
        batch.alter_column("email_key", existing_type=sa.String(320), nullable=False)
        batch.alter_column("phone_key", existing_type=sa.String(40), nullable=False)
        batch.create_index("ix_bookings_email_key", ["email_key"])
        batch.create_index("ix_bookings_phone_key", ["phone_key"])
        batch.create_unique_constraint("uq_bookings_idempotency_hash", ["idempotency_hash"])


def downgrade() -> None:
    with op.batch_alter_table("bookings") as batch:
        batch.drop_constraint("uq_bookings_idempotency_hash", type_="unique")
        batch.drop_index("ix_bookings_phone_key")
        batch.drop_index("ix_bookings_email_key")
        for column in ("request_hash", "idempotency_hash", "phone_key", "email_key", "cancelled_by"):
            batch.drop_column(column)
