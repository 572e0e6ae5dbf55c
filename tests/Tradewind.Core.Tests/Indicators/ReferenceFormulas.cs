namespace Tradewind.Core.Tests.Indicators;

/// <summary>
/// The indicator definitions written the slow, direct way (each window recomputed from scratch, each smoothing
/// written as its textbook recursion), independent of the streaming implementation, for comparing against it.
/// </summary>
public static class ReferenceFormulas
{
    public static double[] Sma(double[] x, int n)
    {
        var result = Nans(x.Length);
        for (var t = n - 1; t < x.Length; t++)
        {
            var sum = 0.0;
            for (var j = t - n + 1; j <= t; j++)
            {
                sum += x[j];
            }

            result[t] = sum / n;
        }

        return result;
    }

    /// <summary>EMA as α·x + (1 − α)·previous, seeded with the mean of the first n values.</summary>
    public static double[] Ema(double[] x, int n)
    {
        var result = Nans(x.Length);
        if (x.Length < n)
        {
            return result;
        }

        var alpha = 2.0 / (n + 1);
        var ema = x.Take(n).Average();
        result[n - 1] = ema;
        for (var t = n; t < x.Length; t++)
        {
            ema = (alpha * x[t]) + ((1 - alpha) * ema);
            result[t] = ema;
        }

        return result;
    }

    /// <summary>Wilder's smoothing of a sequence: mean of the first n, then (prev·(n − 1) + x)/n; NaN before.</summary>
    public static double[] Wilder(double[] x, int n)
    {
        var result = Nans(x.Length);
        if (x.Length < n)
        {
            return result;
        }

        var average = x.Take(n).Average();
        result[n - 1] = average;
        for (var t = n; t < x.Length; t++)
        {
            average = ((average * (n - 1)) + x[t]) / n;
            result[t] = average;
        }

        return result;
    }

    public static double[] Rsi(double[] x, int n)
    {
        var result = Nans(x.Length);
        if (x.Length < 2)
        {
            return result;
        }

        var changes = new double[x.Length - 1];
        for (var t = 1; t < x.Length; t++)
        {
            changes[t - 1] = x[t] - x[t - 1];
        }

        var gains = Wilder(changes.Select(c => Math.Max(c, 0)).ToArray(), n);
        var losses = Wilder(changes.Select(c => Math.Max(-c, 0)).ToArray(), n);
        for (var i = 0; i < changes.Length; i++)
        {
            if (double.IsNaN(gains[i]))
            {
                continue;
            }

            result[i + 1] = gains[i] + losses[i] == 0 ? 50 : 100 * gains[i] / (gains[i] + losses[i]);
        }

        return result;
    }

    public static double[] Atr(double[] high, double[] low, double[] close, int n)
    {
        var trueRanges = new double[high.Length];
        for (var t = 0; t < high.Length; t++)
        {
            trueRanges[t] = t == 0
                ? high[t] - low[t]
                : new[] { high[t] - low[t], Math.Abs(high[t] - close[t - 1]), Math.Abs(low[t] - close[t - 1]) }.Max();
        }

        return Wilder(trueRanges, n);
    }

    /// <summary>Standard deviation of each window of n, dividing by n − <paramref name="ddof"/>.</summary>
    public static double[] StandardDeviation(double[] x, int n, int ddof)
    {
        var result = Nans(x.Length);
        for (var t = n - 1; t < x.Length; t++)
        {
            var window = x[(t - n + 1)..(t + 1)];
            var mean = window.Average();
            result[t] = Math.Sqrt(window.Sum(v => (v - mean) * (v - mean)) / (n - ddof));
        }

        return result;
    }

    public static (double[] Line, double[] Signal, double[] Histogram) Macd(double[] x, int fast, int slow, int signal)
    {
        var fastEma = Ema(x, fast);
        var slowEma = Ema(x, slow);
        var line = Nans(x.Length);
        for (var t = slow - 1; t < x.Length; t++)
        {
            line[t] = fastEma[t] - slowEma[t];
        }

        var signalLine = Nans(x.Length);
        var histogram = Nans(x.Length);
        if (x.Length >= slow)
        {
            var lineValues = line[(slow - 1)..];
            var signalValues = Ema(lineValues, signal);
            for (var i = 0; i < signalValues.Length; i++)
            {
                signalLine[slow - 1 + i] = signalValues[i];
                histogram[slow - 1 + i] = lineValues[i] - signalValues[i];
            }
        }

        return (line, signalLine, histogram);
    }

    /// <summary>Raw %K by scanning each window for its extremes, 50 when the window has no range.</summary>
    public static double[] StochasticK(double[] high, double[] low, double[] close, int n)
    {
        var result = Nans(close.Length);
        for (var t = n - 1; t < close.Length; t++)
        {
            var highest = high[(t - n + 1)..(t + 1)].Max();
            var lowest = low[(t - n + 1)..(t + 1)].Min();
            result[t] = highest == lowest ? 50 : 100 * (close[t] - lowest) / (highest - lowest);
        }

        return result;
    }

    /// <summary>SMA of the defined part of a series that starts with NaNs, NaN where the window reaches into them.</summary>
    public static double[] SmaAfterWarmUp(double[] x, int n)
    {
        var first = Array.FindIndex(x, v => !double.IsNaN(v));
        var result = Nans(x.Length);
        if (first < 0)
        {
            return result;
        }

        var tail = Sma(x[first..], n);
        Array.Copy(tail, 0, result, first, tail.Length);
        return result;
    }

    public static double[] Nans(int length)
    {
        var result = new double[length];
        Array.Fill(result, double.NaN);
        return result;
    }
}
