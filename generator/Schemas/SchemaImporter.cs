using System.Text.Json;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>Input that <see cref="SchemaImporter"/> cannot turn into schemas; the message says what and where.</summary>
public sealed class SchemaImportException(string message) : Exception(message);

/// <summary>
/// Converts schemas users bring (their operator's CRDs, e.g. <c>kubectl get crd X -o yaml</c> as one CRD, a multi-document
/// stream or a <c>List</c>; or a Kubernetes OpenAPI v3 JSON document) into the compiled form (<see cref="CompiledSchemaFile"/>),
/// one file per apiVersion/kind, so that <see cref="SchemaStore.WithDirectories"/> can use them. Every schema is compiled
/// before anything is written: bad input writes nothing.
/// </summary>
public static class SchemaImporter
{
    public static IReadOnlyList<string> Import(string displayName, string text, string intoDir) => Import([(displayName, text)], intoDir);

    /// <summary>Converts every input first and writes only when all convert: one bad document among several writes nothing.</summary>
    public static IReadOnlyList<string> Import(IReadOnlyList<(string DisplayName, string Text)> inputs, string intoDir)
    {
        ArgumentException.ThrowIfNullOrEmpty(intoDir);
        var outputs = inputs.SelectMany(input => Convert(input.DisplayName, input.Text)).ToList();
        var written = new List<string>();
        try
        {
            Directory.CreateDirectory(intoDir);
            foreach (var output in outputs)
            {
                var path = Path.Combine(intoDir, output.FileName);
                File.WriteAllBytes(path, output.Content);
                written.Add(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SchemaImportException($"cannot write the compiled schemas into {intoDir}: {ex.Message}");
        }

        return written;
    }

    /// <summary>The compiled files of every kind the text defines, each verified to compile; <paramref name="displayName"/> goes into their <c>source</c>.</summary>
    public static IReadOnlyList<CompiledSchema> Convert(string displayName, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var outputs = TryOpenApi(displayName, text) ?? FromCrds(displayName, text);
        if (outputs.Count == 0)
        {
            throw new SchemaImportException($"{displayName}: no schemas found");
        }

        foreach (var output in outputs)
        {
            Verify(displayName, output);
        }

        return outputs;
    }

    private static List<CompiledSchema>? TryOpenApi(string displayName, string text)
    {
        var trimmed = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (trimmed.IsEmpty || trimmed[0] != '{')
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text.TrimStart('\uFEFF'), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return null; // perhaps YAML flow style; the YAML path reports the problem with a position
        }

        var root = document.RootElement;
        if (!root.TryGetProperty("openapi", out _) && !root.TryGetProperty("swagger", out _) && !root.TryGetProperty("components", out _))
        {
            return null;
        }

        var components = OpenApiIndex.Components(root).ToDictionary(c => c.Pointer, c => (c.Name, c.Schema), StringComparer.Ordinal);
        var outputs = new List<CompiledSchema>();
        foreach (var ((apiVersion, kind), pointer) in OpenApiIndex.Build(root).OrderBy(e => e.Value, StringComparer.Ordinal))
        {
            if (!IsCreatableObject(components[pointer].Schema))
            {
                continue; // lists, Status, discovery types: what the API server returns, not objects one writes in a manifest
            }

            var closure = Closure(pointer, components);
            var typeName = components[pointer].Name;
            var content = CompiledSchemaFile.Write(
                apiVersion,
                kind,
                "openapi",
                $"OpenAPI component {typeName} from {displayName}",
                json =>
                {
                    json.WriteStartObject();
                    json.WriteString("$ref", "#/definitions/" + OpenApiIndex.Escape(typeName));
                    json.WriteEndObject();
                },
                json =>
                {
                    json.WriteStartObject();
                    foreach (var member in closure)
                    {
                        var (name, schema) = components[member];
                        json.WritePropertyName(name);
                        SchemaFacts.Write(json, schema, reference => Rewrite(reference, components));
                    }

                    json.WriteEndObject();
                });
            outputs.Add(new CompiledSchema(apiVersion, kind, content));
        }

        if (outputs.Count == 0)
        {
            throw new SchemaImportException($"{displayName}: an OpenAPI document, but no component has an x-kubernetes-group-version-kind");
        }

        return outputs;
    }

    /// <summary>Whether the type has object metadata (not none, not a list's ListMeta), as every object one can create has.</summary>
    private static bool IsCreatableObject(JsonElement schema)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object
            || !properties.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var references = metadata.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array ? allOf.EnumerateArray().ToList() : [metadata];
        return !references.Any(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("$ref", out var target)
            && target.ValueKind == JsonValueKind.String && target.GetString()!.EndsWith(".ListMeta", StringComparison.Ordinal));
    }

