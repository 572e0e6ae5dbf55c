using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tradewind.Core.Engine;
using Tradewind.Core.Market;
using Tradewind.Core.Optimization;
using Tradewind.Core.Strategies.Catalog;
using Tradewind.Core.Strategies.SmaCross;
using Tradewind.Data.Simulation;
using Symbol = Tradewind.Core.Market.Symbol;

namespace Tradewind.Cli.Commands;

/// <summary>
/// <c>tradewind bench</c>: quick speed figures on a seeded synthetic series: sma-cross through the full engine and the
/// bare loop doing the same arithmetic, their ratio, and optionally the optimizer's bar-evaluations per second. For
/// precise figures use the BenchmarkDotNet suites in bench/Tradewind.Benchmarks.
/// </summary>
public static class BenchCommand
{
    private const int Fast = 20;
    private const int Slow = 50;

    /// <summary>The grid <c>--optimize</c> sweeps: about a thousand sma-cross combinations.</summary>
    public static IReadOnlyList<string> OptimizeGrid { get; } = ["fast=5:54:1", "slow=20:210:10"];

    /// <summary>Builds the command.</summary>
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var bars = new Option<int>("--bars") { Description = "Bars of the generated one-minute random walk.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random walk (the same seed gives the same bars).", DefaultValueFactory = _ => 20261121 };
        var seconds = new Option<double>("--seconds") { Description = "Time spent repeating each measurement (the best run counts).", DefaultValueFactory = _ => 2.0 };
        var optimize = new Option<bool>("--optimize") { Description = $"Also measure the optimizer: sma-cross over {string.Join(' ', OptimizeGrid)} on all cores." };
        var command = new Command(
            "bench",
            $"Speed on a seeded synthetic series: sma-cross({Fast}, {Slow}) through the full engine (orders, fills, ledger, equity curve) and a bare loop doing the same arithmetic, in bars per second.")
        {
            bars, seed, seconds, optimize,
        };
        command.SetAction(async (parse, ct) =>
        {
            var cli = context(parse);
            var count = parse.GetValue(bars);
            var budget = parse.GetValue(seconds);
            if (count < Slow + 2)
            {
                throw new UserInputException($"--bars: {count} is too few; give at least {Slow + 2} (sma-cross({Fast}, {Slow}) needs {Slow} to warm up)");
            }

            if (!(budget > 0) || budget > 600)
            {
                throw new UserInputException($"--seconds: {budget} must be more than 0 and at most 600");
            }

            var series = SyntheticBars.RandomWalk(Symbol.Parse("SYN"), Resolution.Minute, count, parse.GetValue(seed));
            var options = new EngineOptions();
            var open = series.Open.ToArray();
            var close = series.Close.ToArray();
            if (IsDebugBuild())
            {
                await cli.Error.WriteLineAsync("warning: this tradewind is a Debug build (JIT optimizations off); its figures are several times too slow. Run 'dotnet run -c Release --project src/Tradewind.Cli -- bench' or an installed tool for real figures.");
            }

            await cli.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"bench: {count:N0} one-minute bars (seed {parse.GetValue(seed)}), sma-cross({Fast}, {Slow}), best of repeated runs over about {budget:0.#} s each"));

            // Warm up: compile both paths before anything is timed.
            var warm = SyntheticBars.RandomWalk(Symbol.Parse("SYN"), Resolution.Minute, Math.Min(count, 20_000), 1);
            RunEngine(warm, options);
            SmaCrossBaseline.Run(warm.Open, warm.Close, Fast, Slow, 100_000);

            var engine = Measure(cli, budget, () => RunEngine(series, options), ct);
            var bare = Measure(cli, budget, () => SmaCrossBaseline.Run(open, close, Fast, Slow, 100_000), ct);
            var trades = Backtest.Run([series], StrategyCatalog.SmaCross, StrategyCatalog.SmaCross.Defaults.With("fast", Fast).With("slow", Slow), options, cancellationToken: ct);
            var allocated = AllocatedPerBar(series, options);

