namespace Tradewind.Core.Execution;

/// <summary>
/// The result of evaluating one pending order against one bar: whether it filled, at what bar price
/// (a <c>double</c>, before slippage) and where in the bar. A small value type: evaluating allocates nothing.
/// </summary>
/// <param name="Kind">Filled, still pending, or (stop-limit) triggered but not filled.</param>
/// <param name="Price">The fill price when filled; the trigger price when triggered; NaN when pending.</param>
/// <param name="Point">Where in the bar the price was taken (meaningless when pending).</param>
public readonly record struct FillOutcome(FillOutcomeKind Kind, double Price, FillPoint Point)
{
    /// <summary>The outcome of an order the bar did not reach.</summary>
    public static FillOutcome Pending => new(FillOutcomeKind.Pending, double.NaN, FillPoint.Open);

    /// <summary>True when the order filled.</summary>
    public bool IsFilled => Kind == FillOutcomeKind.Filled;

    /// <summary>A fill at <paramref name="price"/>, taken at <paramref name="point"/> of the bar.</summary>
    public static FillOutcome Filled(double price, FillPoint point) => new(FillOutcomeKind.Filled, price, point);

    /// <summary>A stop-limit triggered at <paramref name="price"/> whose limit was not reached on the same bar.</summary>
    public static FillOutcome Triggered(double price, FillPoint point) => new(FillOutcomeKind.Triggered, price, point);
}
