"""The journal's SQLite schema as numbered migrations, and how a file is recognised.

Each migration runs in its own `BEGIN IMMEDIATE` transaction and ends by raising
`PRAGMA user_version` to its number, so a journal is always at exactly one
version even if the process dies between two migrations. `application_id`
marks the file as ours: any other SQLite file is refused, never altered.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # status reads the header through this module: no records to build
    from belonging_cli.records import Role

# "BLNG": written into the SQLite header so that we know our own files.
APPLICATION_ID = 0x424C4E47

SQLITE_MAGIC = b"SQLite format 3\x00"
# An encrypted journal's first 16 bytes: SQLCipher's salt, which is not secret (the key
# is random, so a salt shared by every journal costs nothing), chosen so that the file
# alone says what it is (journal/crypt/).
ENCRYPTED_MAGIC = b"belonging-crypt1"

MIGRATIONS: tuple[str, ...] = (
    # 1: the base schema, carrying everything the tool stores.
    """
    CREATE TABLE assignments (
        id TEXT PRIMARY KEY,
        pack_id TEXT NOT NULL,
        pack_version TEXT NOT NULL,
        exercise_id TEXT NOT NULL,
        behaviour_id TEXT NOT NULL,
        title TEXT NOT NULL,
        instructions TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        due TEXT,
        cadence_weeks INTEGER NOT NULL DEFAULT 1,
        minutes INTEGER,
        status TEXT NOT NULL CHECK (status IN ('assigned', 'done', 'dropped', 'withdrawn')),
        coach TEXT,
        questions_json TEXT NOT NULL DEFAULT '[]',
        completed_at TEXT,
        times_done INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        flow_id TEXT NOT NULL,
        rubric_id TEXT NOT NULL,
        rubric_version TEXT NOT NULL,
        week TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'complete')),
        started_at TEXT NOT NULL,      -- ISO 8601 with the user's offset, as given
        started_utc TEXT NOT NULL,     -- the same instant in UTC, fixed width: sorts as text
        started_day TEXT NOT NULL,     -- the calendar day the user lived it (its own offset)
        completed_at TEXT,
        focus_behaviour_id TEXT,
        assignment_id TEXT REFERENCES assignments(id) ON DELETE SET NULL
    );
    CREATE INDEX sessions_by_time ON sessions(started_utc);
    CREATE INDEX sessions_by_assignment ON sessions(assignment_id);
    CREATE TABLE session_tags (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (session_id, position),
        UNIQUE (session_id, tag)
    ) WITHOUT ROWID;
    CREATE TABLE answers (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        step_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        value_json TEXT NOT NULL,
        answered_at TEXT NOT NULL,
        prompt_id TEXT,
        behaviour_id TEXT,
        private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
        question TEXT,
        PRIMARY KEY (session_id, position),
        UNIQUE (session_id, step_id)
    ) WITHOUT ROWID;
    CREATE TABLE ratings (
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        behaviour_id TEXT NOT NULL,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        rated_at TEXT NOT NULL,
        evidence TEXT,
        evidence_private INTEGER NOT NULL DEFAULT 0 CHECK (evidence_private IN (0, 1)),
        PRIMARY KEY (session_id, position),
        UNIQUE (session_id, behaviour_id)
    ) WITHOUT ROWID;
    CREATE TABLE experiments (
        id TEXT PRIMARY KEY,
        behaviour_id TEXT NOT NULL,
        title TEXT NOT NULL,
        week TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_utc TEXT NOT NULL,
        -- An experiment belongs to the reflection that set it and goes with it.
        created_session_id TEXT REFERENCES sessions(id) ON DELETE CASCADE,
        rubric_experiment_id TEXT,
        minutes INTEGER,
        signal TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'done', 'dropped')),
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('tried', 'partly', 'not_tried')),
        happened TEXT,
        learned TEXT,
        reviewed_at TEXT,
        -- A review outlives the session it was written in.
        reviewed_session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
        private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1))
    );
    CREATE INDEX experiments_by_time ON experiments(created_utc);
    CREATE INDEX experiments_by_created_session ON experiments(created_session_id);
    CREATE INDEX experiments_by_reviewed_session ON experiments(reviewed_session_id);
    """,
    # 2: indexes for `journal list --tag/--behaviour` over long journals.
    """
    CREATE INDEX session_tags_by_tag ON session_tags(tag);
    CREATE INDEX answers_by_behaviour ON answers(behaviour_id) WHERE behaviour_id IS NOT NULL;
    CREATE INDEX sessions_by_focus ON sessions(focus_behaviour_id);
    """,
    # 3: answers keep what their step means to the report (its flow's `role:`); old
    # answers get the role their step id meant (`legacy_role`, registered by `migrate`).
    """
    ALTER TABLE answers ADD COLUMN role TEXT;
    UPDATE answers SET role = legacy_role(
        (SELECT flow_id FROM sessions WHERE sessions.id = answers.session_id), step_id, kind
    );
    """,
    # 4: an experiment's review notes are private each on its own; one flag hid all of
    # an experiment before, so its notes keep that flag (what was stored stays hidden).
    """
    ALTER TABLE experiments ADD COLUMN happened_private INTEGER NOT NULL DEFAULT 0
        CHECK (happened_private IN (0, 1));
    ALTER TABLE experiments ADD COLUMN learned_private INTEGER NOT NULL DEFAULT 0
        CHECK (learned_private IN (0, 1));
    UPDATE experiments SET happened_private = private, learned_private = private;
    """,
    # 5: feedback rounds (issue 17): others' view as the collector's anonymous aggregate,
    # kept whole (`aggregate_json`) with its dates and rater counts per group beside it.
    """
    CREATE TABLE feedback_rounds (
        id TEXT PRIMARY KEY,           -- a hash of the aggregate: the same one is one round
        imported_at TEXT NOT NULL,
        requested_on TEXT NOT NULL,
        collected_on TEXT NOT NULL,
        raters_total INTEGER NOT NULL CHECK (raters_total >= 3),
        groups_json TEXT NOT NULL,
        aggregate_json TEXT NOT NULL
    );
    CREATE INDEX feedback_rounds_by_collected ON feedback_rounds(collected_on);
    """,
    # 6: development goals (`belonging goals`, a coach's pack): at most three open at once.
    """
    CREATE TABLE goals (
        id TEXT PRIMARY KEY,
        behaviour_id TEXT NOT NULL,
        target INTEGER NOT NULL CHECK (target BETWEEN 1 AND 5),
        due TEXT NOT NULL,
        success TEXT NOT NULL,
        set_at TEXT NOT NULL,
        set_utc TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'achieved', 'dropped')),
        closed_at TEXT,
        pack_id TEXT,
        coach TEXT
    );
    CREATE INDEX goals_by_time ON goals(set_utc);
    """,
    # 7: why the client dropped an exercise (`exercises drop --reason`), for their coach.
    """
    ALTER TABLE assignments ADD COLUMN drop_reason TEXT;
    """,
    # 8: evidence from the person's own week (issue 18): figures per ISO week and source,
    # measured locally; never titles, attendees or other people's words.
    """
    CREATE TABLE evidence (
        week TEXT NOT NULL,             -- ISO week, 2024-W09
        source TEXT NOT NULL CHECK (source IN ('calendar', 'transcript')),
        figures TEXT NOT NULL,          -- JSON object of numbers and short labels
        examples TEXT NOT NULL DEFAULT '[]',  -- JSON list of the person's own sentences
        imported_at TEXT NOT NULL,
        PRIMARY KEY (week, source)
    ) WITHOUT ROWID;
    """,
    # 9: a pack's words for the client (its description, the coach's contact, who it is
    # for), kept with each of its exercises: shown on import and by `exercises show`.
    """
    ALTER TABLE assignments ADD COLUMN pack_description TEXT;
    ALTER TABLE assignments ADD COLUMN coach_contact TEXT;
    ALTER TABLE assignments ADD COLUMN client TEXT;
    """,
)

LATEST_VERSION = len(MIGRATIONS)


# What step ids meant before answers kept a role: the report read these ids in any
# flow, and these packaged flows' steps have a role now. Frozen: old journals (migration
# 3) and old exports (no `role` keys) are read with it, so it must never change.
_ANY_FLOW: dict[str, Role] = {"balance": "balance", "control": "control", "influence": "influence"}
_NOTES: frozenset[Role] = frozenset({"control", "influence"})
_IN_FLOW: dict[tuple[str, str], Role] = {
    ("weekly", "review"): "review",
    ("weekly", "tip"): "takeaway",
    ("monthly", "start"): "takeaway",
    ("deep-dive", "next-level"): "takeaway",
    ("mirror", "borrow"): "takeaway",
    ("five-concepts", "control-where"): "control",
}


def legacy_role(flow_id: str | None, step_id: str, kind: str) -> Role | None:
    """The role an answer stored before roles were has (None: it meant nothing special)."""
    # Review answers are filed under `review`, `review.2`, `review.happened`...
    head = "review" if step_id.split(".")[0] == "review" else step_id
    found = _IN_FLOW.get((flow_id or "", head))
    if found is not None:
        return found
    role = _ANY_FLOW.get(step_id)
    # A note is words: five-concepts' `control` is a scale, never a note on control.
    if role in _NOTES and kind not in ("text", "long_text"):
        return None
    return role
