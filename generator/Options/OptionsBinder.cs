using System.Globalization;
using System.Text.RegularExpressions;
using Generator.Spelling;
using Generator.Yaml;

namespace Generator.Options;

/// <summary>
/// Lays a YAML tree over option records: keys given replace the base record's values, nested records merge, lists are
/// replaced. Every key, type, enum value, bound and pattern is checked against the records' own attributes (the same
/// ones the options schema is generated from), so what the loader accepts is what helm's values schema accepts.
/// </summary>
public sealed class OptionsBinder(string source)
{
    private readonly List<OptionsError> _errors = [];

    public IReadOnlyList<OptionsError> Errors => _errors;

    /// <summary>Overlays <paramref name="node"/> (a mapping) on <paramref name="baseRecord"/>.</summary>
    public T Overlay<T>(T baseRecord, YamlNode node, string path = "") where T : class =>
        (T)BindValue(typeof(T), isNullable: false, property: null, baseRecord, node, path)!;

    /// <summary>Sets one dotted path (<c>collector.receivers.grpc.enabled</c>, <c>llamaStack.extraEnv[0].name</c>) to a value.</summary>
    public T SetPath<T>(T root, IReadOnlyList<PathSegment> segments, YamlNode value) where T : class =>
        (T)SetPath(root, typeof(T), segments, 0, value, string.Empty)!;

    private object? SetPath(object? current, Type type, IReadOnlyList<PathSegment> segments, int index, YamlNode value, string path)
    {
        var segment = segments[index];
        if (segment.Index is { } itemIndex)
        {
            var itemType = OptionProperty.ListItemType(type);
            if (itemType is null)
            {
                Error(value, path, $"is not a list; it cannot be indexed with [{itemIndex}]");
                return current;
            }

            var items = ((System.Collections.IEnumerable?)current)?.Cast<object?>().ToList() ?? [];
            var itemPath = path + "[" + itemIndex.ToString(CultureInfo.InvariantCulture) + "]";
            if (itemIndex > items.Count)
            {
                Error(value, itemPath, $"index {itemIndex} is past the end of the list ({items.Count} items); use [{items.Count}] to append");
                return current;
            }

            var existing = itemIndex < items.Count ? items[itemIndex] : OptionProperty.New(itemType);
            var updated = index + 1 == segments.Count
                ? BindValue(itemType, false, null, existing, value, itemPath)
                : SetPath(existing, itemType, segments, index + 1, value, itemPath);
            if (itemIndex == items.Count)
            {
                items.Add(updated);
            }
            else
            {
                items[itemIndex] = updated;
            }

            return MakeList(itemType, items);
        }

        if (!OptionProperty.IsRecordType(type) || current is null)
        {
            Error(value, path, "has no options below it");
            return current;
        }

        var properties = OptionProperty.Of(type);
        var property = properties.FirstOrDefault(p => p.WireName == segment.Name);
        var childPath = Join(path, segment.Name!);
        if (property is null)
        {
            Error(value, childPath, UnknownKeyMessage(segment.Name!, path, properties));
            return current;
        }

        var child = index + 1 == segments.Count
            ? BindValue(property.ValueType, property.IsNullable, property, property.GetValue(current), value, childPath)
            : SetPath(property.GetValue(current) ?? (property.IsRecord ? OptionProperty.New(property.ValueType) : null),
                property.ValueType, segments, index + 1, value, childPath);
        return OptionProperty.With(current, property, child);
    }

    private object? BindValue(Type type, bool isNullable, OptionProperty? property, object? current, YamlNode node, string path)
    {
        if (node is YamlScalar { IsNull: true })
        {
            if (isNullable)
            {
                return null;
            }

            Error(node, path, $"must not be null; expected {Describe(type)}");
            return current;
        }

        if (OptionProperty.IsRecordType(type))
        {
            return BindRecord(type, current ?? OptionProperty.New(type), node, path);
        }

        if (OptionProperty.ListItemType(type) is { } itemType)
        {
            return BindList(itemType, current, node, path);
        }

        if (node is not YamlScalar scalar)
        {
            Error(node, path, $"expected {Describe(type)}, got {node.TypeName}");
            return current;
        }

