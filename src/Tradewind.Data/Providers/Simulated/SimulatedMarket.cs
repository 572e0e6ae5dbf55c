using System.Collections.Concurrent;
using Tradewind.Core.Market;
using Tradewind.Core.Time;

namespace Tradewind.Data.Providers.Simulated;

/// <summary>
/// The simulated market of one seed: a regime chain and a market factor drawn from the seed alone, and per symbol a
/// price path drawn from (seed, symbol), all over the NYSE sessions from <see cref="Epoch"/> on. Paths are generated
/// from the epoch up to the latest session asked for and kept, so a later, longer request extends them with the same
/// numbers a fresh generation would give.
/// </summary>
/// <remarks>
/// Every random number is addressed by (key, session index, stream) (<see cref="CounterRandom"/>), so a bar depends
/// only on the seed, the symbol and the sessions up to its date: not on the range asked for, on the order of
/// requests, or on which other symbols were generated.
/// </remarks>
internal sealed class SimulatedMarket
{
    /// <summary>The first simulated session.</summary>
    public static readonly DateOnly Epoch = new(2000, 1, 3);

    // A handful of seeds is all a process uses; the bound only stops a pathological caller from hoarding memory.
    private const int MaxCachedSeeds = 8;

    private const int RegimeStream = 0;
    private const int MarketNormal = 1;
    private const int IdiosyncraticNormal = 0;
    private const int GapNormal = 1;
    private const int HighNormal = 2;
    private const int LowNormal = 3;
    private const int VolumeNormal = 4;

    // The overnight gap carries this share of the day's return, plus a little noise of its own.
    private const double GapShareOfReturn = 0.25;
    private const double GapNoise = 0.10;
    private const double RangeScale = 0.5;
    private const double VolumeNoise = 0.25;
    private const double VolumeReaction = 0.5;

    private static readonly ConcurrentDictionary<int, SimulatedMarket> BySeed = new();
    private static readonly Lazy<DateOnly[]> LazySessions = new(() => [.. TradingCalendars.Nyse.TradingDays(Epoch, TradingCalendars.Nyse.LastSupportedDate)]);

    private readonly Lock _gate = new();
    private readonly CounterRandom _marketRandom;
    private readonly Dictionary<string, AssetPath> _assets = new(StringComparer.Ordinal);
    private byte[] _regime = [];
    private double[] _marketReturn = [];
    private int _marketCount;
    private double _marketLevel;
    private double _marketPeak;

    /// <summary>Creates a market with empty caches; <see cref="ForSeed"/> shares one per seed instead.</summary>
    public SimulatedMarket(int seed)
    {
        Seed = seed;
        _marketRandom = new CounterRandom(CounterRandom.Mix((ulong)(uint)seed ^ 0x6D61726B65742D66UL));
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>The simulated sessions: NYSE trading days from <see cref="Epoch"/> to the calendar's last year.</summary>
    public static ReadOnlySpan<DateOnly> Sessions => LazySessions.Value;

    /// <summary>The last date the simulation can reach (the NYSE calendar's last supported date).</summary>
    public static DateOnly LastDate => TradingCalendars.Nyse.LastSupportedDate;

    /// <summary>The shared market for <paramref name="seed"/>, so every provider of one seed reuses the generated paths.</summary>
    public static SimulatedMarket ForSeed(int seed)
    {
        if (BySeed.Count >= MaxCachedSeeds && !BySeed.ContainsKey(seed))
        {
            BySeed.Clear();
        }

        return BySeed.GetOrAdd(seed, static s => new SimulatedMarket(s));
    }

    /// <summary>The index of the first session on or after <paramref name="date"/> (<see cref="Sessions"/> length when none).</summary>
    public static int FirstSessionOnOrAfter(DateOnly date)
    {
        var index = Sessions.BinarySearch(date);
        return index >= 0 ? index : ~index;
    }

    /// <summary>The regime of session <paramref name="index"/>.</summary>
    public MarketRegime RegimeAt(int index)
    {
        lock (_gate)
        {
            EnsureMarket(index + 1);
            return RegimeModel.Regimes[_regime[index]];
        }
    }

    /// <summary>The market factor's log return on session <paramref name="index"/>.</summary>
    public double MarketReturnAt(int index)
    {
        lock (_gate)
        {
            EnsureMarket(index + 1);
            return _marketReturn[index];
        }
    }

    /// <summary>The bars of <paramref name="symbol"/> for sessions <paramref name="first"/> to <paramref name="last"/>, both inclusive.</summary>
    public BarSeries Bars(Symbol symbol, int first, int last)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(last, Sessions.Length);
        var series = new BarSeries(symbol, Resolution.Daily, Math.Max(0, last - first + 1));
        if (last < first)
        {
            return series;
        }

        lock (_gate)
        {
            if (!_assets.TryGetValue(symbol.Ticker, out var path))
            {
                path = new AssetPath(AssetProfile.For(symbol.Ticker), new CounterRandom(CounterRandom.Mix(CounterRandom.Mix((ulong)(uint)Seed) ^ CounterRandom.Hash(symbol.Ticker))));
                _assets.Add(symbol.Ticker, path);
            }

            EnsureMarket(last + 1);
            path.Extend(last + 1, _regime, _marketReturn);
            var sessions = Sessions;
            for (var i = first; i <= last; i++)
            {
                var bar = new Bar(DailyRange.BarTime(sessions[i]), path.Open[i], path.High[i], path.Low[i], path.Close[i], path.Volume[i]);
                DailyRange.Check(bar, SimulatedDailyBarProvider.ProviderName, symbol.Ticker, "the simulated market");
                series.Add(bar);
            }
        }

        return series;
    }

