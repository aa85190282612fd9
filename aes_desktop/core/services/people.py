"""Aides' profiles (name, ministry, state): the authors of annotations and exports."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database
from aes_desktop.core.enums import State
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import Person
from aes_desktop.core.services import unit_of_work
from aes_desktop.core.services.audit import Actor


@dataclass(frozen=True)
class PersonRow:
    id: int
    uuid: str
    name: str
    ministry: str
    state: State

    @property
    def actor(self) -> Actor:
        return Actor(self.name, self.uuid)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.ministry}, {self.state.value})" if self.ministry else self.name


def _row(p: Person) -> PersonRow:
    return PersonRow(p.id, p.uuid, p.name, p.ministry, State(p.state))


def create_person(
    db: Database,
    name: str,
    ministry: str,
    state: State | str,
    *,
    session: Session | None = None,
) -> PersonRow:
    name = name.strip()
    if not name:
        raise ValidationError("Le nom de la personne est obligatoire.", field="name")
    try:
        state = State(state)
    except ValueError as exc:
        raise ValidationError(f"État inconnu : {state}.", field="state") from exc
    with unit_of_work(db, session) as s:
        person = Person(name=name, ministry=ministry.strip(), state=state)
        s.add(person)
        s.flush()
        return _row(person)


def list_people(db: Database) -> list[PersonRow]:
    with db.read() as s:
        return [_row(p) for p in s.scalars(select(Person).order_by(Person.name))]


def get_person(db: Database, person_id: int) -> PersonRow:
    with db.read() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError("Ce profil n'existe plus.")
        return _row(person)


def find_person_by_uuid(db: Database, uuid: str) -> PersonRow | None:
    # Core on the table: the aide's profile is looked up at start-up.
    t = Person.__table__.c
    with db.engine.connect() as conn:
        r = conn.execute(
            select(t.id, t.uuid, t.name, t.ministry, t.state).where(t.uuid == uuid)
        ).first()
    return PersonRow(r.id, r.uuid, r.name, r.ministry, State(r.state)) if r else None
