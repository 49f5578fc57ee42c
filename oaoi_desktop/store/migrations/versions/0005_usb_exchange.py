"""USB exchange: sheet lineages, merged bundles, sheet conflicts, panel packages

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 08:25:00

Issue 7 (several laptops, USB sticks): what each score sheet's state
descends from (to merge copies of a sheet edited on several laptops), the
register of judge bundles merged, the conflicts kept side by side for the
secretariat, and the panel packages exported / applied.  New tables only.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('merged_bundles',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('judge_id', sa.Uuid(), nullable=False),
    sa.Column('bundle_id', sa.Uuid(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_name', sa.String(length=500), nullable=False),
    sa.Column('signer_fingerprint', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.Uuid(), nullable=True),
    sa.Column('exported_at', sa.DateTime(), nullable=True),
    sa.Column('audit_seq', sa.Integer(), nullable=False),
    sa.Column('audit_hash', sa.String(length=64), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=False),
    sa.Column('merged_at', sa.DateTime(), nullable=False),
    sa.Column('merged_by', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_merged_bundles_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_merged_bundles_judge_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merged_bundles')),
    sa.UniqueConstraint('event_id', 'sha256', name=op.f('uq_merged_bundles_event_id'))
    )
    with op.batch_alter_table('merged_bundles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_merged_bundles_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_merged_bundles_judge_id'), ['judge_id'], unique=False)

    op.create_table('panel_packages',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('package_id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('judge_id', sa.Uuid(), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('generation', sa.Integer(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_panel_packages_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_panel_packages_judge_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_panel_packages'))
    )
    with op.batch_alter_table('panel_packages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panel_packages_event_id'), ['event_id'], unique=False)

    op.create_table('sheet_lineages',
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('judge_id', sa.Uuid(), nullable=False),
    sa.Column('stage_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('head_hash', sa.String(length=64), nullable=False),
    sa.Column('base_revision', sa.Integer(), nullable=False),
    sa.Column('ancestors', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_sheet_lineages_dossier_id_dossiers')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_sheet_lineages_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_sheet_lineages_judge_id_users')),
    sa.PrimaryKeyConstraint('dossier_id', 'judge_id', 'stage_id', name=op.f('pk_sheet_lineages'))
    )
    with op.batch_alter_table('sheet_lineages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sheet_lineages_event_id'), ['event_id'], unique=False)

    op.create_table('sheet_conflicts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('judge_id', sa.Uuid(), nullable=False),
    sa.Column('stage_id', sa.String(length=64), nullable=False),
    sa.Column('stored_hash', sa.String(length=64), nullable=False),
    sa.Column('incoming_hash', sa.String(length=64), nullable=False),
    sa.Column('incoming', sa.JSON(), nullable=False),
    sa.Column('bundle_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('resolution', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('resolved_by', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['bundle_id'], ['merged_bundles.id'], name=op.f('fk_sheet_conflicts_bundle_id_merged_bundles')),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_sheet_conflicts_dossier_id_dossiers')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_sheet_conflicts_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_sheet_conflicts_judge_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sheet_conflicts'))
    )
    with op.batch_alter_table('sheet_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sheet_conflicts_event_id'), ['event_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('sheet_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sheet_conflicts_event_id'))

    op.drop_table('sheet_conflicts')
    with op.batch_alter_table('sheet_lineages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sheet_lineages_event_id'))

    op.drop_table('sheet_lineages')
    with op.batch_alter_table('panel_packages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panel_packages_event_id'))

    op.drop_table('panel_packages')
    with op.batch_alter_table('merged_bundles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_merged_bundles_judge_id'))
        batch_op.drop_index(batch_op.f('ix_merged_bundles_event_id'))

    op.drop_table('merged_bundles')
