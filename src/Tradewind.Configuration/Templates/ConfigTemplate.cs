namespace Tradewind.Configuration.Templates;

/// <summary>A starting configuration that <c>tradewind init</c> writes: a name, one line saying what it is for, and its files.</summary>
/// <param name="Name">The name given to <c>--template</c>, e.g. <c>paper-bot</c>.</param>
/// <param name="Description">What the configuration is for, in one line.</param>
/// <param name="Files">Every file it writes, by path relative to the target folder (forward slashes), with its content.</param>
public sealed record ConfigTemplate(string Name, string Description, IReadOnlyDictionary<string, string> Files);
