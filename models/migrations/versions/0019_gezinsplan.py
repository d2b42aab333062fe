"""gezinsplan: versions of a household's family plan, and gezag / addresses of members

``gezinsplan`` is one version (texts, familiegroepsplan, vastgesteld on/by); its goals
(``gezinsplan_goal``, the same ``key`` in every version) with their actions as agreed
(``gezinsplan_action``, linked to the live ``action``), the own network, the organisations,
'na je 18e', the evaluation dates and their results, who agreed, and the veiligheidsplan's
agreements as they were at vaststellen. ``person`` gets gezag, lives_elsewhere, address and
address_shielded (all off / empty on an older database).

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-26 03:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('gezinsplan',
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('made_on', sa.Date(), nullable=False),
    sa.Column('situation', sa.Text(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('earlier_help', sa.Text(), nullable=False),
    sa.Column('strengths', sa.Text(), nullable=False),
    sa.Column('concerns', sa.Text(), nullable=False),
    sa.Column('child_view', sa.Text(), nullable=False),
    sa.Column('reach', sa.String(length=200), nullable=False),
    sa.Column('fgp_offered_on', sa.Date(), nullable=True),
    sa.Column('fgp_accepted', sa.Boolean(), nullable=True),
    sa.Column('fgp_made_on', sa.Date(), nullable=True),
    sa.Column('fgp_note', sa.String(length=200), nullable=False),
    sa.Column('settled_on', sa.Date(), nullable=True),
    sa.Column('settled_by', sa.String(length=120), nullable=False),
    sa.Column('regisseur', sa.String(length=120), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan')),
    sa.UniqueConstraint('household_id', 'version', name=op.f('uq_gezinsplan_household_id'))
    )
    with op.batch_alter_table('gezinsplan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_household_id'), ['household_id'], unique=False)

    op.create_table('gezinsplan_adulthood',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('what_changes', sa.Text(), nullable=False),
    sa.Column('who_takes_over', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_adulthood_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['gezinsplan.id'], name=op.f('fk_gezinsplan_adulthood_plan_id_gezinsplan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_adulthood'))
    )
    with op.batch_alter_table('gezinsplan_adulthood', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_adulthood_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_adulthood_plan_id'), ['plan_id'], unique=False)

    op.create_table('gezinsplan_evaluation',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('held_by', sa.String(length=120), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_evaluation_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['gezinsplan.id'], name=op.f('fk_gezinsplan_evaluation_plan_id_gezinsplan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_evaluation'))
    )
    with op.batch_alter_table('gezinsplan_evaluation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_evaluation_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_evaluation_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_evaluation_planned_on'), ['planned_on'], unique=False)

    op.create_table('gezinsplan_goal',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('key', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=1000), nullable=False),
    sa.Column('member_ids', sa.Text(), nullable=False),
    sa.Column('instrument_code', sa.String(length=40), nullable=False),
    sa.Column('instrument_version', sa.String(length=20), nullable=False),
    sa.Column('item_code', sa.String(length=40), nullable=False),
    sa.Column('target_level', sa.Integer(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_goal_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['gezinsplan.id'], name=op.f('fk_gezinsplan_goal_plan_id_gezinsplan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_goal'))
    )
    with op.batch_alter_table('gezinsplan_goal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_goal_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_goal_key'), ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_goal_plan_id'), ['plan_id'], unique=False)

    op.create_table('gezinsplan_network',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('relation', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_network_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['gezinsplan.id'], name=op.f('fk_gezinsplan_network_plan_id_gezinsplan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_network'))
    )
    with op.batch_alter_table('gezinsplan_network', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_network_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_network_plan_id'), ['plan_id'], unique=False)

    op.create_table('gezinsplan_partner',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('organisation', sa.String(length=120), nullable=False),
    sa.Column('contact', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=30), nullable=False),
    sa.Column('email', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=300), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_partner_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['gezinsplan.id'], name=op.f('fk_gezinsplan_partner_plan_id_gezinsplan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_partner'))
    )
    with op.batch_alter_table('gezinsplan_partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_partner_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_partner_plan_id'), ['plan_id'], unique=False)

    op.create_table('gezinsplan_party',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('required', sa.Boolean(), nullable=False),
    sa.Column('agreed_on', sa.Date(), nullable=True),
    sa.Column('agreed_how', sa.String(length=40), nullable=False),
    sa.Column('not_agreed_reason', sa.Text(), nullable=False),
    sa.Column('chart_ok', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_party_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['gezinsplan.id'], name=op.f('fk_gezinsplan_party_plan_id_gezinsplan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_party'))
    )
    with op.batch_alter_table('gezinsplan_party', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_party_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_party_plan_id'), ['plan_id'], unique=False)

    op.create_table('gezinsplan_safety',
    sa.Column('plan_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('what', sa.Text(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=False),
    sa.Column('trigger', sa.String(length=200), nullable=False),
    sa.Column('checker', sa.String(length=200), nullable=False),
    sa.Column('network', sa.String(length=200), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_safety_household_id_household')),
    sa.ForeignKeyConstraint(['plan_id'], ['gezinsplan.id'], name=op.f('fk_gezinsplan_safety_plan_id_gezinsplan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_safety'))
    )
    with op.batch_alter_table('gezinsplan_safety', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_safety_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_safety_plan_id'), ['plan_id'], unique=False)

    op.create_table('gezinsplan_action',
    sa.Column('goal_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('description', sa.String(length=500), nullable=False),
    sa.Column('owner_kind', sa.Enum('medewerker', 'gezinslid', 'netwerk', 'organisatie', name='actionowner', native_enum=False, length=24), nullable=False),
    sa.Column('medewerker_id', sa.Uuid(), nullable=True),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('organisation_id', sa.Uuid(), nullable=True),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('network_name', sa.String(length=120), nullable=False),
    sa.Column('network_relation', sa.String(length=80), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('owner', sa.String(length=300), nullable=False),
    sa.Column('action_id', sa.Uuid(), nullable=True),
    sa.Column('status_at_settle', sa.Enum('open', 'gedaan', 'vervallen', name='actionstatus', native_enum=False, length=24), nullable=True),
    sa.Column('status_on_at_settle', sa.Date(), nullable=True),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['gezinsplan_goal.id'], name=op.f('fk_gezinsplan_action_goal_id_gezinsplan_goal')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_action_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_action'))
    )
    with op.batch_alter_table('gezinsplan_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_action_action_id'), ['action_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_action_goal_id'), ['goal_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_action_household_id'), ['household_id'], unique=False)

    op.create_table('gezinsplan_goal_result',
    sa.Column('evaluation_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('goal_key', sa.Uuid(), nullable=False),
    sa.Column('outcome', sa.Enum('behaald', 'deels', 'niet_behaald', name='goaloutcome', native_enum=False, length=24), nullable=False),
    sa.Column('what_happened', sa.Text(), nullable=False),
    sa.Column('continues', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['evaluation_id'], ['gezinsplan_evaluation.id'], name=op.f('fk_gezinsplan_goal_result_evaluation_id_gezinsplan_evaluation')),
    sa.ForeignKeyConstraint(['household_id'], ['household.id'], name=op.f('fk_gezinsplan_goal_result_household_id_household')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gezinsplan_goal_result'))
    )
    with op.batch_alter_table('gezinsplan_goal_result', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gezinsplan_goal_result_evaluation_id'), ['evaluation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_gezinsplan_goal_result_household_id'), ['household_id'], unique=False)

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('gezag', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('lives_elsewhere', sa.Boolean(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('address', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('address_shielded', sa.Boolean(), server_default='0', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('address_shielded')
        batch_op.drop_column('address')
        batch_op.drop_column('lives_elsewhere')
        batch_op.drop_column('gezag')

    with op.batch_alter_table('gezinsplan_goal_result', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_goal_result_household_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_goal_result_evaluation_id'))

    op.drop_table('gezinsplan_goal_result')
    with op.batch_alter_table('gezinsplan_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_action_household_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_action_goal_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_action_action_id'))

    op.drop_table('gezinsplan_action')
    with op.batch_alter_table('gezinsplan_safety', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_safety_plan_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_safety_household_id'))

    op.drop_table('gezinsplan_safety')
    with op.batch_alter_table('gezinsplan_party', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_party_plan_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_party_household_id'))

    op.drop_table('gezinsplan_party')
    with op.batch_alter_table('gezinsplan_partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_partner_plan_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_partner_household_id'))

    op.drop_table('gezinsplan_partner')
    with op.batch_alter_table('gezinsplan_network', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_network_plan_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_network_household_id'))

    op.drop_table('gezinsplan_network')
    with op.batch_alter_table('gezinsplan_goal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_goal_plan_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_goal_key'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_goal_household_id'))

    op.drop_table('gezinsplan_goal')
    with op.batch_alter_table('gezinsplan_evaluation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_evaluation_planned_on'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_evaluation_plan_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_evaluation_household_id'))

    op.drop_table('gezinsplan_evaluation')
    with op.batch_alter_table('gezinsplan_adulthood', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_adulthood_plan_id'))
        batch_op.drop_index(batch_op.f('ix_gezinsplan_adulthood_household_id'))

    op.drop_table('gezinsplan_adulthood')
    with op.batch_alter_table('gezinsplan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gezinsplan_household_id'))

    op.drop_table('gezinsplan')
