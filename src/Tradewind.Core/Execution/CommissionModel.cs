using System.Globalization;

namespace Tradewind.Core.Execution;

/// <summary>
/// What a broker charges per fill. One small abstraction over <see cref="NoCommission"/>,
/// <see cref="PerShareCommission"/>, <see cref="PercentOfNotionalCommission"/> and <see cref="FixedPerOrderCommission"/>;
/// each prints as the command-line SPEC that <see cref="Parse"/> reads back.
/// </summary>
/// <remarks>
/// Commissions are decimals rounded to <see cref="ExecutionCosts.MoneyDecimals"/> places (half to even), not to cents:
/// the ledger books what the model says to a satoshi, and every sum of them stays exact.
/// </remarks>
public abstract record CommissionModel
{
    private const string Examples = "none, per-share:0.005,min:1, percent:0.1 or fixed:1";

    /// <summary>No commission.</summary>
    public static CommissionModel None { get; } = new NoCommission();

    /// <summary>The command-line SPEC of this model, e.g. <c>per-share:0.005,min:1</c>.</summary>
    public abstract string Spec { get; }

    /// <summary>
    /// The commission for one fill of <paramref name="quantity"/> (positive) at <paramref name="price"/>, rounded to
    /// <see cref="ExecutionCosts.MoneyDecimals"/> places; never negative.
    /// </summary>
    public decimal Calculate(decimal quantity, decimal price) => ExecutionCosts.RoundMoney(Charge(quantity, price));

    /// <summary>The model's commission for one fill before rounding.</summary>
    private protected abstract decimal Charge(decimal quantity, decimal price);

    /// <summary>
    /// Parses a commission SPEC (case-insensitive, spaces ignored): <c>none</c>; <c>per-share:RATE[,min:AMOUNT]</c>;
    /// <c>percent:P</c> (P% of notional, so <c>percent:0.1</c> is 0.1%); <c>fixed:AMOUNT</c> (per order).
    /// Numbers are plain decimals with a '.' point, not negative.
    /// </summary>
    /// <exception cref="FormatException">The spec is not one of these; the message names it and gives examples.</exception>
    public static CommissionModel Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = spec.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? text : text[..colon];
        var arguments = colon < 0 ? null : text[(colon + 1)..];
        switch (kind)
        {
            case "none" when arguments is null:
                return None;
            case "none":
                throw Bad(spec, "'none' takes no value");
            case "per-share":
                return PerShare(spec, arguments);
            case "percent":
                {
                    var percent = Number(spec, arguments, "the percent of notional");
                    if (percent > 100)
                    {
                        throw Bad(spec, string.Create(CultureInfo.InvariantCulture, $"{percent}% of notional is more than the whole trade"));
                    }

                    return new PercentOfNotionalCommission(percent);
                }

            case "fixed":
                return new FixedPerOrderCommission(Number(spec, arguments, "the amount per order"));
            case "":
                throw Bad(spec, "it is empty");
            default:
                throw Bad(spec, $"'{kind}' is not a commission model");
        }
    }

    /// <inheritdoc />
    public sealed override string ToString() => Spec;

    /// <summary>Formats a number for a SPEC: invariant, no trailing zeros.</summary>
    private protected static string Format(decimal value) => value.ToString("G29", CultureInfo.InvariantCulture);

    private static PerShareCommission PerShare(string spec, string? arguments)
    {
        if (arguments is null)
        {
            throw Bad(spec, "per-share needs a rate per share");
        }

        var parts = arguments.Split(',');
        var rate = Number(spec, parts[0], "the rate per share");
        var minimum = 0m;
        for (var i = 1; i < parts.Length; i++)
        {
            if (!parts[i].StartsWith("min:", StringComparison.Ordinal))
            {
                throw Bad(spec, $"'{parts[i]}' is not an option of per-share; the only one is min:AMOUNT");
            }

            if (i > 1)
            {
                throw Bad(spec, "min is given twice");
            }

            minimum = Number(spec, parts[i]["min:".Length..], "the minimum per order");
        }

        return new PerShareCommission(rate, minimum);
    }

    private static decimal Number(string spec, string? text, string what)
    {
        if (string.IsNullOrEmpty(text))
        {
            throw Bad(spec, $"{what} is missing");
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw Bad(spec, $"{what} '{text}' is not a number");
        }

        if (value < 0)
        {
            throw Bad(spec, $"{what} must not be negative, got {text}");
        }

        return value;
    }

    private static FormatException Bad(string spec, string why) =>
        new($"commission spec '{spec}' is not valid: {why}. Use one of {Examples}");
}
