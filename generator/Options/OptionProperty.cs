using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Generator.Options;

/// <summary>What an option property is, read once from the records' reflection data and attributes.</summary>
public sealed class OptionProperty
{
    private OptionProperty(PropertyInfo property, NullabilityInfoContext nullability)
    {
        Property = property;
        WireName = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        var underlying = Nullable.GetUnderlyingType(property.PropertyType);
        IsNullable = underlying is not null || nullability.Create(property).ReadState == NullabilityState.Nullable;
        ValueType = underlying ?? property.PropertyType;
        Doc = property.GetCustomAttribute<DocAttribute>()?.Text ?? string.Empty;
        GeneratorOnly = property.GetCustomAttribute<GeneratorOnlyAttribute>() is not null;
        ProfileDefault = property.GetCustomAttribute<ProfileDefaultAttribute>();
        Bounds = property.GetCustomAttribute<BoundsAttribute>();
        Pattern = property.GetCustomAttribute<PatternAttribute>();
        Required = property.GetCustomAttribute<RequiredAttribute>() is not null;
        ItemType = ListItemType(ValueType);
    }

    public PropertyInfo Property { get; }

    /// <summary>The camelCase key used in options files and chart values.</summary>
    public string WireName { get; }

    /// <summary>The property type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType { get; }

    public bool IsNullable { get; }

    public string Doc { get; }

    public bool GeneratorOnly { get; }

    public ProfileDefaultAttribute? ProfileDefault { get; }

    public BoundsAttribute? Bounds { get; }

    public PatternAttribute? Pattern { get; }

    public bool Required { get; }

    /// <summary>The element type when the option is a list.</summary>
    public Type? ItemType { get; }

    public bool IsRecord => IsRecordType(ValueType);

    public object? GetValue(object owner) => Property.GetValue(owner);

    /// <summary>Why the reflection below is safe to trim and compile ahead of time: ILLink.Descriptors.xml roots every option type.</summary>
    internal const string Rooted = "The option records and enums are rooted by ILLink.Descriptors.xml; list items are records (reference types), which share List<T>'s canonical code.";

    /// <summary>The element type of a list option type (<c>IReadOnlyList&lt;T&gt;</c>); null for other types.</summary>
    public static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? type.GetGenericArguments()[0] : null;

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = Rooted)]
    public static bool IsRecordType(Type type) => type.IsClass && type != typeof(string) && type.GetMethod("<Clone>$") is not null;

    private static readonly Dictionary<Type, IReadOnlyList<OptionProperty>> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>Reused: it caches what it reads of the nullable attributes, which every property of a record shares.</summary>
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>The option of <paramref name="type"/> named <paramref name="wireName"/> in options files; null when the type is no option record or has no such option.</summary>
    public static OptionProperty? Find(Type? type, string wireName) =>
        type is not null && IsRecordType(type) ? Of(type).FirstOrDefault(p => p.WireName == wireName) : null;

    /// <summary>The option properties of a record type, in declaration order.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = Rooted)]
    public static IReadOnlyList<OptionProperty> Of(Type recordType)
    {
        lock (CacheLock)
        {
            if (!Cache.TryGetValue(recordType, out var list))
            {
                list = [.. recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.SetMethod is not null && p.GetMethod is not null && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                    .Select(p => new OptionProperty(p, Nullability))];
                Cache[recordType] = list;
            }

            return list;
        }
    }

    /// <summary>A copy of a record with one property changed (records' init setters are callable through reflection).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = Rooted)]
    public static object With(object record, OptionProperty property, object? value)
    {
        var copy = record.GetType().GetMethod("<Clone>$")!.Invoke(record, null)!;
        property.Property.SetValue(copy, value);
        return copy;
    }

    /// <summary>A record with its defaults.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = Rooted)]
    public static object New(Type recordType) => Activator.CreateInstance(recordType)!;

    /// <summary>An empty <c>List&lt;itemType&gt;</c> for a list option.</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = Rooted)]
    public static System.Collections.IList NewList(Type itemType) =>
        (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
}
