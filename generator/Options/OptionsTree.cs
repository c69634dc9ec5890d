using System.Globalization;
using Generator.Yaml;

namespace Generator.Options;

/// <summary>
/// The options as one YAML tree, merged the way helm merges values, so the options schema judges what helm's
/// values.schema.json would: the defaults (with the profile's, which only the generator knows), the options file over
/// them, then each <c>--set</c> in order. Mappings of option records merge key by key, lists and values are replaced,
/// and a null where the profile decides keeps the profile's default. Each node remembers which input it came from.
/// </summary>
public sealed class OptionsTree
{
    private readonly Dictionary<YamlNode, string> _sources = new(ReferenceEqualityComparer.Instance);
    private readonly List<OptionsError> _errors = [];
    private readonly string? _file;

    private OptionsTree(string? file, YamlMapping root)
    {
        _file = file;
        Root = root;
    }

    public YamlMapping Root { get; private set; }

    /// <summary>The <c>--set</c> paths that lead nowhere (through a value, past a list's end).</summary>
    public IReadOnlyList<OptionsError> Errors => _errors;

    public static OptionsTree Build(string? file, YamlMapping? fileTree, IReadOnlyList<SetOverride> sets)
    {
        var profile = ChosenProfile(fileTree, sets);
        var defaults = OptionsSerializer.ToYaml(OptionsResolver.Resolve(new GeneratorOptions { Profile = profile }), valuesOnly: false);
        var tree = new OptionsTree(file, defaults);
        if (file is not null && fileTree is not null)
        {
            tree.Root = tree.Overlay(tree.Root, fileTree, typeof(GeneratorOptions), file);
        }

        foreach (var set in sets)
        {
            if (tree.Apply(tree.Root, typeof(GeneratorOptions), set, 0, string.Empty) is YamlMapping root)
            {
                tree.Root = root;
            }
        }

        return tree;
    }

    /// <summary>
    /// Where the node at <paramref name="keys"/> came from: the input that put it (or an ancestor) there, and its position
    /// when that input is the options file; <paramref name="atKey"/> points at the node's key instead of its value.
    /// </summary>
    public (string? Source, Mark Mark) Locate(IReadOnlyList<string> keys, bool atKey = false)
    {
        YamlNode? current = Root;
        YamlNode? located = Root;
        string? source = null;
        foreach (var key in keys)
        {
            switch (current)
            {
                case YamlMapping mapping when mapping.Find(key) is { } entry:
                    located = atKey ? entry.Key : entry.Value;
                    current = entry.Value;
                    break;
                case YamlSequence sequence when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Count:
                    located = current = sequence[index];
                    break;
                default:
                    current = null;
                    break;
            }

            if (current is not null && _sources.TryGetValue(current, out var from))
            {
                source = from;
            }
        }

        return (source, source is not null && source == _file && located is not null ? located.Start : Mark.None);
    }

    /// <summary>The node at <paramref name="keys"/> (mapping keys and list indexes), or null.</summary>
    public YamlNode? Find(IReadOnlyList<string> keys)
    {
        YamlNode? current = Root;
        foreach (var key in keys)
        {
            current = current switch
            {
                YamlMapping mapping => mapping[key],
                YamlSequence sequence when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Count => sequence[index],
                _ => null,
            };
        }

        return current;
    }

    private static Profile ChosenProfile(YamlMapping? fileTree, IReadOnlyList<SetOverride> sets)
    {
        var given = sets.LastOrDefault(s => s.Segments is [{ Name: "profile", Index: null }])?.Value ?? fileTree?["profile"];
        var match = EnumNames.Of(typeof(Profile)).FirstOrDefault(n => given is YamlScalar { Kind: ScalarKind.String } s && n.Wire == s.Text);
        return match.Value is Profile profile ? profile : Profile.Jaeger;
    }

    /// <summary>A copy of <paramref name="target"/> with <paramref name="given"/>'s keys laid over it (option records merge).</summary>
    private YamlMapping Overlay(YamlMapping target, YamlMapping given, Type? type, string source)
    {
        var merged = Copy(target);
        foreach (var entry in given.Entries)
        {
            var property = OptionProperty.Find(type, entry.Key.Text);
            merged.Set(entry.Key, Merge(merged[entry.Key.Text], entry.Value, property, source));
        }

        return merged;
    }

