-- The strategy-config registry: every parameter set a strategy has run with, one row per version.
-- A version is active from start_date until end_date; end_date NULL means active now. Rows are
-- never deleted or re-opened: a rollback inserts a new row with the old parameters (source
-- 'rollback:<id>'), so the table is the audit trail of which parameters were in force when.
-- parameters is canonical JSON text (keys sorted ordinally, no insignificant whitespace), so equal
-- parameter sets are equal strings; text, not jsonb, because jsonb would re-format the numbers
-- and keys and the exact canonical text is what versions are compared by.
CREATE TABLE trading_config (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    strategy    text        NOT NULL CHECK (length(strategy) > 0),
    parameters  text        NOT NULL CHECK (jsonb_typeof(parameters::jsonb) = 'object'),
    start_date  timestamptz NOT NULL,
    end_date    timestamptz,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL CHECK (length(created_by) > 0),
    source      text        NOT NULL CHECK (length(source) > 0),
    notes       text,
    CHECK (end_date IS NULL OR end_date >= start_date)
);

-- At most one active version per strategy, enforced here and not only by the code that writes:
-- of two writers racing to activate a version, the second insert fails instead of leaving two.
CREATE UNIQUE INDEX trading_config_one_active ON trading_config (strategy) WHERE end_date IS NULL;

-- History of one strategy, newest first.
CREATE INDEX trading_config_strategy ON trading_config (strategy, id);
