namespace Tradewind.Configuration.Tests.Loading;

public sealed class ShippedConfigurationTests : IDisposable
{
    private readonly ConfigFolder _folder = new();

    [Theory]
    [InlineData("development")]
    [InlineData("staging")]
    public void The_shipped_config_validates(string environment)
    {
        var snapshot = _folder.Load(environment);
        Assert.True(snapshot.IsValid, string.Join("\n", snapshot.Problems));
        Assert.Equal(environment, snapshot.Environment);
    }

    public void Dispose() => _folder.Dispose();
}
