using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Options;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Tests.Options;

public sealed class OptionsRegistrationTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Fact]
    public void Valid_settings_resolve_through_IOptions_and_IOptionsMonitor()
    {
        using var services = Services(SettingsSource.WithVariables(_folder.Path, _folder.Variables));
        Assert.Equal("tradewind", services.GetRequiredService<IOptions<TradewindSettings>>().Value.System.Name);
        Assert.Equal(0.05, services.GetRequiredService<IOptionsMonitor<TradewindSettings>>().CurrentValue.Assets.CashBuffer);
    }

    [Fact]
    public void Invalid_settings_throw_every_error_with_secrets_masked()
    {
        _folder.Write("config/local/bad.yaml", "risk:\n  max_gros_exposure: 1\nstrategy:\n  capital_allocator:\n    regime:\n      bearish_threshold: 0.9\n");
        _folder.Variables["TRADEWIND__DATA__ALPHAVANTAGE__API_KEY"] = "VERY-SECRET-API-KEY-1234";
        using var services = Services(SettingsSource.WithVariables(_folder.Path, _folder.Variables) with { Overrides = ["data.alphavantage.api_key=also-secret-value-99!x"] });
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TradewindSettings>>().Value);
        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.Contains("risk.max_gros_exposure", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("strategy.capital_allocator.regime.bearish_threshold", StringComparison.Ordinal));
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validation_is_the_same_as_the_loader_s()
    {
        _folder.Write("config/local/bad.yaml", "assets:\n  cash_buffer: 2\n");
        var configuration = TradewindConfiguration.Open(SettingsSource.WithVariables(_folder.Path, _folder.Variables));
        using var _ = configuration;
        var validation = new TradewindSettingsValidation(configuration);
        var result = validation.Validate(Microsoft.Extensions.Options.Options.DefaultName, configuration.Bind().Settings);
        Assert.True(result.Failed);
        Assert.Equal(configuration.Evaluate().Errors.Select(e => e.ToString()), result.Failures);
    }

    [Fact]
    public async Task The_monitor_sees_a_valid_file_edit_when_the_layers_reload()
    {
        using var services = Services(SettingsSource.WithVariables(_folder.Path, _folder.Variables) with { ReloadOnChange = true });
        var monitor = services.GetRequiredService<IOptionsMonitor<TradewindSettings>>();
        Assert.Equal(0.5, monitor.CurrentValue.Risk.MaxDailyTurnover);
        var changed = new TaskCompletionSource<TradewindSettings>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = monitor.OnChange(s => changed.TrySetResult(s));
        var path = Path.Combine(_folder.Path, "config/base/risk.yaml");
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Replace("max_daily_turnover: 0.5", "max_daily_turnover: 0.4", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var settings = await changed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(0.4, settings.Risk.MaxDailyTurnover);
    }

    private static ServiceProvider Services(SettingsSource source) =>
        new ServiceCollection().AddTradewindSettings(source).BuildServiceProvider();

    public void Dispose() => _folder.Dispose();
}
