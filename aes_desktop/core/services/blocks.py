"""A version's text blocks as plain rows: what the reader, the comparison and anchoring read.

Below :mod:`aes_desktop.core.services.documents` and :mod:`aes_desktop.core.services.annotation`
(both use it), so neither has to import the other to read a version's blocks.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from aes_desktop.core.db import Database
from aes_desktop.core.enums import BlockKind
from aes_desktop.core.models import Block


@dataclass(frozen=True)
class BlockRow:
    id: int
    uuid: str
    position: int
    kind: BlockKind
    number: str
    level: int
    text: str


def version_blocks(db: Database, version_id: int) -> list[BlockRow]:
    with db.read() as s:
        return [
            BlockRow(b.id, b.uuid, b.position, BlockKind(b.kind), b.number, b.level, b.text)
            for b in s.execute(
                select(
                    Block.id,
                    Block.uuid,
                    Block.position,
                    Block.kind,
                    Block.number,
                    Block.level,
                    Block.text,
                )
                .where(Block.version_id == version_id)
                .order_by(Block.position)
            )
        ]
