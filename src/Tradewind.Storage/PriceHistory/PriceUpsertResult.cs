using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>What an upsert did with one series: new rows, rows whose values changed, rows already identical.</summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Resolution">The bar length.</param>
/// <param name="Rows">Bars in the series.</param>
/// <param name="Inserted">Bars that were not stored before.</param>
/// <param name="Updated">Stored bars whose values the series changed.</param>
public sealed record PriceUpsertResult(string Symbol, Resolution Resolution, int Rows, int Inserted, int Updated)
{
    /// <summary>Bars that were already stored with identical values.</summary>
    public int Unchanged => Rows - Inserted - Updated;
}
