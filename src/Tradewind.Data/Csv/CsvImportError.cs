using System.Globalization;

namespace Tradewind.Data.Csv;

/// <summary>One problem found in a CSV file: where it is (file, 1-based physical line, column) and what is wrong.</summary>
/// <param name="File">The file as the caller named it.</param>
/// <param name="Line">The 1-based physical line; 0 when the problem concerns the file as a whole.</param>
/// <param name="Column">The column as the file's header names it; null when no single column is at fault.</param>
/// <param name="Message">What is wrong and, where it is obvious, how to fix it.</param>
public sealed record CsvImportError(string File, int Line, string? Column, string Message)
{
    /// <summary>The compiler-style form <c>file:line: column 'high': message</c>.</summary>
    public override string ToString()
    {
        var place = Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}") : File;
        return Column is null ? $"{place}: {Message}" : $"{place}: column '{Column}': {Message}";
    }
}
