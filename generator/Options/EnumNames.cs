using System.Reflection;

namespace Generator.Options;

/// <summary>Enum members and their wire spellings (<see cref="WireNameAttribute"/>).</summary>
public static class EnumNames
{
    public static IReadOnlyList<(string Wire, object Value)> Of(Type enumType) =>
        [.. enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.GetCustomAttribute<WireNameAttribute>()?.Name ?? f.Name, f.GetValue(null)!))];

    public static string Wire(object value) =>
        value.GetType().GetField(value.ToString()!)?.GetCustomAttribute<WireNameAttribute>()?.Name ?? value.ToString()!;

    public static string Wire<T>(T value) where T : struct, Enum => Wire((object)value);
}
