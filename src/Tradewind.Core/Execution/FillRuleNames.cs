using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Core.Execution;

/// <summary>The names fill rules have on the command line and in a run's output: <c>next-open</c>, <c>next-close</c>.</summary>
public static class FillRuleNames
{
    /// <summary>The name of <see cref="FillRule.NextOpen"/>.</summary>
    public const string NextOpen = "next-open";

    /// <summary>The name of <see cref="FillRule.NextClose"/>.</summary>
    public const string NextClose = "next-close";

    /// <summary>The rule's name as recorded in a run's output.</summary>
    public static string ToName(FillRule rule) => rule switch
    {
        FillRule.NextOpen => NextOpen,
        FillRule.NextClose => NextClose,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown fill rule"),
    };

    /// <summary>Parses <c>next-open</c> or <c>next-close</c> (case-insensitive); anything else is a <see cref="FormatException"/>.</summary>
    public static FillRule Parse(string name)
    {
        if (!TryParse(name, out var rule))
        {
            throw new FormatException($"fill rule '{name}' is not known; use {NextOpen} (the default) or {NextClose}");
        }

        return rule;
    }

    /// <summary>Parses a fill rule's name as <see cref="Parse"/> does, returning false when it is not known.</summary>
    public static bool TryParse([NotNullWhen(true)] string? name, out FillRule rule)
    {
        var trimmed = name?.Trim();
        if (string.Equals(trimmed, NextOpen, StringComparison.OrdinalIgnoreCase))
        {
            rule = FillRule.NextOpen;
            return true;
        }

        if (string.Equals(trimmed, NextClose, StringComparison.OrdinalIgnoreCase))
        {
            rule = FillRule.NextClose;
            return true;
        }

        rule = default;
        return false;
    }
}
