-- The daily pipeline of a strategy that runs every trading day (first: capital-allocator): its signals, and
-- the paper account the signals are executed in (trades, positions, cash ledger, one completion marker per
-- executed date). Every table is scoped by a strategy column, so later strategies share them.
-- trade_date is the exchange trading date (NYSE: America/New_York). Money and quantities are numeric
-- (exact); "< 'Infinity'" also keeps out NaN, which PostgreSQL orders above every number.
-- What one execute run writes for a date is one transaction, and the keys below make a second run of the
-- same date impossible even for code that forgets to look first.

-- A signal a strategy generated for a trading date: what to do and the inputs it used, for audit.
-- allocations is a JSON object {SYMBOL: dollars}; features_used a JSON object of the inputs. Both are text,
-- not jsonb, so they read back exactly as the job wrote them (jsonb would re-format numbers and keys).
-- config_version_id names the trading_config version that was active; the pair with strategy must
-- name a version OF THIS strategy (the unique index below is the target of that foreign key).
CREATE UNIQUE INDEX trading_config_id_strategy ON trading_config (id, strategy);

CREATE TABLE daily_signals (
    id                bigint           GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    strategy          text             NOT NULL CHECK (length(strategy) > 0),
    trade_date        date             NOT NULL CHECK (trade_date > '-infinity' AND trade_date < 'infinity'),
    model_type        text             NOT NULL CHECK (length(model_type) > 0),
    action            text             NOT NULL CHECK (action IN ('BUY', 'SELL', 'HOLD')),
    confidence_score  double precision NOT NULL CHECK (confidence_score >= 0 AND confidence_score <= 1),
    allocations       text             NOT NULL CHECK (jsonb_typeof(allocations::jsonb) = 'object'),
    features_used     text             NOT NULL CHECK (jsonb_typeof(features_used::jsonb) = 'object'),
    config_version_id bigint           NOT NULL,
    created_at        timestamptz      NOT NULL,
    -- One signal per strategy and date: re-running the signal job for a date cannot add a second one.
    CONSTRAINT daily_signals_strategy_date UNIQUE (strategy, trade_date),
    -- Target of the trades' and executions' foreign keys, which tie a row to a signal of its own strategy and date.
    CONSTRAINT daily_signals_id_strategy_date UNIQUE (id, strategy, trade_date),
    FOREIGN KEY (config_version_id, strategy) REFERENCES trading_config (id, strategy)
);

-- The completion marker of the execute job: one row per strategy and executed date, written first in the
-- date's transaction. Trades and ledger rows of a date reference it, so none can exist without it.
-- signal_id is NULL on a day without a signal that still booked its deposit.
CREATE TABLE executions (
    strategy    text        NOT NULL CHECK (length(strategy) > 0),
    trade_date  date        NOT NULL CHECK (trade_date > '-infinity' AND trade_date < 'infinity'),
    signal_id   bigint,
    status      text        NOT NULL CHECK (status IN ('traded', 'no_trades')),
    trade_count integer     NOT NULL CHECK (trade_count >= 0),
    created_at  timestamptz NOT NULL,
    CONSTRAINT executions_pkey PRIMARY KEY (strategy, trade_date),
    CHECK ((status = 'traded') = (trade_count > 0)),
    CHECK (trade_count = 0 OR signal_id IS NOT NULL),
    FOREIGN KEY (signal_id, strategy, trade_date) REFERENCES daily_signals (id, strategy, trade_date)
);

-- Paper trades: quantity × price = amount dollars, executed for the signal of the same strategy and date.
CREATE TABLE trades (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    strategy    text        NOT NULL CHECK (length(strategy) > 0),
    trade_date  date        NOT NULL,
    symbol      text        NOT NULL CHECK (length(symbol) > 0),
    action      text        NOT NULL CHECK (action IN ('BUY', 'SELL')),
    quantity    numeric     NOT NULL CHECK (quantity > 0 AND quantity < 'Infinity'),
    price       numeric     NOT NULL CHECK (price > 0 AND price < 'Infinity'),
    amount      numeric     NOT NULL CHECK (amount > 0 AND amount < 'Infinity'),
    signal_id   bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    -- Executing a date twice never duplicates a trade, whatever the code that writes does.
    CONSTRAINT trades_strategy_date_symbol UNIQUE (strategy, trade_date, symbol),
    -- Target of the ledger's foreign key, which ties a ledger row to a trade of its own strategy, date and symbol.
    CONSTRAINT trades_id_strategy_date_symbol UNIQUE (id, strategy, trade_date, symbol),
    FOREIGN KEY (strategy, trade_date) REFERENCES executions (strategy, trade_date),
    FOREIGN KEY (signal_id, strategy, trade_date) REFERENCES daily_signals (id, strategy, trade_date)
);

-- Open positions of the paper account; a position that reaches zero is deleted, so quantity is positive.
CREATE TABLE portfolio (
    strategy     text    NOT NULL CHECK (length(strategy) > 0),
    symbol       text    NOT NULL CHECK (length(symbol) > 0),
    quantity     numeric NOT NULL CHECK (quantity > 0 AND quantity < 'Infinity'),
    average_cost numeric NOT NULL CHECK (average_cost > 0 AND average_cost < 'Infinity'),
    updated_date date    NOT NULL,
    PRIMARY KEY (strategy, symbol)
);

-- Every movement of the paper account's cash, signed: + in (deposit, sell), - out (buy). The balance is the
-- sum of the rows. symbol is '' (not NULL) for a deposit because NULLs never collide in a UNIQUE
-- constraint: with '' the unique key below lets a date have one deposit and one row per traded symbol.
CREATE TABLE cash_ledger (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    strategy    text        NOT NULL CHECK (length(strategy) > 0),
    trade_date  date        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('deposit', 'buy', 'sell')),
    symbol      text        NOT NULL DEFAULT '',
    amount      numeric     NOT NULL CHECK (amount > '-Infinity' AND amount < 'Infinity'),
    trade_id    bigint      UNIQUE,
    created_at  timestamptz NOT NULL,
    CHECK ((kind = 'deposit' AND symbol = '' AND trade_id IS NULL AND amount > 0)
        OR (kind = 'buy' AND symbol <> '' AND trade_id IS NOT NULL AND amount < 0)
        OR (kind = 'sell' AND symbol <> '' AND trade_id IS NOT NULL AND amount > 0)),
    CONSTRAINT cash_ledger_strategy_date_kind_symbol UNIQUE (strategy, trade_date, kind, symbol),
    FOREIGN KEY (strategy, trade_date) REFERENCES executions (strategy, trade_date),
    FOREIGN KEY (trade_id, strategy, trade_date, symbol) REFERENCES trades (id, strategy, trade_date, symbol)
);
