namespace Tradewind.Storage.Signals;

/// <summary>What storing a daily signal did.</summary>
/// <param name="Inserted">
/// Whether the signal was written. False when the strategy already had a signal for that date: nothing was
/// written and <paramref name="Signal"/> is the stored one, unchanged.
/// </param>
/// <param name="Signal">The signal stored for the strategy and date afterwards, with its id.</param>
public sealed record DailySignalInsertResult(bool Inserted, DailySignalRecord Signal);
