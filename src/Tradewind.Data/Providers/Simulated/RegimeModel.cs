namespace Tradewind.Data.Providers.Simulated;

/// <summary>
/// The simulated market's regimes: per regime the market factor's drift and volatility, how much the assets' own
/// noise and their volumes swell, and the daily Markov transition probabilities between regimes.
/// docs/data-providers.md tabulates the same numbers; the tests check the generated paths against them.
/// </summary>
internal static class RegimeModel
{
    /// <summary>Sessions per year, to turn annual figures into daily ones.</summary>
    public const double SessionsPerYear = 252;

    /// <summary>
    /// Annual drift added to the market factor per unit of drawdown of the market level from its running peak
    /// (a 30% drawdown adds 0.5 × 0.30 = 15% a year): deep falls tend to be recovered, as real ones were.
    /// </summary>
    public const double DrawdownRecovery = 0.5;

    /// <summary>The regimes in the order the tables below use.</summary>
    public static readonly MarketRegime[] Regimes = [MarketRegime.CalmBull, MarketRegime.Choppy, MarketRegime.Bear, MarketRegime.Crash];

    /// <summary>The market factor's annualized drift of log returns per regime (a crash: −1% a session).</summary>
    public static readonly double[] AnnualDrift = [0.13, 0.02, -0.25, -2.52];

    /// <summary>The market factor's annualized volatility per regime.</summary>
    public static readonly double[] AnnualVolatility = [0.12, 0.17, 0.25, 0.55];

    /// <summary>How much each asset's idiosyncratic volatility is scaled per regime.</summary>
    public static readonly double[] IdiosyncraticMultiplier = [1.0, 1.1, 1.3, 1.6];

    /// <summary>How much volumes are scaled per regime (panics trade more).</summary>
    public static readonly double[] VolumeMultiplier = [0.9, 1.0, 1.3, 2.0];

    /// <summary>
    /// Daily transition probabilities: row = today's regime, column = tomorrow's, in <see cref="Regimes"/> order.
    /// Expected stays (1 / (1 − p_stay)): calm bull ≈ 286 sessions, choppy ≈ 67, bear ≈ 83, crash 10.
    /// </summary>
    public static readonly double[,] Transitions =
    {
        { 0.9965, 0.0025, 0.0008, 0.0002 },
        { 0.0100, 0.9850, 0.0045, 0.0005 },
        { 0.0020, 0.0080, 0.9880, 0.0020 },
        { 0.0300, 0.0400, 0.0300, 0.9000 },
    };

    /// <summary>The long-run share of sessions in each regime (the chain's stationary distribution), computed from <see cref="Transitions"/>.</summary>
    public static readonly double[] Stationary = ComputeStationary();

    /// <summary>The regime of the first session: drawn from <see cref="Stationary"/> with the uniform <paramref name="u"/>.</summary>
    public static int Initial(double u) => Pick(Stationary, u);

    /// <summary>Tomorrow's regime from today's <paramref name="regime"/> and the uniform <paramref name="u"/>.</summary>
    public static int Next(int regime, double u)
    {
        var cumulative = 0.0;
        for (var next = 0; next < Regimes.Length - 1; next++)
        {
            cumulative += Transitions[regime, next];
            if (u < cumulative)
            {
                return next;
            }
        }

        return Regimes.Length - 1;
    }

    private static int Pick(double[] probabilities, double u)
    {
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length - 1; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return probabilities.Length - 1;
    }

    private static double[] ComputeStationary()
    {
        // Power iteration: the chain is irreducible and aperiodic (every regime can stay), so it converges.
        var n = Regimes.Length;
        var current = new double[n];
        Array.Fill(current, 1.0 / n);
        var next = new double[n];
        for (var step = 0; step < 100_000; step++)
        {
            Array.Clear(next);
            for (var from = 0; from < n; from++)
            {
                for (var to = 0; to < n; to++)
                {
                    next[to] += current[from] * Transitions[from, to];
                }
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                change += Math.Abs(next[i] - current[i]);
            }

            (current, next) = (next, current);
            if (change < 1e-15)
            {
                break;
            }
        }

        return current;
    }
}
