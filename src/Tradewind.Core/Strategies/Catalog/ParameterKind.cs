namespace Tradewind.Core.Strategies.Catalog;

/// <summary>The type of a strategy parameter's value.</summary>
public enum ParameterKind
{
    /// <summary>A whole number, e.g. a period in bars.</summary>
    Integer,

    /// <summary>A real number, e.g. a threshold or a multiplier.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of a fixed list of names (the default is stored as its index).</summary>
    Choice,
}
