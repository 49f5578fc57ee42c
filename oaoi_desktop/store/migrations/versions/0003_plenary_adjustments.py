"""plenary adjustments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 06:20:00

The chair's plenary decisions (tie resolved, dossier moved, score corrected
with the judge's agreement), stored beside the judges' sheets — never as an
edit of them.  A new table only: no column is added to an existing table.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('plenary_adjustments',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('stage_id', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('judge_id', sa.Uuid(), nullable=True),
    sa.Column('criterion_id', sa.String(length=64), nullable=True),
    sa.Column('value_milli', sa.Integer(), nullable=True),
    sa.Column('original_milli', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('judge_agreed', sa.Boolean(), nullable=False),
    sa.Column('decided_by', sa.String(length=300), nullable=False),
    sa.Column('decided_by_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.Column('withdraw_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_plenary_adjustments_dossier_id_dossiers')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_plenary_adjustments_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_plenary_adjustments_judge_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plenary_adjustments'))
    )
    with op.batch_alter_table('plenary_adjustments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plenary_adjustments_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plenary_adjustments_dossier_id'), ['dossier_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('plenary_adjustments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plenary_adjustments_dossier_id'))
        batch_op.drop_index(batch_op.f('ix_plenary_adjustments_event_id'))
    op.drop_table('plenary_adjustments')
