using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Blueprints;

/// <summary>What a blueprint is resolved against: the chart values (the options as values.yaml holds them), the release name and the chart's files.</summary>
public sealed record ValueContext(YamlMapping Values, string ReleaseName, IReadOnlyDictionary<string, string> Files);

/// <summary>
/// Resolves blueprints to plain YAML trees: the raw manifests. Each expression means here what its Helm rendering means
/// to helm (Go template truth, <c>default</c>, <c>regexFind</c>, <c>semverCompare</c>), which the chart parity tests check
/// with the real helm over many option sets.
/// </summary>
public sealed class Evaluator
{
    private readonly ValueContext _context;
    private readonly Dictionary<LoopItem, YamlNode> _items = [];

    public Evaluator(ValueContext context) => _context = context;

    public YamlNode Resolve(Node node) => node switch
    {
        Scalar scalar => ToYaml(Evaluate(scalar.Value)),
        Text text => ToYaml(Evaluate(text.Value)),
        Map map => ResolveMap(map),
        Seq seq => ResolveSeq(seq),
        Fragment fragment => Resolve(fragment.Body),
        Include include => WithItem(include.Fragment.Parameter!, Lookup(include.Argument), () => Resolve(include.Fragment.Body)),
        Optional optional => Resolve(optional.Body),
        _ => throw new InvalidOperationException($"unknown blueprint node {node.GetType().Name}"),
    };

    public bool IsTrue(Expr expr) => Truth(Evaluate(expr));

    public string Text(Expr expr) => AsString(Evaluate(expr));

