using Tradewind.Core.Execution;
using Tradewind.Core.Market;

namespace Tradewind.Core.Engine;

/// <summary>
/// The engine's working copy of an order: its request, its sizing, where it stands. It lives in the journal's order
/// log from placement on and is updated there in place (through a <c>ref</c>), because a stop-limit can trigger, a
/// trailing stop moves and every order ends filled, rejected or cancelled; the journal turns it into a
/// <see cref="JournalOrder"/> when read.
/// </summary>
/// <remarks>
/// A struct in the log rather than an object per order: a run of tens of thousands of orders then writes them into a
/// few large blocks the garbage collector never moves, instead of as many small objects that each collection copies
/// while the run holds them (see docs/performance.md). Optional values use sentinels (NaN prices, a zero parent id,
/// <see cref="DateTime.MinValue"/> for no status time, a zero fill price) to keep the record small.
/// </remarks>
internal struct OrderTicket
{
    /// <summary>The order id (1, 2, … within a run); the log keeps order <c>n</c> at index <c>n − 1</c>.</summary>
    public long Id;

    public Symbol Symbol;

    public OrderSizing Sizing;

    /// <summary>Protective exits to place when this (buy) order fills.</summary>
    public Bracket Bracket;

    /// <summary>The limit price, NaN for none.</summary>
    public double LimitPrice;

    /// <summary>The stop price, NaN for none; a trailing stop raises it.</summary>
    public double StopPrice;

    public string Reason;

    public string? Note;

    public DateTime PlacedAt;

    /// <summary>When the order reached its final status; <see cref="DateTime.MinValue"/> while pending.</summary>
    public DateTime StatusTime;

    /// <summary>The entry whose protection this is; 0 for none.</summary>
    public long ParentId;

    public decimal FilledQuantity;

    /// <summary>The price of the fill; 0 until filled (a fill price is never 0).</summary>
    public decimal FillPrice;

    /// <summary>The index of the symbol's first bar on which the order can fill.</summary>
    public int ActiveFromBar;

    /// <summary>The bar on which a stop-limit triggered without filling; −1 for none.</summary>
    public int TriggeredOnBar;

    public OrderSide Side;

    public OrderType Type;

    public OrderStatus Status;

    public bool StopTriggered;

    public readonly JournalOrder ToRecord() => new(
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
        StatusTime == DateTime.MinValue ? null : StatusTime,
        FillPrice == 0m ? null : FillPrice,
        Note,
        ParentId == 0 ? null : ParentId);
}
