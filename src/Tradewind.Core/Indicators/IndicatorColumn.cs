namespace Tradewind.Core.Indicators;

/// <summary>One named output of an indicator over a bar series: one value per bar, NaN during warm-up.</summary>
public sealed record IndicatorColumn(string Name, double[] Values);
