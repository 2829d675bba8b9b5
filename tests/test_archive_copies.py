"""How a local copy compares with the archived one, and URLs shown without their password."""

from __future__ import annotations

import pytest

from facilitate.archive.connection import scrubbed, shown_url
from facilitate.archive.copies import chain, compare, line_hash


def test_the_same_records_are_up_to_date_and_new_ones_are_ahead() -> None:
    local = [(1, "a"), (2, "b"), (3, "c")]
    assert compare(local, {1: "a", 2: "b", 3: "c"}).standing == "up_to_date"
    ahead = compare(local, {1: "a"})
    assert (ahead.standing, ahead.new_seqs) == ("ahead", (2, 3))
    assert compare(local, None).new_seqs == (1, 2, 3)


def test_an_older_copy_is_behind_and_nothing_is_pushed() -> None:
    behind = compare([(1, "a")], {1: "a", 2: "b"})
    assert (behind.standing, behind.missing, behind.new_seqs) == ("behind", 1, ())


def test_another_hash_at_a_seq_is_a_diverged_copy() -> None:
    found = compare([(1, "a"), (2, "X"), (3, "c")], {1: "a", 2: "b"})
    assert (found.standing, found.diverged_at) == ("diverged", 2)


def test_copies_that_each_lack_records_of_the_other_diverged() -> None:
    found = compare([(1, "a"), (3, "c")], {1: "a", 2: "b"})
    assert (found.standing, found.diverged_at) == ("diverged", 2)


def test_the_digest_changes_with_any_line() -> None:
    one = [(1, line_hash('{"seq":1}')), (2, line_hash('{"seq":2}'))]
    other = [(1, line_hash('{"seq":1}')), (2, line_hash('{"seq":2} '))]
    assert chain(one) != chain(other)
    assert chain(one) == chain(list(one))


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "postgresql://anna:hemlig%20ord@db.example.org:5432/arkiv?sslmode=require",
            "postgresql://anna:***@db.example.org:5432/arkiv?sslmode=require",
        ),
        ("postgresql://anna@db/arkiv", "postgresql://anna@db/arkiv"),
        (
            "postgresql://anna@db/arkiv?password=hemligt&sslmode=require",
            "postgresql://anna:***@db/arkiv?sslmode=require",
        ),
        (
            "host=db user=anna password=hemligt dbname=arkiv",
            "host=db user=anna password=*** dbname=arkiv",
        ),
        ("host=db password='med mellanslag' dbname=a", "host=db password=*** dbname=a"),
    ],
)
def test_a_url_is_shown_without_its_password(url: str, shown: str) -> None:
    assert shown_url(url) == shown


def test_an_error_text_loses_the_password_and_its_line_breaks() -> None:
    url = "postgresql://anna:topsecret@db/arkiv"
    text = 'connection failed: FATAL:  bad login "topsecret"\nDETAIL: password=topsecret'
    assert scrubbed(text, url) == (
        'connection failed: FATAL:  bad login "***" DETAIL: password=***'
    )
    assert scrubbed("no: hemlig ord", "postgresql://a:hemlig%20ord@db/x") == "no: ***"
