"""A shared PostgreSQL server: its accounts, roles and the rules the server itself enforces.

Accounts are PostgreSQL login roles with SCRAM passwords (hashed here, on the client: the server
never sees a password in clear). Each account belongs to one of four group roles and is tied to
the person (profile) it acts as in ``server_accounts``:

- ``aes_lecteur``: reads everything it may see, and writes only the audit log (append);
- ``aes_redacteur``: also creates and edits dossiers, documents and annotations;
- ``aes_secretariat``: the same data rights as a rédacteur for now;
- ``aes_administrateur``: also manages the accounts.

PostgreSQL enforces the rest, whatever client connects (the app, ``psql``): row-level security
makes a private annotation (and its search entry) visible and writable only by its author
(``server_accounts.login = current_user``); the audit log is append-only for every role, by
grants (no UPDATE, DELETE or TRUNCATE) and by a trigger that refuses them even to the owner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import State
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.services import audit, people
from aes_desktop.core.textfold import fold_full


class ServerRole(StrEnum):
    LECTEUR = "lecteur"
    REDACTEUR = "redacteur"
    SECRETARIAT = "secretariat"
    ADMINISTRATEUR = "administrateur"

    @property
    def pg_role(self) -> str:
        return f"aes_{self.value}"


_LOGIN = re.compile(r"^[a-z_][a-z0-9_.-]{0,62}$")
#: Tables only the owner writes (the schema version, the accounts, the audit log's history).
_NOT_WRITTEN_BY_EDITORS = ("alembic_version", "server_accounts", "audit_log")

_POLICIES = """
CREATE OR REPLACE FUNCTION aes_current_person() RETURNS integer
LANGUAGE sql STABLE AS
$$ SELECT person_id FROM server_accounts WHERE login = current_user AND disabled_at IS NULL $$;

CREATE OR REPLACE FUNCTION aes_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS
$$ BEGIN
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé.', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

DROP TRIGGER IF EXISTS aes_audit_no_change ON audit_log;
CREATE TRIGGER aes_audit_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION aes_audit_append_only();
DROP TRIGGER IF EXISTS aes_audit_no_truncate ON audit_log;
CREATE TRIGGER aes_audit_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION aes_audit_append_only();

ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS aes_read ON annotations;
CREATE POLICY aes_read ON annotations FOR SELECT
  USING (visibility = 'shared' OR author_id = aes_current_person());
DROP POLICY IF EXISTS aes_add ON annotations;
CREATE POLICY aes_add ON annotations FOR INSERT
  WITH CHECK (author_id = aes_current_person());
DROP POLICY IF EXISTS aes_edit ON annotations;
CREATE POLICY aes_edit ON annotations FOR UPDATE
  USING (visibility = 'shared' OR author_id = aes_current_person())
  WITH CHECK (visibility = 'shared' OR author_id = aes_current_person());
DROP POLICY IF EXISTS aes_remove ON annotations;
CREATE POLICY aes_remove ON annotations FOR DELETE
  USING (author_id = aes_current_person());

-- A private note's words must not leak through its search entry.
ALTER TABLE search_pg_annotations ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS aes_same_as_note ON search_pg_annotations;
CREATE POLICY aes_same_as_note ON search_pg_annotations
  USING (EXISTS (SELECT 1 FROM annotations AS a WHERE a.id = annotation_id))
  WITH CHECK (EXISTS (SELECT 1 FROM annotations AS a WHERE a.id = annotation_id));
"""


def parse_role(value: str) -> ServerRole:
    """``rédacteur``, ``Redacteur``, ``aes_redacteur``… → the role (French error otherwise)."""
    key = fold_full(value.strip()).removeprefix("aes_")
    try:
        return ServerRole(key)
    except ValueError as exc:
        names = ", ".join(("lecteur", "rédacteur", "secrétariat", "administrateur"))
        raise ValidationError(f"Rôle inconnu : {value}. Rôles : {names}.", field="role") from exc


def _check_login(login: str) -> str:
    if not _LOGIN.match(login):
        raise ValidationError(
            f"Identifiant refusé : {login!r}. Lettres minuscules sans accent, chiffres, « _ », "
            "« . » ou « - » (63 caractères au plus), en commençant par une lettre.",
            field="login",
        )
    return login


def server_url(url: str) -> str:
    """``postgresql://…`` as typed by an administrator → the URL the app opens (psycopg 3)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ValidationError(f"Adresse de serveur invalide : {url}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError("Un serveur partagé est une adresse postgresql://…, pas un fichier.")
    return parsed.render_as_string(hide_password=False)


def _server_db(url: str) -> Database:
    db = open_database(server_url(url))
    if db.target.is_sqlite:
        db.close()
        raise ValidationError("Un serveur partagé est une adresse postgresql://…, pas un fichier.")
    return db


