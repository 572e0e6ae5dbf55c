using Tradewind.Storage.Connections;
using Tradewind.Storage.PaperTrading;
using Tradewind.Testing;
using static Tradewind.Storage.Tests.AllocatorTestData;
using static Tradewind.Storage.Tests.PaperTrading.PaperAccountScenario;

namespace Tradewind.Storage.Tests.PaperTrading;

/// <summary>
/// A crash between any two writes of an execution leaves the database exactly as it was before the date, and a
/// re-run then executes the date exactly once.
/// </summary>
public sealed class PaperAccountCrashTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect, string> DialectsAndSteps
    {
        get
        {
            var data = new TheoryData<DatabaseDialect, string>();
            foreach (var dialect in new[] { DatabaseDialect.Sqlite, DatabaseDialect.Postgres })
            {
                foreach (var step in PaperAccountRepository.Steps)
                {
                    data.Add(dialect, step);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(DialectsAndSteps))]
    public async Task A_crash_after_any_step_stores_nothing_of_the_date_and_a_rerun_completes_it_once(DatabaseDialect dialect, string step)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new PaperAccountRepository(database);
        var signals = await SeedSignalsAsync(database);
        await repository.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);
        var before = await TableDump.DumpAsync(database, TableDump.AllocatorTables);
        var crashing = new PaperAccountRepository(database, (reached, _) =>
            reached == step ? throw new SimulatedCrashException(step) : Task.CompletedTask);

        var crash = await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.RecordExecutionAsync(Day2Execution(signals.Day2), Ct));

        Assert.Equal(step, crash.Message);
        Assert.Equal(before, await TableDump.DumpAsync(database, TableDump.AllocatorTables));
        Assert.Null(await repository.GetExecutionAsync(Strategy, Day2, Ct));

        var rerun = await repository.RecordExecutionAsync(Day2Execution(signals.Day2), Ct);
        var again = await repository.RecordExecutionAsync(Day2Execution(signals.Day2), Ct);

        Assert.Equal(ExecutionOutcome.Recorded, rerun.Outcome);
        Assert.Equal(ExecutionOutcome.AlreadyExecuted, again.Outcome);
        Assert.Equal(
            [("QQQ", 0.35m), ("SPY", 1m), ("DIA", 0.2718m)],
            (await repository.ListTradesAsync(Strategy, Day2, Day2, Ct)).Select(t => (t.Symbol, t.Quantity)));
        var account = await repository.LoadAsync(Strategy, Ct);
        Assert.Equal([new("DIA", 0.2718m, 376.89m), new("QQQ", 0.15m, 400.10m), new("SPY", 2.2345m, SpyCostAfterDay2)], account.Positions);
        Assert.Equal((CashAfterDay2, 2000m), (account.Cash, account.TotalDeposits));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Dialects), MemberType = typeof(TestDatabases))]
    public async Task An_execution_passes_every_step_in_order_inside_its_transaction(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var signals = await SeedSignalsAsync(database);
        var reached = new List<(string Step, bool Visible)>();
        var repository = new PaperAccountRepository(database, null);
        var observed = new PaperAccountRepository(database, async (step, ct) =>
        {
            // Nothing of the date is visible to another reader until the commit after the last step.
            reached.Add((step, await repository.GetExecutionAsync(Strategy, Day1, ct) is not null));
        });

        await observed.RecordExecutionAsync(Day1Execution(signals.Day1), Ct);

        Assert.Equal(PaperAccountRepository.Steps.Select(s => (s, false)), reached);
        Assert.NotNull(await repository.GetExecutionAsync(Strategy, Day1, Ct));
    }

    public void Dispose() => _databases.Dispose();

    private sealed class SimulatedCrashException(string step) : Exception(step);
}
