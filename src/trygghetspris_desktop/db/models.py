"""SQLAlchemy 2 typed ORM models for every noun of the domain.

The schema guards the rules itself, so no code path can store a broken record:
one row per year, one score per juror x nomination x criterion, a score inside its
criterion's scale (a composite foreign key copies the scale onto the score, where a
CHECK can see it), one chair per year (a partial unique index), and foreign keys whose
ON DELETE says what a deletion means.

Any change here needs an Alembic revision in db/migrations/versions/.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from trygghetspris_desktop.domain.enums import (
    JuryRole,
    NominationKind,
    NominationStatus,
    PlacementKind,
    RecordKind,
    YearStatus,
)

# Named constraints make Alembic batch migrations on SQLite reliable.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(enum_cls: type) -> Enum:
    """Store an enum as its lowercase value in a VARCHAR guarded by a CHECK."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
        name=enum_cls.__name__.lower(),
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """Optimistic concurrency: a row's ``version`` counts its updates.

    SQLAlchemy's ``version_id_col`` adds ``AND version = <the version read>`` to every UPDATE
    and DELETE of the row and bumps the number, so a flush that meets a row someone else
    changed since it was read fails with ``StaleDataError`` instead of overwriting it. Use
    cases that save a form also compare the version the form was opened with
    (:mod:`trygghetspris_desktop.core.concurrency`). The server default fills the column for
    rows inserted without the ORM (bulk imports) and for rows that existed before it.
    """

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


class PrizeSettings(Versioned, Base):
    """The prize and its organiser. Exactly one row (id = 1)."""

    __tablename__ = "prize_settings"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    prize_name: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(200))
    first_year: Mapped[int] = mapped_column(Integer)
    purpose: Mapped[str] = mapped_column(Text, default="")
    default_prize_amount: Mapped[int | None] = mapped_column(Integer)
    place: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")  # lines separated by "\n"
    phone: Mapped[str] = mapped_column(String(100), default="")
    web: Mapped[str] = mapped_column(String(300), default="")
    about_heading: Mapped[str] = mapped_column(String(200), default="")
    about_text: Mapped[str] = mapped_column(Text, default="")
    logo_path: Mapped[str] = mapped_column(String(1000), default="")  # relative to data dir
    headline_template: Mapped[str] = mapped_column(String(300), default="")
    lead_template: Mapped[str] = mapped_column(Text, default="")
    districts: Mapped[str] = mapped_column(Text, default="")  # one per line, editable list
    backups_to_keep: Mapped[int] = mapped_column(Integer, default=10)
    personal_data_retention_months: Mapped[int] = mapped_column(Integer, default=24)
    attachment_max_mb: Mapped[int] = mapped_column(Integer, default=25)  # the largest file


class AwardYear(Versioned, Base):
    """One year of the prize: theme, dates, amount, status and the press-release texts.

    ``record_kind`` says whether the year is run in the program (a jury with a chair, a
    motivation and a date before a decision) or registered afterwards from ``sources``,
    where any fact may be unknown. ``nomination_count`` is the number of nominations a
    source states for a registered year; NULL is unknown (never 0 for "not recorded").
    """

    __tablename__ = "award_year"
    __table_args__ = (
        CheckConstraint("year BETWEEN 1900 AND 2999", name="year_range"),
        CheckConstraint("prize_amount IS NULL OR prize_amount >= 0", name="amount_not_negative"),
        CheckConstraint(
            "nomination_count IS NULL OR nomination_count >= 0", name="count_not_negative"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    theme: Mapped[str] = mapped_column(String(300), default="")
    nomination_deadline: Mapped[date | None] = mapped_column(Date)
    ceremony_date: Mapped[date | None] = mapped_column(Date)
    ceremony_event: Mapped[str] = mapped_column(String(300), default="")
    prize_amount: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[YearStatus] = mapped_column(_enum(YearStatus), default=YearStatus.PLANNING)
    notes: Mapped[str] = mapped_column(Text, default="")
    record_kind: Mapped[RecordKind] = mapped_column(
        _enum(RecordKind), default=RecordKind.PROGRAM, server_default=RecordKind.PROGRAM.value
    )
    sources: Mapped[str] = mapped_column(Text, default="", server_default="")
    nomination_count: Mapped[int | None] = mapped_column(Integer)

    nominations: Mapped[list[Nomination]] = relationship(
        back_populates="award_year", order_by="Nomination.id", passive_deletes=True
    )
    jury: Mapped[list[JuryMembership]] = relationship(
        back_populates="award_year", order_by="JuryMembership.position", passive_deletes=True
    )
    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="award_year", order_by="Criterion.position", passive_deletes=True
    )
    decision: Mapped[Decision | None] = relationship(
        back_populates="award_year", passive_deletes=True
    )
    quotes: Mapped[list[Quote]] = relationship(
        back_populates="award_year", order_by="Quote.position", passive_deletes=True
    )


class Nominator(Versioned, Base):
    """Who sent a nomination. Personal data: exported per person, anonymised after retention."""

    __tablename__ = "nominator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")
    anonymised_at: Mapped[datetime | None] = mapped_column(DateTime)


