namespace Tradewind.Jobs.Demo;

/// <summary>What <c>tradewind demo</c> is asked to do.</summary>
public sealed record DemoRequest
{
    /// <summary>The workspace folder (created when missing): the database, report.html and trades.csv go there.</summary>
    public required string Directory { get; init; }

    /// <summary>A folder of real daily CSVs (&lt;SYMBOL&gt;.csv) to use instead of the simulated market; null for simulated data.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The last trading day to run; null for the latest possible (yesterday's session for simulated data, the data's end for CSVs).</summary>
    public DateOnly? End { get; init; }

    /// <summary>Years of trading days (252 each) the allocator runs day by day.</summary>
    public int Years { get; init; } = 2;
}
