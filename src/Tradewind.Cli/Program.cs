using Tradewind.Cli;

return await TradewindCommandLine.RunAsync(
    args, Console.Out, Console.Error, Environment.CurrentDirectory, Environment.GetEnvironmentVariable,
    Environment.GetEnvironmentVariables().Keys.Cast<string>().ToList());
