namespace Tradewind.Core.Execution;

/// <summary>
/// A rate per share (unit) with a minimum per order (<c>per-share:0.005,min:1</c>):
/// <c>max(rate × quantity, minimum)</c>. 150 shares at 0.005 with min 1 cost 1.00; 1,000 shares cost 5.00.
/// </summary>
public sealed record PerShareCommission : CommissionModel
{
    /// <summary>Creates the model; both numbers are money per share / per order and not negative.</summary>
    public PerShareCommission(decimal rate, decimal minimum = 0m)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rate);
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        Rate = rate;
        Minimum = minimum;
    }

    /// <summary>Money per share (unit) traded.</summary>
    public decimal Rate { get; }

    /// <summary>The least an order (fill) is charged.</summary>
    public decimal Minimum { get; }

    /// <inheritdoc />
    public override string Spec => Minimum == 0m ? $"per-share:{Format(Rate)}" : $"per-share:{Format(Rate)},min:{Format(Minimum)}";

    /// <inheritdoc />
    private protected override decimal Charge(decimal quantity, decimal price) => Math.Max(Rate * Math.Abs(quantity), Minimum);
}
