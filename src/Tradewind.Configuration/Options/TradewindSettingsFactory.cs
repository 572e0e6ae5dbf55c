using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Options;

/// <summary>
/// Creates <see cref="TradewindSettings"/> for the Options pattern: binds the current layers with
/// <c>SettingsBinder</c> (the records are immutable, so the default factory's configure-a-new-instance
/// model does not fit), then runs every registered <see cref="IValidateOptions{TOptions}"/>. Invalid
/// settings throw <see cref="OptionsValidationException"/> with every error, secrets masked.
/// </summary>
public sealed class TradewindSettingsFactory : IOptionsFactory<TradewindSettings>
{
    private readonly TradewindConfiguration _configuration;
    private readonly IEnumerable<IValidateOptions<TradewindSettings>> _validators;

    /// <summary>Creates the factory.</summary>
    public TradewindSettingsFactory(TradewindConfiguration configuration, IEnumerable<IValidateOptions<TradewindSettings>> validators)
    {
        _configuration = configuration;
        _validators = validators;
    }

    // The validator needs the values behind a settings object to name the layer of a bad one.
    internal static ConditionalWeakTable<TradewindSettings, SettingsSnapshot> BoundSnapshots { get; } = [];

    /// <inheritdoc />
    public TradewindSettings Create(string name)
    {
        var bound = _configuration.Bind();
        BoundSnapshots.AddOrUpdate(bound.Settings, bound);
        var failures = new List<string>();
        foreach (var validator in _validators)
        {
            var result = validator.Validate(name, bound.Settings);
            if (result.Failed)
            {
                failures.AddRange(result.Failures ?? [result.FailureMessage]);
            }
        }

        return failures.Count > 0
            ? throw new OptionsValidationException(name, typeof(TradewindSettings), failures)
            : bound.Settings;
    }
}
