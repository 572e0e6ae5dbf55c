-- The daily pipeline of a strategy that runs every trading day (first: capital-allocator): its signals, and
-- the paper account the signals are executed in (trades, positions, cash ledger, one completion marker per
-- executed date). Every table is scoped by a strategy column, so later strategies share them.
-- trade_date is the exchange trading date (NYSE: America/New_York) as 'yyyy-MM-dd' text; date(x) IS x
-- refuses both other shapes and impossible dates such as 2024-02-30. Times are UTC ISO 8601 text of one
-- fixed width, as in the other tables. Money and quantities are exact decimal text in the invariant
-- culture (SQLite has no decimal type and REAL would round them); the CHECKs allow only digits, one
-- sign and the point, and cast to REAL only to test the sign, never to store or sum.
-- What one execute run writes for a date is one transaction, and the keys below make a second run of the
-- same date impossible even for code that forgets to look first.

-- A signal a strategy generated for a trading date: what to do and the inputs it used, for audit.
-- allocations is a JSON object {SYMBOL: dollars}; features_used a JSON object of the inputs. Both are
-- kept as the text the job wrote, so the dollar amounts read back digit for digit.
-- config_version_id names the trading_config version that was active; the pair with strategy must
-- name a version OF THIS strategy (the unique index below is the target of that foreign key).
CREATE UNIQUE INDEX trading_config_id_strategy ON trading_config (id, strategy);

CREATE TABLE daily_signals (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    strategy          TEXT    NOT NULL CHECK (length(strategy) > 0),
    trade_date        TEXT    NOT NULL CHECK (date(trade_date) IS trade_date),
    model_type        TEXT    NOT NULL CHECK (length(model_type) > 0),
    action            TEXT    NOT NULL CHECK (action IN ('BUY', 'SELL', 'HOLD')),
    confidence_score  REAL    NOT NULL CHECK (confidence_score >= 0 AND confidence_score <= 1),
    allocations       TEXT    NOT NULL CHECK (json_valid(allocations) AND json_type(allocations) = 'object'),
    features_used     TEXT    NOT NULL CHECK (json_valid(features_used) AND json_type(features_used) = 'object'),
    config_version_id INTEGER NOT NULL,
    created_at        TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    -- One signal per strategy and date: re-running the signal job for a date cannot add a second one.
    UNIQUE (strategy, trade_date),
    -- Target of the trades' and executions' foreign keys, which tie a row to a signal of its own strategy and date.
    UNIQUE (id, strategy, trade_date),
    FOREIGN KEY (config_version_id, strategy) REFERENCES trading_config (id, strategy)
);

-- The completion marker of the execute job: one row per strategy and executed date, written first in the
-- date's transaction. Trades and ledger rows of a date reference it, so none can exist without it.
-- signal_id is NULL on a day without a signal that still booked its deposit.
CREATE TABLE executions (
    strategy    TEXT    NOT NULL CHECK (length(strategy) > 0),
    trade_date  TEXT    NOT NULL CHECK (date(trade_date) IS trade_date),
    signal_id   INTEGER,
    status      TEXT    NOT NULL CHECK (status IN ('traded', 'no_trades')),
    trade_count INTEGER NOT NULL CHECK (trade_count >= 0),
    created_at  TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    PRIMARY KEY (strategy, trade_date),
    CHECK ((status = 'traded') = (trade_count > 0)),
    CHECK (trade_count = 0 OR signal_id IS NOT NULL),
    FOREIGN KEY (signal_id, strategy, trade_date) REFERENCES daily_signals (id, strategy, trade_date)
) WITHOUT ROWID;

-- Paper trades: quantity × price = amount dollars, executed for the signal of the same strategy and date.
CREATE TABLE trades (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    strategy    TEXT    NOT NULL CHECK (length(strategy) > 0),
    trade_date  TEXT    NOT NULL CHECK (date(trade_date) IS trade_date),
    symbol      TEXT    NOT NULL CHECK (length(symbol) > 0),
    action      TEXT    NOT NULL CHECK (action IN ('BUY', 'SELL')),
    quantity    TEXT    NOT NULL CHECK (quantity NOT GLOB '*[^0-9.]*' AND CAST(quantity AS REAL) > 0),
    price       TEXT    NOT NULL CHECK (price NOT GLOB '*[^0-9.]*' AND CAST(price AS REAL) > 0),
    amount      TEXT    NOT NULL CHECK (amount NOT GLOB '*[^0-9.]*' AND CAST(amount AS REAL) > 0),
    signal_id   INTEGER NOT NULL,
    created_at  TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    -- Executing a date twice never duplicates a trade, whatever the code that writes does.
    UNIQUE (strategy, trade_date, symbol),
    -- Target of the ledger's foreign key, which ties a ledger row to a trade of its own strategy, date and symbol.
    UNIQUE (id, strategy, trade_date, symbol),
    FOREIGN KEY (strategy, trade_date) REFERENCES executions (strategy, trade_date),
    FOREIGN KEY (signal_id, strategy, trade_date) REFERENCES daily_signals (id, strategy, trade_date)
);

-- Open positions of the paper account; a position that reaches zero is deleted, so quantity is positive.
CREATE TABLE portfolio (
    strategy     TEXT NOT NULL CHECK (length(strategy) > 0),
    symbol       TEXT NOT NULL CHECK (length(symbol) > 0),
    quantity     TEXT NOT NULL CHECK (quantity NOT GLOB '*[^0-9.]*' AND CAST(quantity AS REAL) > 0),
    average_cost TEXT NOT NULL CHECK (average_cost NOT GLOB '*[^0-9.]*' AND CAST(average_cost AS REAL) > 0),
    updated_date TEXT NOT NULL CHECK (date(updated_date) IS updated_date),
    PRIMARY KEY (strategy, symbol)
) WITHOUT ROWID;

-- Every movement of the paper account's cash, signed: + in (deposit, sell), - out (buy). The balance is the
-- sum of the rows. symbol is '' (not NULL) for a deposit because NULLs never collide in a UNIQUE
-- constraint: with '' the unique key below lets a date have one deposit and one row per traded symbol.
CREATE TABLE cash_ledger (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    strategy    TEXT    NOT NULL CHECK (length(strategy) > 0),
    trade_date  TEXT    NOT NULL CHECK (date(trade_date) IS trade_date),
    kind        TEXT    NOT NULL CHECK (kind IN ('deposit', 'buy', 'sell')),
    symbol      TEXT    NOT NULL DEFAULT '',
    amount      TEXT    NOT NULL CHECK (amount NOT GLOB '*[^0-9.-]*' AND amount NOT GLOB '?*-*'),
    trade_id    INTEGER UNIQUE,
    created_at  TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9][0-9][0-9][0-9][0-9]Z'),
    CHECK ((kind = 'deposit' AND symbol = '' AND trade_id IS NULL AND CAST(amount AS REAL) > 0)
        OR (kind = 'buy' AND symbol <> '' AND trade_id IS NOT NULL AND CAST(amount AS REAL) < 0)
        OR (kind = 'sell' AND symbol <> '' AND trade_id IS NOT NULL AND CAST(amount AS REAL) > 0)),
    UNIQUE (strategy, trade_date, kind, symbol),
    FOREIGN KEY (strategy, trade_date) REFERENCES executions (strategy, trade_date),
    FOREIGN KEY (trade_id, strategy, trade_date, symbol) REFERENCES trades (id, strategy, trade_date, symbol)
);
