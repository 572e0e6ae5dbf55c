namespace Tradewind.Configuration.Settings;

/// <summary><c>compliance</c>: US retail trading rules checked before orders are sent.</summary>
public sealed record ComplianceSettings
{
    /// <summary>The pattern day trader rule.</summary>
    [Setting("The pattern day trader rule.")]
    public PatternDayTraderSettings Pdt { get; init; } = new();

    /// <summary>The wash sale rule.</summary>
    [Setting("The wash sale rule.")]
    public WashSaleSettings WashSale { get; init; } = new();
}
