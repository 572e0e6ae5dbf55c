namespace Tradewind.Configuration.Binding;

/// <summary>What a settings key holds.</summary>
public enum SettingShape
{
    /// <summary>One value: a string, number, bool or enum.</summary>
    Scalar,

    /// <summary>A section of keys bound to a record.</summary>
    Record,

    /// <summary>A list of values or of sections.</summary>
    List,

    /// <summary>
    /// An open section of name: value pairs whose names are not known to the schema (a bot logic's
    /// <c>params</c>): bound as text, checked by a rule that knows the names.
    /// </summary>
    Map,
}
