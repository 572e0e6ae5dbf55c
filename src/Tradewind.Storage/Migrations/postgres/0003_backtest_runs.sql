-- Stored backtest runs (tradewind backtest --save): one row per run with its key figures as columns and the whole
-- summary as JSON, and its closed round trips in backtest_trades. A run and its trades are written in one
-- transaction and never changed afterwards. Money is numeric (exact, as the ledger computed it); ratios are double.
CREATE TABLE backtest_runs (
    run_id          uuid             PRIMARY KEY,
    created_at      timestamptz      NOT NULL,
    strategy        text             NOT NULL CHECK (length(strategy) > 0),
    parameters      jsonb            NOT NULL CHECK (jsonb_typeof(parameters) = 'object'),
    symbols         text             NOT NULL CHECK (length(symbols) > 0),
    resolution      text             NOT NULL,
    period_start    timestamptz      NOT NULL,
    period_end      timestamptz      NOT NULL CHECK (period_end >= period_start),
    bars            bigint           NOT NULL CHECK (bars >= 0),
    initial_cash    numeric          NOT NULL,
    final_equity    numeric          NOT NULL,
    total_return    double precision NOT NULL,
    cagr            double precision,
    sharpe          double precision,
    max_drawdown    double precision NOT NULL CHECK (max_drawdown >= 0),
    closed_trades   integer          NOT NULL CHECK (closed_trades >= 0),
    win_rate        double precision,
    profit_factor   double precision,
    summary         jsonb            NOT NULL CHECK (jsonb_typeof(summary) = 'object')
);

-- Runs of one strategy, newest first.
CREATE INDEX backtest_runs_strategy ON backtest_runs (strategy, created_at);

-- The closed round trips of a run, in closing order (seq 1, 2, ...).
CREATE TABLE backtest_trades (
    run_id          uuid             NOT NULL REFERENCES backtest_runs (run_id) ON DELETE CASCADE,
    seq             integer          NOT NULL CHECK (seq >= 1),
    symbol          text             NOT NULL,
    entry_time      timestamptz      NOT NULL,
    entry_price     numeric          NOT NULL,
    exit_time       timestamptz      NOT NULL CHECK (exit_time >= entry_time),
    exit_price      numeric          NOT NULL,
    quantity        numeric          NOT NULL,
    pnl             numeric          NOT NULL,
    return          double precision NOT NULL,
    r_multiple      double precision,
    initial_risk    numeric,
    bars_held       integer          NOT NULL CHECK (bars_held >= 0),
    exit_reason     text             NOT NULL CHECK (length(exit_reason) > 0),
    PRIMARY KEY (run_id, seq)
);
