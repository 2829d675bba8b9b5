-- What the records say, kept in step with them by every push that adds records to a session:
-- its runs, the steps of each run (planned against actual), and its live entries.

CREATE TABLE facilitate.runs (
    session_uuid uuid NOT NULL REFERENCES facilitate.sessions (uuid) ON DELETE CASCADE,
    run_id       text NOT NULL,
    number       integer NOT NULL,
    method       text NOT NULL,
    started_at   text NOT NULL,
    progress     text NOT NULL,
    params       jsonb NOT NULL,
    PRIMARY KEY (session_uuid, number)
);

CREATE TABLE facilitate.steps (
    session_uuid    uuid NOT NULL,
    run_number      integer NOT NULL,
    position        integer NOT NULL,
    segment         integer NOT NULL,
    step            text NOT NULL,
    round           integer,
    planned_seconds double precision,
    actual_seconds  double precision,
    outcome         text,
    started_at      text NOT NULL,
    PRIMARY KEY (session_uuid, run_number, position),
    FOREIGN KEY (session_uuid, run_number) REFERENCES facilitate.runs ON DELETE CASCADE
);

CREATE TABLE facilitate.entries (
    session_uuid uuid NOT NULL REFERENCES facilitate.sessions (uuid) ON DELETE CASCADE,
    entry_id     text NOT NULL,
    run_id       text,
    kind         text NOT NULL,
    step         text,
    round        integer,
    text         text NOT NULL,
    dims         jsonb NOT NULL,
    value        jsonb,
    author       text NOT NULL,
    added_at     text NOT NULL,
    added_seq    integer NOT NULL,
    PRIMARY KEY (session_uuid, entry_id)
);
CREATE INDEX entries_kind ON facilitate.entries (kind);

-- Themes and the items under them (an item id a theme lists that is no live entry is left out).
CREATE VIEW facilitate.theme_items AS
SELECT t.session_uuid, t.entry_id AS theme_id, t.text AS theme, i.entry_id AS item_id,
       i.kind AS item_kind, i.text AS item
FROM facilitate.entries t
CROSS JOIN LATERAL jsonb_array_elements_text(
    CASE WHEN jsonb_typeof(t.value -> 'items') = 'array' THEN t.value -> 'items' ELSE '[]' END
) AS linked(item_id)
JOIN facilitate.entries i ON i.session_uuid = t.session_uuid AND i.entry_id = linked.item_id
WHERE t.kind = 'theme';

-- Planned against actual time per method, over the steps that ended.
CREATE VIEW facilitate.method_times AS
SELECT r.method, count(DISTINCT (r.session_uuid, r.number)) AS runs, count(*) AS steps,
       sum(s.planned_seconds) AS planned_seconds, sum(s.actual_seconds) AS actual_seconds
FROM facilitate.runs r
JOIN facilitate.steps s ON s.session_uuid = r.session_uuid AND s.run_number = r.number
WHERE s.planned_seconds IS NOT NULL AND s.actual_seconds IS NOT NULL AND r.method <> '@timer'
GROUP BY r.method;
