"""The household dossier: medewerkers, households, members, trajecten and contacts."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import Boolean, Date, Enum, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.afwegingskader import ConsultationKind, VictimKind, ViolenceForm
from models.base import Base, Tracked
from models.enums import ContactKind, EventKind, MemberRole, Phase


def _enum(cls: type, length: int = 24) -> Enum:
    # Stored as plain strings: portable to PostgreSQL and readable in the file.
    return Enum(
        cls,
        native_enum=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Medewerker(Tracked, Base):
    """A team member; a medewerker can be casusregisseur of households."""

    __tablename__ = "medewerker"

    name: Mapped[str] = mapped_column(String(120))
    discipline: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Household(Tracked, Base):
    __tablename__ = "household"
    # The household list pages through households in name order.
    __table_args__ = (Index("ix_household_sort_name", "sort_name", "dossier_number"),)

    dossier_number: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    street: Mapped[str] = mapped_column(String(120), default="")
    house_number: Mapped[str] = mapped_column(String(20), default="")
    postcode: Mapped[str] = mapped_column(String(7), default="")
    city: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    # Lower-cased, accent-free text of name, members, BSNs, postcode and
    # dossier number: what the household list searches (see models.search).
    search_text: Mapped[str] = mapped_column(Text, default="")
    # How the list sorts the name, the Dutch way: 'De Vries' under V, 'Öztürk' under O.
    sort_name: Mapped[str] = mapped_column(String(120), default="")

    members: Mapped[list[Person]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Person.date_of_birth"
    )
    trajecten: Mapped[list[Traject]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Traject.registered_on"
    )
    contacts: Mapped[list[Contact]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Contact.contact_date"
    )
    consents: Mapped[list[Consent]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Consent.given_on"
    )
    # Every measurement about the household: of one member, or (person_id None) of the whole
    # household. Destroying the dossier takes them all.
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="Measurement.measured_on"
    )


class Person(Tracked, Base):
    __tablename__ = "person"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    first_name: Mapped[str] = mapped_column(String(80))
    infix: Mapped[str] = mapped_column(String(20), default="")
    last_name: Mapped[str] = mapped_column(String(120))
    date_of_birth: Mapped[date | None] = mapped_column(Date)
    role: Mapped[MemberRole] = mapped_column(_enum(MemberRole))
    bsn: Mapped[str | None] = mapped_column(String(9))
    # Gezag: a parent (or guardian) with parental authority agrees with the gezinsplan for
    # the children under 16. Such a parent may live elsewhere and is then still listed.
    gezag: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    lives_elsewhere: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    address: Mapped[str] = mapped_column(String(200), default="", server_default="")
    # Adres afgeschermd (a shelter, a secret address): never printed, for this member nor,
    # when the member lives in the household, for the household.
    address_shielded: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    household: Mapped[Household] = relationship(back_populates="members")
    measurements: Mapped[list[Measurement]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Measurement.measured_on"
    )


class Traject(Tracked, Base):
    """One registration of a household and the help that follows it."""

    __tablename__ = "traject"
    __table_args__ = (
        Index("ix_traject_household_registered", "household_id", "registered_on"),
        Index("ix_traject_household_current", "household_id", "is_current"),
    )

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"))
    registered_on: Mapped[date] = mapped_column(Date)
    herkomst: Mapped[str] = mapped_column(String(40), default="")
    question: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[Phase] = mapped_column(_enum(Phase), default=Phase.AANGEMELD)
    aard: Mapped[str] = mapped_column(String(40), default="")
    ernst: Mapped[str] = mapped_column(String(20), default="")
    urgentie: Mapped[str] = mapped_column(String(20), default="")
    closed_on: Mapped[date | None] = mapped_column(Date)
    close_reason: Mapped[str | None] = mapped_column(String(40))
    # The household's latest traject: the one its list row and dossier show.
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    # Kept by triggers on traject_event, contact and traject (migration 0021), never set
    # here, for the overview: the day of the earliest event to phase 'plan' and of the
    # latest event; the first contact (huisbezoek, telefoon or overleg, from the aanmelding
    # until closing) and the household's latest contact. Deferred: a loaded traject never
    # holds a value a trigger has since changed.
    plan_on: Mapped[date | None] = mapped_column(Date, deferred=True)
    last_event_on: Mapped[date | None] = mapped_column(Date, deferred=True)
    first_contact_on: Mapped[date | None] = mapped_column(Date, deferred=True)
    last_contact_on: Mapped[date | None] = mapped_column(Date, deferred=True)

    household: Mapped[Household] = relationship(back_populates="trajecten")
    regisseurs: Mapped[list[RegisseurAssignment]] = relationship(
        back_populates="traject",
        cascade="all, delete-orphan",
        order_by="RegisseurAssignment.start_on",
    )
    events: Mapped[list[TrajectEvent]] = relationship(
        back_populates="traject", cascade="all, delete-orphan", order_by="TrajectEvent.event_date"
    )


class RegisseurAssignment(Tracked, Base):
    """Who was casusregisseur of a traject, from when to when (open end: current)."""

    __tablename__ = "regisseur_assignment"

    traject_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("traject.id"), index=True)
    medewerker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("medewerker.id"), index=True)
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)

    traject: Mapped[Traject] = relationship(back_populates="regisseurs")
    medewerker: Mapped[Medewerker] = relationship()


class TrajectEvent(Tracked, Base):
    __tablename__ = "traject_event"
    # holds every column the overview reads of a traject's course (no table pages read)
    __table_args__ = (
        Index("ix_traject_event_course", "traject_id", "event_date", "kind", "to_phase"),
    )

    traject_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("traject.id"))
    event_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[EventKind] = mapped_column(_enum(EventKind))
    from_phase: Mapped[Phase | None] = mapped_column(_enum(Phase))
    to_phase: Mapped[Phase | None] = mapped_column(_enum(Phase))
    note: Mapped[str] = mapped_column(Text, default="")
    # Opschalen: to whom (codelist opschaaldoel), why, and who is responsible now;
    # afschalen: to what (afschaaldoel). Empty on other events and on older ones.
    scale_target: Mapped[str | None] = mapped_column(String(40))
    scale_reason: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(120))

    traject: Mapped[Traject] = relationship(back_populates="events")


class Contact(Tracked, Base):
    __tablename__ = "contact"
    # the overview reads day and kind of every contact without its notes' pages
    __table_args__ = (Index("ix_contact_household_date", "household_id", "contact_date", "kind"),)

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"))
    contact_date: Mapped[date] = mapped_column(Date)
    kind: Mapped[ContactKind] = mapped_column(_enum(ContactKind))
    note: Mapped[str] = mapped_column(Text, default="")
    medewerker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("medewerker.id"))

    household: Mapped[Household] = relationship(back_populates="contacts")
    medewerker: Mapped[Medewerker | None] = relationship()


class Organisation(Tracked, Base):
    """A partner the team works with (school, huisarts, GGZ, Veilig Thuis, …).

    Consents point at it; later meeting attendees, plan partners and referrals will too.
    Switched off rather than removed, so what pointed at it keeps its name.
    """

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40), default="overig")  # codelists: organisatiesoort
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    contacts: Mapped[list[OrganisationContact]] = relationship(
        back_populates="organisation",
        cascade="all, delete-orphan",
        order_by="OrganisationContact.name",
    )


class OrganisationContact(Tracked, Base):
    """A contact person at an organisation (a professional, not a family member)."""

    __tablename__ = "organisation_contact"

    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    email: Mapped[str] = mapped_column(String(120), default="")

    organisation: Mapped[Organisation] = relationship(back_populates="contacts")


class Consent(Tracked, Base):
    """Toestemming: what may be shared with which organisation, or a refusal."""

    __tablename__ = "consent"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    organisation_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("organisation.id"), index=True)
    # The organisation's name as it was when the consent was recorded: what the family
    # agreed to, kept verbatim even if the organisation is renamed later.
    organisation: Mapped[str] = mapped_column(String(120))
    purpose: Mapped[str] = mapped_column(Text, default="")
    given_by: Mapped[str] = mapped_column(String(120), default="")
    given_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)
    refused: Mapped[bool] = mapped_column(Boolean, default=False)

    household: Mapped[Household] = relationship(back_populates="consents")
    organisation_record: Mapped[Organisation] = relationship()


class Measurement(Tracked, Base):
    """One scoring of an instrument on a date, by an assessor: about one person, or (no
    person) about the whole household when the instrument's subject is the household."""

    __tablename__ = "measurement"
    __table_args__ = (Index("ix_measurement_person_date", "person_id", "measured_on"),)

    person_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"))
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    instrument_code: Mapped[str] = mapped_column(String(40))
    instrument_version: Mapped[str] = mapped_column(String(20))
    measured_on: Mapped[date] = mapped_column(Date)
    assessor: Mapped[str] = mapped_column(String(120))
    note: Mapped[str] = mapped_column(Text, default="")
    # Kept by triggers on measurement_score (migration 0021), never set here: the items
    # scored or marked niet beoordeeld, and the scored ones as JSON {item: level}. Deferred
    # (see Traject.plan_on).
    answered: Mapped[int] = mapped_column(server_default="0", deferred=True)
    levels: Mapped[str | None] = mapped_column(Text, deferred=True)

    person: Mapped[Person | None] = relationship(back_populates="measurements")
    household: Mapped[Household] = relationship(back_populates="measurements")
    scores: Mapped[list[MeasurementScore]] = relationship(
        back_populates="measurement", cascade="all, delete-orphan"
    )
    conclusions: Mapped[list[MeasurementConclusion]] = relationship(
        back_populates="measurement", cascade="all, delete-orphan"
    )


