"""Journey pages: the pages of a person's check, kept briefly so refresh and Back never re-send a form.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journey_pages",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("page", sa.String(32), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False, server_default="200"),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_journey_pages_expires_at", "journey_pages", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_journey_pages_expires_at", table_name="journey_pages")
    op.drop_table("journey_pages")
