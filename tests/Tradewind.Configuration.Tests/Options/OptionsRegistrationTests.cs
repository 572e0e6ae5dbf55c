using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Options;
using Tradewind.Configuration.Reloading;
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
        using var services = Services(SettingsSource.WithVariables(_folder.Path, _folder.Variables));
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptionsMonitor<TradewindSettings>>().CurrentValue);
        Assert.Equal(_folder.Load().Errors.Select(e => e.ToString()), ex.Failures);
    }

    [Fact]
    public void A_registered_validator_must_pass_too()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IValidateOptions<TradewindSettings>>(new ValidateOptions<TradewindSettings>(null, s => s.Risk.MaxGrossExposure < 1.0, "this desk never runs at full exposure"))
            .AddTradewindSettings(SettingsSource.WithVariables(_folder.Path, _folder.Variables))
            .BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TradewindSettings>>().Value);
        Assert.Equal("error: this desk never runs at full exposure (from validator ValidateOptions`1)", Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task The_monitor_sees_a_valid_file_edit_when_the_layers_reload()
    {
        using var services = Services(SettingsSource.WithVariables(_folder.Path, _folder.Variables) with { ReloadOnChange = true });
        var monitor = services.GetRequiredService<IOptionsMonitor<TradewindSettings>>();
        Assert.Same(services.GetRequiredService<SettingsMonitor>(), monitor);
        Assert.Equal(0.5, monitor.CurrentValue.Risk.MaxDailyTurnover);
        var changed = new TaskCompletionSource<TradewindSettings>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = monitor.OnChange(s => changed.TrySetResult(s));
        Edit("max_daily_turnover: 0.5", "max_daily_turnover: 0.4");
        var settings = await changed.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Equal(0.4, settings.Risk.MaxDailyTurnover);
        Assert.Equal(0.4, monitor.CurrentValue.Risk.MaxDailyTurnover);
    }

    [Fact]
    public async Task An_invalid_edit_never_reaches_a_subscriber_and_every_view_keeps_the_last_valid_settings()
    {
        using var services = Services(SettingsSource.WithVariables(_folder.Path, _folder.Variables) with { ReloadOnChange = true });
        var monitor = services.GetRequiredService<IOptionsMonitor<TradewindSettings>>();
        var before = monitor.CurrentValue;
        var changes = 0;
        using var subscription = monitor.OnChange(_ => Interlocked.Increment(ref changes));
        var rejected = new TaskCompletionSource<SettingsRejection>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var rejections = services.GetRequiredService<SettingsMonitor>().OnRejected(r => rejected.TrySetResult(r));

        Edit("max_daily_turnover: 0.5", "max_daily_turnover: 1.5");

        var rejection = await rejected.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        Assert.Contains(rejection.Errors, e => e.Path == "risk.max_daily_turnover");
        Assert.Equal(0, Volatile.Read(ref changes));
        Assert.Same(before, monitor.CurrentValue);
        Assert.Same(before, services.GetRequiredService<IOptions<TradewindSettings>>().Value);
        using var scope = services.CreateScope();
        Assert.Same(before, scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<TradewindSettings>>().Value);
    }

    private void Edit(string from, string to)
    {
        var path = Path.Combine(_folder.Path, "config/base/risk.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }

    private static ServiceProvider Services(SettingsSource source) =>
        new ServiceCollection().AddTradewindSettings(source).BuildServiceProvider();

    public void Dispose() => _folder.Dispose();
}
