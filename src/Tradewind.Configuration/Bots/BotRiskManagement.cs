using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Bots;

/// <summary><c>risk_management</c>: how large the bot's positions are and where it stops trading.</summary>
/// <remarks>Defaults are those of the paper-bot template.</remarks>
public sealed record BotRiskManagement
{
    /// <summary>The fraction of the balance one position takes.</summary>
    [Setting("Fraction of the balance one position takes; position_size x max_open_trades must be at most 1.", Minimum = 0, Maximum = 1, MinimumExclusive = true)]
    public double PositionSize { get; init; } = 0.1;

    /// <summary>The most positions open at once.</summary>
    [Setting("Most positions open at once.", Minimum = 1, Maximum = 10)]
    public int MaxOpenTrades { get; init; } = 1;

    /// <summary>The stop loss, in percent below the entry price.</summary>
    [Setting("Stop loss, in percent of the entry price.", Minimum = 0, Maximum = 50, MinimumExclusive = true)]
    public double StopLossPct { get; init; } = 5;

    /// <summary>The take profit, in percent above the entry price.</summary>
    [Setting("Take profit, in percent of the entry price; take_profit_pct / stop_loss_pct must be at least 1.", Minimum = 0, Maximum = 100, MinimumExclusive = true)]
    public double TakeProfitPct { get; init; } = 10;

    /// <summary>The most trades opened in one day.</summary>
    [Setting("Most trades opened in one day.", Minimum = 1, Maximum = 100)]
    public int MaxDailyTrades { get; init; } = 10;

    /// <summary>The loss, in the quote currency, after which the bot stops for the day; 0 = no limit.</summary>
    [Setting("Loss in one day, in the quote currency, after which the bot stops trading for the day; 0 = no daily limit.", Minimum = 0)]
    public decimal MaxDailyLoss { get; init; }

    /// <summary>The drawdown from the equity peak, in percent, at which the bot stops.</summary>
    [Setting("Drawdown from the bot's equity peak, in percent, at which it stops trading.", Minimum = 0, Maximum = 50, MinimumExclusive = true)]
    public double MaxDrawdownPct { get; init; } = 20;

    /// <summary>The fraction of the balance risked on one trade.</summary>
    [Setting("Fraction of the balance risked on one trade (entry to stop).", Minimum = 0, Maximum = 1, MinimumExclusive = true)]
    public double RiskPerTrade { get; init; } = 0.02;

    /// <summary>How a position's size is computed.</summary>
    [Setting("How a position's size is computed: fixed amount, percent of the balance, or Kelly criterion.")]
    public PositionSizing PositionSizing { get; init; } = PositionSizing.Percent;
}
