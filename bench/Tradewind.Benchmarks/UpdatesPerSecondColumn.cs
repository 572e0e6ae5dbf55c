using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Tradewind.Benchmarks;

/// <summary>Shows a benchmark's mean as operations per second (updates/s for the indicator suites).</summary>
public sealed class UpdatesPerSecondColumn : IColumn
{
    public string Id => nameof(UpdatesPerSecondColumn);

    public string ColumnName => "Updates/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Operations per second (1 s / Mean); Mean is per update because OperationsPerInvoke counts updates";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "-";
        }

        // Mean is in nanoseconds per operation.
        var perSecond = 1e9 / statistics.Mean;
        return (perSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M";
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
