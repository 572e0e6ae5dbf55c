namespace Tradewind.Testing;

/// <summary>Trading-bot documents shared by the test projects.</summary>
public static class BotDocumentExamples
{
    /// <summary>The document of issue #3, byte for byte as the issue prints it: it must validate unchanged.</summary>
    public const string IssueJson = """
        {
          "bot_id": "btc_scalper_001",
          "environment": "production",
          "version": "1.2.0",
          "description": "Bitcoin scalping bot with RSI/BB strategy",

          "symbol": "BTCUSDT",
          "timeframe": "5m",
          "broker_type": "binance_live",
          "initial_balance": 25000.0,
          "commission": 0.001,

          "strategy_params": {
            "entry_logic": {
              "name": "RSIOrBBEntryMixin",
              "params": {
                "e_rsi_period": 14,
                "e_rsi_oversold": 30,
                "e_bb_period": 20,
                "e_bb_dev": 2.0,
                "e_cooldown_bars": 3
              }
            },
            "exit_logic": {
              "name": "AdvancedATRExitMixin",
              "params": {
                "x_atr_period": 14,
                "x_sl_multiplier": 2.0,
                "x_tp_multiplier": 3.0,
                "x_trailing_enabled": true
              }
            }
          },

          "risk_management": {
            "position_size": 0.05,
            "max_open_trades": 2,
            "stop_loss_pct": 2.0,
            "take_profit_pct": 4.0,
            "max_daily_trades": 20,
            "max_daily_loss": 100.0,
            "max_drawdown_pct": 10.0,
            "risk_per_trade": 0.01
          },

          "notifications": {
            "telegram_enabled": true,
            "email_enabled": true,
            "trade_notifications": true,
            "error_notifications": true,
            "performance_reports": "daily"
          },

          "logging": {
            "level": "INFO",
            "save_trades": true,
            "save_equity_curve": true,
            "log_file": "logs/production/btc_scalper_001.log"
          }
        }
        """;
}
