using System.Globalization;
using System.Text;
using System.Text.Json;
using Tradewind.Core.Market;

namespace Tradewind.Data.Providers.AlphaVantage;

/// <summary>
/// Reads the JSON body of a TIME_SERIES_DAILY answer: the <c>"Time Series (Daily)"</c> object keyed by
/// <c>yyyy-MM-dd</c> with string fields <c>"1. open"</c> … <c>"5. volume"</c>, or one of the error payloads
/// Alpha Vantage sends with HTTP 200 (<c>"Error Message"</c>, <c>"Note"</c>, <c>"Information"</c>).
/// </summary>
internal static class AlphaVantageDailyResponse
{
    private const string SeriesKey = "Time Series (Daily)";
    private const string MetaKey = "Meta Data";
    private const string MetaSymbolKey = "2. Symbol";
    private const int QuoteLength = 300;

    private static readonly string[] FieldKeys = ["1. open", "2. high", "3. low", "4. close", "5. volume"];

    /// <summary>Every bar in the answer, oldest first (not yet range-checked); throws for error payloads and malformed bodies.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="symbol">The symbol asked for.</param>
    /// <param name="origin">The request as messages show it (no API key).</param>
    /// <param name="mask">Removes secrets from text quoted in messages.</param>
    /// <exception cref="MarketDataProviderException">An error payload, or a body that is not a daily time series.</exception>
    public static BarSeries Parse(string body, Symbol symbol, string origin, Func<string, string> mask)
    {
        var ticker = symbol.Ticker;
        if (string.IsNullOrWhiteSpace(body))
        {
            throw Malformed(ticker, $"the answer to {origin} was empty");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw Malformed(ticker, $"the answer to {origin} is not JSON ({ex.Message}): {Quote(body, mask)}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(ticker, $"the answer to {origin} is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object: {Quote(body, mask)}");
            }

            ThrowIfErrorPayload(root, ticker, mask);
            CheckSymbol(root, ticker, origin, mask);

            if (!root.TryGetProperty(SeriesKey, out var series) || series.ValueKind != JsonValueKind.Object)
            {
                var keys = string.Join(", ", root.EnumerateObject().Select(p => $"\"{p.Name}\""));
                throw Malformed(ticker, $"the answer to {origin} has no \"{SeriesKey}\" object (its keys: {(keys.Length == 0 ? "none" : mask(keys))})");
            }

            return ReadSeries(series, symbol, origin, mask);
        }
    }

    private static void ThrowIfErrorPayload(JsonElement root, string ticker, Func<string, string> mask)
    {
        if (TextOf(root, "Error Message") is { } error)
        {
            throw new MarketDataProviderException(AlphaVantageDailyBarProvider.ProviderName, ticker, MarketDataFailure.InvalidRequest,
                $"Alpha Vantage refused the request: \"{Clip(mask(error))}\"",
                $"check the symbol: '{ticker}' must be a ticker Alpha Vantage knows (its SYMBOL_SEARCH function finds the right one); indices and crypto pairs are not served by TIME_SERIES_DAILY");
        }

        if (TextOf(root, "Note") is { } note)
        {
            throw new MarketDataProviderException(AlphaVantageDailyBarProvider.ProviderName, ticker, MarketDataFailure.RateLimited,
                $"Alpha Vantage's rate limit was reached: \"{Clip(mask(note))}\"",
                "wait a minute and fetch again; keep data.alphavantage.calls_per_minute and pause_seconds within your plan (free tier: 5 calls a minute, 15 s apart)");
        }

        if (TextOf(root, "Information") is { } information)
        {
            // One key carries several kinds of notice; the rate-limit one also mentions premium plans and the key.
            var quoted = Clip(mask(information));
            if (Mentions(information, "rate limit", "per day", "per minute", "call frequency"))
            {
                throw new MarketDataProviderException(AlphaVantageDailyBarProvider.ProviderName, ticker, MarketDataFailure.RateLimited,
                    $"Alpha Vantage's request quota was reached: \"{quoted}\"",
                    "the free tier allows 25 requests a day: fetch again after the quota resets, use a premium key, or configure a fallback provider (data.fallback: [csv])");
            }

            if (Mentions(information, "premium"))
            {
                throw new MarketDataProviderException(AlphaVantageDailyBarProvider.ProviderName, ticker, MarketDataFailure.Refused,
                    $"Alpha Vantage refused a premium feature: \"{quoted}\"",
                    "a free key only gets the last 100 trading days (outputsize=compact): ask for a shorter range, backfill older history from CSV files (data.provider: csv), or use a premium key");
            }

            if (Mentions(information, "apikey", "api key"))
            {
                throw new MarketDataProviderException(AlphaVantageDailyBarProvider.ProviderName, ticker, MarketDataFailure.InvalidRequest,
                    $"Alpha Vantage did not accept the API key: \"{quoted}\"",
                    "check the key in ALPHAVANTAGE_API_KEY (read into data.alphavantage.api_key); a free key is issued at https://www.alphavantage.co/support/#api-key");
            }

            throw new MarketDataProviderException(AlphaVantageDailyBarProvider.ProviderName, ticker, MarketDataFailure.Refused,
                $"Alpha Vantage answered with a notice instead of data: \"{quoted}\"",
                "do what the notice asks, then fetch again; or configure a fallback provider (data.fallback: [csv])");
        }
    }