    private static string Rewrite(string reference, Dictionary<string, (string Name, JsonElement Schema)> components) =>
        components.TryGetValue(reference, out var target) ? "#/definitions/" + OpenApiIndex.Escape(target.Name) : reference;

    /// <summary>The component and every component it references, transitively, in a stable order.</summary>
    private static List<string> Closure(string start, Dictionary<string, (string Name, JsonElement Schema)> components)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            foreach (var reference in References(components[queue.Dequeue()].Schema))
            {
                if (components.ContainsKey(reference) && seen.Add(reference))
                {
                    queue.Enqueue(reference);
                }
            }
        }

        return [.. seen.Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> References(JsonElement element)
    {
        var stack = new Stack<JsonElement>([element]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in current.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else
                    {
                        stack.Push(property.Value);
                    }
                }
            }
            else if (current.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in current.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
        }
    }

    private static List<CompiledSchema> FromCrds(string displayName, string text)
    {
        var stream = YamlReader.Parse(displayName, text);
        if (stream.Problems.FirstOrDefault(p => p.Kind is YamlProblemKind.Syntax or YamlProblemKind.Limit or YamlProblemKind.Unsupported) is { } problem)
        {
            throw new SchemaImportException($"{displayName}:{problem.Mark}: {problem.Message}");
        }

        var crds = new List<YamlMapping>();
        foreach (var document in stream.Documents)
        {
            switch (document.Root)
            {
                case null or YamlScalar { IsNull: true }:
                    continue;
                case YamlMapping mapping:
                    Collect(displayName, mapping, crds);
                    break;
                default:
                    throw new SchemaImportException($"{displayName}:{document.Start}: expected a CustomResourceDefinition, found {document.Root.TypeName}");
            }
        }

        if (crds.Count == 0)
        {
            throw new SchemaImportException($"{displayName}: no CustomResourceDefinition found (the input is empty)");
        }

        var outputs = new List<CompiledSchema>();
        foreach (var crd in crds)
        {
            outputs.AddRange(FromCrd(displayName, crd));
        }

        return outputs;
    }

    private static void Collect(string displayName, YamlMapping mapping, List<YamlMapping> crds)
    {
        var kind = mapping.GetString("kind");
        if (kind == "CustomResourceDefinition")
        {
            crds.Add(mapping);
            return;
        }

        if (kind is not null && kind.EndsWith("List", StringComparison.Ordinal) && mapping.GetSequence("items") is { } items)
        {
            foreach (var item in items)
            {
                if (item is YamlMapping child)
                {
                    Collect(displayName, child, crds);
                }
                else
                {
                    throw new SchemaImportException($"{displayName}:{item.Start}: a List item must be a CustomResourceDefinition, found {item.TypeName}");
                }
            }

            return;
        }

        var what = kind is null ? "a mapping without a kind" : $"{mapping.GetString("apiVersion") ?? "?"} {kind}";
        throw new SchemaImportException($"{displayName}:{mapping.Start}: expected a CustomResourceDefinition (or a List of them), found {what}");
    }

    private static IEnumerable<CompiledSchema> FromCrd(string displayName, YamlMapping crd)
    {
        var name = crd.GetMapping("metadata")?.GetString("name") ?? "(unnamed)";
        using var json = YamlJson.ToJsonDocument(crd);
        var versions = CrdSchemas.All(json.RootElement, out var group, out var kind);
        if (group.Length == 0 || kind.Length == 0)
        {
            throw new SchemaImportException($"{displayName}:{crd.Start}: CustomResourceDefinition {name} has no spec.group or spec.names.kind");
        }

        if (versions.Count == 0)
        {
            throw new SchemaImportException($"{displayName}:{crd.Start}: CustomResourceDefinition {name} has no version with a schema (spec.versions[].schema.openAPIV3Schema)");
        }

        var outputs = new List<CompiledSchema>();
        foreach (var (version, schema) in versions)
        {
            var apiVersion = CrdSchemas.Join(group, version);
            var content = CompiledSchemaFile.Write(
                apiVersion,
                kind,
                "crd",
                $"CRD {name} (version {version}) from {displayName}",
                writer => SchemaFacts.Write(writer, schema),
                null);
            outputs.Add(new CompiledSchema(apiVersion, kind, content));
        }

        return outputs;
    }

    /// <summary>Compiles what is about to be written, so a schema the validator could not use is refused now.</summary>
    private static void Verify(string displayName, CompiledSchema output)
    {
        try
        {
            var document = new SchemaDocument(displayName, SchemaDocumentFormat.Compiled, () => output.Content);
            _ = document.Compile(output.ApiVersion, output.Kind);
        }
        catch (SchemaLoadException ex)
        {
            throw new SchemaImportException($"{displayName}: the schema of {output.ApiVersion} {output.Kind} cannot be used: {ex.InnerException?.Message ?? ex.Message}");
        }
    }
}
