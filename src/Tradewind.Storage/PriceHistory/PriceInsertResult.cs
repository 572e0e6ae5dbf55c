using Tradewind.Core.Market;

namespace Tradewind.Storage.PriceHistory;

/// <summary>What an insert-only store did with one series: new bars stored; stored bars kept, identical or not.</summary>
/// <param name="Symbol">The ticker.</param>
/// <param name="Resolution">The bar length.</param>
/// <param name="Rows">Bars in the series.</param>
/// <param name="Inserted">Bars that were not stored before and now are.</param>
/// <param name="Discrepancies">Stored bars the series reports with other values, in time order; the stored values were kept.</param>
public sealed record PriceInsertResult(string Symbol, Resolution Resolution, int Rows, int Inserted, IReadOnlyList<PriceDiscrepancy> Discrepancies)
{
    /// <summary>Bars that were already stored with the same values.</summary>
    public int Unchanged => Rows - Inserted - Discrepancies.Count;
}
