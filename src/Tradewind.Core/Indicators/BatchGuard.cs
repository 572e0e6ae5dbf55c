namespace Tradewind.Core.Indicators;

/// <summary>Argument checks shared by the batch helpers, so each reports a wrong span the same way.</summary>
internal static class BatchGuard
{
    /// <summary>Throws unless <paramref name="output"/> has one slot per input value and does not overlap the input.</summary>
    public static void RequireOutput(ReadOnlySpan<double> input, Span<double> output, string outputName)
    {
        RequireLength(input.Length, output.Length, outputName);

        // The helpers read old input values after writing newer outputs; an overlapping output would corrupt them.
        if (input.Overlaps(output))
        {
            throw new ArgumentException("the output span must not overlap the input", outputName);
        }
    }

    /// <summary>Throws unless a span has exactly <paramref name="expected"/> elements.</summary>
    public static void RequireLength(int expected, int actual, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"{name} has {actual} elements but the input has {expected}; they must be equal", name);
        }
    }
}