            var table = new Table().AddColumns("measure", "bars", "best run", "bars/s", "note");
            foreach (var column in table.Columns.Skip(1).Take(3))
            {
                column.RightAligned();
            }

            table.AddRow(
                "engine sma-cross",
                count.ToString("N0", CultureInfo.InvariantCulture),
                Time(engine),
                PerSecond(count, engine),
                string.Create(CultureInfo.InvariantCulture, $"{trades.Statistics.TradeCount:N0} round trips, {allocated:N1} B/bar allocated (8 of them the equity curve, the rest the journal of its trades)"));
            table.AddRow("bare loop, same arithmetic", count.ToString("N0", CultureInfo.InvariantCulture), Time(bare), PerSecond(count, bare), "no orders, ledger or journal");
            if (parse.GetValue(optimize))
            {
                var grid = ParameterGrid.Parse(StrategyCatalog.SmaCross, OptimizeGrid);
                OptimizationResult? result = null;
                var optimizeTime = Measure(cli, budget, () => result = Optimizer.Run([series], grid, StrategyCatalog.SmaCross.Defaults, options, cancellationToken: ct), ct);
                table.AddRow(
                    "optimize sma-cross (kernel)",
                    result!.BarEvaluations.ToString("N0", CultureInfo.InvariantCulture),
                    Time(optimizeTime),
                    PerSecond(result.BarEvaluations, optimizeTime),
                    string.Create(CultureInfo.InvariantCulture, $"bar-evaluations: {result.Rows.Count:N0} combinations × {result.BarsPerRun:N0} bars on {Environment.ProcessorCount} core(s)"));
            }

            cli.Console.Write(table);
            await cli.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"engine / bare loop: {bare.TotalSeconds / engine.TotalSeconds:P1} of the bare loop's speed (the bare loop is {engine.TotalSeconds / bare.TotalSeconds:F1}× faster)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static int RunEngine(BarSeries series, EngineOptions options)
    {
        var engine = new TradingEngine([series], new SmaCrossStrategy(Fast, Slow), options);
        engine.Run();
        return engine.Journal.Equity.Count;
    }

    // Bytes allocated on this thread by one engine run, per bar: the equity curve (8 B a bar with one series: its
    // equity column; the times are the bars') and the orders, fills, ledger lines and closed trades of its trades.
    private static double AllocatedPerBar(BarSeries series, EngineOptions options)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunEngine(series, options);
        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)series.Count;
    }

    // Repeats `run` until the budget is spent (at least three runs, at most 10,000) and returns the fastest.
    private static TimeSpan Measure(CliContext cli, double budget, Action run, CancellationToken cancellationToken)
    {
        var clock = cli.TimeProvider;
        var start = clock.GetTimestamp();
        var best = TimeSpan.MaxValue;
        for (var runs = 0; runs < 3 || (runs < 10_000 && clock.GetElapsedTime(start).TotalSeconds < budget); runs++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var begin = clock.GetTimestamp();
            run();
            var elapsed = clock.GetElapsedTime(begin);
            best = elapsed < best ? elapsed : best;
        }

        return best;
    }

    private static string Time(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("N1", CultureInfo.InvariantCulture) + " ms";

    private static string PerSecond(long count, TimeSpan elapsed) =>
        (count / Math.Max(elapsed.TotalSeconds, 1e-9) / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M";

    private static bool IsDebugBuild()
    {
        // The engine's assembly decides the speed; a Debug build carries DebuggableAttribute with the optimizer disabled.
        var debuggable = typeof(EngineOptions).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false);
        foreach (System.Diagnostics.DebuggableAttribute attribute in debuggable)
        {
            if (attribute.IsJITOptimizerDisabled)
            {
                return true;
            }
        }

        return false;
    }
}
