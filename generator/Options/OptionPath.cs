namespace Generator.Options;

/// <summary>
/// Dotted option paths as option rules name them (<c>tempo.storage.secret</c>; a list's items as <c>llamaStack.extraEnv[*]</c>):
/// the properties along them and the values an absent option counts as.
/// </summary>
public static class OptionPath
{
    /// <summary>Stands for every item of a list (in rules) or for the failing one (in their error paths).</summary>
    public const string AnyItem = "[*]";

    private static readonly GeneratorOptions Defaults = OptionsResolver.Resolve(new GeneratorOptions());

    /// <summary>The properties along <paramref name="path"/>; throws for a path no option has (a mistake in a rule).</summary>
    public static IReadOnlyList<OptionProperty> Resolve(string path)
    {
        var properties = new List<OptionProperty>();
        var type = typeof(GeneratorOptions);
        foreach (var segment in path.Split('.'))
        {
            var key = segment.EndsWith(AnyItem, StringComparison.Ordinal) ? segment[..^AnyItem.Length] : segment;
            var property = OptionProperty.Find(type, key)
                ?? throw new ArgumentException($"no option {path} ({key} is not an option of {type.Name})", nameof(path));
            properties.Add(property);
            type = key == segment ? property.ValueType : property.ItemType
                ?? throw new ArgumentException($"option {path}: {key} is not a list", nameof(path));
        }

        return properties;
    }

    /// <summary>The default of an option (the default profile's for profile-decided ones; a new item's inside a list).</summary>
    public static object? DefaultOf(string path)
    {
        object? current = Defaults;
        var segments = path.Split('.');
        var properties = Resolve(path);
        for (var i = 0; i < segments.Length; i++)
        {
            current = current is null ? null : properties[i].GetValue(current);
            if (segments[i].EndsWith(AnyItem, StringComparison.Ordinal))
            {
                current = OptionProperty.New(properties[i].ItemType!);
            }
        }

        return current;
    }

    /// <summary>What helm's templates see for an option whose key is gone: nothing, which reads as empty and false.</summary>
    public static object? Zero(OptionProperty property) =>
        property.IsNullable ? null
        : property.ItemType is not null ? Array.Empty<object>()
        : property.ValueType == typeof(string) ? string.Empty
        : property.ValueType == typeof(bool) ? false
        : null;

    /// <summary>
    /// The deepest option record that holds every one of <paramref name="paths"/>, outside any list item: where a rule
    /// reading them is written, so that its schema is as local as the options it concerns.
    /// </summary>
    public static string CommonRecord(IEnumerable<string> paths)
    {
        var split = paths.Select(p => p.Split('.')).ToList();
        var common = new List<string>();
        for (var i = 0; i < split.Min(s => s.Length); i++)
        {
            var segment = split[0][i];
            if (segment.EndsWith(AnyItem, StringComparison.Ordinal) || split.Any(s => s[i] != segment))
            {
                break;
            }

            common.Add(segment);
        }

        while (common.Count > 0 && !Resolve(string.Join('.', common))[^1].IsRecord)
        {
            common.RemoveAt(common.Count - 1);
        }

        return string.Join('.', common);
    }

    /// <summary>Whether every option along the path is in the chart's values (none is generator-only).</summary>
    public static bool IsChartValue(string path) => Resolve(path).All(p => !p.GeneratorOnly);
}
