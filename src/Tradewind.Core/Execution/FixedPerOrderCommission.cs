namespace Tradewind.Core.Execution;

/// <summary>A fixed amount per order (fill), whatever its size (<c>fixed:1</c>).</summary>
public sealed record FixedPerOrderCommission : CommissionModel
{
    /// <summary>Creates the model; the amount is not negative.</summary>
    public FixedPerOrderCommission(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        Amount = amount;
    }

    /// <summary>The money charged per order.</summary>
    public decimal Amount { get; }

    /// <inheritdoc />
    public override string Spec => $"fixed:{Format(Amount)}";

    /// <inheritdoc />
    private protected override decimal Charge(decimal quantity, decimal price) => Amount;
}
