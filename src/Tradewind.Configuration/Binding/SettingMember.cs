using System.Reflection;
using Tradewind.Configuration.Settings;

namespace Tradewind.Configuration.Binding;

/// <summary>One key of a settings record: its file spelling, property, documentation and shape.</summary>
public sealed class SettingMember
{
    internal SettingMember(PropertyInfo property)
    {
        Property = property;
        Key = property.GetCustomAttribute<SettingKeyAttribute>()?.Name ?? KeyPath.ToSnakeCase(property.Name);
        Setting = property.GetCustomAttribute<SettingAttribute>();
        IsRequired = property.GetCustomAttributes().Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");
        var type = property.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            Shape = SettingShape.List;
            ElementType = type.GetGenericArguments()[0];
        }
        else if (type == typeof(IReadOnlyDictionary<string, string>))
        {
            Shape = SettingShape.Map;
            ElementType = typeof(string);
        }
        else
        {
            Shape = SettingsSchema.IsRecord(type) ? SettingShape.Record : SettingShape.Scalar;
            ElementType = type;
        }
    }

    /// <summary>The key as written in files, e.g. <c>drawdown_pct</c>.</summary>
    public string Key { get; }

    /// <summary>The property the key binds to.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The documented meaning and range; null when undocumented.</summary>
    public SettingAttribute? Setting { get; }

    /// <summary>True when the key has no default and must be given (C# <c>required</c>).</summary>
    public bool IsRequired { get; }

    /// <summary>Whether the key holds a value, a section, a list or an open map of values.</summary>
    public SettingShape Shape { get; }

    /// <summary>The type of the value, or of a list's items or a map's values.</summary>
    public Type ElementType { get; }
}
