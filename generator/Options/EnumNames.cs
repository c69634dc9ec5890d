using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Generator.Yaml;

namespace Generator.Options;

/// <summary>Enum members and their wire spellings (<see cref="WireNameAttribute"/>).</summary>
public static class EnumNames
{
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = OptionProperty.Rooted)]
    public static IReadOnlyList<(string Wire, object Value)> Of(Type enumType) =>
        [.. enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.GetCustomAttribute<WireNameAttribute>()?.Name ?? f.Name, f.GetValue(null)!))];

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = OptionProperty.Rooted)]
    public static string Wire(object value) =>
        value.GetType().GetField(value.ToString()!)?.GetCustomAttribute<WireNameAttribute>()?.Name ?? value.ToString()!;

    public static string Wire<T>(T value) where T : struct, Enum => Wire((object)value);
}
