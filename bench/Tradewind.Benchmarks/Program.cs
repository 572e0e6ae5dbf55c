using BenchmarkDotNet.Running;

// Runs the suites named by --filter, e.g.
//   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*Indicator*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
