using Tradewind.Configuration.Validation;

namespace Tradewind.Configuration.Bots;

/// <summary>
/// Every bot document of a configuration tree as loaded for one environment, and every problem found:
/// each document's own, and those between files (two files for one bot, a bot_id used twice, an overlay
/// without a document).
/// </summary>
public sealed class BotDocumentSet
{
    internal BotDocumentSet(string environment, IReadOnlyList<BotDocumentSnapshot> documents, IReadOnlyList<ConfigurationProblem> problems)
    {
        Environment = environment;
        Documents = documents;
        Problems = problems;
    }

    /// <summary>The selected environment whose overlays were applied, e.g. production.</summary>
    public string Environment { get; }

    /// <summary>The documents, in file name order.</summary>
    public IReadOnlyList<BotDocumentSnapshot> Documents { get; }

    /// <summary>Every error and warning of every document and between files, errors first.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    /// <summary>The errors.</summary>
    public IReadOnlyList<ConfigurationProblem> Errors => Problems.Where(p => p.IsError).ToList();

    /// <summary>The warnings.</summary>
    public IReadOnlyList<ConfigurationProblem> Warnings => Problems.Where(p => !p.IsError).ToList();

    /// <summary>True when there is no error (warnings allowed).</summary>
    public bool IsValid => Problems.All(p => !p.IsError);

    /// <summary>The document whose file names the bot <paramref name="botId"/> (any case), or null.</summary>
    public BotDocumentSnapshot? Find(string botId) =>
        Documents.FirstOrDefault(d => string.Equals(d.BotId, botId, StringComparison.OrdinalIgnoreCase));
}
