using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Reporting;
using Tradewind.Configuration.Settings;
using Tradewind.Testing;

namespace Tradewind.Configuration.Tests.Reporting;

public sealed class KeyReferenceTests
{
    [Fact]
    public void The_key_table_in_docs_configuration_md_is_up_to_date()
    {
        var doc = File.ReadAllText(Path.Combine(TestEnvironment.RepositoryRoot, "docs", "configuration.md")).ReplaceLineEndings("\n");
        var begin = doc.IndexOf(KeyReference.BeginMarker, StringComparison.Ordinal);
        var end = doc.IndexOf(KeyReference.EndMarker, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "docs/configuration.md lacks the key table markers");
        var table = doc[(begin + KeyReference.BeginMarker.Length)..end].Trim('\n');
        Assert.True(KeyReference.Markdown().TrimEnd('\n') == table,
            "docs/configuration.md's key table is out of date: replace it with the output of 'tradewind config keys'");
    }

    [Fact]
    public void Every_shipped_key_is_in_the_table_and_every_setting_is_documented()
    {
        var table = KeyReference.Markdown();
        using var folder = new ConfigFolder();
        foreach (var value in folder.Load().Values)
        {
            var generic = System.Text.RegularExpressions.Regex.Replace(value.Path, @"\[\d+\]", "[]");
            var key = generic.EndsWith("[]", StringComparison.Ordinal) ? generic[..^2] : generic;
            Assert.Contains($"`{key}`", table, StringComparison.Ordinal);
        }

        AssertDocumented(typeof(TradewindSettings));
    }

    private static void AssertDocumented(Type type)
    {
        foreach (var member in SettingsSchema.MembersOf(type))
        {
            Assert.True(member.Setting is not null, $"{type.Name}.{member.Property.Name} has no [Setting]");
            if (SettingsSchema.IsRecord(member.ElementType))
            {
                AssertDocumented(member.ElementType);
            }
        }
    }
}
