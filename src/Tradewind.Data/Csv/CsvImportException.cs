namespace Tradewind.Data.Csv;

/// <summary>
/// A CSV file could not be imported. It lists every problem found (up to <see cref="CsvBarReader.MaxErrors"/>);
/// no bars of the file were returned, so the caller stores nothing from it.
/// </summary>
public sealed class CsvImportException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public CsvImportException()
        : this("the CSV file could not be imported")
    {
    }

    /// <summary>Creates an exception with a message and no itemized errors.</summary>
    public CsvImportException(string message)
        : base(message)
    {
        File = string.Empty;
        Errors = [];
    }

    /// <summary>Creates an exception with a message, no itemized errors and the cause.</summary>
    public CsvImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Errors = [];
    }

    /// <summary>Creates the exception for <paramref name="file"/> from the problems found in it.</summary>
    public CsvImportException(string file, IReadOnlyList<CsvImportError> errors, bool truncated)
        : base(BuildMessage(file, errors, truncated))
    {
        ArgumentNullException.ThrowIfNull(errors);
        File = file;
        Errors = errors;
        Truncated = truncated;
    }

    /// <summary>The file as the caller named it.</summary>
    public string File { get; }

    /// <summary>The problems, in file order; the first one is the first line of <see cref="Exception.Message"/>.</summary>
    public IReadOnlyList<CsvImportError> Errors { get; }

    /// <summary>True when reading stopped at the error limit, so the file may hold more problems.</summary>
    public bool Truncated { get; }

    private static string BuildMessage(string file, IReadOnlyList<CsvImportError>? errors, bool truncated)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var lines = new List<string>(errors.Count + 2);
        foreach (var error in errors)
        {
            lines.Add(error.ToString());
        }

        if (truncated)
        {
            lines.Add($"(stopped after {errors.Count} errors; the file may hold more)");
        }

        lines.Add($"No bars were imported from {file}.");
        return string.Join(Environment.NewLine, lines);
    }
}
