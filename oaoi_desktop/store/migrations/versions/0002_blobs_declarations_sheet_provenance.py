"""blobs, declarations, sheet provenance

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 05:16:30.348779
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('blobs',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('media_type', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_blobs'))
    )
    op.create_table('blob_chunks',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['sha256'], ['blobs.sha256'], name=op.f('fk_blob_chunks_sha256_blobs')),
    sa.PrimaryKeyConstraint('sha256', 'seq', name=op.f('pk_blob_chunks'))
    )
    op.create_table('conflict_declarations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('judge_id', sa.Uuid(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('declared_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_conflict_declarations_dossier_id_dossiers')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_conflict_declarations_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_conflict_declarations_judge_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_conflict_declarations')),
    sa.UniqueConstraint('dossier_id', 'judge_id', name=op.f('uq_conflict_declarations_dossier_id'))
    )
    with op.batch_alter_table('conflict_declarations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_conflict_declarations_dossier_id'), ['dossier_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_declarations_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_conflict_declarations_judge_id'), ['judge_id'], unique=False)

    op.create_table('integrity_declarations',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('judge_id', sa.Uuid(), nullable=False),
    sa.Column('statement_sha256', sa.String(length=64), nullable=False),
    sa.Column('declared_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_integrity_declarations_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_integrity_declarations_judge_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_integrity_declarations')),
    sa.UniqueConstraint('event_id', 'judge_id', name=op.f('uq_integrity_declarations_event_id'))
    )
    with op.batch_alter_table('integrity_declarations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_integrity_declarations_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_integrity_declarations_judge_id'), ['judge_id'], unique=False)

    with op.batch_alter_table('score_sheets', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dossier_revision', sa.Integer(), nullable=False, server_default='1'))
        batch_op.add_column(sa.Column('source', sa.String(length=20), nullable=False, server_default='app'))

    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('state', sa.JSON(), nullable=False, server_default='{}'))



def downgrade() -> None:
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('state')

    with op.batch_alter_table('score_sheets', schema=None) as batch_op:
        batch_op.drop_column('source')
        batch_op.drop_column('dossier_revision')

    with op.batch_alter_table('integrity_declarations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_integrity_declarations_judge_id'))
        batch_op.drop_index(batch_op.f('ix_integrity_declarations_event_id'))

    op.drop_table('integrity_declarations')
    with op.batch_alter_table('conflict_declarations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_judge_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_event_id'))
        batch_op.drop_index(batch_op.f('ix_conflict_declarations_dossier_id'))

    op.drop_table('conflict_declarations')
    op.drop_table('blob_chunks')
    op.drop_table('blobs')
