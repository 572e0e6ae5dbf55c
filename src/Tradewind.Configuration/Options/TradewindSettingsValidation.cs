using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Options;

/// <summary>
/// The Options pattern's view of the same checks <c>tradewind config validate</c> runs: loading and
/// binding problems plus every <c>SettingsValidator</c> rule. Warnings do not fail validation.
/// </summary>
public sealed class TradewindSettingsValidation : IValidateOptions<TradewindSettings>
{
    private readonly TradewindConfiguration _configuration;

    /// <summary>Creates the validation for settings loaded from <paramref name="configuration"/>.</summary>
    public TradewindSettingsValidation(TradewindConfiguration configuration)
    {
        _configuration = configuration;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TradewindSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bound = TradewindSettingsFactory.BoundSnapshots.TryGetValue(options, out var snapshot) ? snapshot : _configuration.Bind();
        var errors = _configuration.Validate(bound).Errors;
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }
}
