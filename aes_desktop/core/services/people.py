"""Aides' profiles (name, ministry, state): the authors of annotations and exports."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from aes_desktop.core import listing
from aes_desktop.core.db import Database
from aes_desktop.core.enums import State
from aes_desktop.core.errors import NotFoundError, ValidationError
from aes_desktop.core.models import Person
from aes_desktop.core.services import unit_of_work

# The profile's row and its look-up at start-up are plain SQL in :mod:`aes_desktop.core.listing`.
PersonRow = listing.PersonRow
find_person_by_uuid = listing.find_person_by_uuid


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
