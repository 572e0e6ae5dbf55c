using Tradewind.Core.Execution;
using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>
/// The engine's working copy of an order while it lives: its request, its sizing, where it stands. Mutable
/// because a stop-limit can trigger and a trailing stop moves; the journal turns it into a <see cref="JournalOrder"/>.
/// </summary>
internal sealed class OrderTicket
{
    public required long Id { get; init; }

    public required Symbol Symbol { get; init; }

    public required OrderSide Side { get; init; }

    public required OrderType Type { get; init; }

    public required OrderSizing Sizing { get; init; }

    public double LimitPrice { get; init; } = double.NaN;

    /// <summary>The stop price; a trailing stop raises it.</summary>
    public double StopPrice { get; set; } = double.NaN;

    public required string Reason { get; set; }

    public required DateTime PlacedAt { get; init; }

    /// <summary>The index of the first bar of its symbol the order may fill on.</summary>
    public required int ActiveFromBar { get; init; }

    public Bracket Bracket { get; init; }

    /// <summary>The entry this protective order belongs to (its siblings are cancelled when it fills).</summary>
    public long? ParentId { get; init; }

    public bool StopTriggered { get; set; }

    /// <summary>The bar a stop-limit triggered on without filling; it rests as a limit from the next bar only (−1: none).</summary>
    public int TriggeredOnBar { get; set; } = -1;

    public OrderStatus Status { get; set; } = OrderStatus.Pending;

    public DateTime? StatusTime { get; set; }

    public decimal FilledQuantity { get; set; }

    public decimal? FillPrice { get; set; }

    public string? Note { get; set; }

    public JournalOrder ToRecord() => new(
        Id,
        Symbol,
        Side,
        Type,
        Sizing.ToString(),
        Status == OrderStatus.Filled ? FilledQuantity : (Sizing.Kind == OrderSizingKind.Quantity ? Sizing.Value : null),
        double.IsNaN(LimitPrice) ? null : LimitPrice,
        double.IsNaN(StopPrice) ? null : StopPrice,
        Reason,
        PlacedAt,
        Status,
        StatusTime,
        FillPrice,
        Note,
        ParentId);
}
