using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Tradewind.Benchmarks;

/// <summary>
/// Per-bar figures of a benchmark whose operation is one run over many bars: bars per second (bars / Mean) or
/// allocated bytes per bar (allocated per operation / bars). <paramref name="barsPerOperation"/> says how many bars
/// (or bar-evaluations: bars × combinations, for the optimizer) one operation processes. Bars per second are taken
/// at the mean by default, or at another statistic of the run times (<see cref="Median"/>, <see cref="Fastest"/>).
/// </summary>
public sealed class BarsPerSecondColumn(string name, bool allocation, Func<BenchmarkCase, double> barsPerOperation, Func<Statistics, double>? time = null) : IColumn
{
    /// <summary>The median run time: half the runs were at least this fast.</summary>
    public static double Median(Statistics statistics) => statistics.Median;

    /// <summary>The fastest run (BenchmarkDotNet's Min after outlier removal).</summary>
    public static double Fastest(Statistics statistics) => statistics.Min;

    public string Id => nameof(BarsPerSecondColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => allocation ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => allocation
        ? "Allocated bytes per operation divided by the bars it processed"
        : "Bars (or bar-evaluations) per operation divided by the run time (Mean unless the column says otherwise): per second, in millions";

    /// <summary>The value of the <c>Bars</c> parameter of a case.</summary>
    public static double BarsParameter(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            if (parameter.Name == "Bars")
            {
                return Convert.ToDouble(parameter.Value, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var bars = barsPerOperation(benchmarkCase);
        var report = summary[benchmarkCase];
        if (bars <= 0 || report is null)
        {
            return "-";
        }

        if (allocation)
        {
            var bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
            return bytes is { } b ? (b / bars).ToString("N2", CultureInfo.InvariantCulture) : "-";
        }

        var statistics = report.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "-";
        }

        // Run times are in nanoseconds per operation.
        var nanoseconds = time is null ? statistics.Mean : time(statistics);
        var perSecond = bars * 1e9 / nanoseconds;
        return (perSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
