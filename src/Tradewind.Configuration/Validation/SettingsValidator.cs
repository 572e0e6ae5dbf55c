using System.Collections;
using System.Data.Common;
using System.Globalization;
using NCrontab;
using NodaTime;
using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Secrets;
using Tradewind.Configuration.Settings;
using Tradewind.Core.Market;
using Tradewind.Core.Time;

namespace Tradewind.Configuration.Validation;

/// <summary>
/// The rules bound settings must satisfy: every documented range (<see cref="SettingAttribute"/>) and
/// the cross-field rules (drawdown ladder order, thresholds in order, weights summing to one, a universe
/// that can hold the portfolio, valid cron expressions, time zones, calendar, symbols, channels and
/// database). Returns every problem, each naming the key, the value and the layer that supplied it.
/// </summary>
public static class SettingsValidator
{
    /// <summary>Strategies the daily jobs know how to run.</summary>
    public static IReadOnlyList<string> KnownStrategies => Strategies.StrategyParameters.Known;

    /// <summary>The environments a live broker belongs in.</summary>
    public const string ProductionEnvironment = "production";

    /// <summary>
    /// Checks <paramref name="settings"/>. <paramref name="values"/> maps keys in file spelling
    /// (<c>risk.levels[2].drawdown_pct</c>) to the effective values, to say which layer supplied a bad one;
    /// <paramref name="environment"/> is the environment's name (for the broker rule).
    /// </summary>
    public static IReadOnlyList<ConfigurationProblem> Validate(
        TradewindSettings settings, string environment, IReadOnlyDictionary<string, ConfigurationValue> values)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(values);
        var rules = new RuleContext(values);
        CheckRanges(settings, "", rules);
        CheckSystem(settings.System, environment, rules);
        CheckData(settings.Data, rules);
        CheckStrategy(settings.Strategy, rules);
        CheckAssets(settings.Assets, rules);
        CheckMultiAssetHoldings(settings.Strategy, settings.Assets, rules);
        CheckRisk(settings.Risk, rules);
        CheckNotifications(settings.Notifications, rules);
        CheckSchedule(settings.Schedule, rules);
        CheckObjectStorage(settings.ObjectStorage, rules);
        return rules.Problems;
    }

    /// <summary>Checks every documented range (<see cref="SettingAttribute"/>) of <paramref name="record"/> and the records under it.</summary>
    internal static void CheckRanges(object record, string path, RuleContext rules)
    {
        foreach (var member in SettingsSchema.MembersOf(record.GetType()))
        {
            var memberPath = path.Length == 0 ? member.Key : path + "." + member.Key;
            var value = member.Property.GetValue(record);
            switch (member.Shape)
            {
                case SettingShape.Record when value is not null:
                    CheckRanges(value, memberPath, rules);
                    break;
                case SettingShape.List when value is IEnumerable items:
                    var i = 0;
                    foreach (var item in items)
                    {
                        var itemPath = $"{memberPath}[{i++}]";
                        if (SettingsSchema.IsRecord(member.ElementType))
                        {
                            CheckRanges(item, itemPath, rules);
                        }
                    }

                    break;
                case SettingShape.Scalar when member.Setting is { } setting:
                    CheckRange(memberPath, value, setting, rules);
                    break;
                default:
                    break;
            }
        }
    }

    private static void CheckRange(string path, object? value, SettingAttribute setting, RuleContext rules)
    {
        if (value is string text && setting.NotEmpty && string.IsNullOrWhiteSpace(text))
        {
            rules.Error(path, "must not be empty");
            return;
        }

        if (!setting.HasRange || value is null or string or bool or Enum)
        {
            return;
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        if (!setting.Contains(number))
        {
            rules.Error(path, $"{SettingsSchema.FormatScalar(value)} is out of range: must be {(setting.RangeText.StartsWith('(') || setting.RangeText.StartsWith('[') ? "in " : "")}{setting.RangeText}");
        }
    }

    private static void CheckSystem(SystemSettings system, string environment, RuleContext rules)
    {
        CheckTimeZone("system.time_zone", system.TimeZone, rules);
        if (DatabaseProblem(system.Database) is { } problem)
        {
            rules.Error("system.database", problem);
        }

        var production = string.Equals(environment, ProductionEnvironment, StringComparison.OrdinalIgnoreCase);
        if (production && !system.Broker.IsLive())
        {
            rules.Warning("system.broker", $"the {environment} environment uses the {SettingsSchema.EnumKey(system.Broker)} broker: no real orders will be sent");
        }
        else if (!production && system.Broker.IsLive())
        {
            rules.Warning("system.broker", $"the {environment} environment uses the live broker {SettingsSchema.EnumKey(system.Broker)}: real orders with real money outside production");
        }
    }

    private static void CheckData(DataSettings data, RuleContext rules)
    {
        var seen = new HashSet<DataProviderKind>();
        for (var i = 0; i < data.Fallback.Count; i++)
        {
            var fallback = data.Fallback[i];
            if (fallback == data.Provider)
            {
                rules.Error($"data.fallback[{i}]", $"{SettingsSchema.EnumKey(fallback)} is already the primary provider (data.provider)");
            }
            else if (fallback == DataProviderKind.Sim)
            {
                // Insert-only storage would keep a simulated bar forever once a rate-limited real provider fell back to it.
                rules.Error($"data.fallback[{i}]", $"sim cannot stand in for {SettingsSchema.EnumKey(data.Provider)}: simulated prices must never be stored among market data; remove it (a failed fetch stores nothing and can be run again)");
            }
            else if (!seen.Add(fallback))
            {
                rules.Error($"data.fallback[{i}]", $"{SettingsSchema.EnumKey(fallback)} is listed twice");
            }
        }

        var usesAlphaVantage = data.Provider == DataProviderKind.AlphaVantage || data.Fallback.Contains(DataProviderKind.AlphaVantage);
        if (usesAlphaVantage && string.IsNullOrWhiteSpace(data.AlphaVantage.ApiKey))
        {
            rules.Error("data.alphavantage.api_key", "is empty, but alphavantage is a data provider: set ALPHAVANTAGE_API_KEY in the environment or .env");
        }
    }

    private static void CheckStrategy(StrategySettings strategy, RuleContext rules)
    {
        if (!KnownStrategies.Contains(strategy.Name, StringComparer.Ordinal))
        {
            rules.Error("strategy.name", $"'{strategy.Name}' is not a known strategy{KeySuggestion.Hint(strategy.Name, KnownStrategies)}; known: {string.Join(", ", KnownStrategies)}");
        }

        var allocator = strategy.CapitalAllocator;
        const string prefix = "strategy.capital_allocator";
        if (allocator.Assets.Count == 0)
        {
            rules.Error($"{prefix}.assets", "is empty: list at least one symbol, e.g. [SPY, QQQ, DIA]");
        }

        var assets = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < allocator.Assets.Count; i++)
        {
            if (!Symbol.TryParse(allocator.Assets[i], out var symbol, out var reason))
            {
                rules.Error($"{prefix}.assets[{i}]", $"'{allocator.Assets[i]}' is not a symbol: {reason}");
            }
            else if (!assets.Add(symbol.Ticker))
            {
                rules.Error($"{prefix}.assets[{i}]", $"'{symbol.Ticker}' is listed twice; list each asset once");
            }
        }

        if (allocator.MinHistoryDays > allocator.LookbackDays)
        {
            rules.Error($"{prefix}.min_history_days", $"{allocator.MinHistoryDays} is more than lookback_days ({allocator.LookbackDays}): the strategy could never use all the history it waits for");
        }

        if (!(allocator.Regime.BearishThreshold < allocator.Regime.BullishThreshold))
        {
            rules.Error($"{prefix}.regime.bearish_threshold", $"{Format(allocator.Regime.BearishThreshold)} must be less than bullish_threshold ({Format(allocator.Regime.BullishThreshold)})");
        }

        if (!(allocator.Risk.MediumThreshold < allocator.Risk.HighThreshold))
        {
            rules.Error($"{prefix}.risk.medium_threshold", $"{Format(allocator.Risk.MediumThreshold)} must be less than high_threshold ({Format(allocator.Risk.HighThreshold)})");
        }

        var weights = allocator.MomentumWeight + allocator.PriceMomentumWeight;
        if (Math.Abs(weights - 1.0) > 1e-9)
        {
            rules.Error($"{prefix}.price_momentum_weight",
                $"momentum_weight ({Format(allocator.MomentumWeight)}) + price_momentum_weight ({Format(allocator.PriceMomentumWeight)}) = {Format(weights)}; the two weights must add up to 1");
        }
    }

    private static void CheckAssets(AssetsSettings assets, RuleContext rules)
    {
        if (assets.Universe.Count == 0)
        {
            rules.Error("assets.universe", "is empty: list at least one symbol");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0.0;
        for (var i = 0; i < assets.Universe.Count; i++)
        {
            var asset = assets.Universe[i];
            total += asset.MaxWeight;
            if (!Symbol.TryParse(asset.Symbol, out var symbol, out var reason))
            {
                rules.Error($"assets.universe[{i}].symbol", $"'{asset.Symbol}' is not a symbol: {reason}");
            }
            else if (!seen.TryAdd(symbol.Ticker, i))
            {
                rules.Error($"assets.universe[{i}].symbol", $"{symbol.Ticker} is already listed as assets.universe[{seen[symbol.Ticker]}]: each symbol once");
            }
        }

        if (total < 1.0 - assets.CashBuffer - 1e-9)
        {
            rules.Error("assets.universe",
                $"the max_weight values add up to {Format(total)}, less than 1 - cash_buffer = {Format(1.0 - assets.CashBuffer)}: the universe cannot hold the portfolio after the cash buffer; raise max_weight or add symbols",
                sourcePath: "assets.universe[0].max_weight");
        }
    }

    // The multi-asset portfolio holds at most top_n assets: even its top_n largest max_weight values must
    // be able to hold the invested part, or the portfolio can never be fully invested as configured.
    private static void CheckMultiAssetHoldings(StrategySettings strategy, AssetsSettings assets, RuleContext rules)
    {
        if (strategy.Name != "multi-asset" || assets.Universe.Count == 0)
        {
            return;
        }

        var topN = strategy.MultiAsset.TopN;
        if (topN > assets.Universe.Count)
        {
            rules.Error("strategy.multi_asset.top_n",
                $"top_n is {topN} but assets.universe lists {assets.Universe.Count} symbols; lower top_n or add symbols");
            return;
        }

        var smallest = assets.Universe.Select(a => a.MaxWeight).Order().Take(topN).Sum();
        if (smallest < 1.0 - assets.CashBuffer - 1e-9)
        {
            rules.Error("strategy.multi_asset.top_n",
                $"the {topN} smallest max_weight values add up to {Format(smallest)}, less than 1 - cash_buffer = {Format(1.0 - assets.CashBuffer)}: " +
                "some choices of top_n assets could never hold the invested part; raise top_n or the max_weight values");
        }
    }

    private static void CheckRisk(RiskSettings risk, RuleContext rules)
    {
        for (var i = 1; i < risk.Levels.Count; i++)
        {
            var previous = risk.Levels[i - 1];
            var level = risk.Levels[i];
            if (!(level.DrawdownPct > previous.DrawdownPct))
            {
                rules.Error($"risk.levels[{i}].drawdown_pct",
                    $"{Format(level.DrawdownPct)} is not greater than risk.levels[{i - 1}].drawdown_pct ({Format(previous.DrawdownPct)}): drawdown levels must be strictly increasing");
            }

            if (level.Exposure > previous.Exposure)
            {
                rules.Error($"risk.levels[{i}].exposure",
                    $"{Format(level.Exposure)} is more than risk.levels[{i - 1}].exposure ({Format(previous.Exposure)}): a deeper drawdown must not allow more exposure");
            }
        }
    }

    private static void CheckNotifications(NotificationsSettings notifications, RuleContext rules)
    {
        CheckWebhook("notifications.slack", notifications.Slack, "SLACK_WEBHOOK_URL", rules);
        CheckWebhook("notifications.discord", notifications.Discord, "DISCORD_WEBHOOK_URL", rules);
        var telegram = notifications.Telegram;
        if (telegram.Enabled)
        {
            RequireText("notifications.telegram.bot_token", telegram.BotToken, "telegram is enabled; set TELEGRAM_BOT_TOKEN in the environment or .env", rules);
            RequireText("notifications.telegram.chat_id", telegram.ChatId, "telegram is enabled; set TELEGRAM_CHAT_ID in the environment or .env", rules);
        }

        var email = notifications.Email;
        if (email.Enabled)
        {
            RequireText("notifications.email.smtp_host", email.SmtpHost, "email is enabled", rules);
            RequireText("notifications.email.from", email.From, "email is enabled", rules);
            if (email.To.Count == 0)
            {
                rules.Error("notifications.email.to", "is empty, but email is enabled: list at least one recipient");
            }

            for (var i = 0; i < email.To.Count; i++)
            {
                if (!email.To[i].Contains('@', StringComparison.Ordinal))
                {
                    rules.Error($"notifications.email.to[{i}]", $"'{email.To[i]}' is not an e-mail address");
                }
            }
        }
    }

    private static void CheckWebhook(string path, WebhookChannelSettings channel, string variable, RuleContext rules)
    {
        if (!channel.Enabled)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(channel.WebhookUrl))
        {
            rules.Error(path + ".webhook_url", $"is empty, but {path} is enabled; set {variable} in the environment or .env");
        }
        else if (!Uri.TryCreate(channel.WebhookUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            rules.Error(path + ".webhook_url", $"'{SecretMask.Mask(channel.WebhookUrl)}' is not an http(s) URL");
        }
    }

    private static void CheckObjectStorage(ObjectStorageSettings storage, RuleContext rules)
    {
        if (!string.IsNullOrWhiteSpace(storage.EndpointUrl)
            && (!Uri.TryCreate(storage.EndpointUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            rules.Error("object_storage.endpoint_url", "is not an absolute http:// or https:// URL (e.g. http://127.0.0.1:9000); leave it empty for AWS S3");
        }

        if (string.IsNullOrEmpty(storage.AccessKeyId) != string.IsNullOrEmpty(storage.SecretAccessKey))
        {
            var missing = string.IsNullOrEmpty(storage.AccessKeyId) ? "access_key_id" : "secret_access_key";
            rules.Error($"object_storage.{missing}", "is empty while the other key is set: set access_key_id and secret_access_key together, or leave both empty for the AWS default credential chain");
        }
    }

    private static void CheckSchedule(ScheduleSettings schedule, RuleContext rules)
    {
        CheckTimeZone("schedule.time_zone", schedule.TimeZone, rules);
        if (!TradingCalendars.TryGet(schedule.Calendar, out _))
        {
            rules.Error("schedule.calendar", $"'{schedule.Calendar}' is not a known calendar{KeySuggestion.Hint(schedule.Calendar, TradingCalendars.Names)}; known: {string.Join(", ", TradingCalendars.Names)}");
        }

        foreach (var member in SettingsSchema.MembersOf(typeof(ScheduledJobs)))
        {
            var job = (ScheduledJob)member.Property.GetValue(schedule.Jobs)!;
            var path = $"schedule.jobs.{member.Key}.cron";
            var fields = job.Cron?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
            if (fields != 5)
            {
                rules.Error(path, $"'{job.Cron}' has {fields} fields; a cron expression has five: minute hour day-of-month month day-of-week (e.g. '30 9 * * 1-5')");
            }
            else if (CrontabSchedule.TryParse(job.Cron, new CrontabSchedule.ParseOptions { IncludingSeconds = false }) is null)
            {
                rules.Error(path, $"'{job.Cron}' is not a valid cron expression: minute 0-59, hour 0-23, day-of-month 1-31, month 1-12, day-of-week 0-6 (e.g. '30 9 * * 1-5')");
            }
        }
    }

    private static void CheckTimeZone(string path, string zone, RuleContext rules)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone ?? "") is null)
        {
            rules.Error(path, $"'{zone}' is not an IANA time zone{KeySuggestion.Hint(zone ?? "", DateTimeZoneProviders.Tzdb.Ids)} (e.g. America/New_York, Europe/London, UTC)");
        }
    }

    private static void RequireText(string path, string value, string why, RuleContext rules)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            rules.Error(path, $"is empty, but {why}");
        }
    }

    /// <summary>Why a database setting is malformed, with any password masked; null when it is well-formed.</summary>
    internal static string? DatabaseProblem(string? setting)
    {
        var value = setting?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return "is empty: give a SQLite file path or a PostgreSQL connection string";
        }

        var shown = SecretMask.MaskConnectionString(value);
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0 && uri.AbsolutePath.Trim('/').Length > 0
                ? null
                : $"'{shown}' is not a PostgreSQL URL: write postgresql://user:password@host:5432/database";
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            return $"'{shown}' is a URL of an unsupported kind: use postgresql://... or a SQLite file path";
        }

        if (value.Contains('=', StringComparison.Ordinal))
        {
            var builder = new DbConnectionStringBuilder();
            try
            {
                builder.ConnectionString = value;
            }
            catch (ArgumentException)
            {
                return $"'{shown}' is not a readable connection string: write Host=...;Database=...;Username=...;Password=...";
            }

            if (builder.ContainsKey("Host") || builder.ContainsKey("Server"))
            {
                return builder.ContainsKey("Database") ? null : $"'{shown}' names no Database=";
            }

            return builder.ContainsKey("Data Source") || builder.ContainsKey("DataSource")
                ? null
                : $"'{shown}' is neither a PostgreSQL connection string (Host=...;Database=...) nor a SQLite 'Data Source=FILE'";
        }

        return value.IndexOfAny(Path.GetInvalidPathChars()) >= 0 ? $"'{shown}' is not a file path" : null;
    }

    private static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
