using System.Data.Common;
using Tradewind.Storage.Connections;
using Tradewind.Storage.Signals;
using Tradewind.Testing;
using static Tradewind.Storage.Tests.AllocatorTestData;

namespace Tradewind.Storage.Tests.Signals;

public sealed class DailySignalRepositoryTests(PostgresServer postgres) : IDisposable
{
    private readonly TestDatabases _databases = new(postgres);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseDialect> Dialects => TestDatabases.Dialects;

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task An_inserted_signal_reads_back_exactly_by_date_and_by_id(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new DailySignalRepository(database);
        var config = await ConfigVersionAsync(database);
        // The allocation text keeps its trailing zero and 28 significant digits; the features keep their layout.
        var signal = Signal(Day1, config, allocations: """{"SPY":412.50,"QQQ":0.1234567890123456789012345678,"DIA":0}""") with
        {
            FeaturesUsed = """{"regime": 0.35, "assets": {"SPY": {"volatility": 0.0123456789}}}""",
            ConfidenceScore = 0.123456789012345678,
        };

        var result = await repository.InsertAsync(signal, Ct);

        Assert.True(result.Inserted);
        Assert.True(result.Signal.Id > 0);
        // Microseconds survive; the 100 ns digit does not (PostgreSQL's precision, kept on both dialects).
        var expected = signal with { Id = result.Signal.Id, CreatedAt = signal.CreatedAt.AddTicks(-7) };
        Assert.Equal(expected, result.Signal);
        Assert.Equal(expected, await repository.GetAsync(Strategy, Day1, Ct));
        Assert.Equal(expected, await repository.GetByIdAsync(result.Signal.Id, Ct));
        Assert.Equal(
            [new("SPY", 412.50m), new("QQQ", 0.1234567890123456789012345678m), new("DIA", 0m)],
            (await repository.GetAsync(Strategy, Day1, Ct))!.ReadAllocations());
        Assert.Equal("412.50", expected.ReadAllocations()[0].Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(await repository.GetAsync(Strategy, Day2, Ct));
        Assert.Null(await repository.GetAsync("other", Day1, Ct));
        Assert.Null(await repository.GetByIdAsync(result.Signal.Id + 1, Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Inserting_a_date_again_writes_nothing_and_returns_the_stored_signal(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new DailySignalRepository(database);
        var config = await ConfigVersionAsync(database);
        var first = await repository.InsertAsync(Signal(Day1, config), Ct);
        var before = await TableDump.DumpAsync(database, TableDump.AllocatorTables);

        var again = await repository.InsertAsync(
            Signal(Day1, config, SignalAction.Sell, """{"SPY":1}""") with { ConfidenceScore = 0.1, CreatedAt = At(Day1, 12) }, Ct);

        Assert.False(again.Inserted);
        Assert.Equal(first.Signal, again.Signal);
        Assert.Equal(before, await TableDump.DumpAsync(database, TableDump.AllocatorTables));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task Racing_inserts_of_one_date_store_exactly_one_signal(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new DailySignalRepository(database);
        var config = await ConfigVersionAsync(database);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => repository.InsertAsync(Signal(Day1, config) with { ConfidenceScore = i / 10.0 }, Ct), Ct)));

        var winner = Assert.Single(results, r => r.Inserted);
        Assert.All(results, r => Assert.Equal(winner.Signal, r.Signal));
        Assert.Equal([winner.Signal], await repository.ListAsync(Strategy, cancellationToken: Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task List_returns_one_strategy_within_inclusive_dates_oldest_first(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new DailySignalRepository(database);
        var config = await ConfigVersionAsync(database);
        var otherConfig = await ConfigVersionAsync(database, "other");
        // Inserted out of order: the list orders by date, not by id.
        foreach (var date in new[] { Day3, Day1, Day2, new DateOnly(2023, 12, 29) })
        {
            await repository.InsertAsync(Signal(date, config), Ct);
        }

        await repository.InsertAsync(Signal(Day2, otherConfig, strategy: "other"), Ct);

        Assert.Equal([new DateOnly(2023, 12, 29), Day1, Day2, Day3], (await repository.ListAsync(Strategy, cancellationToken: Ct)).Select(s => s.TradeDate));
        Assert.Equal([Day1, Day2], (await repository.ListAsync(Strategy, Day1, Day2, Ct)).Select(s => s.TradeDate));
        Assert.Equal([Day2, Day3], (await repository.ListAsync(Strategy, from: Day2, cancellationToken: Ct)).Select(s => s.TradeDate));
        Assert.Equal([new DateOnly(2023, 12, 29)], (await repository.ListAsync(Strategy, to: new DateOnly(2024, 1, 1), cancellationToken: Ct)).Select(s => s.TradeDate));
        Assert.Equal(["other"], (await repository.ListAsync("other", cancellationToken: Ct)).Select(s => s.Strategy));
        Assert.Empty(await repository.ListAsync("none", cancellationToken: Ct));
    }

    [Theory]
    [MemberData(nameof(Dialects))]
    public async Task A_signal_must_name_a_configuration_version_of_its_own_strategy(DatabaseDialect dialect)
    {
        var database = await _databases.OpenAsync(dialect);
        var repository = new DailySignalRepository(database);
        await ConfigVersionAsync(database);
        var otherConfig = await ConfigVersionAsync(database, "other");

        await Assert.ThrowsAnyAsync<DbException>(() => repository.InsertAsync(Signal(Day1, otherConfig), Ct));
        await Assert.ThrowsAnyAsync<DbException>(() => repository.InsertAsync(Signal(Day1, otherConfig + 100), Ct));

        Assert.Empty(await repository.ListAsync(Strategy, cancellationToken: Ct));
    }

    [Theory]
    [InlineData("confidence above 1")]
    [InlineData("confidence NaN")]
    [InlineData("allocations not an object")]
    [InlineData("negative allocation")]
    [InlineData("allocation not a number")]
    [InlineData("features not JSON")]
    [InlineData("features an array")]
    [InlineData("id already set")]
    [InlineData("blank model type")]
    [InlineData("strategy with spaces")]
    public async Task An_invalid_signal_is_refused_before_anything_is_written(string problem)
    {
        var database = await _databases.OpenAsync(DatabaseDialect.Sqlite);
        var repository = new DailySignalRepository(database);
        var valid = Signal(Day1, await ConfigVersionAsync(database));
        var signal = problem switch
        {
            "confidence above 1" => valid with { ConfidenceScore = 1.0000001 },
            "confidence NaN" => valid with { ConfidenceScore = double.NaN },
            "allocations not an object" => valid with { Allocations = "[412.5]" },
            "negative allocation" => valid with { Allocations = """{"SPY":-1}""" },
            "allocation not a number" => valid with { Allocations = """{"SPY":"412.50"}""" },
            "features not JSON" => valid with { FeaturesUsed = "regime=0.4" },
            "features an array" => valid with { FeaturesUsed = "[]" },
            "id already set" => valid with { Id = 7 },
            "blank model type" => valid with { ModelType = " " },
            "strategy with spaces" => valid with { Strategy = "capital-allocator " },
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => repository.InsertAsync(signal, Ct));

        Assert.Empty(await repository.ListAsync(signal.Strategy.Trim(), cancellationToken: Ct));
    }

    [Fact]
    public void Allocations_are_written_in_order_with_their_exact_digits_and_read_back()
    {
        var text = DailySignalRecord.FormatAllocations([new("SPY", 412.50m), new("QQQ", 0.0001m), new("DIA", 123456789.123456789m)]);

        Assert.Equal("""{"SPY":412.50,"QQQ":0.0001,"DIA":123456789.123456789}""", text);
        var read = Signal(Day1, 1, allocations: text).ReadAllocations();
        Assert.Equal([new("SPY", 412.50m), new("QQQ", 0.0001m), new("DIA", 123456789.123456789m)], read);
        Assert.Equal("{}", DailySignalRecord.FormatAllocations([]));
        Assert.Empty(Signal(Day1, 1, allocations: "{}").ReadAllocations());
    }

    [Theory]
    [InlineData("""{"SPY":1,"SPY":2}""", "twice")]
    [InlineData("""{"SPY":1e400}""", "not a decimal")]
    [InlineData("""{"SPY":null}""", "not a decimal")]
    [InlineData("""[1]""", "JSON object")]
    [InlineData("""{"SPY":""", "not JSON")]
    public void Allocations_that_are_not_symbols_to_dollars_do_not_read(string allocations, string message)
    {
        var error = Assert.Throws<FormatException>(() => Signal(Day1, 1, allocations: allocations).ReadAllocations());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _databases.Dispose();
}
