"""The drills' pipe reader: "ready" is found whatever arrives with it, and no wait is unbounded."""

from __future__ import annotations

import os
import time

from tests.core.durability_harness import _Lines


def test_ready_found_when_an_acknowledgement_arrives_in_the_same_read() -> None:
    r, w = os.pipe()
    try:
        os.write(w, b"ready\ndossier 3 17\nannot")  # one read: ready, an ack, half a line
        lines = _Lines(r)
        assert lines.wait_for("ready", time.monotonic() + 5)
        os.write(w, b"ation 0 18\n")
        os.close(w)
        w = -1
        assert lines.drain(time.monotonic() + 5)
        assert lines.lines == ["ready", "dossier 3 17", "annotation 0 18"]
    finally:
        os.close(r)
        if w >= 0:
            os.close(w)


def test_a_silent_writer_is_given_up_on_at_the_deadline() -> None:
    r, w = os.pipe()
    try:
        os.write(w, b"dossier 1 2\n")  # busy, but never ready
        lines = _Lines(r)
        started = time.monotonic()
        assert not lines.wait_for("ready", started + 0.3)
        assert not lines.drain(time.monotonic() + 0.2)
        assert 0.45 <= time.monotonic() - started < 3
    finally:
        os.close(r)
        os.close(w)


def test_a_line_cut_by_the_kill_is_not_an_acknowledgement() -> None:
    r, w = os.pipe()
    os.write(w, b"ready\nroadmap 4 9")
    os.close(w)
    lines = _Lines(r)
    assert lines.drain(time.monotonic() + 5)
    os.close(r)
    assert lines.lines == ["ready"]
