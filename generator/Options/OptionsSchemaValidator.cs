using System.Globalization;
using Generator.Json;
using Generator.Resources;
using Generator.Spelling;
using Generator.Yaml;
using Json.Schema;

namespace Generator.Options;

/// <summary>What the options schema rejected: wrong values (types, enums, patterns, bounds, keys) and broken rules.</summary>
public sealed record SchemaVerdict(IReadOnlyList<OptionsError> ValueErrors, IReadOnlyList<OptionsError> RuleErrors);

/// <summary>
/// Evaluates the merged options tree against the options schema (schemas/options.schema.json, draft-07) with
/// JsonSchema.Net and turns each failure into an <see cref="OptionsError"/>: located at the node's line and column in the
/// options file, or at the <c>--set</c> argument that set it; the message names what the option expects, from its
/// attributes, or for a cross-option rule (found by the schema location that failed) the rule's own message.
/// </summary>
public static class OptionsSchemaValidator
{
    /// <summary>schemas/options.schema.json as committed (a test keeps it equal to what the option types generate).</summary>
    public const string Resource = "schemas/options.schema.json";

    private static readonly Lazy<JsonSchema> Schema = new(() => Build(EmbeddedFiles.ReadText(Resource)));

    private static readonly IReadOnlyDictionary<string, OptionRule> Rules = OptionsSchemaGenerator.RulesOf(forValues: false);

    /// <summary>
    /// Builds a schema in a registry of its own: JsonSchema.Net's global one refuses a second schema with the same
    /// <c>$id</c>, and the options schema may be built more than once in a process (the tests build it too).
    /// </summary>
    public static JsonSchema Build(string schemaText) => JsonSchema.FromText(schemaText, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Starts building the schema on another thread (a render has other work to do first).</summary>
    public static void Prepare() => _ = Task.Run(() => Schema.Value);

    public static SchemaVerdict Validate(OptionsTree tree, OptionsSources sources)
    {
        using var document = YamlJson.ToJsonDocument(tree.Root);

        // Most options are valid: the flag answer is the cheap one, and only a failure needs the details.
        if (Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid
            && !FloatsJsonCannotTell(tree, tree.Root, typeof(GeneratorOptions), []).Any())
        {
            return new SchemaVerdict([], []);
        }

        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var failures = new Dictionary<string, string>(StringComparer.Ordinal);
        var broken = new List<(OptionRule Rule, EvaluationResults Result)>();
        Collect(results, failures, (rule, result) => broken.Add((rule, result)));
        var ruleErrors = broken.OrderBy(b => OptionRules.All.ToList().IndexOf(b.Rule)).SelectMany(b => RuleErrors(b.Rule, b.Result, tree, sources));

        var floats = FloatsJsonCannotTell(tree, tree.Root, typeof(GeneratorOptions), []).ToList();
        var valueErrors = failures.Where(f => !floats.Any(e => e.Pointer == f.Key))
            .SelectMany(f => ValueErrors(tree, Keys(f.Key), f.Value))
            .Concat(floats.Select(f => f.Error))
            .ToList();
        return new SchemaVerdict(InInputOrder(valueErrors, sources), InInputOrder(ruleErrors, sources));
    }

    /// <summary>
    /// Walks the failing nodes (a passing node's failing subschemas are no error): a rule's node reports the rule; any
    /// other node with errors reports them at its instance location (one per location, type before the others).
    /// </summary>
    private static void Collect(EvaluationResults result, Dictionary<string, string> failures, Action<OptionRule, EvaluationResults> ruleFailed)
    {
        if (result.IsValid)
        {
            return;
        }

        var evaluationPath = result.EvaluationPath.ToString();
        if (Rules.TryGetValue(evaluationPath, out var rule))
        {
            ruleFailed(rule, result);
            return;
        }

        var instance = result.InstanceLocation.ToString();
        if (evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal))
        {
            failures.TryAdd(instance, "additionalProperties");
        }
        else if (result.Errors is { Count: > 0 } errors)
        {
            failures.TryAdd(instance, errors.ContainsKey("type") ? "type" : errors.Keys.First());
        }

        foreach (var detail in result.Details ?? [])
        {
            Collect(detail, failures, ruleFailed);
        }
    }

