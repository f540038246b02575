//! Numbered schema migrations, tracked by `PRAGMA user_version`, applied in one transaction.

use std::path::Path;

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::{Result, StoreError, changelog};

/// Migration N brings the schema from version N-1 to N: SQL, then (for some) a Rust step for
/// what SQL cannot compute. Append only; never edit a shipped one.
const MIGRATIONS: &[&str] = &[
    // 1: notices, sections, directives, the roster, assignments, progress, the change log.
    r#"
    CREATE TABLE office (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('hq', 'detachment', 'all_hq', 'all_detachments', 'all')),
        sort_order INTEGER NOT NULL
    );
    CREATE TABLE notice (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        issuer TEXT,
        recipients TEXT NOT NULL,
        meeting TEXT,
        issued_on TEXT NOT NULL,
        preamble TEXT NOT NULL,
        closing TEXT NOT NULL,
        source_text TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL
    );
    CREATE TABLE section (
        id INTEGER PRIMARY KEY,
        notice_id INTEGER NOT NULL REFERENCES notice(id),
        ordinal INTEGER NOT NULL,
        number TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (notice_id, ordinal)
    );
    CREATE TABLE directive (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES section(id),
        ordinal INTEGER NOT NULL,
        number TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        deadline TEXT,
        deadline_phrase TEXT,
        deadline_inferred INTEGER NOT NULL DEFAULT 0,
        recurrence TEXT,
        status TEXT NOT NULL DEFAULT 'not_started'
            CHECK (status IN ('not_started', 'in_progress', 'done', 'closed')),
        UNIQUE (section_id, ordinal)
    );
    CREATE TABLE assignment (
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        office_id INTEGER NOT NULL REFERENCES office(id),
        role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
        ordinal INTEGER NOT NULL,
        PRIMARY KEY (directive_id, office_id)
    ) WITHOUT ROWID;
    CREATE INDEX assignment_by_office ON assignment(office_id);
    CREATE TABLE progress (
        id INTEGER PRIMARY KEY,
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        on_date TEXT NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX progress_by_directive ON progress(directive_id, on_date);
    CREATE TABLE change_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        author TEXT NOT NULL,
        notice_id INTEGER REFERENCES notice(id),
        directive_id INTEGER REFERENCES directive(id),
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT
    );
    CREATE INDEX change_log_by_directive ON change_log(directive_id);
    CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log
        BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
    CREATE TRIGGER change_log_is_append_only_delete BEFORE DELETE ON change_log
        BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
    CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    -- 辽宁省消防救援总队's 14 city detachments; HQ offices join from the notices.
    INSERT INTO office (name, kind, sort_order) VALUES
        ('沈阳支队', 'detachment', 1), ('大连支队', 'detachment', 2), ('鞍山支队', 'detachment', 3),
        ('抚顺支队', 'detachment', 4), ('本溪支队', 'detachment', 5), ('丹东支队', 'detachment', 6),
        ('锦州支队', 'detachment', 7), ('营口支队', 'detachment', 8), ('阜新支队', 'detachment', 9),
        ('辽阳支队', 'detachment', 10), ('铁岭支队', 'detachment', 11), ('朝阳支队', 'detachment', 12),
        ('盘锦支队', 'detachment', 13), ('葫芦岛支队', 'detachment', 14);
    "#,
    // 2: full-text search over each directive's number, title, text and progress notes.
    // The trigram tokenizer finds any substring of 3+ characters (Chinese has no spaces);
    // shorter queries fall back to LIKE over the same text (see store/search.rs).
    r#"
    CREATE VIEW search_body AS
        SELECT d.id AS id,
               d.number || char(10) || d.title || char(10) || d.text || char(10) ||
               coalesce((SELECT group_concat(p.text, char(10)) FROM progress p WHERE p.directive_id = d.id), '')
               AS body
        FROM directive d;
    CREATE VIRTUAL TABLE search_fts USING fts5(body, tokenize = 'trigram');
    INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body;
    CREATE TRIGGER search_directive_insert AFTER INSERT ON directive BEGIN
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.id;
    END;
    CREATE TRIGGER search_directive_update AFTER UPDATE OF number, title, text ON directive BEGIN
        DELETE FROM search_fts WHERE rowid = new.id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.id;
    END;
    CREATE TRIGGER search_directive_delete AFTER DELETE ON directive BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER search_progress_insert AFTER INSERT ON progress BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    "#,
    // 3: evidence files (材料). The content lives in the blob store under `hash`; a row is
    // written only after its blob is stored and verified. Trashed rows keep their blob.
    r#"
    CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        progress_id INTEGER REFERENCES progress(id),
        hash TEXT NOT NULL CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
        original_name TEXT NOT NULL CHECK (length(trim(original_name)) > 0),
        size INTEGER NOT NULL CHECK (size > 0),
        media_type TEXT NOT NULL,
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL,
        caption TEXT NOT NULL DEFAULT '',
        exif_taken_at TEXT,
        exif_lat REAL CHECK (exif_lat BETWEEN -90 AND 90),
        exif_lon REAL CHECK (exif_lon BETWEEN -180 AND 180),
        trashed_at TEXT
    );
    CREATE INDEX evidence_by_directive ON evidence(directive_id, trashed_at);
    CREATE INDEX evidence_by_hash ON evidence(hash);
    "#,
    // 4: 别名 — other names of roster offices (防火处 = 防火监督处), used when notices are imported.
    r#"
    CREATE TABLE office_alias (
        alias TEXT PRIMARY KEY CHECK (length(trim(alias)) > 0),
        office_id INTEGER NOT NULL REFERENCES office(id)
    ) WITHOUT ROWID;
    CREATE INDEX office_alias_by_office ON office_alias(office_id);
    "#,
    // 5: the change log becomes a hash chain (see store/changelog.rs). The Rust step seals the
    // existing entries, then the append-only trigger returns, allowing only the one-time seal.
    r#"
    DROP TRIGGER change_log_is_append_only_update;
    ALTER TABLE change_log ADD COLUMN prev_hash TEXT;
    ALTER TABLE change_log ADD COLUMN hash TEXT;
    "#,
    // 6: search also covers evidence: each file's name and caption (材料说明), trashed ones not.
    r#"
    DROP VIEW search_body;
    CREATE VIEW search_body AS
        SELECT d.id AS id,
               d.number || char(10) || d.title || char(10) || d.text || char(10) ||
               coalesce((SELECT group_concat(p.text, char(10)) FROM progress p WHERE p.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(e.original_name || ' ' || e.caption, char(10)) FROM evidence e
                         WHERE e.directive_id = d.id AND e.trashed_at IS NULL), '')
               AS body
        FROM directive d;
    DELETE FROM search_fts;
    INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body;
    CREATE TRIGGER search_evidence_insert AFTER INSERT ON evidence BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    CREATE TRIGGER search_evidence_update AFTER UPDATE OF original_name, caption, trashed_at ON evidence BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    CREATE TRIGGER search_evidence_delete AFTER DELETE ON evidence BEGIN
        DELETE FROM search_fts WHERE rowid = old.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = old.directive_id;
    END;
    "#,
    // 7: 接续 — a directive of a later notice that carries on an earlier one.
    r#"
    ALTER TABLE directive ADD COLUMN continues_id INTEGER REFERENCES directive(id);
    CREATE INDEX directive_by_continues ON directive(continues_id) WHERE continues_id IS NOT NULL;
    "#,
    // 8: 督办 per office. Each assignment gets its own state and completion date; 反馈, 催办,
    // 延期 and 办结 records are kept per office (history: never updated but for a completion
    // report's review); a notice may set its own feedback cadence; search covers the new text.
    // The Rust step gives every office its directive's status (see store/migrate_loop.rs).
    r#"
    ALTER TABLE assignment ADD COLUMN state TEXT NOT NULL DEFAULT 'unreported'
        CHECK (state IN ('unreported', 'in_progress', 'requested', 'finished'));
    ALTER TABLE assignment ADD COLUMN finished_on TEXT;
    ALTER TABLE notice ADD COLUMN feedback_days INTEGER CHECK (feedback_days IS NULL OR feedback_days > 0);
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        office_id INTEGER NOT NULL REFERENCES office(id),
        on_date TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('written', 'phone', 'in_person', 'email', 'system')),
        reporter TEXT,
        phone TEXT,
        text TEXT NOT NULL CHECK (length(trim(text)) > 0),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    );
    CREATE INDEX feedback_by_assignment ON feedback(directive_id, office_id, on_date);
    CREATE TABLE reminder (
        id INTEGER PRIMARY KEY,
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        office_id INTEGER NOT NULL REFERENCES office(id),
        on_date TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('written', 'phone', 'in_person', 'email', 'system')),
        reached TEXT,
        answer TEXT,
        step TEXT NOT NULL CHECK (step IN ('remind', 'press', 'letter', 'leader')),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    );
    CREATE INDEX reminder_by_assignment ON reminder(directive_id, office_id, on_date);
    CREATE TABLE extension (
        id INTEGER PRIMARY KEY,
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        office_id INTEGER NOT NULL REFERENCES office(id),
        requested_on TEXT NOT NULL,
        original_deadline TEXT,
        new_deadline TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        approved_by TEXT NOT NULL CHECK (length(trim(approved_by)) > 0),
        approved_on TEXT NOT NULL,
        late_request INTEGER NOT NULL CHECK (late_request IN (0, 1)),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    );
    CREATE INDEX extension_by_assignment ON extension(directive_id, office_id);
    CREATE TABLE completion (
        id INTEGER PRIMARY KEY,
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        office_id INTEGER NOT NULL REFERENCES office(id),
        on_date TEXT NOT NULL,
        report TEXT NOT NULL CHECK (length(trim(report)) > 0),
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        decision TEXT CHECK (decision IS NULL OR decision IN ('accepted', 'returned')),
        decided_on TEXT,
        decision_reason TEXT,
        decided_by TEXT
    );
    CREATE INDEX completion_by_assignment ON completion(directive_id, office_id);
    ALTER TABLE evidence ADD COLUMN feedback_id INTEGER REFERENCES feedback(id);
    DROP VIEW search_body;
    CREATE VIEW search_body AS
        SELECT d.id AS id,
               d.number || char(10) || d.title || char(10) || d.text || char(10) ||
               coalesce((SELECT group_concat(p.text, char(10)) FROM progress p WHERE p.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(e.original_name || ' ' || e.caption, char(10)) FROM evidence e
                         WHERE e.directive_id = d.id AND e.trashed_at IS NULL), '')
               || char(10) ||
               coalesce((SELECT group_concat(f.text, char(10)) FROM feedback f WHERE f.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(r.answer, char(10)) FROM reminder r WHERE r.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(x.reason, char(10)) FROM extension x WHERE x.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(c.report || char(10) || coalesce(c.decision_reason, ''), char(10))
                         FROM completion c WHERE c.directive_id = d.id), '')
               AS body
        FROM directive d;
    DELETE FROM search_fts;
    INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body;
    CREATE TRIGGER search_feedback_insert AFTER INSERT ON feedback BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    CREATE TRIGGER search_reminder_insert AFTER INSERT ON reminder BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    CREATE TRIGGER search_extension_insert AFTER INSERT ON extension BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    CREATE TRIGGER search_completion_insert AFTER INSERT ON completion BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    CREATE TRIGGER search_completion_update AFTER UPDATE OF decision_reason ON completion BEGIN
        DELETE FROM search_fts WHERE rowid = new.directive_id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.directive_id;
    END;
    "#,
    // 9: 周期报送 — a recurring directive's rule, in versions that apply from a day on (editing
    // it changes later periods only), the day its reporting ends, and each period an office's
    // feedback answered. The Rust step reads the rules of directives already stored from their
    // recurrence words and matches their feedback (see store/periods.rs).
    r#"
    CREATE TABLE recurrence_rule (
        id INTEGER PRIMARY KEY,
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        effective_from TEXT NOT NULL,
        rule TEXT NOT NULL CHECK (length(rule) > 0),
        set_at TEXT NOT NULL,
        set_by TEXT NOT NULL
    );
    CREATE INDEX recurrence_rule_by_directive ON recurrence_rule(directive_id, effective_from);
    ALTER TABLE directive ADD COLUMN recurs_until TEXT;
    CREATE TABLE period_receipt (
        directive_id INTEGER NOT NULL REFERENCES directive(id),
        office_id INTEGER NOT NULL REFERENCES office(id),
        due_on TEXT NOT NULL,
        received_on TEXT NOT NULL,
        feedback_id INTEGER REFERENCES feedback(id),
        PRIMARY KEY (directive_id, office_id, due_on)
    );
    "#,
    // 10: forms exchanged with the offices (督办通知单 / 反馈单 / 催办单): each issued form with its
    // serial (督办〔2022〕第3号, unique per kind and year, never reused) and the identifier the
    // file carries; each return read back and applied, so a second or an older return is seen.
    r#"
    CREATE TABLE form_issue (
        id INTEGER PRIMARY KEY,
        form_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('notice', 'urge')),
        serial_year INTEGER NOT NULL,
        serial_no INTEGER NOT NULL CHECK (serial_no > 0),
        office_id INTEGER NOT NULL REFERENCES office(id),
        directive_ids TEXT NOT NULL,
        generated_at TEXT NOT NULL,
        generated_by TEXT NOT NULL,
        UNIQUE (kind, serial_year, serial_no)
    );
    CREATE INDEX form_issue_by_office ON form_issue(office_id, generated_at);
    CREATE TABLE form_return (
        id INTEGER PRIMARY KEY,
        form_id TEXT REFERENCES form_issue(form_id),
        office_id INTEGER NOT NULL REFERENCES office(id),
        file_hash TEXT NOT NULL,
        file_name TEXT NOT NULL,
        rows_applied INTEGER NOT NULL,
        applied_at TEXT NOT NULL,
        applied_by TEXT NOT NULL
    );
    CREATE INDEX form_return_by_office ON form_return(office_id, applied_at);
    "#,
    // 11: directives by hand and register edits (see docs/by-hand.md). A 领导批示 or 临时交办 is
    // stored as a notice of that kind with its 批示人/交办人 and 文号; a directive can be set
    // aside (deleted, or merged into another — the merge record says what moved, to undo it)
    // and remembers the directive it was split from. Search leaves set-aside directives out and
    // finds a directive by its source's 批示人 and 文号.
    r#"
    ALTER TABLE notice ADD COLUMN source_kind TEXT NOT NULL DEFAULT 'notice'
        CHECK (source_kind IN ('notice', 'instruction', 'assigned'));
    ALTER TABLE notice ADD COLUMN source_by TEXT;
    ALTER TABLE notice ADD COLUMN source_ref TEXT;
    ALTER TABLE directive ADD COLUMN deleted_at TEXT;
    ALTER TABLE directive ADD COLUMN split_from INTEGER REFERENCES directive(id);
    CREATE TABLE directive_merge (
        id INTEGER PRIMARY KEY,
        into_id INTEGER NOT NULL REFERENCES directive(id),
        from_id INTEGER NOT NULL REFERENCES directive(id),
        into_text TEXT NOT NULL,
        merged_text TEXT NOT NULL,
        moved TEXT NOT NULL,
        merged_at TEXT NOT NULL,
        undone_at TEXT
    );
    CREATE INDEX directive_merge_by_from ON directive_merge(from_id);
    CREATE INDEX directive_merge_by_into ON directive_merge(into_id);
    CREATE INDEX directive_set_aside ON directive(deleted_at) WHERE deleted_at IS NOT NULL;
    DROP VIEW search_body;
    CREATE VIEW search_body AS
        SELECT d.id AS id,
               d.number || char(10) || d.title || char(10) || d.text || char(10) ||
               coalesce((SELECT group_concat(p.text, char(10)) FROM progress p WHERE p.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(e.original_name || ' ' || e.caption, char(10)) FROM evidence e
                         WHERE e.directive_id = d.id AND e.trashed_at IS NULL), '')
               || char(10) ||
               coalesce((SELECT group_concat(f.text, char(10)) FROM feedback f WHERE f.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(r.answer, char(10)) FROM reminder r WHERE r.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(x.reason, char(10)) FROM extension x WHERE x.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT group_concat(c.report || char(10) || coalesce(c.decision_reason, ''), char(10))
                         FROM completion c WHERE c.directive_id = d.id), '')
               || char(10) ||
               coalesce((SELECT coalesce(n.source_by, '') || ' ' || coalesce(n.source_ref, '')
                         FROM section s JOIN notice n ON n.id = s.notice_id
                         WHERE s.id = d.section_id AND n.source_kind <> 'notice'), '')
               AS body
        FROM directive d WHERE d.deleted_at IS NULL;
    CREATE TRIGGER search_directive_set_aside AFTER UPDATE OF deleted_at ON directive BEGIN
        DELETE FROM search_fts WHERE rowid = new.id;
        INSERT INTO search_fts (rowid, body) SELECT id, body FROM search_body WHERE id = new.id;
    END;
    "#,
];

