-- The strategy-config registry: every parameter set a strategy has run with, one row per version.
-- A version is active from start_date until end_date; end_date NULL means active now. Rows are
-- never deleted or re-opened: a rollback inserts a new row with the old parameters (source
-- 'rollback:<id>'), so the table is the audit trail of which parameters were in force when.
-- parameters is canonical JSON text (keys sorted ordinally, no insignificant whitespace), so equal
-- parameter sets are equal strings. Times are UTC ISO 8601 text of one fixed width
-- ('2024-01-02T14:30:00.0000000Z'), so text order is time order; the GLOB checks keep it so.
-- AUTOINCREMENT: a version id is never reused, even if the newest row were ever removed by hand.
CREATE TABLE trading_config (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    strategy    TEXT NOT NULL CHECK (length(strategy) > 0),
    parameters  TEXT NOT NULL CHECK (json_valid(parameters) AND json_type(parameters) = 'object'),
    start_date  TEXT NOT NULL CHECK (start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    end_date    TEXT          CHECK (end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    created_at  TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    created_by  TEXT NOT NULL CHECK (length(created_by) > 0),
    source      TEXT NOT NULL CHECK (length(source) > 0),
    notes       TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
);

-- At most one active version per strategy, enforced here and not only by the code that writes:
-- of two writers racing to activate a version, the second insert fails instead of leaving two.
CREATE UNIQUE INDEX trading_config_one_active ON trading_config (strategy) WHERE end_date IS NULL;

-- History of one strategy, newest first.
CREATE INDEX trading_config_strategy ON trading_config (strategy, id);
