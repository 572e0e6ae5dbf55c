using Tradewind.Testing;

namespace Tradewind.Configuration.Tests.Bots;

/// <summary>Bot documents the tests write: the issue's JSON exactly as printed, the templates, and a small valid YAML one.</summary>
public static class BotDocumentSamples
{
    /// <summary>The document of issue #3, byte for byte as the issue prints it: it must validate unchanged.</summary>
    public const string IssueJson = BotDocumentExamples.IssueJson;

    /// <summary>A valid development paper bot with every section, in YAML; <c>{id}</c> is replaced by the bot id.</summary>
    public const string PaperYaml = """
        bot_id: {id}
        environment: development
        version: 1.0.0
        description: test bot
        symbol: BTCUSDT
        timeframe: 1h
        broker_type: paper
        initial_balance: 10000
        commission: 0.001
        strategy_params:
          entry_logic:
            name: RSIOrBBEntryMixin
            params:
              e_rsi_period: 14
              e_bb_dev: 2.0
          exit_logic:
            name: ATRExitMixin
            params:
              x_atr_period: 14
        risk_management:
          position_size: 0.1
          max_open_trades: 1
          stop_loss_pct: 5
          take_profit_pct: 10
          max_daily_trades: 10
          max_daily_loss: 0
          max_drawdown_pct: 20
          risk_per_trade: 0.02
          position_sizing: percent
        notifications:
          telegram_enabled: false
          email_enabled: false
          trade_notifications: true
          error_notifications: true
          performance_reports: none
        logging:
          level: INFO
          save_trades: true
          save_equity_curve: true
          log_file: logs/development/{id}.log

        """;

    /// <summary>The template's bot document, read from the repository.</summary>
    public static string Template(string template, string file) =>
        File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "src", "Tradewind.Configuration", "Templates", template, "config", "bots", file));

    public static string Paper(string id) => PaperYaml.Replace("{id}", id, StringComparison.Ordinal);

    /// <summary>One key as nested YAML: <c>risk_management.stop_loss_pct</c>, <c>0</c> → <c>risk_management:\n  stop_loss_pct: 0\n</c>.</summary>
    public static string Overlay(params (string Path, string Value)[] keys)
    {
        var builder = new System.Text.StringBuilder();
        var written = new List<string>();
        foreach (var (path, value) in keys)
        {
            var segments = path.Split('.');
            for (var i = 0; i < segments.Length; i++)
            {
                var prefix = string.Join('.', segments[..(i + 1)]);
                if (i < segments.Length - 1 && written.Contains(prefix))
                {
                    continue;
                }

                builder.Append(new string(' ', 2 * i)).Append(segments[i]).Append(':');
                if (i == segments.Length - 1)
                {
                    builder.Append(' ').Append(value);
                }
                else
                {
                    written.Add(prefix);
                }

                builder.Append('\n');
            }
        }

        return builder.ToString();
    }
}
