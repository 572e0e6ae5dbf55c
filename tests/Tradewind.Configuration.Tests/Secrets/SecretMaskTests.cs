using FsCheck;
using FsCheck.Fluent;
using Tradewind.Configuration.Secrets;

namespace Tradewind.Configuration.Tests.Secrets;

public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("api_key", true)]
    [InlineData("data.alphavantage.api_key", true)]
    [InlineData("notifications.telegram.bot_token", true)]
    [InlineData("notifications.slack.webhook_url", true)]
    [InlineData("notifications.email.password", true)]
    [InlineData("client_secret", true)]
    [InlineData("SIGNING_KEY", true)]
    [InlineData("notifications.telegram.chat_id", false)]
    [InlineData("system.database", false)]
    [InlineData("notifications.email.username", false)]
    [InlineData("assets.universe[0].symbol", false)]
    public void Secret_keys_are_recognized_by_name(string key, bool secret) => Assert.Equal(secret, SecretMask.IsSecretKey(key));

    [Theory]
    [InlineData("", "")]
    [InlineData("short", "****")]
    [InlineData("elevenchars", "****")]
    [InlineData("twelve-chars", "****hars")]
    [InlineData("ABCDEFGH12345678", "****5678")]
    public void Secrets_show_at_most_their_last_four_characters_and_only_when_long(string secret, string masked) =>
        Assert.Equal(masked, SecretMask.Mask(secret));

    [Theory]
    [InlineData("Host=db;Database=tw;Username=u;Password=SuperSecretPass123", "Host=db;Database=tw;Username=u;Password=****s123")]
    [InlineData("Host=db;password = 'quoted;secret-value';Database=tw", "Host=db;password = ****alue;Database=tw")]
    [InlineData("Host=db;Pwd=short;Database=tw", "Host=db;Pwd=****;Database=tw")]
    [InlineData("postgresql://trader:SuperSecretPass123@db:5432/tw", "postgresql://trader:****s123@db:5432/tw")]
    [InlineData("postgres://trader:p@ss@db/tw", "postgres://trader:****@db/tw")]
    [InlineData("postgresql://trader@db/tw", "postgresql://trader@db/tw")]
    [InlineData("data/tradewind.db", "data/tradewind.db")]
    public void Passwords_inside_connection_strings_are_masked(string value, string masked) =>
        Assert.Equal(masked, SecretMask.MaskConnectionString(value));

    [Fact]
    public void Masked_output_never_holds_more_than_the_last_four_characters_of_a_secret()
    {
        // Characters a password may hold unescaped in a connection string and in a URL's user info.
        var secretChars = Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$%&*+,-._~".ToCharArray());
        var secrets = Gen.NonEmptyListOf(secretChars).Select(cs => new string(cs.ToArray()));
        Prop.ForAll(secrets.ToArbitrary(), secret =>
        {
            var masked = SecretMask.Mask(secret);
            var expected = secret.Length >= SecretMask.MinimumLengthForSuffix ? "****" + secret[^4..] : "****";
            var shown = new[]
            {
                masked,
                SecretMask.MaskValue("data.alphavantage.api_key", secret),
                SecretMask.MaskConnectionString($"Host=db;Database=tw;Username=u;Password={secret}"),
                SecretMask.MaskConnectionString($"postgresql://trader:{secret}@db:5432/tw"),
            };
            return masked == expected
                && shown[1] == expected
                && shown[2] == $"Host=db;Database=tw;Username=u;Password={expected}"
                && shown[3] == $"postgresql://trader:{expected}@db:5432/tw";
        }).QuickCheckThrowOnFailure();
    }
}