    private static IEnumerable<OptionsError> RuleErrors(OptionRule rule, EvaluationResults result, OptionsTree tree, OptionsSources sources)
    {
        var item = rule.Path.IndexOf(OptionPath.AnyItem, StringComparison.Ordinal);
        if (item < 0)
        {
            yield return sources.ErrorAt(rule.Path, rule.MessageWith(path => ValueText(tree, path)), [.. rule.Causes]);
            yield break;
        }

        // A rule on list items names the items it failed for, read from where inside the list evaluation failed.
        var list = "/" + rule.Path[..item].Replace('.', '/') + "/";
        var indexes = FailedInstances(result)
            .Where(i => i.StartsWith(list, StringComparison.Ordinal))
            .Select(i => int.Parse(i[list.Length..].Split('/')[0], CultureInfo.InvariantCulture))
            .Distinct()
            .Order()
            .ToList();
        if (indexes.Count == 0)
        {
            // Failed on the list as a whole: still an error, named by the list.
            yield return sources.ErrorAt(rule.Path[..item], rule.MessageWith(path => ValueText(tree, path)), [.. rule.Causes]);
        }

        foreach (var index in indexes)
        {
            string At(string path) => path.Replace(OptionPath.AnyItem, $"[{index}]", StringComparison.Ordinal);
            yield return sources.ErrorAt(At(rule.Path), rule.MessageWith(path => ValueText(tree, At(path))), [.. rule.Causes.Select(At)]);
        }
    }

    /// <summary>The instance locations of a failing node and its failing subschemas, less <c>if</c> and <c>not</c> (whose failure is no error).</summary>
    private static IEnumerable<string> FailedInstances(EvaluationResults result)
    {
        if (result.IsValid)
        {
            yield break;
        }

        yield return result.InstanceLocation.ToString();
        foreach (var detail in result.Details ?? [])
        {
            var path = detail.EvaluationPath.ToString();
            if (path.EndsWith("/if", StringComparison.Ordinal) || path.EndsWith("/not", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var instance in FailedInstances(detail))
            {
                yield return instance;
            }
        }
    }

    /// <summary>The message for a value the schema rejected, from what the option is and what was given.</summary>
    private static IEnumerable<OptionsError> ValueErrors(OptionsTree tree, IReadOnlyList<string> keys, string keyword)
    {
        var path = DottedPath(tree, keys);
        var node = tree.Find(keys)!;
        if (keyword == "additionalProperties")
        {
            var (keySource, keyMark) = tree.Locate(keys, atKey: true);
            var parent = Expected(tree, keys.Take(keys.Count - 1).ToList());
            var parentPath = DottedPath(tree, [.. keys.Take(keys.Count - 1)]);
            yield return Error(keySource, keyMark, path, UnknownKeyMessage(keys[^1], parentPath, OptionProperty.Of(parent.Type!)));
            yield break;
        }

        var (source, mark) = tree.Locate(keys);
        var expected = Expected(tree, keys);
        if (keyword == "required")
        {
            foreach (var missing in OptionProperty.Of(expected.Type!).Where(p => p.Required && !((YamlMapping)node).ContainsKey(p.WireName)))
            {
                yield return Error(source, mark, path, $"\"{missing.WireName}\" is required");
            }

            yield break;
        }

        yield return Error(source, mark, path, keyword switch
        {
            "pattern" => $"invalid value \"{Text(node)}\": must be {expected.Property!.Pattern!.Meaning}",
            "minimum" or "maximum" => $"invalid value {(node as YamlScalar)?.AsInteger()}: must be between {expected.Property!.Bounds!.Minimum} and {expected.Property.Bounds.Maximum}",
            "enum" when node is YamlScalar scalar => Unsupported(expected.Type!, scalar),
            _ => WrongType(expected.Type!, node),
        });
    }

    /// <summary>What the option expects when the value is of the wrong kind (the binder's wording of old, kept).</summary>
    private static string WrongType(Type type, YamlNode node)
    {
        if (node is YamlScalar { IsNull: true })
        {
            return $"must not be null; expected {Describe(type)}";
        }

        if (OptionProperty.IsRecordType(type))
        {
            return $"expected an object with keys {string.Join(", ", OptionProperty.Of(type).Select(p => p.WireName))}, got {node.TypeName}";
        }

        if (OptionProperty.ListItemType(type) is not null)
        {
            return $"expected a list, got {node.TypeName}";
        }

        if (node is not YamlScalar scalar)
        {
            return $"expected {Describe(type)}, got {node.TypeName}";
        }

        return type == typeof(string) ? $"expected a string, got {scalar.TypeName} {scalar.Text} (quote it: \"{scalar.Text}\")"
            : type == typeof(long) ? $"expected an integer, got {scalar.TypeName} \"{scalar.Text}\""
            : type == typeof(bool) ? $"expected a boolean (true or false), got {scalar.TypeName} \"{scalar.Text}\""
            : Unsupported(type, scalar);
    }

    private static string Unsupported(Type type, YamlScalar scalar) =>
        $"unsupported value \"{scalar.Text}\": allowed values are {string.Join(", ", EnumNames.Of(type).Select(n => n.Wire))}";

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

    /// <summary>
    /// YAML floats, which no option takes but JSON cannot always tell from what an option takes: <c>1.0</c> is the
    /// integer 1 in JSON, and <c>.inf</c> or <c>.nan</c> have no JSON number (they are written as strings). Each is
    /// reported here as the wrong type, in place of whatever the schema said of it.
    /// </summary>
    private static IEnumerable<(string Pointer, OptionsError Error)> FloatsJsonCannotTell(OptionsTree tree, YamlNode node, Type? type, List<string> keys)
    {
        switch (node)
        {
            case YamlScalar { Kind: ScalarKind.Float } scalar when type is not null:
                var (source, mark) = tree.Locate(keys);
                yield return (Pointer(keys), Error(source, mark, DottedPath(tree, keys), WrongType(type, scalar)));
                break;
            case YamlMapping mapping when type is not null && OptionProperty.IsRecordType(type):
                foreach (var entry in mapping.Entries)
                {
                    var property = OptionProperty.Find(type, entry.Key.Text);
                    foreach (var error in FloatsJsonCannotTell(tree, entry.Value, property?.ValueType, [.. keys, entry.Key.Text]))
                    {
                        yield return error;
                    }
                }

                break;
            case YamlSequence sequence when type is not null && OptionProperty.ListItemType(type) is { } itemType:
                for (var i = 0; i < sequence.Count; i++)
                {
                    foreach (var error in FloatsJsonCannotTell(tree, sequence[i], itemType, [.. keys, i.ToString(CultureInfo.InvariantCulture)]))
                    {
                        yield return error;
                    }
                }

                break;
        }
    }

    /// <summary>The option type at a location: the property (null for list items) and its value type.</summary>
    /// <summary>Why a key is not an option, with the closest option's name when it looks like a typo.</summary>
    private static string UnknownKeyMessage(string key, string parentPath, IReadOnlyList<OptionProperty> properties)
    {
        var names = properties.Select(p => p.WireName).ToList();
        var hint = Suggestions.Closest(key, names) is { } closest ? $"; did you mean \"{closest}\"?" : string.Empty;
        var owner = parentPath.Length == 0 ? "the top level" : parentPath;
        return $"unknown option \"{key}\"{hint} ({owner} accepts {string.Join(", ", names)})";
    }

    private static (OptionProperty? Property, Type? Type) Expected(OptionsTree tree, IReadOnlyList<string> keys)
    {
        OptionProperty? property = null;
        Type? type = typeof(GeneratorOptions);
        for (var i = 0; i < keys.Count; i++)
        {
            if (type is not null && OptionProperty.ListItemType(type) is { } itemType && tree.Find(keys.Take(i).ToList()) is YamlSequence)
            {
                (property, type) = (null, itemType);
                continue;
            }

            property = OptionProperty.Find(type, keys[i]);
            type = property?.ValueType;
        }

        return (property, type);
    }

    private static string DottedPath(OptionsTree tree, IReadOnlyList<string> keys)
    {
        var path = new System.Text.StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            var inList = tree.Find(keys.Take(i).ToList()) is YamlSequence;
            path.Append(inList ? $"[{keys[i]}]" : (i == 0 ? keys[i] : "." + keys[i]));
        }

        return path.ToString();
    }

