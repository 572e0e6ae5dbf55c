using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Tradewind.Data.Csv;

namespace Tradewind.Data.Tests.Csv;

public sealed class CsvNumberParserTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(20_000);

    // Random plain decimals: optional sign, 0-12 integer digits, optional point and 0-24 fraction digits.
    private static readonly Gen<string> Decimals =
        from negative in Gen.Elements(false, false, false, true)
        from integerDigits in Gen.Choose(0, 12)
        from integer in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), integerDigits)
        from hasPoint in Gen.Elements(true, true, false)
        from fractionDigits in Gen.Choose(0, 24)
        from fraction in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), fractionDigits)
        select (negative ? "-" : string.Empty) + new string(integer) + (hasPoint ? "." + new string(fraction) : string.Empty);

    // Shortest round-trip texts of random doubles and of float32 values widened to double (yfinance's artefacts).
    private static readonly Gen<string> RoundTrips =
        from mantissa in Gen.Choose(1, int.MaxValue)
        from scale in Gen.Choose(0, 12)
        from asFloat in Gen.Elements(true, false)
        let value = mantissa / Math.Pow(10, scale)
        select (asFloat ? (double)(float)value : value).ToString("R", CultureInfo.InvariantCulture);

    private static bool AgreesWithBcl(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        var expectedOk = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
        var ok = CsvNumberParser.TryParse(bytes, out var actual);
        return ok == expectedOk && (!ok || BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected));
    }

    private static bool FastPathAgreesWhenItAnswers(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return !CsvNumberParser.TryParseFast(bytes, out var fast)
            || BitConverter.DoubleToInt64Bits(fast) == BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Equals_double_parse_for_random_decimal_strings()
    {
        Prop.ForAll(Arb.From(Decimals), AgreesWithBcl).Check(Many);
    }

    [Fact]
    public void Fast_path_equals_double_parse_whenever_it_answers()
    {
        Prop.ForAll(Arb.From(Decimals), FastPathAgreesWhenItAnswers).Check(Many);
    }

    [Fact]
    public void Equals_double_parse_for_round_trip_texts_of_doubles_and_widened_floats()
    {
        // Plain decimals must take the fast path (that is the speed claim); exponent forms may go to the BCL.
        Prop.ForAll(
                Arb.From(RoundTrips),
                text => AgreesWithBcl(text) && (text.Contains('E', StringComparison.Ordinal) || CsvNumberParser.TryParseFast(Encoding.ASCII.GetBytes(text), out _)))
            .Check(Many);
    }

    [Fact]
    public void Equals_double_parse_for_a_million_seeded_random_long_mantissas()
    {
        // The Eisel-Lemire path: 16 to 19 significant digits with every possible count of fraction digits.
        var random = new Random(20240917);
        for (var i = 0; i < 1_000_000; i++)
        {
            var digits = random.Next(16, 20);
            var chars = new char[digits];
            chars[0] = (char)('1' + random.Next(9));
            for (var d = 1; d < digits; d++)
            {
                chars[d] = (char)('0' + random.Next(10));
            }

            var point = random.Next(0, digits + 1);
            var leadingZeros = random.Next(0, 4) == 0 ? new string('0', random.Next(1, 8)) : string.Empty;
            var text = point == digits
                ? new string(chars)
                : point == 0 ? "0." + leadingZeros + new string(chars) : new string(chars, 0, point) + "." + new string(chars, point, digits - point);
            Assert.True(AgreesWithBcl(text), text);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("0.3")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("43.968750")]
    [InlineData("24.684120178222656")]
    [InlineData("0.3348209857940674")]
    [InlineData("359.69000244140625")]
    [InlineData("5554.1298828125")]
    [InlineData("9007199254740992")]
    [InlineData("9007199254740993")] // halfway between two doubles: rounds to even
    [InlineData("9007199254740995")]
    [InlineData("18446744073709551615")] // 20 digits: BCL
    [InlineData("9999999999999999999")]
    [InlineData("1.7976931348623157")]
    [InlineData("0.000000000000000000000000001")]
    [InlineData("0.0000000000000000000000000001234567890123456789")]
    [InlineData("1e5")]
    [InlineData("+1.5")]
    [InlineData("1E+16")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("4.9e-324")]
    public void Equals_double_parse_on_edge_cases(string text)
    {
        Assert.True(AgreesWithBcl(text), text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1.2.3")]
    [InlineData("1,5")]
    [InlineData("abc")]
    [InlineData("null")]
    [InlineData("12a")]
    public void Rejects_what_double_parse_rejects(string text)
    {
        Assert.False(CsvNumberParser.TryParse(Encoding.ASCII.GetBytes(text), out _));
        Assert.True(AgreesWithBcl(text), text);
    }
}
