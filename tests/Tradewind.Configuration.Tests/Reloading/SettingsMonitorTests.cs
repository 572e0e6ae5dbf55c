using System.Globalization;
using Microsoft.Extensions.Options;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Reloading;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Tests.Reloading;

/// <summary>Hot reload on real files with the real file system watcher. Latencies are measured in bench/, never asserted here.</summary>
public sealed class SettingsMonitorTests : IDisposable
{
    // Twice the default: a test's one-file write (truncate, then write) must stay one burst even when the
    // shared machine stalls the test thread between the two.
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(100);

    // Long enough that a test's own consecutive writes always fall into one burst on a busy machine.
    private static readonly TimeSpan SlowQuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly ConfigFolder _folder = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_edit_is_applied_with_its_changed_keys()
    {
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);
        Assert.Equal(1.0, monitor.CurrentValue.Risk.MaxGrossExposure);

        Edit("config/base/risk.yaml", "max_gross_exposure: 1.0", "max_gross_exposure: 0.8");

        var change = await recorder.AppliedAsync();
        var difference = Assert.Single(change.Changes);
        Assert.Equal(("risk.max_gross_exposure", "1.0", "0.8"), (difference.Path, difference.Left, difference.Right));
        Assert.Equal(["config/base/risk.yaml"], change.Files);
        Assert.Equal(0.8, monitor.CurrentValue.Risk.MaxGrossExposure);
        Assert.Same(change.Current, monitor.InForce);
        Assert.Equal(0.8, Assert.Single(recorder.ChangedSettings).Risk.MaxGrossExposure);
        Assert.True(change.Latency >= TimeSpan.Zero);
    }

    [Fact]
    public async Task An_invalid_edit_is_rejected_the_previous_settings_stay_and_a_fix_is_applied()
    {
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);
        var before = monitor.CurrentValue;

        _folder.Write("config/local/risk.yaml", "risk:\n  max_gross_exposure: 1.5\n");
        var rejection = await recorder.RejectedAsync();
        Assert.Contains(rejection.Errors, e => e.Path == "risk.max_gross_exposure" && e.Origin == "config/local/risk.yaml");
        Assert.Same(before, monitor.CurrentValue);
        Assert.Same(monitor.InForce, rejection.InForce);
        Assert.False(monitor.Latest.IsValid);
        Assert.Empty(recorder.ChangedSettings);

        _folder.Write("config/local/risk.yaml", "risk:\n  max_gross_exposure: 0.9\n");
        var change = await recorder.AppliedAsync();

        // Told against the settings that were in force, not against the rejected edit.
        var difference = Assert.Single(change.Changes);
        Assert.Equal(("risk.max_gross_exposure", "1.0", "0.9"), (difference.Path, difference.Left, difference.Right));
        Assert.Equal(0.9, monitor.CurrentValue.Risk.MaxGrossExposure);
        Assert.Equal(0.9, Assert.Single(recorder.ChangedSettings).Risk.MaxGrossExposure);
    }

    [Fact]
    public async Task A_YAML_syntax_error_is_rejected_naming_the_file()
    {
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);

        Edit("config/base/risk.yaml", "max_gross_exposure: 1.0", "max_gross_exposure: [1.0");

        var rejection = await recorder.RejectedAsync();
        Assert.Contains(rejection.Errors, e => e.Message.StartsWith("cannot read config/base/risk.yaml", StringComparison.Ordinal));
        Assert.Equal(1.0, monitor.CurrentValue.Risk.MaxGrossExposure);
        Assert.Empty(recorder.ChangedSettings);
    }

    [Fact]
    public async Task A_file_created_after_start_is_picked_up_and_its_deletion_too()
    {
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "config/local")));
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);

        _folder.Write("config/local/risk.yaml", "risk:\n  max_daily_turnover: 0.3\n");
        var created = await recorder.AppliedAsync();
        Assert.Equal(0.3, monitor.CurrentValue.Risk.MaxDailyTurnover);
        Assert.Equal("config/local/risk.yaml", monitor.InForce!.Find("risk.max_daily_turnover")!.Origin);
        Assert.Contains("risk.max_daily_turnover", created.Changes.Select(c => c.Path));

        File.Delete(Path.Combine(_folder.Path, "config/local/risk.yaml"));
        var deleted = await recorder.AppliedAsync();
        Assert.Equal(0.5, monitor.CurrentValue.Risk.MaxDailyTurnover);
        Assert.Equal(["config/local/risk.yaml"], deleted.Files);
    }

    [Fact]
    public async Task The_env_file_is_watched_even_when_created_after_start()
    {
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);

        _folder.Write(".env", "TRADEWIND__RISK__MAX_DAILY_TURNOVER=0.2\n");

        var change = await recorder.AppliedAsync();
        Assert.Equal(["risk.max_daily_turnover"], change.Changes.Select(c => c.Path));
        Assert.Equal(0.2, monitor.CurrentValue.Risk.MaxDailyTurnover);
    }

    [Fact]
    public async Task An_atomic_save_renaming_a_temporary_file_over_the_real_one_is_applied()
    {
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);
        var path = Path.Combine(_folder.Path, "config/base/risk.yaml");
        var temporary = path + ".tmp-save";
        await File.WriteAllTextAsync(temporary, (await File.ReadAllTextAsync(path, Ct)).Replace("max_position_weight: 0.6", "max_position_weight: 0.4", StringComparison.Ordinal), Ct);

        File.Move(temporary, path, overwrite: true);

        var change = await recorder.AppliedAsync();
        Assert.Equal(["risk.max_position_weight"], change.Changes.Select(c => c.Path));
        Assert.Equal(0.4, monitor.CurrentValue.Risk.MaxPositionWeight);
    }

    [Fact]
    public async Task Files_of_another_environment_or_of_no_layer_do_not_cause_a_reload()
    {
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);

        // Written in the same burst as the risk edit: had they counted, they would be among its files.
        _folder.Write("config/staging/risk.yaml", "risk:\n  max_daily_turnover: 0.1\n");
        _folder.Write("config/base/notes.txt", "not a layer file");
        Edit("config/base/risk.yaml", "max_daily_turnover: 0.5", "max_daily_turnover: 0.45");

        var change = await recorder.AppliedAsync();
        Assert.Equal(["config/base/risk.yaml"], change.Files);
        Assert.Equal(0.45, monitor.CurrentValue.Risk.MaxDailyTurnover);
    }

    [Fact]
    public async Task A_burst_of_twenty_writes_reloads_once_or_very_few_times()
    {
        using var monitor = Start(SlowQuietPeriod);
        using var recorder = new MonitorRecorder(monitor);
        var path = Path.Combine(_folder.Path, "config/local/risk.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        for (var i = 1; i <= 20; i++)
        {
            await File.WriteAllTextAsync(path, $"risk:\n  max_daily_turnover: {(0.20 + (i / 100.0)).ToString("0.00", CultureInfo.InvariantCulture)}\n", Ct);
        }

        var last = await recorder.AppliedAsync();
        while (last.Current.Settings.Risk.MaxDailyTurnover != 0.40)
        {
            last = await recorder.AppliedAsync();
        }

        Assert.Equal(0.40, monitor.CurrentValue.Risk.MaxDailyTurnover);
        Assert.InRange(recorder.Count, 1, 3);
        Assert.InRange(recorder.ChangedSettings.Count, 1, 3);
    }

    [Fact]
    public async Task A_half_written_file_completed_quickly_is_not_rejected()
    {
        using var monitor = Start(SlowQuietPeriod);
        using var recorder = new MonitorRecorder(monitor);
        var path = Path.Combine(_folder.Path, "config/base/risk.yaml");
        var content = (await File.ReadAllTextAsync(path, Ct)).Replace("max_gross_exposure: 1.0", "max_gross_exposure: 0.7", StringComparison.Ordinal);
        var half = content.IndexOf("max_gross_exposure: 0.7", StringComparison.Ordinal) + "max_gross".Length;

        await using (var stream = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
        await using (var writer = new StreamWriter(stream))
        {
            // The first half alone is invalid: the YAML breaks off in the middle of a key.
            await writer.WriteAsync(content[..half]);
            await writer.FlushAsync(Ct);
            await Task.Delay(20, Ct);
            await writer.WriteAsync(content[half..]);
        }

        var change = await recorder.AppliedAsync();
        Assert.Equal(["risk.max_gross_exposure"], change.Changes.Select(c => c.Path));
        Assert.Equal(1, recorder.Count);
        Assert.Equal(0.7, monitor.CurrentValue.Risk.MaxGrossExposure);
    }

    [Fact]
    public async Task Secrets_are_masked_in_the_change_list()
    {
        _folder.Write(".env", "ALPHAVANTAGE_API_KEY=FIRST-SECRET-KEY-1111\n");
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);

        _folder.Write(".env", "ALPHAVANTAGE_API_KEY=SECOND-SECRET-KEY-2222\n");

        var change = await recorder.AppliedAsync();
        var difference = Assert.Single(change.Changes);
        Assert.Equal(("data.alphavantage.api_key", "****1111", "****2222"), (difference.Path, difference.Left, difference.Right));
        Assert.DoesNotContain("SECRET", string.Join(" ", change.Changes), StringComparison.Ordinal);
        Assert.Equal("SECOND-SECRET-KEY-2222", monitor.CurrentValue.Data.AlphaVantage.ApiKey);
    }

    [Fact]
    public async Task An_invalid_start_has_no_settings_in_force_until_an_edit_makes_them_valid()
    {
        _folder.Write("config/local/assets.yaml", "assets:\n  cash_buffer: 2\n");
        using var monitor = Start();
        using var recorder = new MonitorRecorder(monitor);
        Assert.Null(monitor.InForce);
        var ex = Assert.Throws<OptionsValidationException>(() => monitor.CurrentValue);
        Assert.Contains(ex.Failures, f => f.StartsWith("error: assets.cash_buffer:", StringComparison.Ordinal));

        _folder.Write("config/local/assets.yaml", "assets:\n  cash_buffer: 0.1\n");

        var change = await recorder.AppliedAsync();
        Assert.Null(change.Previous);
        Assert.Equal(("assets.cash_buffer", "2", "0.1"), (change.Changes[0].Path, change.Changes[0].Left, change.Changes[0].Right));
        Assert.Equal(0.1, monitor.CurrentValue.Assets.CashBuffer);
        Assert.Single(recorder.ChangedSettings);
    }

    [Fact]
    public async Task An_extra_validator_rejects_an_edit_it_fails()
    {
        var validator = new ValidateOptions<TradewindSettings>(null, s => s.Risk.MaxGrossExposure >= 0.9, "this desk keeps max_gross_exposure at 0.9 or more");
        using var monitor = Start(options: new SettingsMonitorOptions { Validators = [validator] });
        using var recorder = new MonitorRecorder(monitor);

        Edit("config/base/risk.yaml", "max_gross_exposure: 1.0", "max_gross_exposure: 0.8");

        var rejection = await recorder.RejectedAsync();
        Assert.Equal("error: this desk keeps max_gross_exposure at 0.9 or more (from validator ValidateOptions`1)", Assert.Single(rejection.Errors).ToString());
        Assert.Equal(1.0, monitor.CurrentValue.Risk.MaxGrossExposure);
    }

    [Fact]
    public async Task Dispose_stops_notifications_and_a_disposed_subscription_hears_nothing()
    {
        // A second monitor on the same files tells when the first would have reloaded.
        using var witness = Start();
        using var witnessRecorder = new MonitorRecorder(witness);
        var disposed = Start();
        using var disposedRecorder = new MonitorRecorder(disposed);
        var unsubscribedCalls = 0;
        using var live = Start();
        var subscription = live.OnApplied(_ => Interlocked.Increment(ref unsubscribedCalls));
        subscription.Dispose();
        disposed.Dispose();
        disposed.Dispose();

        Edit("config/base/risk.yaml", "max_gross_exposure: 1.0", "max_gross_exposure: 0.8");

        await witnessRecorder.AppliedAsync();
        await Task.Delay(QuietPeriod * 3, Ct);
        Assert.Equal(0, disposedRecorder.Count);
        Assert.Equal(0, Volatile.Read(ref unsubscribedCalls));
        Assert.Equal(1.0, disposed.CurrentValue.Risk.MaxGrossExposure);
        Assert.Equal(0.8, live.CurrentValue.Risk.MaxGrossExposure);
    }

    [Fact]
    public void Without_ReloadOnChange_the_monitor_loads_once_and_does_not_watch()
    {
        using var monitor = new SettingsMonitor(SettingsSource.WithVariables(_folder.Path, _folder.Variables));
        Assert.False(monitor.IsWatching);
        Assert.Equal("development", monitor.Environment);
        Assert.True(monitor.InForce!.IsValid);
    }

    [Fact]
    public void A_tree_that_cannot_be_loaded_throws_at_start()
    {
        var source = SettingsSource.WithVariables(_folder.Path, _folder.Variables, "qa") with { ReloadOnChange = true };
        var ex = Assert.Throws<ConfigurationException>(() => new SettingsMonitor(source));
        Assert.StartsWith("unknown environment 'qa'", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private SettingsMonitor Start(TimeSpan? quietPeriod = null, SettingsMonitorOptions? options = null) =>
        new(SettingsSource.WithVariables(_folder.Path, _folder.Variables) with { ReloadOnChange = true },
            (options ?? new SettingsMonitorOptions()) with { QuietPeriod = quietPeriod ?? QuietPeriod });

    private void Edit(string relativePath, string from, string to)
    {
        var path = Path.Combine(_folder.Path, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