    public object Evaluate(Expr expr) => expr switch
    {
        Literal literal => literal.Value,
        ValueRef reference => Scalar(Lookup(reference), reference.Type),
        ReleaseName => _context.ReleaseName,
        ManagedBy => ToolInfo.ManagedBy,
        InChart => false,
        ChartLabel => throw new InvalidOperationException("the chart label exists only in the chart"),
        ChartFile file => _context.Files.TryGetValue(file.Name, out var content) ? content : string.Empty,
        Concat concat => string.Concat(concat.Parts.Select(p => AsString(Evaluate(p)))),
        IntText text => AsLong(Evaluate(text.Value)).ToString(CultureInfo.InvariantCulture),
        Choice choice => Truth(Evaluate(choice.Condition)) ? Evaluate(choice.Then) : Evaluate(choice.Else),
        Equal equal => Same(Evaluate(equal.Left), Evaluate(equal.Right)),
        AllOf all => all.Terms.All(t => Truth(Evaluate(t))),
        AnyOf any => any.Terms.Any(t => Truth(Evaluate(t))),
        Not not => !Truth(Evaluate(not.Term)),
        Present present => Truth(Evaluate(present.Value)),
        HasItems has => Lookup(has.List) is YamlSequence { Count: > 0 },
        Fallback fallback => Evaluate(fallback.Value) is var value && Truth(value) ? value : Evaluate(fallback.Default),
        FirstItemField first => Lookup(first.List) is YamlSequence { Count: > 0 } list && list[0] is YamlMapping item && item[first.Field] is { } field
            ? Scalar(field, first.Type)
            : Empty(first.Type),
        AnyItem any => Lookup(any.List) is YamlSequence list && list.Items.Any(i => WithItem(any.Item, i, () => Truth(Evaluate(any.Condition)))),
        JoinedField joined => string.Join(joined.Separator, ((Lookup(joined.List) as YamlSequence)?.Items ?? [])
            .Select(i => (i as YamlMapping)?[joined.Field] is YamlScalar { IsNull: false } field ? field.Text : string.Empty)),
        HasField has => _items[has.Item] is YamlMapping item && item.ContainsKey(has.Field),
        OneOf oneOf => oneOf.Options.Contains(AsString(Evaluate(oneOf.Value)), StringComparer.Ordinal),
        RegexFind find => Regex.Match(AsString(Evaluate(find.Text)), find.Pattern, RegexOptions.CultureInvariant) is { Success: true } match ? match.Value : string.Empty,
        RegexMatch match => Regex.IsMatch(AsString(Evaluate(match.Text)), match.Pattern, RegexOptions.CultureInvariant),
        RegexReplace replace => Regex.Replace(AsString(Evaluate(replace.Text)), replace.Pattern, replace.Replacement.Replace("$", "$$", StringComparison.Ordinal), RegexOptions.CultureInvariant),
        Lower lower => AsString(Evaluate(lower.Text)).ToLowerInvariant(),
        TrimPrefix trim => AsString(Evaluate(trim.Text)) is var text && text.StartsWith(trim.Prefix, StringComparison.Ordinal) ? text[trim.Prefix.Length..] : text,
        TrimSuffix trim => AsString(Evaluate(trim.Text)) is var text && text.EndsWith(trim.Suffix, StringComparison.Ordinal) ? text[..^trim.Suffix.Length] : text,
        VersionBelow below => VersionOf(AsString(Evaluate(below.Version))).CompareTo(VersionOf(below.Bound)) < 0,
        TextOf text => text.Document.Exact ? YamlWriter.Write(Resolve(text.Document)) : throw new InvalidOperationException($"the text of fragment {text.Document.Name} is hashed or shipped: make it a Fragment.Document"),
        Sha256 hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AsString(Evaluate(hash.Text))))),
        Named named => Evaluate(named.Body),
        _ => throw new InvalidOperationException($"unknown expression {expr.GetType().Name}"),
    };

    /// <summary>A release x.y.z; none (no version could be read, which a check reports) counts as 0.0.0, as in the chart.</summary>
    private static CollectorVersion VersionOf(string text) =>
        text.Length == 0 ? CollectorVersion.Of(0, 0)
        : CollectorVersion.TryParse(text, out var version) ? version
        : throw new InvalidOperationException($"not a release version: \"{text}\"");

    private YamlMapping ResolveMap(Map map)
    {
        var mapping = new YamlMapping();
        foreach (var entry in map.Entries)
        {
            if (entry.When is { } when && !IsTrue(when))
            {
                continue;
            }

            if (entry.Loop is { } loop)
            {
                foreach (var element in (Lookup(loop.List) as YamlSequence)?.Items ?? [])
                {
                    WithItem(loop.Item, element, () =>
                    {
                        AddEntry(mapping, entry);
                        return mapping;
                    });
                }

                continue;
            }

            AddEntry(mapping, entry);
        }

        return mapping;
    }

    /// <summary>Adds an entry (its key and value resolved in the current loop items), unless its Optional value comes out empty.</summary>
    private void AddEntry(YamlMapping mapping, MapEntry entry)
    {
        var value = Resolve(entry.Value);
        if (entry.Value is not Optional || !IsEmpty(value))
        {
            mapping[Text(entry.Key)] = value;
        }
    }

    private YamlSequence ResolveSeq(Seq seq)
    {
        var sequence = new YamlSequence();
        foreach (var item in seq.Items)
        {
            switch (item)
            {
                case One one when one.When is null || IsTrue(one.When):
                    sequence.Add(Resolve(one.Value));
                    break;
                case Each each:
                    foreach (var element in (Lookup(each.List) as YamlSequence)?.Items ?? [])
                    {
                        sequence.Add(WithItem(each.Item, element, () => Resolve(each.Body)));
                    }

                    break;
            }
        }

        return sequence;
    }

    private T WithItem<T>(LoopItem item, YamlNode value, Func<T> body)
    {
        _items[item] = value;
        try
        {
            return body();
        }
        finally
        {
            _items.Remove(item);
        }
    }

    private YamlNode Lookup(ValueRef reference)
    {
        YamlNode current = reference.Item is { } item ? _items[item] : _context.Values;
        foreach (var key in reference.Path.Split('.'))
        {
            current = (current as YamlMapping)?[key]
                ?? throw new InvalidOperationException($"the blueprint reads {reference.Path}, which the values do not have");
        }

        return current;
    }

    private static bool IsEmpty(YamlNode node) => node is YamlMapping { Count: 0 } or YamlSequence { Count: 0 };

    private static object Scalar(YamlNode node, ValueKind type) => (node, type) switch
    {
        (YamlScalar { IsNull: true }, _) => Empty(type),
        (YamlScalar scalar, ValueKind.Int) => scalar.AsInteger() ?? throw new InvalidOperationException($"not an integer: {scalar.Text}"),
        (YamlScalar scalar, ValueKind.Bool) => scalar.AsBoolean() ?? throw new InvalidOperationException($"not a boolean: {scalar.Text}"),
        (YamlScalar scalar, _) => scalar.Text,
        _ => node,
    };

    private static object Empty(ValueKind type) => type switch
    {
        ValueKind.Int => 0L,
        ValueKind.Bool => false,
        _ => string.Empty,
    };

    /// <summary>Go templates' truth: false, 0, "", and empty lists and maps are false.</summary>
    private static bool Truth(object value) => value switch
    {
        bool flag => flag,
        long number => number != 0,
        string text => text.Length > 0,
        YamlMapping mapping => mapping.Count > 0,
        YamlSequence sequence => sequence.Count > 0,
        _ => false,
    };

    private static bool Same(object left, object right) => (left, right) switch
    {
        (string a, string b) => a == b,
        (long a, long b) => a == b,
        (bool a, bool b) => a == b,
        _ => throw new InvalidOperationException($"cannot compare {left.GetType().Name} with {right.GetType().Name}"),
    };

    private static string AsString(object value) => value switch
    {
        string text => text,
        long number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => throw new InvalidOperationException($"not a string: {value.GetType().Name}"),
    };

    private static long AsLong(object value) => value is long number ? number : throw new InvalidOperationException($"not an integer: {value}");

    private static YamlNode ToYaml(object value) => value switch
    {
        string text => text,
        long number => YamlScalar.Integer(number),
        bool flag => YamlScalar.Boolean(flag),
        YamlNode node => node,
        _ => throw new InvalidOperationException($"cannot write {value.GetType().Name}"),
    };
}
