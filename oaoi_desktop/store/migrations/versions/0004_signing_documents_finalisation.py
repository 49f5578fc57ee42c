"""signing credentials, issued documents, event finalisation

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 07:54:50.071732

The event's certificate authority and the judges' signing credentials (issue 6),
the register of issued PDF documents with their fingerprints, and the
finalisation of an event after its Berita Acara is signed.  New tables, and two
new columns on ``events`` (existing rows get ``finalised_by = ''``).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('event_authorities',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('certificate_pem', sa.Text(), nullable=False),
    sa.Column('key_pem', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_authorities_event_id_events')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_authorities')),
    sa.UniqueConstraint('event_id', name=op.f('uq_event_authorities_event_id'))
    )
    op.create_table('issued_documents',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=True),
    sa.Column('judge_id', sa.Uuid(), nullable=True),
    sa.Column('stage_id', sa.String(length=64), nullable=True),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('file_name', sa.String(length=300), nullable=False),
    sa.Column('language', sa.String(length=5), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], name=op.f('fk_issued_documents_dossier_id_dossiers')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_issued_documents_event_id_events')),
    sa.ForeignKeyConstraint(['judge_id'], ['users.id'], name=op.f('fk_issued_documents_judge_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_issued_documents')),
    sa.UniqueConstraint('event_id', 'number', name=op.f('uq_issued_documents_event_id'))
    )
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_issued_documents_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_issued_documents_fingerprint'), ['fingerprint'], unique=False)

    op.create_table('judge_credentials',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('event_id', sa.Uuid(), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=500), nullable=False),
    sa.Column('issuer', sa.String(length=500), nullable=False),
    sa.Column('serial', sa.String(length=100), nullable=False),
    sa.Column('certificate_pem', sa.Text(), nullable=False),
    sa.Column('chain_pem', sa.Text(), nullable=False),
    sa.Column('pkcs12', sa.LargeBinary(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('not_after', sa.DateTime(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_judge_credentials_event_id_events')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_judge_credentials_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_judge_credentials'))
    )
    with op.batch_alter_table('judge_credentials', schema=None) as batch_op:
        batch_op.create_index('ix_judge_credentials_event_user', ['event_id', 'user_id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('finalised_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('finalised_by', sa.String(length=300), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('finalised_by')
        batch_op.drop_column('finalised_at')

    with op.batch_alter_table('judge_credentials', schema=None) as batch_op:
        batch_op.drop_index('ix_judge_credentials_event_user')

    op.drop_table('judge_credentials')
    with op.batch_alter_table('issued_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_issued_documents_fingerprint'))
        batch_op.drop_index(batch_op.f('ix_issued_documents_event_id'))

    op.drop_table('issued_documents')
    op.drop_table('event_authorities')
