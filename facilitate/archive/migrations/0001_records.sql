-- The archive's records: each session's header, and its journal's lines as they were written.
-- A line is keyed by the session's UUID and its sequence number, with the SHA-256 of the line,
-- so that a copy that diverged is noticed (the same UUID and seq, another hash) and never merged.

CREATE TABLE facilitate.sessions (
    uuid        uuid PRIMARY KEY,
    id          text NOT NULL,
    title       text NOT NULL,
    date        text NOT NULL,
    place       text NOT NULL DEFAULT '',
    language    text NOT NULL,
    method      text,
    plan        text,
    programme   text,
    header      jsonb NOT NULL,
    header_hash text NOT NULL,
    events      integer NOT NULL,
    last_seq    integer NOT NULL,
    digest      text NOT NULL,
    journal_digest text NOT NULL,
    pushed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_programme ON facilitate.sessions (programme, date);

CREATE TABLE facilitate.events (
    session_uuid uuid NOT NULL REFERENCES facilitate.sessions (uuid) ON DELETE CASCADE,
    seq          integer NOT NULL,
    hash         text NOT NULL,
    type         text NOT NULL,
    at           text NOT NULL,
    author       text NOT NULL,
    role         text NOT NULL,
    line         text NOT NULL,
    PRIMARY KEY (session_uuid, seq)
);
