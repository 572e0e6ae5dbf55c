namespace Tradewind.Jobs.Backtesting.Outputs;

/// <summary>Receives a table's cells row by row, in column order; a CSV file and a JSON-lines file are two such sinks.</summary>
internal interface ITableSink
{
    /// <summary>A text cell (null: empty).</summary>
    void Text(string? value);

    /// <summary>An exact amount (null: empty).</summary>
    void Number(decimal? value);

    /// <summary>A measured figure (null: empty).</summary>
    void Number(double? value);

    /// <summary>A count or an id (null: empty).</summary>
    void Integer(long? value);

    /// <summary>Ends the current row.</summary>
    void EndRow();
}