class Nomination(Versioned, Base):
    """A nominated activity, project, organisation or person in one year."""

    __tablename__ = "nomination"
    __table_args__ = (
        CheckConstraint("length(trim(nominee_name)) > 0", name="nominee_required"),
        CheckConstraint(
            "status <> 'not_eligible' OR length(trim(status_reason)) > 0",
            name="not_eligible_needs_reason",
        ),
        Index("ix_nomination_year_status", "year_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # A year with nominations cannot be deleted by accident.
    year_id: Mapped[int] = mapped_column(ForeignKey("award_year.id", ondelete="RESTRICT"))
    nominee_name: Mapped[str] = mapped_column(String(300))
    full_name: Mapped[str] = mapped_column(String(500), default="")
    # None: the kind is not known (a year registered afterwards from sources).
    kind: Mapped[NominationKind | None] = mapped_column(
        _enum(NominationKind), default=NominationKind.PROJECT
    )
    district: Mapped[str] = mapped_column(String(200), default="")
    nominator_text: Mapped[str] = mapped_column(Text, default="")
    received_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[NominationStatus] = mapped_column(
        _enum(NominationStatus), default=NominationStatus.RECEIVED
    )
    status_reason: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Anonymising or deleting a nominator keeps the nomination.
    nominator_id: Mapped[int | None] = mapped_column(
        ForeignKey("nominator.id", ondelete="SET NULL")
    )

    award_year: Mapped[AwardYear] = relationship(back_populates="nominations")
    nominator: Mapped[Nominator | None] = relationship()
    organisations: Mapped[list[NominationOrganisation]] = relationship(
        order_by="NominationOrganisation.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    attachments: Mapped[list[Attachment]] = relationship(
        order_by="Attachment.id", cascade="all, delete-orphan", passive_deletes=True
    )


class NominationOrganisation(Versioned, Base):
    """One of the organisations involved in a nomination, in the order given."""

    __tablename__ = "nomination_organisation"
    __table_args__ = (UniqueConstraint("nomination_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("nomination.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer, default=0)


class Attachment(Versioned, Base):
    """A file attached to a nomination, copied into the data folder."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("nomination.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(500))  # as the user named it
    # A unique name; files attached by versions before 0006 lay under it in attachments/.
    stored_name: Mapped[str] = mapped_column(String(500))
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    added_at: Mapped[datetime] = mapped_column(DateTime)


class AttachmentContent(Base):
    """The bytes of an attachment, in the database: a backup holds them and every
    administrator sees the same file. Written once, never changed (so not versioned);
    written with plain SQL (core/attachment_store.py) so the audit never copies them."""

    __tablename__ = "attachment_content"

    attachment_id: Mapped[int] = mapped_column(
        ForeignKey("attachment.id", ondelete="CASCADE"), primary_key=True
    )
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Person(Versioned, Base):
    """Someone who recurs across years: juror, quoted speaker, press contact."""

    __tablename__ = "person"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_required"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    organisation: Mapped[str] = mapped_column(String(300), default="")


class JuryMembership(Versioned, Base):
    """A person on one year's jury, with that year's title and place in the list."""

    __tablename__ = "jury_membership"
    __table_args__ = (
        UniqueConstraint("year_id", "person_id"),
        # One chair per year; "exactly one before a decision" is checked by core.
        Index(
            "uq_jury_membership_one_chair",
            "year_id",
            unique=True,
            sqlite_where=text("role = 'chair'"),
            postgresql_where=text("role = 'chair'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("award_year.id", ondelete="CASCADE"))
    # A person who sat on a jury is history: deleting them is refused.
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="RESTRICT"))
    role: Mapped[JuryRole] = mapped_column(_enum(JuryRole), default=JuryRole.MEMBER)
    title: Mapped[str] = mapped_column(String(300), default="")
    # The name as printed that year; the person carries the current name.
    printed_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    position: Mapped[int] = mapped_column(Integer, default=0)

    award_year: Mapped[AwardYear] = relationship(back_populates="jury")
    person: Mapped[Person] = relationship()


class Criterion(Versioned, Base):
    """A scoring criterion of one year, with its weight and scale."""

    __tablename__ = "criterion"
    __table_args__ = (
        UniqueConstraint("year_id", "name"),
        # Target of the score's composite foreign key (see Score).
        UniqueConstraint("id", "scale_min", "scale_max", name="uq_criterion_scale"),
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("scale_min < scale_max", name="scale_ordered"),
        CheckConstraint("length(trim(name)) > 0", name="name_required"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("award_year.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    scale_min: Mapped[int] = mapped_column(Integer, default=1)
    scale_max: Mapped[int] = mapped_column(Integer, default=5)
    position: Mapped[int] = mapped_column(Integer, default=0)

    award_year: Mapped[AwardYear] = relationship(back_populates="criteria")


class Score(Versioned, Base):
    """One juror's score of one nomination on one criterion.

    The criterion's scale is copied here through a composite foreign key (kept in step by
    ON UPDATE CASCADE) so that a CHECK can keep the value inside the scale.
    """

    __tablename__ = "score"
    __table_args__ = (
        UniqueConstraint("membership_id", "nomination_id", "criterion_id"),
        ForeignKeyConstraint(
            ["criterion_id", "scale_min", "scale_max"],
            ["criterion.id", "criterion.scale_min", "criterion.scale_max"],
            ondelete="CASCADE",
            onupdate="CASCADE",
            name="fk_score_criterion_scale",
        ),
        CheckConstraint("value BETWEEN scale_min AND scale_max", name="value_in_scale"),
        Index("ix_score_nomination", "nomination_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("jury_membership.id", ondelete="CASCADE"))
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"))
    criterion_id: Mapped[int] = mapped_column(Integer)
    scale_min: Mapped[int] = mapped_column(Integer)
    scale_max: Mapped[int] = mapped_column(Integer)
    value: Mapped[int] = mapped_column(Integer)


class Conflict(Versioned, Base):
    """A declared conflict of interest (jäv): the juror is out of that nomination's tally."""

    __tablename__ = "conflict"
    __table_args__ = (
        UniqueConstraint("membership_id", "nomination_id"),
        CheckConstraint("length(trim(reason)) > 0", name="reason_required"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("jury_membership.id", ondelete="CASCADE"))
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)


class Decision(Versioned, Base):
    """The jury's decision of one year, and the press-release texts that go with it.

    The motivation may be empty (unknown) for a year registered afterwards; core requires
    it for a year run in the program.
    """

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(
        ForeignKey("award_year.id", ondelete="CASCADE"), unique=True
    )
    motivation: Mapped[str] = mapped_column(Text, default="")
    decision_date: Mapped[date | None] = mapped_column(Date)
    release_date: Mapped[date | None] = mapped_column(Date)
    headline: Mapped[str] = mapped_column(String(500), default="")
    lead: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[str] = mapped_column(Text, default="")  # comma separated
    links: Mapped[str] = mapped_column(Text, default="")  # one per line

    award_year: Mapped[AwardYear] = relationship(back_populates="decision")
    placements: Mapped[list[Placement]] = relationship(
        order_by="Placement.position", cascade="all, delete-orphan", passive_deletes=True
    )


class Placement(Versioned, Base):
    """A winner or an honourable mention of a decision."""

    __tablename__ = "placement"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decision.id", ondelete="CASCADE"))
    # A nomination that won cannot be deleted without deleting the decision first.
    nomination_id: Mapped[int] = mapped_column(
        ForeignKey("nomination.id", ondelete="RESTRICT"), unique=True
    )
    kind: Mapped[PlacementKind] = mapped_column(_enum(PlacementKind))
    motivation: Mapped[str] = mapped_column(Text, default="")  # own text of a mention
    position: Mapped[int] = mapped_column(Integer, default=0)

    nomination: Mapped[Nomination] = relationship()


class Quote(Versioned, Base):
    """A quote for the press release: who, with what title that year, and the words."""

    __tablename__ = "quote"
    __table_args__ = (CheckConstraint("length(trim(text)) > 0", name="text_required"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int] = mapped_column(ForeignKey("award_year.id", ondelete="CASCADE"))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    speaker_name: Mapped[str] = mapped_column(String(200))
    speaker_title: Mapped[str] = mapped_column(String(300), default="")
    intro: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    award_year: Mapped[AwardYear] = relationship(back_populates="quotes")


class PressContact(Versioned, Base):
    """A press contact; ``year_id`` NULL means it applies to every year."""

    __tablename__ = "press_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    year_id: Mapped[int | None] = mapped_column(ForeignKey("award_year.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class AuditEntry(Base):
    """Who changed what, when: written by every service that changes data."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    os_user: Mapped[str] = mapped_column(String(200))  # the computer's user: the client's word
    # The server login that wrote the entry, set by the server itself (a trigger, migration
    # 0008) on PostgreSQL; None on SQLite (a file has no logins) and for older entries.
    db_user: Mapped[str | None] = mapped_column(String(200), nullable=True)
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete / import ...
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[str] = mapped_column(Text, default="")  # JSON
    after: Mapped[str] = mapped_column(Text, default="")  # JSON