    private static bool Mentions(string text, params string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckSymbol(JsonElement root, string ticker, string origin, Func<string, string> mask)
    {
        if (root.TryGetProperty(MetaKey, out var meta) && meta.ValueKind == JsonValueKind.Object
            && TextOf(meta, MetaSymbolKey) is { } answered
            && !string.Equals(answered.Trim(), ticker, StringComparison.OrdinalIgnoreCase))
        {
            throw Malformed(ticker, $"the answer to {origin} is for symbol '{Clip(mask(answered))}', not {ticker}");
        }
    }

    private static BarSeries ReadSeries(JsonElement series, Symbol symbol, string origin, Func<string, string> mask)
    {
        var ticker = symbol.Ticker;
        var rows = new List<(DateOnly Date, Bar Bar)>();
        Span<double> values = stackalloc double[FieldKeys.Length];
        foreach (var day in series.EnumerateObject())
        {
            if (!DateOnly.TryParseExact(day.Name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw Malformed(ticker, $"the answer to {origin} has the key \"{Clip(mask(day.Name))}\" in \"{SeriesKey}\", which is not a yyyy-MM-dd date");
            }

            if (day.Value.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(ticker, $"the answer to {origin} has \"{SeriesKey}\" > \"{day.Name}\" as a JSON {day.Value.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            for (var f = 0; f < FieldKeys.Length; f++)
            {
                values[f] = ReadNumber(day.Value, FieldKeys[f], day.Name, ticker, origin, mask);
            }

            rows.Add((date, new Bar(DailyRange.BarTime(date), values[0], values[1], values[2], values[3], values[4])));
        }

        // The service lists the newest day first; a series is oldest first.
        rows.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        var bars = new BarSeries(symbol, Resolution.Daily, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0 && rows[i].Date == rows[i - 1].Date)
            {
                throw Malformed(ticker, string.Create(CultureInfo.InvariantCulture, $"the answer to {origin} lists the date {rows[i].Date:yyyy-MM-dd} twice in \"{SeriesKey}\""));
            }

            bars.Add(rows[i].Bar);
        }

        return bars;
    }

    private static double ReadNumber(JsonElement day, string field, string date, string ticker, string origin, Func<string, string> mask)
    {
        if (!day.TryGetProperty(field, out var value))
        {
            throw Malformed(ticker, $"the answer to {origin} has no \"{field}\" for {date}");
        }

        // The service writes numbers as strings ("166.8000"); accept plain JSON numbers too.
        var parsed = value.ValueKind switch
        {
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            JsonValueKind.Number when value.TryGetDouble(out var number) => number,
            _ => (double?)null,
        };
        return parsed is { } result && double.IsFinite(result)
            ? result
            : throw Malformed(ticker, $"the answer to {origin} has \"{field}\" = {Clip(mask(value.GetRawText()))} for {date}, which is not a finite number");
    }

    private static string? TextOf(JsonElement element, string key) =>
        element.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : null;

    private static MarketDataProviderException Malformed(string ticker, string reason, Exception? inner = null) =>
        new(AlphaVantageDailyBarProvider.ProviderName, ticker, MarketDataFailure.MalformedResponse, reason,
            "try again later; if it persists, check that the base URL points at Alpha Vantage and that the service has not changed its format", inner);

    /// <summary>The start of a body, on one line, masked, for a message.</summary>
    private static string Quote(string body, Func<string, string> mask) => "\"" + Clip(mask(body)) + "\"";

    private static string Clip(string text)
    {
        var oneLine = new StringBuilder(Math.Min(text.Length, QuoteLength + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = oneLine.Length > 0;
                continue;
            }

            if (space)
            {
                oneLine.Append(' ');
                space = false;
            }

            if (oneLine.Length >= QuoteLength)
            {
                return oneLine.Append("...").ToString();
            }

            oneLine.Append(c);
        }

        return oneLine.ToString();
    }
}
