namespace Tradewind.Core.Execution;

/// <summary>No commission (<c>none</c>).</summary>
public sealed record NoCommission : CommissionModel
{
    /// <inheritdoc />
    public override string Spec => "none";

    /// <inheritdoc />
    private protected override decimal Charge(decimal quantity, decimal price) => 0m;
}
