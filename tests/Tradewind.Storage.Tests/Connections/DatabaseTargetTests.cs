using Tradewind.Storage.Connections;

namespace Tradewind.Storage.Tests.Connections;

public sealed class DatabaseTargetTests
{
    [Fact]
    public void No_setting_means_the_default_sqlite_file_under_the_working_directory()
    {
        var target = DatabaseTarget.Parse(null, "/srv/tw");
        Assert.Equal(DatabaseDialect.Sqlite, target.Dialect);
        Assert.Equal("/srv/tw/data/tradewind.db", target.SqliteFile);
    }

    [Theory]
    [InlineData("prices.db", "/srv/tw/prices.db")]
    [InlineData("/var/lib/tw.db", "/var/lib/tw.db")]
    [InlineData("Data Source=x/y.db", "/srv/tw/x/y.db")]
    public void Paths_and_data_sources_are_sqlite(string setting, string file)
    {
        var target = DatabaseTarget.Parse(setting, "/srv/tw");
        Assert.Equal(DatabaseDialect.Sqlite, target.Dialect);
        Assert.Equal(file, target.SqliteFile);
    }

    [Theory]
    [InlineData("Host=db;Port=5433;Database=tw;Username=bob;Password=hunter2secret")]
    [InlineData("postgresql://bob:hunter2secret@db:5433/tw")]
    public void Postgres_settings_are_recognised_and_never_show_the_password(string setting)
    {
        var target = DatabaseTarget.Parse(setting, "/srv/tw");
        Assert.Equal(DatabaseDialect.Postgres, target.Dialect);
        Assert.Equal("postgresql://bob:****@db:5433/tw", target.Display);
        Assert.DoesNotContain("hunter2", target.ToString(), StringComparison.Ordinal);
        Assert.Contains("hunter2secret", target.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unrecognised_connection_string_is_an_error_with_the_password_masked()
    {
        var error = Assert.Throws<ArgumentException>(() => DatabaseTarget.Parse("Foo=1;Password=hunter2", "/"));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Host=", error.Message, StringComparison.Ordinal);
    }
}
