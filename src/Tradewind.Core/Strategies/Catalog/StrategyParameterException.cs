namespace Tradewind.Core.Strategies.Catalog;

/// <summary>The parameters given to a strategy are not acceptable; <see cref="Exception.Message"/> lists every problem with the fix.</summary>
public sealed class StrategyParameterException : Exception
{
    /// <summary>Creates the exception from its problems (one line each).</summary>
    public StrategyParameterException(string strategy, IReadOnlyList<string> problems)
        : base($"strategy {strategy}: " + string.Join("; ", problems))
    {
        Strategy = strategy;
        Problems = problems;
    }

    /// <summary>Creates the exception with a message.</summary>
    public StrategyParameterException(string message)
        : base(message)
    {
        Strategy = string.Empty;
        Problems = [message];
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StrategyParameterException(string message, Exception innerException)
        : base(message, innerException)
    {
        Strategy = string.Empty;
        Problems = [message];
    }

    /// <summary>Creates the exception.</summary>
    public StrategyParameterException()
        : this("invalid strategy parameters")
    {
    }

    /// <summary>The strategy's name.</summary>
    public string Strategy { get; }

    /// <summary>Each problem, naming the parameter.</summary>
    public IReadOnlyList<string> Problems { get; }
}
