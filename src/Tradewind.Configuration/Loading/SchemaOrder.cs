using System.Globalization;
using Tradewind.Configuration.Binding;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Loading;

/// <summary>Orders configuration keys as the settings records declare them (lists by index, unknown keys last), so output reads like the files.</summary>
internal static class SchemaOrder
{
    public static int Compare(string a, string b)
    {
        var x = Rank(a);
        var y = Rank(b);
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = x[i].CompareTo(y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Count != y.Count ? x.Count.CompareTo(y.Count) : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static List<int> Rank(string key)
    {
        var ranks = new List<int>();
        Type? type = typeof(TradewindSettings);
        foreach (var segment in key.Split(':'))
        {
            if (KeyPath.IsIndex(segment))
            {
                ranks.Add(int.Parse(segment, CultureInfo.InvariantCulture));
                continue;
            }

            var members = type is null ? [] : SettingsSchema.MembersOf(type);
            var index = -1;
            for (var i = 0; i < members.Count; i++)
            {
                if (string.Equals(members[i].Key, segment, StringComparison.OrdinalIgnoreCase))
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                ranks.Add(int.MaxValue);
                type = null;
                continue;
            }

            ranks.Add(index);
            type = members[index].Shape == SettingShape.Scalar ? null : members[index].ElementType;
            if (type is not null && !SettingsSchema.IsRecord(type))
            {
                type = null;
            }
        }

        return ranks;
    }
}
