using System.Text.Json;

namespace Generator.Schemas;

/// <summary>A schema document that cannot be compiled (an unresolvable <c>$ref</c>, a schema that is not an object).</summary>
public sealed class SchemaCompileException(string message) : Exception(message);

/// <summary>
/// Turns JSON schema text (a CRD's <c>openAPIV3Schema</c>, a component of a Kubernetes OpenAPI v3 document, our compiled
/// form or a draft-07 options schema) into <see cref="SchemaNode"/> trees. <c>$ref</c>s are JSON pointers into the same
/// document and compile once per document, so two kinds of one document share their common types. Keywords whose value is
/// null or of the wrong JSON type are ignored, as the API server's decoder ignores them (e.g. the Route CRD's
/// <c>anyOf: null</c>). Not thread-safe: the owner compiles under a lock.
/// </summary>
internal sealed class SchemaCompiler
{
    private readonly JsonElement _document;
    private readonly SchemaFlavor _flavor;
    private readonly Dictionary<string, SchemaNode> _byPointer = new(StringComparer.Ordinal);
    private readonly HashSet<SchemaNode> _building = [];
    private readonly List<(SchemaNode Node, SchemaNode Base, JsonElement Own)> _deferred = [];

    public SchemaCompiler(JsonElement document, SchemaFlavor flavor)
    {
        _document = document;
        _flavor = flavor;
    }

    public SchemaNode Compile(JsonElement schema) => TopLevel(() => CompileInner(schema));

    public SchemaNode CompileReference(string reference) => TopLevel(() => Resolve(reference));

    /// <summary>A top-level compile (the entry points never nest): wrappers deferred while their base was still being built are finished at its end.</summary>
    private SchemaNode TopLevel(Func<SchemaNode> compile)
    {
        try
        {
            return compile();
        }
        finally
        {
            FinishDeferred();
        }
    }

    private SchemaNode CompileInner(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            // `true`, `{}`-like booleans and anything else that is not a schema object accept every value.
            return SchemaNode.Any;
        }

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
        {
            return Resolve(reference.GetString()!);
        }

        if (_flavor == SchemaFlavor.Native && WrappedReferences(schema) is { Count: > 0 } targets)
        {
            return CompileWrapper(schema, targets, new SchemaNode());
        }

