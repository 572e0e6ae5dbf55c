namespace Tradewind.Core.Execution;

/// <summary>
/// A percent of the fill's notional (<c>percent:0.1</c> = 0.1%): <c>|quantity × price| × percent / 100</c>.
/// 100 shares at 50.00 with 0.1% cost 5.00.
/// </summary>
public sealed record PercentOfNotionalCommission : CommissionModel
{
    /// <summary>Creates the model; <paramref name="percent"/> is in percent (0.1 means 0.1%), 0 to 100.</summary>
    public PercentOfNotionalCommission(decimal percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100m);
        Percent = percent;
    }

    /// <summary>The commission in percent of notional (0.1 means 0.1%).</summary>
    public decimal Percent { get; }

    /// <inheritdoc />
    public override string Spec => $"percent:{Format(Percent)}";

    /// <inheritdoc />
    private protected override decimal Charge(decimal quantity, decimal price) => Math.Abs(quantity * price) * Percent / 100m;
}
