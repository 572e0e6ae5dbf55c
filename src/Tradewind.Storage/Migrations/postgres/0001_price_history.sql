-- Daily and intraday OHLCV bars, one row per (symbol, resolution, bar start).
-- ts is the bar's start; for date-based resolutions (1d, 1w) it is the trading date at 00:00 UTC
-- and stands for that date. Prices are market observations (float8 round-trips the vendor's text);
-- money lives in other tables as numeric. NaN compares greater than every number in PostgreSQL,
-- so "< 'Infinity'" keeps both NaN and infinities out.
CREATE TABLE price_history (
    symbol      text             NOT NULL,
    resolution  text             NOT NULL,
    ts          timestamptz      NOT NULL,
    open        double precision NOT NULL CHECK (open > 0 AND open < 'Infinity'),
    high        double precision NOT NULL CHECK (high > 0 AND high < 'Infinity'),
    low         double precision NOT NULL CHECK (low > 0 AND low <= high),
    close       double precision NOT NULL CHECK (close > 0 AND close < 'Infinity'),
    volume      double precision NOT NULL CHECK (volume >= 0 AND volume < 'Infinity'),
    adj_close   double precision          CHECK (adj_close IS NULL OR (adj_close > 0 AND adj_close < 'Infinity')),
    PRIMARY KEY (symbol, resolution, ts)
);
