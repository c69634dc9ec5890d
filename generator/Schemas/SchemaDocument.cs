using System.Text.Json;
using Generator.Json;
using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>What kind of text a schema document is.</summary>
internal enum SchemaDocumentFormat
{
    /// <summary>A CustomResourceDefinition (YAML or JSON).</summary>
    Crd,

    /// <summary>A Kubernetes OpenAPI v3 document (components.schemas with x-kubernetes-group-version-kind).</summary>
    OpenApi,

    /// <summary>Our compiled form: one kind, its schema and definitions (see <see cref="CompiledSchemaFile"/>).</summary>
    Compiled,
}

/// <summary>
/// One source document, parsed on first use and then kept: its kinds compile against one shared
/// <see cref="SchemaCompiler"/> (so common types compile once), under a lock (compiling is rare and quick; lookups after
/// that go through the store's per-kind cache without locking).
/// </summary>
internal sealed class SchemaDocument
{
    private readonly Func<byte[]> _read;
    private readonly object _gate = new();
    private JsonDocument? _json;
    private SchemaCompiler? _compiler;
    private Dictionary<(string, string), string>? _openApiIndex;

    public SchemaDocument(string name, SchemaDocumentFormat format, Func<byte[]> read)
    {
        Name = name;
        Format = format;
        _read = read;
    }

    public string Name { get; }

    public SchemaDocumentFormat Format { get; }

    public bool Loaded => _json is not null;

    /// <summary>Compiles the schema of one kind; null when the document does not define it.</summary>
    public (SchemaNode Root, SchemaFlavor Flavor)? Compile(string apiVersion, string kind)
    {
        lock (_gate)
        {
            var root = Load().RootElement;
            return Format switch
            {
                SchemaDocumentFormat.Crd => CompileCrd(root, apiVersion, kind),
                SchemaDocumentFormat.OpenApi => CompileOpenApi(root, apiVersion, kind),
                _ => CompileCompiled(root),
            };
        }
    }

    /// <summary>The <c>source</c> recorded in a compiled file.</summary>
    public string? CompiledSource()
    {
        lock (_gate)
        {
            return Load().RootElement.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String ? source.GetString() : null;
        }
    }

    private JsonDocument Load()
    {
        if (_json is not null)
        {
            return _json;
        }

        byte[] bytes;
        try
        {
            bytes = _read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SchemaLoadException($"{Name}: {ex.Message}", ex);
        }

        try
        {
            if (Format == SchemaDocumentFormat.Crd)
            {
                var stream = YamlReader.Parse(Name, bytes);
                if (stream.Problems.FirstOrDefault(p => p.Kind is YamlProblemKind.Syntax or YamlProblemKind.Limit) is { } problem)
                {
                    throw new SchemaLoadException($"{Name}:{problem.Mark}: {problem.Message}");
                }

                var root = stream.Documents.Select(d => d.Root).OfType<YamlMapping>().FirstOrDefault(m => m.GetString("kind") == "CustomResourceDefinition")
                    ?? throw new SchemaLoadException($"{Name}: no CustomResourceDefinition in the document");
                _json = YamlJson.ToJsonDocument(root);
            }
            else
            {
                _json = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 256 });
            }
        }
        catch (JsonException ex)
        {
            throw new SchemaLoadException($"{Name}: not valid JSON: {ex.Message}", ex);
        }

        _compiler = new SchemaCompiler(_json.RootElement, Format == SchemaDocumentFormat.OpenApi ? SchemaFlavor.Native : FlavorOf(_json.RootElement));
        return _json;
    }

    private static SchemaFlavor FlavorOf(JsonElement root) =>
        root.TryGetProperty("flavor", out var flavor) && flavor.ValueKind == JsonValueKind.String && flavor.GetString() == "openapi"
            ? SchemaFlavor.Native
            : SchemaFlavor.CustomResource;

    private (SchemaNode, SchemaFlavor)? CompileCrd(JsonElement root, string apiVersion, string kind)
    {
        var schema = CrdSchemas.Find(root, apiVersion, kind);
        return schema is null ? null : (Wrap(() => _compiler!.Compile(schema.Value.Schema)), SchemaFlavor.CustomResource);
    }

    private (SchemaNode, SchemaFlavor)? CompileOpenApi(JsonElement root, string apiVersion, string kind)
    {
        _openApiIndex ??= OpenApiIndex.Build(root);
        if (!_openApiIndex.TryGetValue((apiVersion, kind), out var pointer))
        {
            return null;
        }

        return (Wrap(() => _compiler!.CompileReference(pointer)), SchemaFlavor.Native);
    }

    private (SchemaNode, SchemaFlavor)? CompileCompiled(JsonElement root)
    {
        if (!root.TryGetProperty("schema", out var schema) || schema.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaLoadException($"{Name}: not a compiled schema file (no \"schema\" object)");
        }

        return (Wrap(() => _compiler!.Compile(schema)), FlavorOf(root));
    }

    private SchemaNode Wrap(Func<SchemaNode> compile)
    {
        try
        {
            return compile();
        }
        catch (SchemaCompileException ex)
        {
            throw new SchemaLoadException($"{Name}: {ex.Message}", ex);
        }
    }
}