    private static string ValueText(OptionsTree tree, string path) =>
        PathSegment.Parse(path) is { } segments && tree.Find([.. segments.Select(s => s.Name ?? s.Index!.Value.ToString(CultureInfo.InvariantCulture))]) is YamlScalar scalar
            ? scalar.Text
            : string.Empty;

    private static string Text(YamlNode node) => node is YamlScalar scalar ? scalar.Text : node.TypeName;

    /// <summary>The keys of a JSON pointer (RFC 6901: <c>~1</c> is '/', <c>~0</c> is '~').</summary>
    private static List<string> Keys(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(k => k.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static string Pointer(IEnumerable<string> keys) =>
        string.Concat(keys.Select(k => "/" + k.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));

    private static OptionsError Error(string? source, Mark mark, string path, string message) => new(source ?? "options", mark, path, message);

    /// <summary>Errors in the order the inputs were given (the file's by position, then each --set's, then the defaults').</summary>
    private static OptionsError[] InInputOrder(IEnumerable<OptionsError> errors, OptionsSources sources)
    {
        var sets = sources.Sets.Select(s => s.Source).ToList();
        int Rank(OptionsError error) => error.Source == sources.File ? 0 : sets.IndexOf(error.Source) is >= 0 and var index ? 1 + index : int.MaxValue;
        return [.. errors.OrderBy(Rank).ThenBy(e => e.Mark.Line).ThenBy(e => e.Mark.Column)];
    }
}
