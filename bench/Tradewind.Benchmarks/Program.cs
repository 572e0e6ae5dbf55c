using BenchmarkDotNet.Running;
using Tradewind.Benchmarks;

// The hot-reload harness waits on the file system, which BenchmarkDotNet does not model:
//   dotnet run -c Release --project bench/Tradewind.Benchmarks -- reload-latency [--edits 200]
if (args is ["reload-latency", .. var rest])
{
    return await ConfigReloadLatency.RunAsync(rest);
}

// Runs the suites named by --filter, e.g.
//   dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*Indicator*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
