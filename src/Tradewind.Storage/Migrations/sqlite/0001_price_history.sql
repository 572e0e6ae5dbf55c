-- Daily and intraday OHLCV bars, one row per (symbol, resolution, bar start).
-- ts is the bar's start in Unix seconds UTC; for date-based resolutions (1d, 1w) it is the trading
-- date at 00:00 UTC and stands for that date. Show it with datetime(ts, 'unixepoch').
-- Prices are market observations (REAL round-trips the vendor's text); money lives in other tables.
CREATE TABLE price_history (
    symbol      TEXT    NOT NULL,
    resolution  TEXT    NOT NULL,
    ts          INTEGER NOT NULL,
    open        REAL    NOT NULL CHECK (open > 0),
    high        REAL    NOT NULL CHECK (high > 0),
    low         REAL    NOT NULL CHECK (low > 0 AND low <= high),
    close       REAL    NOT NULL CHECK (close > 0),
    volume      REAL    NOT NULL CHECK (volume >= 0),
    adj_close   REAL             CHECK (adj_close IS NULL OR adj_close > 0),
    PRIMARY KEY (symbol, resolution, ts)
) WITHOUT ROWID;
