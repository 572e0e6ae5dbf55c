namespace Tradewind.Configuration.Settings;

/// <summary><c>compliance.wash_sale</c>: the wash sale rule.</summary>
public sealed record WashSaleSettings
{
    /// <summary>Whether the rule is checked.</summary>
    [Setting("Whether the rule is checked.")]
    public bool Enabled { get; init; } = true;

    /// <summary>Calendar days before and after a loss sale in which a repurchase is a wash sale.</summary>
    [Setting("Calendar days before and after a loss sale in which a repurchase is a wash sale.", Minimum = 1, Maximum = 365)]
    public int WindowDays { get; init; } = 30;
}