    /// <summary>Generates the regime chain and the market factor up to <paramref name="count"/> sessions.</summary>
    private void EnsureMarket(int count)
    {
        if (count <= _marketCount)
        {
            return;
        }

        Grow(ref _regime, count);
        Grow(ref _marketReturn, count);
        for (var t = _marketCount; t < count; t++)
        {
            var u = _marketRandom.Uniform(t, RegimeStream);
            var regime = t == 0 ? RegimeModel.Initial(u) : RegimeModel.Next(_regime[t - 1], u);
            var drawdown = 1.0 - Math.Exp(_marketLevel - _marketPeak);
            var drift = (RegimeModel.AnnualDrift[regime] + (RegimeModel.DrawdownRecovery * drawdown)) / RegimeModel.SessionsPerYear;
            var volatility = RegimeModel.AnnualVolatility[regime] / Math.Sqrt(RegimeModel.SessionsPerYear);
            var change = drift + (volatility * _marketRandom.Normal(t, MarketNormal));
            _regime[t] = (byte)regime;
            _marketReturn[t] = change;
            _marketLevel += change;
            _marketPeak = Math.Max(_marketPeak, _marketLevel);
        }

        _marketCount = count;
    }

    private static void Grow<T>(ref T[] array, int count)
    {
        if (array.Length < count)
        {
            // Doubling keeps day-by-day extension (a demo walking forward one session at a time) linear overall.
            Array.Resize(ref array, Math.Min(Sessions.Length, Math.Max(count, Math.Max(256, array.Length * 2))));
        }
    }

    /// <summary>One symbol's generated bars, in whole cents and whole shares, and the unrounded close to extend from.</summary>
    private sealed class AssetPath(AssetProfile profile, CounterRandom random)
    {
        private double _logClose = Math.Log(profile.StartPrice);
        private double[] _open = [];
        private double[] _high = [];
        private double[] _low = [];
        private double[] _close = [];
        private double[] _volume = [];

        public int Count { get; private set; }

        public double[] Open => _open;

        public double[] High => _high;

        public double[] Low => _low;

        public double[] Close => _close;

        public double[] Volume => _volume;

        public void Extend(int count, byte[] regimes, double[] marketReturns)
        {
            if (count <= Count)
            {
                return;
            }

            Grow(ref _open, count);
            Grow(ref _high, count);
            Grow(ref _low, count);
            Grow(ref _close, count);
            Grow(ref _volume, count);
            var perSession = 1.0 / Math.Sqrt(RegimeModel.SessionsPerYear);
            for (var t = Count; t < count; t++)
            {
                int regime = regimes[t];
                var idiosyncratic = profile.IdiosyncraticVolatility * RegimeModel.IdiosyncraticMultiplier[regime];
                var systematic = profile.Beta * RegimeModel.AnnualVolatility[regime];
                var dayVolatility = Math.Sqrt((systematic * systematic) + (idiosyncratic * idiosyncratic)) * perSession;

                var change = (profile.AnnualAlpha / RegimeModel.SessionsPerYear) + (profile.Beta * marketReturns[t])
                    + (idiosyncratic * perSession * random.Normal(t, IdiosyncraticNormal));
                var gap = (GapShareOfReturn * change) + (GapNoise * dayVolatility * random.Normal(t, GapNormal));
                var open = Math.Exp(_logClose + gap);
                _logClose += change;
                var close = Math.Exp(_logClose);
                var high = Math.Max(open, close) * Math.Exp(RangeScale * dayVolatility * Math.Abs(random.Normal(t, HighNormal)));
                var low = Math.Min(open, close) * Math.Exp(-RangeScale * dayVolatility * Math.Abs(random.Normal(t, LowNormal)));

                // Cents first, then the high and low widened to cover the rounded open and close, so OHLC stays consistent.
                var o = Cents(open);
                var c = Cents(close);
                _open[t] = o;
                _close[t] = c;
                _high[t] = Math.Max(Cents(high), Math.Max(o, c));
                _low[t] = Math.Min(Cents(low), Math.Min(o, c));

                var lognormal = Math.Exp((VolumeNoise * random.Normal(t, VolumeNormal)) - (0.5 * VolumeNoise * VolumeNoise));
                var reaction = 1.0 + (VolumeReaction * Math.Abs(change) / dayVolatility);
                _volume[t] = Math.Max(1.0, Math.Round(profile.BaseVolume * RegimeModel.VolumeMultiplier[regime] * lognormal * reaction));
            }

            Count = count;
        }

        // A price never rounds below one cent, so a collapsed asset still has valid (positive) bars.
        private static double Cents(double price) => Math.Max(0.01, Math.Round(price, 2, MidpointRounding.AwayFromZero));
    }
}
