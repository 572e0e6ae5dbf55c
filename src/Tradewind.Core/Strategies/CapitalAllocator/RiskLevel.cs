namespace Tradewind.Core.Strategies.CapitalAllocator;

/// <summary>Where a risk score falls against the thresholds: below medium, from medium to high (inclusive), above high.</summary>
public enum RiskLevel
{
    /// <summary>Risk strictly below risk_medium_threshold.</summary>
    Low,

    /// <summary>Risk from risk_medium_threshold to risk_high_threshold, both included.</summary>
    Medium,

    /// <summary>Risk strictly above risk_high_threshold.</summary>
    High,
}
