using System.Globalization;
using BenchmarkDotNet.Attributes;
using Tradewind.Configuration.Bots;
using Tradewind.Configuration.Loading;
using Tradewind.Testing;

namespace Tradewind.Benchmarks;

/// <summary>
/// Load + validate 1,000 bot documents in process (issue #3: at most 1 s): 900 YAML and 100 JSON documents
/// in config/bots, every tenth with a production overlay, a quarter with a <c>${VAR}</c> reference. Each call
/// reads every file, builds each document's Microsoft.Extensions.Configuration root, binds, validates and
/// runs the checks between documents.
///   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*BotDocument*'
/// </summary>
[MemoryDiagnoser]
public class BotDocumentBenchmarks
{
    private const int Count = 1000;

    private TempDirectory? _dir;
    private SettingsSource _source = null!;

    [GlobalSetup]
    public void Setup()
    {
        _dir = new TempDirectory();
        for (var i = 0; i < Count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bot_{i:0000}");
            if (i % 10 == 9)
            {
                _dir.Write($"config/bots/{id}.json", Json(id, i));
            }
            else
            {
                _dir.Write($"config/bots/{id}.yaml", Yaml(id, i));
            }

            if (i % 10 == 0)
            {
                _dir.Write($"config/production/bots/{id}.yaml", "risk_management:\n  stop_loss_pct: 2\n  take_profit_pct: 4\n");
            }
        }

        _source = SettingsSource.WithVariables(_dir.Path, new Dictionary<string, string> { ["BOT_BALANCE"] = "20000" }, "production");
        var set = BotDocumentLoader.Load(_source);
        if (set.Documents.Count != Count || !set.IsValid)
        {
            throw new InvalidOperationException($"the benchmark's bot documents must be valid: {string.Join("; ", set.Errors.Take(3))}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _dir?.Dispose();

    [Benchmark(Description = "load+validate 1,000 bot documents")]
    public int LoadAndValidate() => BotDocumentLoader.Load(_source).Documents.Count;

    private static string Yaml(string id, int i) => string.Create(CultureInfo.InvariantCulture, $"""
        bot_id: {id}
        environment: {(i % 2 == 0 ? "production" : "staging")}
        version: 1.{i % 7}.0
        description: Generated bot {i}
        symbol: {(i % 3 == 0 ? "ETHUSDT" : "BTCUSDT")}
        timeframe: {(i % 4 == 0 ? "5m" : "1h")}
        broker_type: {(i % 2 == 0 ? "binance_live" : "binance_paper")}
        initial_balance: {(i % 4 == 1 ? "${BOT_BALANCE:-10000}" : "10000")}
        commission: 0.001
        strategy_params:
          entry_logic:
            name: {(i % 2 == 0 ? "RSIOrBBEntryMixin" : "RSIBBVolume")}
            params:
              e_rsi_period: {10 + (i % 20)}
              e_rsi_oversold: 30
              e_bb_period: 20
              e_bb_dev: 2.0
              e_volume_factor: 1.5
              e_cooldown_bars: 3
          exit_logic:
            name: AdvancedATRExitMixin
            params:
              x_atr_period: 14
              x_sl_multiplier: 2.0
              x_tp_multiplier: 3.0
              x_trailing_enabled: true
        risk_management:
          position_size: 0.1
          max_open_trades: {1 + (i % 5)}
          stop_loss_pct: 3
          take_profit_pct: 6
          max_daily_trades: 10
          max_daily_loss: 100
          max_drawdown_pct: 10
          risk_per_trade: 0.01
          position_sizing: kelly_criterion
        notifications:
          telegram_enabled: true
          email_enabled: false
          trade_notifications: true
          error_notifications: true
          performance_reports: daily
        logging:
          level: INFO
          save_trades: true
          save_equity_curve: true
          log_file: logs/{id}.log

        """);

    private static string Json(string id, int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {
          "bot_id": "{{id}}", "environment": "staging", "version": "1.2.0", "description": "Generated bot {{i}}",
          "symbol": "BTCUSDT", "timeframe": "5m", "broker_type": "binance_paper", "initial_balance": 25000.0, "commission": 0.001,
          "strategy_params": {
            "entry_logic": { "name": "RSIOrBBEntryMixin", "params": { "e_rsi_period": 14, "e_rsi_oversold": 30, "e_bb_period": 20, "e_bb_dev": 2.0, "e_cooldown_bars": 3 } },
            "exit_logic": { "name": "AdvancedATRExitMixin", "params": { "x_atr_period": 14, "x_sl_multiplier": 2.0, "x_tp_multiplier": 3.0, "x_trailing_enabled": true } }
          },
          "risk_management": { "position_size": 0.05, "max_open_trades": 2, "stop_loss_pct": 2.0, "take_profit_pct": 4.0, "max_daily_trades": 20,
                               "max_daily_loss": 100.0, "max_drawdown_pct": 10.0, "risk_per_trade": 0.01 },
          "notifications": { "telegram_enabled": true, "email_enabled": true, "trade_notifications": true, "error_notifications": true, "performance_reports": "daily" },
          "logging": { "level": "INFO", "save_trades": true, "save_equity_curve": true, "log_file": "logs/{{id}}.log" }
        }
        """);
}
