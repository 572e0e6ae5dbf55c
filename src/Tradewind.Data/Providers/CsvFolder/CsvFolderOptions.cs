namespace Tradewind.Data.Providers.CsvFolder;

/// <summary>Where the CSV-folder provider reads <c>&lt;Directory&gt;/&lt;SYMBOL&gt;.csv</c> (configuration: <c>data.csv_dir</c>).</summary>
public sealed record CsvFolderOptions
{
    /// <summary>The folder, absolute or relative to the working directory; default <c>data/csv</c>.</summary>
    public string Directory { get; init; } = "data/csv";

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    /// <exception cref="ArgumentException">The folder is empty or not a valid path.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            throw new ArgumentException("the CSV folder (data.csv_dir) is empty; name the folder that holds <SYMBOL>.csv files, e.g. data/csv");
        }

        if (Directory.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            throw new ArgumentException($"the CSV folder (data.csv_dir) '{Directory}' contains a character that is not allowed in a path");
        }
    }
}
