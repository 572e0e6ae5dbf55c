using Tradewind.Core.Strategies.CapitalAllocator;
using Tradewind.Storage;
using Tradewind.Storage.PaperTrading;

namespace Tradewind.Jobs.CapitalAllocator;

/// <summary>
/// The symbols whose prices the capital allocator's fetch stores: every configured asset, then every symbol its paper
/// account still holds though the active parameters no longer name it (an asset removed with
/// <c>tradewind config apply</c> while held). A bearish day sells a fraction of every holding at that day's open, and
/// the portfolio is valued at the closes, so a removed asset's prices are needed as long as it is held; the signal never
/// buys it again.
/// </summary>
public static class AllocatorSymbols
{
    /// <summary><paramref name="assets"/> in their order, then the held symbols not among them, in ordinal order.</summary>
    public static async Task<IReadOnlyList<string>> ToFetchAsync(TradewindDatabase database, IReadOnlyList<string> assets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(assets);
        var account = await new PaperAccountRepository(database).LoadAsync(CapitalAllocatorParameters.StrategyName, cancellationToken);
        var removed = account.Positions
            .Select(p => p.Symbol)
            .Where(symbol => !assets.Contains(symbol, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal);
        return [.. assets, .. removed];
    }
}
