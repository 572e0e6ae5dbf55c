-- Stored backtest runs (tradewind backtest --save): one row per run with its key figures as columns and the whole
-- summary as JSON, and its closed round trips in backtest_trades. A run and its trades are written in one
-- transaction and never changed afterwards.
-- Times are UTC ISO 8601 text of one fixed width ('2024-01-02T14:30:00.0000000Z'), so text order is time order.
-- Money (cash, equity, prices, quantities, P&L) is exact decimal text, as the ledger computed it; SQLite has no
-- decimal type and REAL would round it. Ratios (returns, Sharpe, drawdown) are REAL.
CREATE TABLE backtest_runs (
    run_id          TEXT    PRIMARY KEY CHECK (length(run_id) = 36),
    created_at      TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    strategy        TEXT    NOT NULL CHECK (length(strategy) > 0),
    parameters      TEXT    NOT NULL CHECK (json_valid(parameters) AND json_type(parameters) = 'object'),
    symbols         TEXT    NOT NULL CHECK (length(symbols) > 0),
    resolution      TEXT    NOT NULL,
    period_start    TEXT    NOT NULL,
    period_end      TEXT    NOT NULL CHECK (period_end >= period_start),
    bars            INTEGER NOT NULL CHECK (bars >= 0),
    initial_cash    TEXT    NOT NULL,
    final_equity    TEXT    NOT NULL,
    total_return    REAL    NOT NULL,
    cagr            REAL,
    sharpe          REAL,
    max_drawdown    REAL    NOT NULL CHECK (max_drawdown >= 0),
    closed_trades   INTEGER NOT NULL CHECK (closed_trades >= 0),
    win_rate        REAL,
    profit_factor   REAL,
    summary         TEXT    NOT NULL CHECK (json_valid(summary) AND json_type(summary) = 'object')
);

-- Runs of one strategy, newest first.
CREATE INDEX backtest_runs_strategy ON backtest_runs (strategy, created_at);

-- The closed round trips of a run, in closing order (seq 1, 2, ...).
CREATE TABLE backtest_trades (
    run_id          TEXT    NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
    seq             INTEGER NOT NULL CHECK (seq >= 1),
    symbol          TEXT    NOT NULL,
    entry_time      TEXT    NOT NULL,
    entry_price     TEXT    NOT NULL,
    exit_time       TEXT    NOT NULL CHECK (exit_time >= entry_time),
    exit_price      TEXT    NOT NULL,
    quantity        TEXT    NOT NULL,
    pnl             TEXT    NOT NULL,
    return          REAL    NOT NULL,
    r_multiple      REAL,
    initial_risk    TEXT,
    bars_held       INTEGER NOT NULL CHECK (bars_held >= 0),
    exit_reason     TEXT    NOT NULL CHECK (length(exit_reason) > 0),
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
