using FsCheck;
using FsCheck.Fluent;
using Tradewind.Storage.Connections;
using Tradewind.Storage.StrategyConfig;
using Tradewind.Testing;

namespace Tradewind.Storage.Tests.StrategyConfig;

/// <summary>
/// For any sequence of applies and rollbacks over a few strategies: after every step each strategy that
/// has a version has exactly one active version holding the parameters last applied or rolled back to,
/// version ids only grow, and no row other than the previously active one of the changed strategy
/// ever changes (and that one only gains its end date).
/// </summary>
public sealed class RegistryPropertyTests(PostgresServer postgres) : IDisposable
{
    private static readonly string[] Strategies = ["alpha", "beta"];
    private static readonly string[] ParameterSets = ["""{"x":1}""", """{"x":2}""", """{"nested":{"a":[1,2]},"x":1}""", """{"nested":{"a":[2,1]},"x":1}"""];
    private readonly TestDatabases _databases = new(postgres);

    /// <summary>One step: apply a parameter set to a strategy, or roll back to the version picked among the stored ones.</summary>
    private sealed record Step(bool IsRollback, int Strategy, int ParameterSet, int Pick)
    {
        public override string ToString() => IsRollback ? $"rollback(pick {Pick})" : $"apply({Strategies[Strategy]}, {ParameterSets[ParameterSet]})";
    }

    [Fact]
    public void Every_step_keeps_one_active_version_per_strategy_and_never_rewrites_history()
    {
        var step = from kind in Gen.Choose(0, 2)
                   from strategy in Gen.Choose(0, Strategies.Length - 1)
                   from parameterSet in Gen.Choose(0, ParameterSets.Length - 1)
                   from pick in Gen.Choose(0, 40)
                   select new Step(kind == 2, strategy, parameterSet, pick);

        Prop.ForAll(Arb.From(step.ListOf()), steps =>
        {
            var repository = new TradingConfigRepository(_databases.OpenAsync(DatabaseDialect.Sqlite).GetAwaiter().GetResult());
            var expectedActive = new Dictionary<string, string>();
            var now = new DateTimeOffset(2024, 1, 2, 14, 30, 0, TimeSpan.Zero);
            IReadOnlyList<TradingConfigVersion> before = [];
            foreach (var s in steps)
            {
                now = now.AddMinutes(1);
                string changed;
                if (s.IsRollback)
                {
                    // Pick among the stored ids, or one past the newest: an unknown id must change nothing.
                    var target = s.Pick % (before.Count + 1) == before.Count ? before.Count + 1L : before[s.Pick % (before.Count + 1)].Id;
                    var known = before.FirstOrDefault(v => v.Id == target);
                    if (known is null)
                    {
                        var refused = false;
                        try
                        {
                            repository.RollbackAsync(target, "prop", null, now).GetAwaiter().GetResult();
                        }
                        catch (TradingConfigVersionNotFoundException ex) when (ex.VersionId == target)
                        {
                            refused = true;
                        }

                        var unchanged = repository.HistoryAsync().GetAwaiter().GetResult();
                        if (!refused || !unchanged.SequenceEqual(before))
                        {
                            return false;
                        }

                        continue;
                    }

                    repository.RollbackAsync(target, "prop", null, now).GetAwaiter().GetResult();
                    changed = known.Strategy;
                    expectedActive[changed] = known.Parameters;
                }
                else
                {
                    changed = Strategies[s.Strategy];
                    repository.ApplyAsync(changed, TradingConfigRepositoryTests.Json(ParameterSets[s.ParameterSet]), "files:prop", "prop", null, now).GetAwaiter().GetResult();
                    expectedActive[changed] = ParameterSets[s.ParameterSet];
                }

                var after = repository.HistoryAsync().GetAwaiter().GetResult();
                if (!Holds(before, after, changed, now, expectedActive))
                {
                    return false;
                }

                before = after;
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    public void Dispose() => _databases.Dispose();

    private static bool Holds(
        IReadOnlyList<TradingConfigVersion> before, IReadOnlyList<TradingConfigVersion> after, string changed, DateTimeOffset now, Dictionary<string, string> expectedActive)
    {
        // Exactly one active version per strategy that has any, holding the expected parameters.
        foreach (var strategy in after.Select(v => v.Strategy).Distinct())
        {
            var active = after.Where(v => v.Strategy == strategy && v.IsActive).ToList();
            if (active.Count != 1 || active[0].Parameters != expectedActive[strategy])
            {
                return false;
            }
        }

        // Ids only grow: at most one new row, newer than every row before it.
        var previousIds = before.Select(v => v.Id).ToHashSet();
        var added = after.Where(v => !previousIds.Contains(v.Id)).ToList();
        if (added.Count > 1 || (added.Count == 1 && before.Count > 0 && added[0].Id <= before.Max(v => v.Id)) || after.Count != before.Count + added.Count)
        {
            return false;
        }

        // No row changes except the previously active one of the changed strategy, which only gets end date = now.
        var afterById = after.ToDictionary(v => v.Id);
        foreach (var old in before)
        {
            var current = afterById[old.Id];
            var mayClose = added.Count == 1 && old.IsActive && old.Strategy == changed;
            if (current != old && !(mayClose && current == old with { EndDate = now }))
            {
                return false;
            }
        }

        return added.Count == 0 || (added[0].Strategy == changed && added[0].IsActive && added[0].StartDate == now);
    }
}
