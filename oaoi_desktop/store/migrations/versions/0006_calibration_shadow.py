"""Calibration dossiers and shadow (trainee) judges

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 23:05:00

Issue 17: ``dossiers.calibration`` flags a calibration dossier (every judge
scores it before real scoring; its sheets never enter results).  The shadow
role (``users.role = 'shadow'``) needs no schema change: the role column is a
non-native enum without a CHECK constraint (a VARCHAR(20)).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE ... ADD COLUMN (SQLite accepts a NOT NULL column with a default): no batch
    # "move and copy", so the dossiers table is not recreated (its constraints keep their order, which
    # the backup schema check compares, and no foreign-key cascade can touch its children).
    op.add_column('dossiers', sa.Column('calibration', sa.Boolean(), nullable=False, server_default=sa.text('false')))


def downgrade() -> None:
    with op.batch_alter_table('dossiers', schema=None) as batch_op:
        batch_op.drop_column('calibration')
