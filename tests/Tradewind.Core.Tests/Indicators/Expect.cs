namespace Tradewind.Core.Tests.Indicators;

/// <summary>Assertions on indicator outputs: NaN exactly where expected, values within a relative tolerance elsewhere.</summary>
public static class Expect
{
    /// <summary>Same NaN positions, and |actual − expected| ≤ tolerance·max(1, |expected|) everywhere else.</summary>
    public static void Close(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = 1e-9)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"index {i}: expected NaN (warm-up) but got {actual[i]:R}");
                continue;
            }

            Assert.False(double.IsNaN(actual[i]), $"index {i}: expected {expected[i]:R} but got NaN");
            var scale = Math.Max(1, Math.Abs(expected[i]));
            Assert.True(Math.Abs(actual[i] - expected[i]) <= tolerance * scale, $"index {i}: expected {expected[i]:R} but got {actual[i]:R}");
        }
    }

    /// <summary>Bit-identical sequences (NaN equal to NaN).</summary>
    public static bool Identical(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            var bothNaN = double.IsNaN(expected[i]) && double.IsNaN(actual[i]);
            if (!bothNaN && BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the first non-NaN value, or −1.</summary>
    public static int FirstValueIndex(IReadOnlyList<double> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A filled array, NaN where <paramref name="values"/> has null.</summary>
    public static double[] Values(params double?[] values) => Array.ConvertAll(values, v => v ?? double.NaN);
}
