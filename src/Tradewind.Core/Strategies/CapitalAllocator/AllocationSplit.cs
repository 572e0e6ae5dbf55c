namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>
/// Splits a day's budget over the top-ranked assets with a positive score: at most three, each share inside a
/// band by rank, the room inside the bands shared in proportion to the scores.
/// </summary>
/// <remarks>
/// <para>One positive asset takes 100%. Two start from 55% / 30% and three from 40% / 30% / 15%; the 15% left is
/// shared in proportion to the scores, each share capped at its band's top (two: 70% / 45%; three: 50% / 35% / 25%),
/// what a cap cuts off going to the others by the same rule. So three equal scores give 45 / 35 / 20, one dominant
/// score with two equal small ones 50 / 32.5 / 17.5, and a higher rank never gets less than a lower one.</para>
/// <para>Dollars are whole cents: every asset but the top one gets its share rounded down to the cent, and the
/// top-ranked asset gets the rest, so the dollars add up to the budget exactly. Assets with a score of 0 or less
/// get nothing; ranks with equal scores go by symbol (ordinal), so the split is the same on every run.</para>
/// </remarks>
public static class AllocationSplit
{
    /// <summary>The most assets one day's budget is split over.</summary>
    public const int MaxAssets = 3;

    private static readonly decimal[][] Floors = [[1m], [0.55m, 0.30m], [0.40m, 0.30m, 0.15m]];
    private static readonly decimal[][] Caps = [[1m], [0.70m, 0.45m], [0.50m, 0.35m, 0.25m]];

    /// <summary>
    /// The fractions of the budget for the given positive scores in rank order (highest first; 1 to
    /// <see cref="MaxAssets"/> of them); they add up to 1 up to decimal rounding in the 28th digit.
    /// </summary>
    public static IReadOnlyList<decimal> Weights(IReadOnlyList<double> rankedScores)
    {
        ArgumentNullException.ThrowIfNull(rankedScores);
        var n = rankedScores.Count;
        if (n is < 1 or > MaxAssets)
        {
            throw new ArgumentException($"the split takes 1 to {MaxAssets} scores, got {n}", nameof(rankedScores));
        }

        for (var i = 0; i < n; i++)
        {
            if (!(rankedScores[i] > 0) || !double.IsFinite(rankedScores[i]) || (i > 0 && rankedScores[i] > rankedScores[i - 1]))
            {
                throw new ArgumentException("the scores must be positive, finite and in descending order", nameof(rankedScores));
            }
        }

        // Scores relative to the top one, rounded to 12 digits: decimal arithmetic from here on, and a tiny score
        // cannot underflow to a zero total.
        var relative = new decimal[n];
        for (var i = 0; i < n; i++)
        {
            relative[i] = (decimal)Math.Round(rankedScores[i] / rankedScores[0], 12);
        }

        var floors = Floors[n - 1];
        var caps = Caps[n - 1];
        var weights = floors.ToArray();
        var room = 1m - floors.Sum();
        var open = Enumerable.Range(0, n).ToList();
        while (room > 0 && open.Count > 0)
        {
            var total = open.Sum(i => relative[i]);
            if (total == 0)
            {
                break;
            }

            // Cap every asset whose proportional share would pass its band's top, then share again what is left.
            var capped = open.Where(i => floors[i] + room * relative[i] / total > caps[i]).ToList();
            if (capped.Count == 0)
            {
                foreach (var i in open)
                {
                    weights[i] = floors[i] + room * relative[i] / total;
                }

                break;
            }

            foreach (var i in capped)
            {
                weights[i] = caps[i];
                room -= caps[i] - floors[i];
                open.Remove(i);
            }
        }

        return weights;
    }

    /// <summary>
    /// The dollars per symbol for <paramref name="budget"/> (whole cents, at least 0) over the assets with a positive
    /// score, best first; empty when none is positive or the budget is 0.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, decimal>> Dollars(decimal budget, IEnumerable<(string Symbol, double Score)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (budget < 0 || decimal.Round(budget, 2) != budget)
        {
            throw new ArgumentException($"the budget must be whole cents and not negative, got {budget}", nameof(budget));
        }

        var ranked = Rank(scores).Where(s => s.Score > 0).Take(MaxAssets).ToList();
        if (ranked.Count == 0 || budget == 0)
        {
            return [];
        }

        var weights = Weights(ranked.Select(r => r.Score).ToList());
        var dollars = new decimal[ranked.Count];
        for (var i = 1; i < ranked.Count; i++)
        {
            dollars[i] = RoundDownToCents(budget * weights[i]);
        }

        dollars[0] = budget - dollars.Skip(1).Sum();
        return [.. ranked.Select((r, i) => new KeyValuePair<string, decimal>(r.Symbol, dollars[i]))];
    }

    /// <summary>Highest score first; equal scores by symbol (ordinal).</summary>
    public static IEnumerable<(string Symbol, double Score)> Rank(IEnumerable<(string Symbol, double Score)> scores) =>
        scores.OrderByDescending(s => s.Score).ThenBy(s => s.Symbol, StringComparer.Ordinal);

    /// <summary>Rounds a non-negative amount down to whole cents.</summary>
    public static decimal RoundDownToCents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.ToZero);
}
