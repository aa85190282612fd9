"""Accounts on a shared server: the guarantees hold in PostgreSQL itself, whatever the client.

The server is set up as ``aes-desktop server init`` does; two rédacteurs work through the app,
then raw SQL through the real ``psql`` client shows what the server refuses.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from aes_desktop.core.db import Database, open_database
from aes_desktop.core.enums import (
    AnnotationKind,
    Domain,
    DossierKind,
    SessionStatus,
    State,
    Visibility,
)
from aes_desktop.core.errors import ValidationError
from aes_desktop.core.search import Scope, search
from aes_desktop.core.server import ServerRole, add_user, disable_user, init_server, parse_role
from aes_desktop.core.services import annotation, documents, dossiers, sessions
from aes_desktop.core.services.audit import verify_chain
from aes_desktop.core.textblocks import parse_structured_text
from tests.pg import PgServer

PASSWORDS = {"directrice": "Dir-2026-secret", "salif": "Salif-2026-pw", "aminata": "Ami-2026-pw"}


@pytest.fixture(scope="module")
def server(pg_server: PgServer) -> Iterator[tuple[PgServer, str, dict[str, int]]]:
    owner_url = pg_server.create_database("roles")
    name = owner_url.rsplit("/", 1)[1]
    ids = {"directrice": init_server(owner_url, "directrice", PASSWORDS["directrice"])}
    admin_url = pg_server.url(name, "directrice", PASSWORDS["directrice"])
    ids["salif"] = add_user(admin_url, "salif", parse_role("Rédacteur"), PASSWORDS["salif"])
    ids["aminata"] = add_user(admin_url, "aminata", ServerRole.REDACTEUR, PASSWORDS["aminata"])
    ids["ali"] = add_user(admin_url, "ali", ServerRole.LECTEUR, "Ali-2026-pw", name="Ali Maïga")
    yield pg_server, name, ids


def _as(server: tuple[PgServer, str, dict[str, int]], login: str) -> Database:
    pg, name, _ids = server
    return open_database(pg.url(name, login, PASSWORDS[login]))


def test_private_note_and_audit_log_hold_under_raw_sql(
    server: tuple[PgServer, str, dict[str, int]],
) -> None:
    pg, name, ids = server
    salif = _as(server, "salif")
    try:
        sid = sessions.create_session(
            salif,
            sessions.SessionInput(
                reference="CM-SRV",
                body="Conseil des ministres",
                title="Session partagée",
                start_date=date(2026, 3, 1),
                status=SessionStatus.OPEN,
            ),
        ).id
        did = dossiers.create_dossier(
            salif,
            sid,
            dossiers.DossierInput(
                reference="CM-SRV/D01",
                title="Protocole relatif à la défense",
                kind=DossierKind.PROTOCOL,
                domain=Domain.DEFENCE,
                lead_state=State.BF,
            ),
        )
        doc = documents.add_document(salif, did, "Projet")
        version = documents.add_version(
            salif, doc, parse_structured_text("# Projet\n\nLes corridors de sécurité communs.")
        )
        for body, visibility in (
            ("Note secrète sur les effectifs", Visibility.PRIVATE),
            ("Question partagée sur le calendrier", Visibility.SHARED),
        ):
            annotation.create_by_quote(
                salif,
                version_id=version.id,
                quote="corridors",
                author_id=ids["salif"],
                data=annotation.AnnotationInput(AnnotationKind.NOTE, body, visibility),
            )
        assert len(search(salif, "effectifs", scopes={Scope.ANNOTATIONS}, viewer_id=ids["salif"]))
    finally:
        salif.close()

    def psql(login: str, sql: str, check: bool = True):  # type: ignore[no-untyped-def]
        return pg.psql(name, sql, user=login, password=PASSWORDS[login], check=check)

    # Aminata, a rédacteur too, with raw SQL: the shared note only, and no trace of the private
    # one, not even through the search table.
    bodies = psql("aminata", "SELECT body FROM annotations ORDER BY id").stdout.split("\n")
    assert [b for b in bodies if b] == ["Question partagée sur le calendrier"]
    assert psql("aminata", "SELECT count(*) FROM search_pg_annotations").stdout.strip() == "1"
    changed = psql("aminata", "UPDATE annotations SET body = 'x' WHERE visibility = 'private'")
    assert psql("salif", "SELECT count(*) FROM annotations WHERE body = 'x'").stdout.strip() == "0"
    assert changed.returncode == 0  # the private row simply does not exist for her
    # Nobody rewrites the audit log: not her, not the owner.
    for sql in ("UPDATE audit_log SET summary = 'rien'", "DELETE FROM audit_log"):
        refused = psql("aminata", sql, check=False)
        assert refused.returncode != 0 and "permission denied" in refused.stderr, refused.stderr
    owner = pg.psql(name, "UPDATE audit_log SET summary = 'rien'", check=False)
    assert owner.returncode != 0 and "ajout seul" in owner.stderr, owner.stderr
    owner = pg.psql(name, "TRUNCATE audit_log", check=False)
    assert owner.returncode != 0 and "ajout seul" in owner.stderr, owner.stderr
    # She can still impersonate nobody: a note in Salif's name is refused.
    forged = psql(
        "aminata",
        "INSERT INTO annotations (uuid, dossier_id, document_id, version_id, kind, body, "
        "author_id, visibility, created_at, updated_at) SELECT 'forged', dossier_id, "
        f"document_id, version_id, kind, 'faux', {ids['salif']}, 'shared', now(), now() "
        "FROM annotations LIMIT 1",
        check=False,
    )
    assert forged.returncode != 0 and "row-level security" in forged.stderr, forged.stderr
    # Salif sees his own private note; a lecteur writes nothing but the log.
    assert "Note secrète" in psql("salif", "SELECT body FROM annotations").stdout
    reader = pg.psql(
        name, "UPDATE dossiers SET title = 'x'", user="ali", password="Ali-2026-pw", check=False
    )
    assert reader.returncode != 0 and "permission denied" in reader.stderr
    owner_db = open_database(pg.url(name))
    try:
        assert verify_chain(owner_db) == []
    finally:
        owner_db.close()


def test_disabled_account_cannot_log_in(server: tuple[PgServer, str, dict[str, int]]) -> None:
    pg, name, _ids = server
    admin = pg.url(name, "directrice", PASSWORDS["directrice"])
    add_user(admin, "temporaire", ServerRole.SECRETARIAT, "Temp-2026-pw")
    ok = pg.psql(name, "SELECT current_user", user="temporaire", password="Temp-2026-pw")
    assert ok.stdout.strip() == "temporaire"
    wrong = pg.psql(name, "SELECT 1", user="temporaire", password="mauvais-mot", check=False)
    assert wrong.returncode != 0 and "password authentication failed" in wrong.stderr
    disable_user(admin, "temporaire")
    refused = pg.psql(name, "SELECT 1", user="temporaire", password="Temp-2026-pw", check=False)
    assert refused.returncode != 0 and "not permitted to log in" in refused.stderr
    with pytest.raises(ValidationError):
        add_user(admin, "Pas Valide", ServerRole.LECTEUR, "Long-2026-pw")
    with pytest.raises(ValidationError):
        parse_role("ministre")
    # Passwords are stored as SCRAM verifiers, never in clear.
    stored = pg.psql("postgres", "SELECT rolpassword FROM pg_authid WHERE rolname = 'salif'")
    assert stored.stdout.startswith("SCRAM-SHA-256$")


def test_server_commands(pg_server: PgServer, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from aes_desktop.cli import main

    url = pg_server.create_database("cli")
    name = url.rsplit("/", 1)[1]
    plain = url.replace("postgresql+psycopg://", "postgresql://")  # as an administrator types it
    monkeypatch.setattr("sys.stdin", io.StringIO("Chef-2026-pw\n"))
    assert main(["server", "init", "--url", plain, "--admin", "chef", "--password-file", "-"]) == 0
    admin = pg_server.url(name, "chef", "Chef-2026-pw", driver="postgresql")
    monkeypatch.setattr("sys.stdin", io.StringIO("Awa-2026-pw\n"))
    args = ["server", "user", "add", "--url", admin, "awa", "--role", "secrétariat"]
    assert main([*args, "--name", "Awa Traoré", "--state", "ML", "--password-file", "-"]) == 0
    who = pg_server.psql(
        name,
        "SELECT a.role, p.name FROM server_accounts a JOIN people p ON p.id = a.person_id "
        "WHERE a.login = current_user",
        user="awa",
        password="Awa-2026-pw",
    )
    assert who.stdout.strip() == "secretariat|Awa Traoré"
    monkeypatch.setattr("sys.stdin", io.StringIO("Chef-2026-pw\n"))
    again = ["server", "init", "--url", plain, "--admin", "chef", "--password-file", "-"]
    assert main(again) == 0  # after an upgrade: policies refreshed, accounts kept
    assert main(["server", "user", "disable", "--url", admin, "awa"]) == 0
    assert main(["server", "user", "disable", "--url", admin, "personne"]) != 0