@contextmanager
def _admin_session(url: str) -> Iterator[tuple[Database, Session]]:
    db = _server_db(url)
    try:
        with db.write() as s:
            yield db, s
    finally:
        db.close()


def _ident(s: Session, name: str) -> str:
    from psycopg import sql

    conn = s.connection().connection.driver_connection
    return sql.Identifier(name).as_string(conn)


def _scram(s: Session, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed by libpq on the client."""
    if len(password) < 8:
        raise ValidationError("Le mot de passe doit compter au moins 8 caractères.")
    conn: Any = s.connection().connection.driver_connection
    verifier: bytes = conn.pgconn.encrypt_password(
        password.encode("utf-8"), login.encode("utf-8"), b"scram-sha-256"
    )
    return verifier.decode("ascii")


def apply_policies(s: Session) -> None:
    """Create or refresh the group roles, grants, policies and triggers (idempotent)."""
    for role in ServerRole:
        s.execute(
            text(
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
                f"'{role.pg_role}') THEN CREATE ROLE {role.pg_role} NOLOGIN; END IF; END $$"
            )
        )
    s.execute(text("GRANT aes_lecteur TO aes_redacteur"))
    s.execute(text("GRANT aes_redacteur TO aes_secretariat"))
    s.execute(text("GRANT aes_secretariat TO aes_administrateur"))
    s.execute(text("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC"))
    s.execute(text("GRANT USAGE ON SCHEMA public TO aes_lecteur"))
    s.execute(text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO aes_lecteur"))
    s.execute(text("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO aes_lecteur"))
    s.execute(text("GRANT INSERT ON audit_log TO aes_lecteur"))
    tables = s.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    ).scalars()
    for table in tables:
        if table not in _NOT_WRITTEN_BY_EDITORS:
            s.execute(text(f"GRANT INSERT, UPDATE, DELETE ON {_ident(s, table)} TO aes_redacteur"))
    s.execute(text("GRANT INSERT, UPDATE ON server_accounts TO aes_administrateur"))
    for role in ServerRole:
        s.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM {role.pg_role}"))
    s.execute(text(_POLICIES))


def add_user(
    url: str,
    login: str,
    role: ServerRole,
    password: str,
    *,
    name: str | None = None,
    ministry: str = "",
    state: State = State.AES,
) -> int:
    """Create a login role, its person and its account, in one transaction; the person's id."""
    login = _check_login(login)
    with _admin_session(url) as (db, s):
        if s.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": login}).first():
            raise ValidationError(f"Le compte {login} existe déjà sur le serveur.", field="login")
        options = " CREATEROLE" if role is ServerRole.ADMINISTRATEUR else ""
        from psycopg import sql

        # On the driver's connection (same transaction): the verifier's characters are no
        # SQLAlchemy syntax, and it goes as a quoted literal.
        raw: Any = s.connection().connection.driver_connection
        raw.execute(
            sql.SQL("CREATE ROLE {} LOGIN" + options + " PASSWORD {} IN ROLE {}").format(
                sql.Identifier(login),
                sql.Literal(_scram(s, login, password)),
                sql.Identifier(role.pg_role),
            )
        )
        person = people.create_person(db, name or login, ministry, state, session=s)
        s.execute(
            text("INSERT INTO server_accounts (login, person_id, role) VALUES (:l, :p, :r)"),
            {"l": login, "p": person.id, "r": role.value},
        )
        audit.record(
            s,
            "server.user_add",
            object_type="person",
            object_uuid=person.uuid,
            summary=f"compte {login} ({role.value})",
        )
        return person.id


def disable_user(url: str, login: str) -> None:
    """The account can no longer log in; its person and its work stay."""
    login = _check_login(login)
    with _admin_session(url) as (_db, s):
        found = s.execute(
            text(
                "UPDATE server_accounts SET disabled_at = now() AT TIME ZONE 'utc' "
                "WHERE login = :l RETURNING person_id"
            ),
            {"l": login},
        ).first()
        if found is None:
            raise ValidationError(f"Aucun compte {login} sur ce serveur.", field="login")
        s.execute(text(f"ALTER ROLE {_ident(s, login)} NOLOGIN"))
        audit.record(s, "server.user_disable", object_type="person", summary=f"compte {login}")


def init_server(url: str, admin: str, password: str, *, name: str | None = None) -> int:
    """Bring the schema to the current revision, set up roles and policies, add the first
    administrator; the administrator's person id. Run it as the database's owner."""
    _check_login(admin)
    with _admin_session(url) as (_db, s):
        apply_policies(s)
        existing = s.execute(
            text("SELECT person_id FROM server_accounts WHERE login = :l"), {"l": admin}
        ).scalar()
    if existing is not None:  # run again after an upgrade: grants refreshed, account kept
        return int(existing)
    return add_user(url, admin, ServerRole.ADMINISTRATEUR, password, name=name)
