namespace Tradewind.Jobs.Backtesting.Report;

/// <summary>One year of <see cref="MonthlyReturns"/>.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Months">January to December; null for a month without equity points.</param>
/// <param name="Total">The year's return: its last equity over the previous year's last (or the first point) − 1.</param>
public sealed record MonthlyReturnsYear(int Year, IReadOnlyList<double?> Months, double Total);