        if (type == typeof(string))
        {
            if (scalar.Kind != ScalarKind.String)
            {
                Error(node, path, $"expected a string, got {scalar.TypeName} {scalar.Text} (quote it: \"{scalar.Text}\")");
                return current;
            }

            if (property?.Pattern is { } pattern && !Regex.IsMatch(scalar.Text, pattern.Regex, RegexOptions.CultureInvariant))
            {
                Error(node, path, $"invalid value \"{scalar.Text}\": must be {pattern.Meaning}");
                return current;
            }

            return scalar.Text;
        }

        if (type == typeof(long))
        {
            if (scalar.AsInteger() is not { } number)
            {
                Error(node, path, $"expected an integer, got {scalar.TypeName} \"{scalar.Text}\"");
                return current;
            }

            if (property?.Bounds is { } bounds && (number < bounds.Minimum || number > bounds.Maximum))
            {
                Error(node, path, $"invalid value {number}: must be between {bounds.Minimum} and {bounds.Maximum}");
                return current;
            }

            return number;
        }

        if (type == typeof(bool))
        {
            if (scalar.AsBoolean() is not { } flag)
            {
                Error(node, path, $"expected a boolean (true or false), got {scalar.TypeName} \"{scalar.Text}\"");
                return current;
            }

            return flag;
        }

        if (type.IsEnum)
        {
            var names = EnumNames.Of(type);
            var match = names.FirstOrDefault(n => scalar.Kind == ScalarKind.String && n.Wire == scalar.Text);
            if (match.Value is null)
            {
                Error(node, path, $"unsupported value \"{scalar.Text}\": allowed values are {string.Join(", ", names.Select(n => n.Wire))}");
                return current;
            }

            return match.Value;
        }

        throw new NotSupportedException($"option type {type} is not supported");
    }

    private object BindRecord(Type type, object current, YamlNode node, string path)
    {
        if (node is not YamlMapping mapping)
        {
            Error(node, path, $"expected an object with keys {string.Join(", ", OptionProperty.Of(type).Select(p => p.WireName))}, got {node.TypeName}");
            return current;
        }

        var properties = OptionProperty.Of(type);
        foreach (var entry in mapping.Entries)
        {
            var property = properties.FirstOrDefault(p => p.WireName == entry.Key.Text);
            if (property is null)
            {
                Error(entry.Key, Join(path, entry.Key.Text), UnknownKeyMessage(entry.Key.Text, path, properties));
                continue;
            }

            var value = BindValue(property.ValueType, property.IsNullable, property, property.GetValue(current), entry.Value, Join(path, property.WireName));
            current = OptionProperty.With(current, property, value);
        }

        return current;
    }

    private object? BindList(Type itemType, object? current, YamlNode node, string path)
    {
        if (node is not YamlSequence sequence)
        {
            Error(node, path, $"expected a list, got {node.TypeName}");
            return current;
        }

        var items = new List<object?>();
        for (var i = 0; i < sequence.Count; i++)
        {
            var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var item = sequence[i];
            if (OptionProperty.IsRecordType(itemType) && item is YamlMapping given)
            {
                foreach (var missing in OptionProperty.Of(itemType).Where(p => p.Required && !given.ContainsKey(p.WireName)))
                {
                    Error(item, itemPath, $"\"{missing.WireName}\" is required");
                }
            }

            items.Add(BindValue(itemType, false, null, OptionProperty.IsRecordType(itemType) ? OptionProperty.New(itemType) : null, item, itemPath));
        }

        return MakeList(itemType, items);
    }

    private static object MakeList(Type itemType, List<object?> items)
    {
        var list = OptionProperty.NewList(itemType);
        foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private static string Describe(Type type)
    {
        if (OptionProperty.IsRecordType(type))
        {
            return "an object";
        }

        if (OptionProperty.ListItemType(type) is not null)
        {
            return "a list";
        }

        if (type.IsEnum)
        {
            return "one of " + string.Join(", ", EnumNames.Of(type).Select(n => n.Wire));
        }

        return type == typeof(long) ? "an integer" : type == typeof(bool) ? "a boolean" : "a string";
    }

    private static string UnknownKeyMessage(string key, string parentPath, IReadOnlyList<OptionProperty> properties)
    {
        var names = properties.Select(p => p.WireName).ToList();
        var hint = Suggestions.Closest(key, names) is { } closest ? $"; did you mean \"{closest}\"?" : string.Empty;
        var owner = parentPath.Length == 0 ? "the top level" : parentPath;
        return $"unknown option \"{key}\"{hint} ({owner} accepts {string.Join(", ", names)})";
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private void Error(YamlNode node, string path, string message) => _errors.Add(new OptionsError(source, node.Start, path, message));
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
