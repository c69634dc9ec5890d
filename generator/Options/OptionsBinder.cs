using System.Globalization;
using Generator.Yaml;

namespace Generator.Options;

/// <summary>
/// Turns the merged options tree (<see cref="OptionsTree"/>) into option records, once the options schema has accepted
/// it (<see cref="OptionsSchemaValidator"/>): every key is an option, every value of its type, so binding only reads.
/// </summary>
public static class OptionsBinder
{
    public static GeneratorOptions Bind(YamlMapping tree) => (GeneratorOptions)BindRecord(typeof(GeneratorOptions), tree);

    private static object BindRecord(Type type, YamlMapping mapping)
    {
        var record = OptionProperty.New(type);
        foreach (var property in OptionProperty.Of(type))
        {
            if (mapping[property.WireName] is { } node)
            {
                record = OptionProperty.With(record, property, BindValue(property.ValueType, node));
            }
        }

        return record;
    }

    private static object? BindValue(Type type, YamlNode node)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (OptionProperty.IsRecordType(type))
        {
            return BindRecord(type, (YamlMapping)node);
        }

        if (OptionProperty.ListItemType(type) is { } itemType)
        {
            var list = OptionProperty.NewList(itemType);
            foreach (var item in (YamlSequence)node)
            {
                list.Add(BindValue(itemType, item));
            }

            return list;
        }

        var scalar = (YamlScalar)node;
        if (type == typeof(long))
        {
            return scalar.AsInteger()!.Value;
        }

        if (type == typeof(bool))
        {
            return scalar.AsBoolean()!.Value;
        }

        return type.IsEnum ? EnumNames.Of(type).First(n => n.Wire == scalar.Text).Value : scalar.Text;
    }
}

/// <summary>One step of a <c>--set</c> path: a key, or a list index.</summary>
public sealed record PathSegment(string? Name, int? Index)
{
    /// <summary>Parses <c>a.b[0].c</c>; returns null when the path is malformed.</summary>
    public static IReadOnlyList<PathSegment>? Parse(string path)
    {
        var segments = new List<PathSegment>();
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var indexes = new List<int>();
            while (name.EndsWith(']'))
            {
                var open = name.LastIndexOf('[');
                if (open < 0 || !int.TryParse(name[(open + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                indexes.Insert(0, index);
                name = name[..open];
            }

            if (name.Length == 0 || name.Contains('[') || name.Contains(']'))
            {
                return null;
            }

            segments.Add(new PathSegment(name, null));
            segments.AddRange(indexes.Select(i => new PathSegment(null, i)));
        }

        return segments;
    }
}