class MeasurementScore(Tracked, Base):
    """One item of a measurement: a level, or explicitly not assessed; a target; a remark."""

    __tablename__ = "measurement_score"
    # the overview's ZRM progress reads every measurement's levels from this index alone
    __table_args__ = (
        Index(
            "ix_measurement_score_levels", "measurement_id", "item_code", "level", "not_assessed"
        ),
    )

    measurement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("measurement.id"))
    item_code: Mapped[str] = mapped_column(String(40))
    level: Mapped[int | None] = mapped_column()
    not_assessed: Mapped[bool] = mapped_column(Boolean, default=False)
    target: Mapped[int | None] = mapped_column()
    remark: Mapped[str] = mapped_column(Text, default="")

    measurement: Mapped[Measurement] = relationship(back_populates="scores")


class MeldcodeProcedure(Tracked, Base):
    """One walk through the meldcode huiselijk geweld en kindermishandeling, for a household.

    Steps 1 (signals), 3 (conversation), 4 (the afwegingskader's answers) and 5 (the
    decision) are columns here; step 2's consultations are rows of their own. The victim is
    a member's id without a foreign key: the procedure stays when the member leaves.
    """

    __tablename__ = "meldcode_procedure"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    form: Mapped[ViolenceForm] = mapped_column(_enum(ViolenceForm, 32))
    victim_kind: Mapped[VictimKind] = mapped_column(_enum(VictimKind))
    victim_id: Mapped[uuid.UUID | None] = mapped_column()
    # step 1: the signals
    signals_on: Mapped[date] = mapped_column(Date)
    signals_by: Mapped[str] = mapped_column(String(120))
    signals: Mapped[str] = mapped_column(Text, default="")
    injury: Mapped[bool] = mapped_column(Boolean, default=False)
    # step 3: the conversation with those involved, or why not
    conversation_on: Mapped[date | None] = mapped_column(Date)
    conversation_by: Mapped[str] = mapped_column(String(120), default="")
    conversation_held: Mapped[bool | None] = mapped_column(Boolean)
    conversation_note: Mapped[str] = mapped_column(Text, default="")
    conversation_why_not: Mapped[str] = mapped_column(Text, default="")
    # step 4: the afwegingskader, questions 1-5 (None: not answered)
    weighed_on: Mapped[date | None] = mapped_column(Date)
    weighed_by: Mapped[str] = mapped_column(String(120), default="")
    answer_1: Mapped[bool | None] = mapped_column(Boolean)
    answer_2: Mapped[bool | None] = mapped_column(Boolean)
    answer_3: Mapped[bool | None] = mapped_column(Boolean)
    answer_4: Mapped[bool | None] = mapped_column(Boolean)
    answer_5: Mapped[bool | None] = mapped_column(Boolean)
    weighing_note: Mapped[str] = mapped_column(Text, default="")
    evaluation_on: Mapped[date | None] = mapped_column(Date)
    # step 5: the decision
    decided_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    melding: Mapped[bool] = mapped_column(Boolean, default=False)
    melding_on: Mapped[date | None] = mapped_column(Date)
    vt_reference: Mapped[str] = mapped_column(String(40), default="")
    parents_told: Mapped[bool | None] = mapped_column(Boolean)
    parents_not_told_why: Mapped[str] = mapped_column(Text, default="")
    vt_feedback: Mapped[str] = mapped_column(Text, default="")
    vt_next_step: Mapped[str] = mapped_column(Text, default="")
    help: Mapped[bool] = mapped_column(Boolean, default=False)
    agreements: Mapped[str] = mapped_column(Text, default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    # finished: read-only from then on, corrected only with a reason
    finished_on: Mapped[date | None] = mapped_column(Date)

    consultations: Mapped[list[MeldcodeConsultation]] = relationship(
        back_populates="procedure",
        cascade="all, delete-orphan",
        order_by="MeldcodeConsultation.consulted_on",
    )
    corrections: Mapped[list[MeldcodeCorrection]] = relationship(
        back_populates="procedure",
        cascade="all, delete-orphan",
        order_by="MeldcodeCorrection.created_at",
    )


class MeldcodeConsultation(Tracked, Base):
    """Step 2 of the meldcode: one consultation, and its advice."""

    __tablename__ = "meldcode_consultation"

    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meldcode_procedure.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    kind: Mapped[ConsultationKind] = mapped_column(_enum(ConsultationKind))
    consulted_on: Mapped[date] = mapped_column(Date)
    consulted_by: Mapped[str] = mapped_column(String(120))
    consulted: Mapped[str] = mapped_column(String(120), default="")
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    advice: Mapped[str] = mapped_column(Text, default="")

    procedure: Mapped[MeldcodeProcedure] = relationship(back_populates="consultations")


class MeldcodeCorrection(Tracked, Base):
    """Why a finished procedure was corrected; the old values are in the correction history."""

    __tablename__ = "meldcode_correction"

    procedure_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("meldcode_procedure.id"), index=True)
    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("household.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    fields: Mapped[str] = mapped_column(Text, default="")  # the changed columns, comma-separated

    procedure: Mapped[MeldcodeProcedure] = relationship(back_populates="corrections")


class MeasurementConclusion(Tracked, Base):
    """A conclusion of a measurement (e.g. 'Veiligheid nu': 'zorgelijk'), as the professional
    chose it from the instrument's options; never computed from the items."""

    __tablename__ = "measurement_conclusion"

    measurement_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("measurement.id"), index=True)
    conclusion_code: Mapped[str] = mapped_column(String(40))
    option_code: Mapped[str] = mapped_column(String(40))

    measurement: Mapped[Measurement] = relationship(back_populates="conclusions")