/// Run after the SQL of the migration with the same number.
fn rust_step(version: i64, tx: &Transaction) -> Result<()> {
    if version == 5 {
        changelog::seal_all(tx)?;
        tx.execute_batch(
            "CREATE TRIGGER change_log_is_append_only_update BEFORE UPDATE ON change_log
             WHEN old.hash IS NOT NULL OR new.hash IS NULL
               OR new.id IS NOT old.id OR new.at IS NOT old.at OR new.author IS NOT old.author
               OR new.notice_id IS NOT old.notice_id OR new.directive_id IS NOT old.directive_id
               OR new.field IS NOT old.field OR new.old_value IS NOT old.old_value
               OR new.new_value IS NOT old.new_value
             BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;",
        )?;
    }
    if version == 8 {
        super::migrate_loop::per_office_states(tx)?;
    }
    if version == 9 {
        super::periods::migrate_plans(tx)?;
    }
    Ok(())
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Refuses a database written by a newer duban.
pub fn refuse_newer(conn: &Connection, path: &Path) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { found, supported: SCHEMA_VERSION, path: path.to_path_buf() });
    }
    Ok(())
}

/// Does the database need migrating (it is older than this build's schema, or new)?
pub fn needs_migration(conn: &Connection) -> Result<bool> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    Ok(found < SCHEMA_VERSION)
}

/// Brings the database up to [`SCHEMA_VERSION`] in one immediate transaction; refuses a
/// database written by a newer duban.
pub fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema { found, supported: SCHEMA_VERSION, path: path.to_path_buf() });
    }
    for (index, step) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(step)?;
        rust_step(index as i64 + 1, &tx)?;
    }
    if found < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.commit()?;
    Ok(())
}
