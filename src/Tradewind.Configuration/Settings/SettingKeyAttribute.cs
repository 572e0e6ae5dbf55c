namespace Tradewind.Configuration.Settings;

/// <summary>
/// The spelling of a key or enum value in configuration files when it is not the snake_case form of
/// the C# name (e.g. <c>alphavantage</c>, a vendor's name written as one word).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class SettingKeyAttribute : Attribute
{
    /// <summary>Names the key.</summary>
    public SettingKeyAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The key as written in files.</summary>
    public string Name { get; }
}