    private YamlNode Merge(YamlNode? current, YamlNode given, OptionProperty? property, string source)
    {
        if (current is not null && given is YamlScalar { IsNull: true } && property?.ProfileDefault is not null)
        {
            return current;
        }

        if (current is YamlMapping target && given is YamlMapping mapping && property is { IsRecord: true })
        {
            return Overlay(target, mapping, property.ValueType, source);
        }

        _sources[given] = source;
        return given;
    }

    /// <summary>Applies one <c>--set</c> below <paramref name="current"/>; null when its path leads nowhere (an error is recorded).</summary>
    private YamlNode? Apply(YamlNode? current, Type? type, SetOverride set, int index, string path)
    {
        var segment = set.Segments[index];
        var last = index + 1 == set.Segments.Count;
        if (current is YamlScalar { IsNull: true })
        {
            current = null;
        }

        if (segment.Index is { } itemIndex)
        {
            var itemPath = path + "[" + itemIndex.ToString(CultureInfo.InvariantCulture) + "]";
            if (current is not (YamlSequence or null))
            {
                return Fail(set, path, $"is not a list; it cannot be indexed with [{itemIndex}]");
            }

            var items = (current as YamlSequence)?.Items.ToList() ?? [];
            if (itemIndex > items.Count)
            {
                return Fail(set, itemPath, $"index {itemIndex} is past the end of the list ({items.Count} items); use [{items.Count}] to append");
            }

            var itemType = type is null ? null : OptionProperty.ListItemType(type);
            var existing = itemIndex < items.Count ? items[itemIndex] : null;
            var item = last ? MergeItem(existing, set.Value, itemType, set.Source) : Apply(existing, itemType, set, index + 1, itemPath);
            if (item is null)
            {
                return null;
            }

            if (itemIndex == items.Count)
            {
                items.Add(item);
            }
            else
            {
                items[itemIndex] = item;
            }

            var sequence = new YamlSequence(items, current?.Start ?? Mark.None);
            if (current is null)
            {
                _sources[sequence] = set.Source;
            }
            else
            {
                KeepSource(current, sequence);
            }

            return sequence;
        }

        if (current is not (YamlMapping or null))
        {
            return Fail(set, path, "has no options below it");
        }

        var mapping = current is YamlMapping existingMapping ? Copy(existingMapping) : new YamlMapping();
        if (current is null)
        {
            _sources[mapping] = set.Source;
        }

        var property = OptionProperty.Find(type, segment.Name!);
        var childPath = path.Length == 0 ? segment.Name! : path + "." + segment.Name;
        var child = last
            ? Merge(mapping[segment.Name!], set.Value, property, set.Source)
            : Apply(mapping[segment.Name!], property?.ValueType, set, index + 1, childPath);
        if (child is null)
        {
            return null;
        }

        mapping[segment.Name!] = child;
        return mapping;
    }

    /// <summary>A list item given whole: merged over the item it replaces when both are records, as a record option is.</summary>
    private YamlNode MergeItem(YamlNode? existing, YamlNode given, Type? itemType, string source)
    {
        if (existing is YamlMapping target && given is YamlMapping mapping && itemType is not null && OptionProperty.IsRecordType(itemType))
        {
            return Overlay(target, mapping, itemType, source);
        }

        _sources[given] = source;
        return given;
    }

    private YamlNode? Fail(SetOverride set, string path, string message)
    {
        _errors.Add(new OptionsError(set.Source, Mark.None, path, message));
        return null;
    }

    /// <summary>A copy to change; it keeps the original's source, which its unchanged keys still come from.</summary>
    private YamlMapping Copy(YamlMapping mapping)
    {
        var copy = new YamlMapping(mapping.Start);
        foreach (var entry in mapping.Entries)
        {
            copy.Set(entry.Key, entry.Value);
        }

        KeepSource(mapping, copy);
        return copy;
    }

    private void KeepSource(YamlNode original, YamlNode copy)
    {
        if (_sources.TryGetValue(original, out var source))
        {
            _sources[copy] = source;
        }
    }
}