/// <summary>Finding the schema of one version in a CRD (apiextensions v1, or v1beta1's top-level validation).</summary>
internal static class CrdSchemas
{
    public static (JsonElement Schema, string Version)? Find(JsonElement crd, string apiVersion, string kind)
    {
        foreach (var (version, schema) in All(crd, out var group, out var crdKind))
        {
            if (crdKind == kind && Join(group, version) == apiVersion)
            {
                return (schema, version);
            }
        }

        return null;
    }

    public static string Join(string group, string version) => group.Length == 0 ? version : group + "/" + version;

    /// <summary>Every version that has a schema.</summary>
    public static List<(string Version, JsonElement Schema)> All(JsonElement crd, out string group, out string kind)
    {
        group = string.Empty;
        kind = string.Empty;
        var result = new List<(string, JsonElement)>();
        if (crd.ValueKind != JsonValueKind.Object || !crd.TryGetProperty("spec", out var spec) || spec.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        group = Text(spec, "group") ?? string.Empty;
        kind = spec.TryGetProperty("names", out var names) && names.ValueKind == JsonValueKind.Object ? Text(names, "kind") ?? string.Empty : string.Empty;
        JsonElement? shared = spec.TryGetProperty("validation", out var validation) && validation.ValueKind == JsonValueKind.Object
            && validation.TryGetProperty("openAPIV3Schema", out var top) ? top : null;
        if (spec.TryGetProperty("versions", out var versions) && versions.ValueKind == JsonValueKind.Array)
        {
            foreach (var version in versions.EnumerateArray())
            {
                if (Text(version, "name") is not { } name)
                {
                    continue;
                }

                if (version.TryGetProperty("schema", out var schema) && schema.ValueKind == JsonValueKind.Object
                    && schema.TryGetProperty("openAPIV3Schema", out var openApi) && openApi.ValueKind == JsonValueKind.Object)
                {
                    result.Add((name, openApi));
                }
                else if (shared is { ValueKind: JsonValueKind.Object } s)
                {
                    result.Add((name, s));
                }
            }
        }
        else if (Text(spec, "version") is { } single && shared is { ValueKind: JsonValueKind.Object } s)
        {
            result.Add((single, s));
        }

        return result;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>apiVersion/kind → JSON pointer of the component that defines it, from <c>x-kubernetes-group-version-kind</c>.</summary>
internal static class OpenApiIndex
{
    public static Dictionary<(string, string), string> Build(JsonElement root)
    {
        var index = new Dictionary<(string, string), string>();
        foreach (var (pointer, name, schema) in Components(root))
        {
            if (!schema.TryGetProperty("x-kubernetes-group-version-kind", out var gvks) || gvks.ValueKind != JsonValueKind.Array
                || gvks.GetArrayLength() != 1)
            {
                // Types listed under many groups (DeleteOptions, WatchEvent, Status) are not objects one writes in a manifest.
                continue;
            }

            var gvk = gvks[0];
            var group = gvk.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString()! : string.Empty;
            if (gvk.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String && gvk.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String)
            {
                index.TryAdd((CrdSchemas.Join(group, v.GetString()!), k.GetString()!), pointer);
            }
        }

        return index;
    }

    /// <summary>The schema components: OpenAPI v3 <c>components.schemas</c> or Swagger 2 <c>definitions</c>.</summary>
    public static IEnumerable<(string Pointer, string Name, JsonElement Schema)> Components(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (root.TryGetProperty("components", out var components) && components.ValueKind == JsonValueKind.Object
            && components.TryGetProperty("schemas", out var schemas) && schemas.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in schemas.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    yield return ("#/components/schemas/" + Escape(property.Name), property.Name, property.Value);
                }
            }
        }
        else if (root.TryGetProperty("definitions", out var definitions) && definitions.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in definitions.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    yield return ("#/definitions/" + Escape(property.Name), property.Name, property.Value);
                }
            }
        }
    }

    public static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
