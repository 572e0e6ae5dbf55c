namespace Tradewind.Configuration.Settings;

/// <summary><c>assets</c>: the tradable universe and per-asset limits.</summary>
public sealed record AssetsSettings
{
    /// <summary>Fraction of equity always kept in cash.</summary>
    [Setting("Fraction of equity always kept in cash.", Minimum = 0, Maximum = 1, MaximumExclusive = true)]
    public double CashBuffer { get; init; } = 0.05;

    /// <summary>The tradable symbols; their max weights must add up to at least 1 - cash_buffer.</summary>
    [Setting("The tradable symbols, each once; their max_weight values must add up to at least 1 - cash_buffer so the portfolio can be fully invested.")]
    public IReadOnlyList<AssetLimit> Universe { get; init; } =
    [
        new() { Symbol = "SPY", MaxWeight = 0.6 },
        new() { Symbol = "QQQ", MaxWeight = 0.5 },
        new() { Symbol = "DIA", MaxWeight = 0.5 },
    ];
}
