using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Core.Market;

/// <summary>A tradable instrument's ticker and asset class, e.g. <c>SPY</c> (equity) or <c>BTC-USD</c> (crypto).</summary>
public readonly record struct Symbol
{
    private static readonly string[] CryptoQuoteSuffixes = ["-USD", "-USDT", "-USDC", "-EUR", "USDT", "USDC", "USD"];

    /// <summary>Creates a symbol; the ticker is upper-cased and validated.</summary>
    public Symbol(string ticker, AssetClass assetClass)
    {
        if (!TryNormalize(ticker, out var normalized, out var reason))
        {
            throw new ArgumentException(reason, nameof(ticker));
        }

        Ticker = normalized;
        AssetClass = assetClass;
        _hash = HashCode.Combine(normalized, assetClass);
    }

    // Computed once: symbols key the ledger's positions and the engine's lookups, several times per fill, and hashing
    // the ticker's characters each time showed in profiles. It fits the padding after AssetClass (the struct stays 16 bytes).
    private readonly int _hash;

    /// <summary>The upper-case ticker: 1–20 characters of A–Z, 0–9, '.', '-', '^', '=', '_'.</summary>
    public string Ticker { get; }

    /// <summary>The asset class.</summary>
    public AssetClass AssetClass { get; }

    /// <summary>
    /// Parses a ticker and infers its asset class: a ticker that names a crypto base/quote pair
    /// (<c>BTC-USD</c>, <c>ETHUSDT</c>, <c>BTCUSD-COINBASE</c>) is crypto, anything else an equity.
    /// </summary>
    public static Symbol Parse(string ticker)
    {
        if (!TryParse(ticker, out var symbol, out var reason))
        {
            throw new FormatException(reason);
        }

        return symbol;
    }

    /// <summary>Parses a ticker as <see cref="Parse"/> does, returning the reason when it is not valid.</summary>
    public static bool TryParse(string? ticker, out Symbol symbol, [NotNullWhen(false)] out string? reason)
    {
        symbol = default;
        if (!TryNormalize(ticker, out var normalized, out reason))
        {
            return false;
        }

        symbol = new Symbol(normalized, InferAssetClass(normalized));
        return true;
    }

    /// <summary>The asset class a ticker implies when nothing else says: crypto pairs end in a quote currency.</summary>
    public static AssetClass InferAssetClass(string ticker)
    {
        ArgumentNullException.ThrowIfNull(ticker);
        // A venue suffix such as BTCUSD-COINBASE names the source, not the pair.
        var pair = ticker;
        var dash = ticker.LastIndexOf('-');
        if (dash > 0 && !ticker.EndsWith("-USD", StringComparison.Ordinal) && !ticker.EndsWith("-EUR", StringComparison.Ordinal)
            && !ticker.EndsWith("-USDT", StringComparison.Ordinal) && !ticker.EndsWith("-USDC", StringComparison.Ordinal))
        {
            pair = ticker[..dash];
        }

        foreach (var suffix in CryptoQuoteSuffixes)
        {
            // "USD" alone, or a 1–2 letter base before it, is not a pair (e.g. the ETF "UUSD").
            if (pair.EndsWith(suffix, StringComparison.Ordinal) && pair.Length - suffix.TrimStart('-').Length >= 3)
            {
                return AssetClass.Crypto;
            }
        }

        return AssetClass.Equity;
    }

    /// <inheritdoc />
    public override string ToString() => Ticker;

    /// <summary>Same ticker and asset class.</summary>
    public bool Equals(Symbol other) =>
        _hash == other._hash && AssetClass == other.AssetClass && string.Equals(Ticker, other.Ticker, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => _hash;

    private static bool TryNormalize(string? ticker, out string normalized, [NotNullWhen(false)] out string? reason)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(ticker))
        {
            reason = "a symbol must not be empty";
            return false;
        }

        var upper = ticker.Trim().ToUpperInvariant();
        if (upper.Length > 20)
        {
            reason = $"symbol '{ticker}' is longer than 20 characters";
            return false;
        }

        foreach (var c in upper)
        {
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '^' or '=' or '_'))
            {
                reason = $"symbol '{ticker}' contains '{c}'; use letters, digits and . - ^ = _ only";
                return false;
            }
        }

        normalized = upper;
        reason = null;
        return true;
    }
}