        var node = new SchemaNode();
        _building.Add(node);
        Fill(node, schema);
        _building.Remove(node);
        return node;
    }


    private SchemaNode Resolve(string reference)
    {
        if (_byPointer.TryGetValue(reference, out var known))
        {
            return known;
        }

        var target = Pointer(reference)
            ?? throw new SchemaCompileException($"$ref \"{reference}\" does not resolve inside the document");
        var node = new SchemaNode();
        _byPointer[reference] = node;
        if (target.ValueKind == JsonValueKind.Object && target.TryGetProperty("$ref", out var chained) && chained.ValueKind == JsonValueKind.String)
        {
            node.CopyFrom(Resolve(chained.GetString()!));
            return node;
        }

        _building.Add(node);
        if (_flavor == SchemaFlavor.Native && target.ValueKind == JsonValueKind.Object && WrappedReferences(target) is { Count: > 0 } targets)
        {
            CompileWrapper(target, targets, node);
        }
        else if (target.ValueKind == JsonValueKind.Object)
        {
            Fill(node, target);
        }
        else
        {
            node.CopyFrom(SchemaNode.Any);
        }

        _building.Remove(node);
        return node;
    }

    private JsonElement? Pointer(string reference)
    {
        if (!reference.StartsWith('#'))
        {
            return null;
        }

        var current = _document;
        foreach (var raw in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The <c>$ref</c>s of an <c>allOf</c> made only of references: Kubernetes' way to add a default or description to a type.</summary>
    private static List<string>? WrappedReferences(JsonElement schema)
    {
        if (!schema.TryGetProperty("allOf", out var allOf) || allOf.ValueKind != JsonValueKind.Array || allOf.GetArrayLength() == 0)
        {
            return null;
        }

        var references = new List<string>();
        foreach (var item in allOf.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            references.Add(reference.GetString()!);
        }

        return references;
    }

    /// <summary>A node that is its referenced type plus its own keywords (default, nullable, ...): the structural form of the wrapper.</summary>
    private SchemaNode CompileWrapper(JsonElement schema, List<string> references, SchemaNode node)
    {
        var baseNode = Resolve(references[0]);
        if (_building.Contains(baseNode))
        {
            _deferred.Add((node, baseNode, schema));
        }
        else
        {
            node.CopyFrom(baseNode);
        }

        ApplyOwn(node, schema);
        return node;
    }

    private void FinishDeferred()
    {
        while (_deferred.Count > 0)
        {
            var batch = _deferred.ToList();
            _deferred.Clear();
            foreach (var (node, baseNode, own) in batch)
            {
                node.CopyFrom(baseNode);
                ApplyOwn(node, own);
            }
        }
    }

    private static void ApplyOwn(SchemaNode node, JsonElement schema)
    {
        if (schema.TryGetProperty("default", out var value) && value.ValueKind != JsonValueKind.Undefined)
        {
            node.Default = value.Clone();
        }

        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            node.Nullable = nullable.GetBoolean();
        }
    }

    private void Fill(SchemaNode node, JsonElement schema)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            {
                continue;
            }

            switch (keyword.Name)
            {
                case "type":
                    node.Types = ReadTypes(value);
                    break;
                case "format" when value.ValueKind == JsonValueKind.String:
                    node.Format = value.GetString();
                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    var properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                    var names = new List<string>();
                    foreach (var property in value.EnumerateObject())
                    {
                        properties[property.Name] = CompileInner(property.Value);
                        names.Add(property.Name);
                    }

                    node.Properties = properties;
                    node.PropertyNames = names;
                    break;
                case "required" when value.ValueKind == JsonValueKind.Array:
                    node.Required = [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
                    break;
                case "additionalProperties":
                    if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        node.AdditionalPropertiesAllowed = value.GetBoolean();
                    }
                    else if (value.ValueKind == JsonValueKind.Object)
                    {
                        node.AdditionalProperties = CompileInner(value);
                    }

                    break;
                case "items":
                    node.Items = value.ValueKind == JsonValueKind.Object ? CompileInner(value) : SchemaNode.Any;
                    break;
                case "enum" when value.ValueKind == JsonValueKind.Array:
                    node.Enum = [.. value.EnumerateArray().Select(v => v.Clone())];
                    break;
                case "pattern" when value.ValueKind == JsonValueKind.String:
                    node.Pattern = value.GetString();
                    break;
                case "minLength":
                    node.MinLength = ReadLong(value);
                    break;
                case "maxLength":
                    node.MaxLength = ReadLong(value);
                    break;
                case "minItems":
                    node.MinItems = ReadLong(value);
                    break;
                case "maxItems":
                    node.MaxItems = ReadLong(value);
                    break;
                case "minProperties":
                    node.MinProperties = ReadLong(value);
                    break;
                case "maxProperties":
                    node.MaxProperties = ReadLong(value);
                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number:
                    node.Minimum = value.GetDouble();
                    break;
                case "maximum" when value.ValueKind == JsonValueKind.Number:
                    node.Maximum = value.GetDouble();
                    break;
                case "exclusiveMinimum":
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        // draft-07: a number that is itself the exclusive bound
                        node.Minimum = value.GetDouble();
                        node.ExclusiveMinimum = true;
                    }
                    else if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        node.ExclusiveMinimum = value.GetBoolean();
                    }

                    break;
                case "exclusiveMaximum":
                    if (value.ValueKind == JsonValueKind.Number)
                    {
                        node.Maximum = value.GetDouble();
                        node.ExclusiveMaximum = true;
                    }
                    else if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        node.ExclusiveMaximum = value.GetBoolean();
                    }

                    break;
                case "multipleOf" when value.ValueKind == JsonValueKind.Number:
                    node.MultipleOf = value.GetDouble();
                    break;
                case "uniqueItems" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    node.UniqueItems = value.GetBoolean();
                    break;
                case "nullable" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    node.Nullable = value.GetBoolean();
                    break;
                case "x-kubernetes-preserve-unknown-fields" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    node.PreserveUnknownFields = value.GetBoolean();
                    break;
                case "x-kubernetes-int-or-string" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    node.IntOrString = value.GetBoolean();
                    break;
                case "x-kubernetes-embedded-resource" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    node.EmbeddedResource = value.GetBoolean();
                    break;
                case "default":
                    node.Default = value.Clone();
                    break;
                case "x-kubernetes-list-type" when value.ValueKind == JsonValueKind.String:
                    node.ListType = value.GetString();
                    break;
                case "x-kubernetes-list-map-keys" when value.ValueKind == JsonValueKind.Array:
                    node.ListMapKeys = [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)];
                    break;
                case "x-kubernetes-validations" when value.ValueKind == JsonValueKind.Array:
                    node.Validations = ReadValidations(value);
                    break;
                case "allOf" when value.ValueKind == JsonValueKind.Array:
                    node.AllOf = CompileList(value);
                    break;
                case "anyOf" when value.ValueKind == JsonValueKind.Array:
                    node.AnyOf = CompileList(value);
                    break;
                case "oneOf" when value.ValueKind == JsonValueKind.Array:
                    node.OneOf = CompileList(value);
                    break;
                case "not" when value.ValueKind == JsonValueKind.Object:
                    node.Not = CompileInner(value);
                    break;
            }
        }

        if (node.Format == "int-or-string")
        {
            node.IntOrString = true;
        }

        if (node.IntOrString)
        {
            // The structural form spells int-or-string as `anyOf: [{type: integer}, {type: string}]`; OpenAPI as a oneOf.
            node.AnyOf = [.. node.AnyOf.Where(b => !IsTypeOnly(b))];
            node.OneOf = [.. node.OneOf.Where(b => !IsTypeOnly(b))];
        }
        else if (_flavor == SchemaFlavor.Native && node.Types is null && node.OneOf.Count > 0 && node.OneOf.All(IsTypeOnly))
        {
            // resource.Quantity: `oneOf: [{type: string}, {type: number}]` is a type union, not a value validation.
            node.Types = [.. node.OneOf.SelectMany(b => b.Types!).Distinct(StringComparer.Ordinal)];
            node.OneOf = [];
        }

        if (_flavor == SchemaFlavor.Native && node.Types is ["object"] && node.Properties is null && node.AdditionalProperties is null
            && node.AdditionalPropertiesAllowed is null)
        {
            // An opaque Go type (RawExtension, FieldsV1): the API server stores whatever JSON it is given.
            node.PreserveUnknownFields = true;
        }
    }

    private static bool IsTypeOnly(SchemaNode branch) =>
        branch.Types is { Count: > 0 } && branch.Properties is null && branch.Items is null && branch.Enum is null && branch.Pattern is null
        && branch.Format is null && !branch.HasValueValidations && branch.Minimum is null && branch.Maximum is null
        && branch.MinLength is null && branch.MaxLength is null;

    private List<SchemaNode> CompileList(JsonElement array) =>
        [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(CompileInner)];

    private static List<string>? ReadTypes(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() is { Length: > 0 } type => [type],
        JsonValueKind.Array => [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)],
        _ => null,
    };

    private static long? ReadLong(JsonElement value) =>
        value.ValueKind != JsonValueKind.Number ? null : value.TryGetInt64(out var n) ? n : (long)Math.Floor(value.GetDouble());

    private static List<CelRule> ReadValidations(JsonElement array)
    {
        var rules = new List<CelRule>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("rule", out var rule) || rule.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            rules.Add(new CelRule(rule.GetString()!, Text(item, "message"), Text(item, "messageExpression"), Text(item, "fieldPath"), Text(item, "reason")));
        }

        return rules;
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
