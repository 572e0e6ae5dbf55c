using System.Globalization;
using System.Numerics;

namespace Tradewind.Data.Csv;

/// <summary>
/// Parses decimal numbers from UTF-8 bytes exactly as <c>double.Parse(..., NumberStyles.Float, InvariantCulture)</c>
/// does, but several times faster for the plain decimals price files are made of.
/// </summary>
/// <remarks>
/// Plain <c>[-]digits[.digits]</c> with at most 19 significant digits take a fast path; anything else
/// (exponents, a leading '+', NaN, Infinity, more digits, tiny values) goes to the BCL, which is then the
/// only judge of validity. The fast path is exact, not approximate:
/// a mantissa of at most 2^53 divided by 10^k with k ≤ 22 is one correctly rounded IEEE division
/// (both operands are exact doubles; Clinger's fast path). Longer mantissas, such as yfinance's float32
/// artefacts <c>24.684120178222656</c> (17 digits), use the Eisel-Lemire algorithm with a 128-bit table of
/// powers of five, which is correctly rounded for 64-bit mantissas (Mushtak and Lemire, "Fast number
/// parsing without fallback", 2023). A property test checks both paths against the BCL.
/// </remarks>
internal static class CsvNumberParser
{
    // Powers of ten up to 10^22 are exact doubles; that bound is what makes the Clinger path exact.
    private const int MaxExactPowerOfTen = 22;

    // Eisel-Lemire table range: 10^-27 .. 10^0. Without exponent parsing q = -(fraction digits) is never
    // positive, and q ≥ -27 is the range in which the "+1" rounded-up table entries are proven sufficient.
    private const int MinPowerOfTen = -27;
    private const int MaxPowerOfTen = 0;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private static readonly (ulong[] High, ulong[] Low) PowersOfFive = BuildPowersOfFive();

    /// <summary>Parses <paramref name="text"/>; false when it is not a number in the invariant culture.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        return TryParseFast(text, out value)
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The fast path alone: false means "not handled here", not "not a number".</summary>
    public static bool TryParseFast(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var n = text.Length;
        if (n == 0)
        {
            return false;
        }

        var i = 0;
        var negative = false;
        if (text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var significant = 0;
        var integerStart = i;
        while (i < n)
        {
            var digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                break;
            }

            mantissa = unchecked((mantissa * 10) + digit);
            if (mantissa != 0)
            {
                significant++;
            }

            i++;
        }

        var integerDigits = i - integerStart;
        var fractionDigits = 0;
        if (i < n && text[i] == (byte)'.')
        {
            i++;
            var fractionStart = i;
            while (i < n)
            {
                var digit = (uint)(text[i] - '0');
                if (digit > 9)
                {
                    break;
                }

                mantissa = unchecked((mantissa * 10) + digit);
                if (mantissa != 0)
                {
                    significant++;
                }

                i++;
            }

            fractionDigits = i - fractionStart;
        }

        // Trailing text (an exponent, letters), no digit at all, or a mantissa that may have overflowed 64 bits.
        if (i != n || integerDigits + fractionDigits == 0 || significant > 19)
        {
            return false;
        }

        if (mantissa == 0)
        {
            value = negative ? -0.0 : 0.0;
            return true;
        }

        if (mantissa <= 1UL << 53 && fractionDigits <= MaxExactPowerOfTen)
        {
            value = mantissa / PowersOfTen[fractionDigits];
        }
        else if (!TryEiselLemire(mantissa, -fractionDigits, out value))
        {
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    // A port of fast_float's compute_float for binary64 restricted to normal results; see the remarks above.
    private static bool TryEiselLemire(ulong mantissa, int q, out double value)
    {
        value = 0;
        if (q < MinPowerOfTen || q > MaxPowerOfTen)
        {
            return false;
        }

        var leadingZeros = BitOperations.LeadingZeroCount(mantissa);
        var w = mantissa << leadingZeros;
        var index = q - MinPowerOfTen;
        var high = Math.BigMul(w, PowersOfFive.High[index], out var low);

        // 52 explicit mantissa bits + implicit bit + rounding bit + a bit possibly lost to normalization.
        const ulong precisionMask = ulong.MaxValue >> 55;
        if ((high & precisionMask) == precisionMask)
        {
            var secondHigh = Math.BigMul(w, PowersOfFive.Low[index], out _);
            low = unchecked(low + secondHigh);
            if (secondHigh > low)
            {
                high++;
            }
        }

        var upperBit = (int)(high >> 63);
        var shift = upperBit + 64 - 52 - 3;
        var bits = high >> shift;
        var power2 = (((152170 + 65536) * q) >> 16) + 63 + upperBit - leadingZeros + 1023;
        if (power2 <= 0)
        {
            return false;
        }

        // Exactly halfway between two doubles (only possible when 5^-q is exact): round to even.
        if (low <= 1 && q >= -4 && (bits & 3) == 1 && (bits << shift) == high)
        {
            bits &= ~1UL;
        }

        bits += bits & 1;
        bits >>= 1;
        if (bits >= 2UL << 52)
        {
            bits = 1UL << 52;
            power2++;
        }

        bits &= ~(1UL << 52);
        if (power2 >= 0x7FF)
        {
            return false;
        }

        value = BitConverter.UInt64BitsToDouble(bits | ((ulong)power2 << 52));
        return true;
    }

    // The 128-bit table of fast_float, computed once instead of pasted: 5^q normalized so that bit 127 is set,
    // rounded up for q < 0 (floor(2^b / 5^-q) + 1) and exact (shifted) for q = 0.
    private static (ulong[] High, ulong[] Low) BuildPowersOfFive()
    {
        var count = MaxPowerOfTen - MinPowerOfTen + 1;
        var high = new ulong[count];
        var low = new ulong[count];
        var mask64 = (BigInteger.One << 64) - 1;
        for (var q = MinPowerOfTen; q <= MaxPowerOfTen; q++)
        {
            BigInteger entry;
            if (q < 0)
            {
                var power = BigInteger.Pow(5, -q);
                var z = (int)power.GetBitLength();
                entry = (BigInteger.One << (z + 127)) / power + 1;
            }
            else
            {
                entry = BigInteger.Pow(5, q);
                while (entry < BigInteger.One << 127)
                {
                    entry <<= 1;
                }
            }

            high[q - MinPowerOfTen] = (ulong)(entry >> 64);
            low[q - MinPowerOfTen] = (ulong)(entry & mask64);
        }

        return (high, low);
    }
}
