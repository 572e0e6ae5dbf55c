using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Loading;
using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Bots;

/// <summary>
/// One bot document after loading: its files (the document and its overlays), every effective value with
/// the file it came from, the bound <see cref="BotDocument"/> and every problem found.
/// <see cref="Document"/> is only safe to use when <see cref="IsValid"/>; a key that failed keeps its default.
/// </summary>
public sealed class BotDocumentSnapshot
{
    private readonly Dictionary<string, ConfigurationValue> _byPath;

    internal BotDocumentSnapshot(
        string botId, string file, IReadOnlyList<ConfigurationLayer> layers, IReadOnlyList<ConfigurationValue> values,
        BotDocument document, IReadOnlyList<ConfigurationProblem> problems)
    {
        BotId = botId;
        File = file;
        Layers = layers;
        Values = values;
        Document = document;
        Problems = problems;
        _byPath = values.ToDictionary(v => v.Path, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The id the file name gives the bot (its name without extension); a valid document's bot_id equals it.</summary>
    public string BotId { get; }

    /// <summary>The document's file, e.g. <c>config/bots/btc_scalper_001.json</c>.</summary>
    public string File { get; }

    /// <summary>The files read, lowest precedence first: the document, then its environment's and config/local's overlays.</summary>
    public IReadOnlyList<ConfigurationLayer> Layers { get; }

    /// <summary>Every effective value written by the files (defaults are not listed).</summary>
    public IReadOnlyList<ConfigurationValue> Values { get; }

    /// <summary>The bound document.</summary>
    public BotDocument Document { get; }

    /// <summary>Every error and warning, errors first.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The errors.</summary>
    public IReadOnlyList<ConfigurationProblem> Errors => Problems.Where(p => p.IsError).ToList();

    /// <summary>The warnings.</summary>
    public IReadOnlyList<ConfigurationProblem> Warnings => Problems.Where(p => !p.IsError).ToList();

    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => Problems.All(p => !p.IsError);

    /// <summary>The effective value of a key in file spelling, e.g. <c>risk_management.stop_loss_pct</c>; null when not written.</summary>
    public ConfigurationValue? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>
    /// The document's standing in <paramref name="environment"/>: invalid when it has errors, else active when
    /// its <c>environment</c> is that one, else inactive.
    /// </summary>
    public BotStatus StatusIn(string environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!IsValid)
        {
            return BotStatus.Invalid;
        }

        return string.Equals(SettingsSchema.EnumKey(Document.Environment), environment, StringComparison.OrdinalIgnoreCase)
            ? BotStatus.Active
            : BotStatus.Inactive;
    }
}
