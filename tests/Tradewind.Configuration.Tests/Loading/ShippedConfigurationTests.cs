namespace Tradewind.Configuration.Tests.Loading;

public sealed class ShippedConfigurationTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Theory]
    [InlineData("development")]
    [InlineData("staging")]
    public void The_shipped_config_validates_without_problems(string environment)
    {
        var snapshot = _folder.Load(environment);
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Empty(snapshot.Problems);
        Assert.Equal(environment, snapshot.Environment);
    }

    [Fact]
    public void The_shipped_values_bind_to_the_records()
    {
        var settings = _folder.Load().Settings;
        Assert.Equal("debug", Configuration.Binding.SettingsSchema.EnumKey(settings.System.LogLevel));
        Assert.Equal(["SPY", "QQQ", "DIA"], settings.Assets.Universe.Select(a => a.Symbol));
        Assert.Equal([5.0, 10, 15, 20], settings.Risk.Levels.Select(l => l.DrawdownPct));
        Assert.Equal(1000m, settings.Strategy.CapitalAllocator.DailyCapital);
        Assert.Equal("30 9 * * 1-5", settings.Schedule.Jobs.ExecuteTrades.Cron);
    }

    [Fact]
    public void Production_fails_without_its_variables_naming_key_and_variable()
    {
        var snapshot = _folder.Load("production");
        Assert.False(snapshot.IsValid);
        Assert.Equal(2, snapshot.Errors.Count);
        var database = snapshot.Errors.Single(e => e.Path == "system.database");
        Assert.Contains("variable TRADEWIND_DATABASE_URL is not set", database.Message, StringComparison.Ordinal);
        Assert.Equal("config/production/system.yaml", database.Origin);
        var key = snapshot.Errors.Single(e => e.Path == "data.alphavantage.api_key");
        Assert.Contains("variable ALPHAVANTAGE_API_KEY is not set", key.Message, StringComparison.Ordinal);
        Assert.Equal("config/production/data.yaml", key.Origin);
    }

    [Fact]
    public void Production_validates_with_its_variables_set()
    {
        _folder.Variables["TRADEWIND_DATABASE_URL"] = "postgresql://trader:SuperSecretPass123@db:5432/tradewind";
        _folder.Variables["ALPHAVANTAGE_API_KEY"] = "ABCDEFGH12345678";
        var snapshot = _folder.Load("production");
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Equal("postgresql://trader:****s123@db:5432/tradewind", snapshot.Find("system.database")!.DisplayValue);
        Assert.Equal("****5678", snapshot.Find("data.alphavantage.api_key")!.DisplayValue);
        Assert.Equal("ABCDEFGH12345678", snapshot.Settings.Data.AlphaVantage.ApiKey);
    }

    [Fact]
    public void Production_variables_may_come_from_dot_env()
    {
        _folder.Write(".env", "TRADEWIND_DATABASE_URL=postgresql://trader:pw@db/tw\nALPHAVANTAGE_API_KEY=ABCDEFGH12345678\n");
        Assert.True(_folder.Load("production").IsValid);
    }

    public void Dispose() => _folder.Dispose();
}
