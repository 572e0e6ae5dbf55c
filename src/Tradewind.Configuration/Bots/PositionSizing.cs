namespace Tradewind.Configuration.Bots;

/// <summary>How a bot sizes a position (<c>risk_management.position_sizing</c>).</summary>
public enum PositionSizing
{
    /// <summary>The same amount every trade.</summary>
    Fixed,

    /// <summary>A fraction of the current balance (<c>position_size</c>).</summary>
    Percent,

    /// <summary>The Kelly fraction of the bot's measured win rate and payoff, capped by <c>position_size</c>.</summary>
    KellyCriterion,
}
