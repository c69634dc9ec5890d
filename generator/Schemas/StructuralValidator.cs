using System.Collections.Concurrent;
using Generator.Model;
using Generator.Output;
using Generator.Schemas.Checks;
using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>
/// Validates objects the way the API server would on create, offline: structural-schema semantics (unknown fields pruned
/// unless x-kubernetes-preserve-unknown-fields, nulls dropped, defaults applied, int-or-string, embedded resources, value
/// validations, the CEL rules we can evaluate) plus ObjectMeta's name/label/annotation rules, with every finding at a line
/// and column of the user's file. A generic JSON Schema library (NJsonSchema) knows none of these semantics and no source
/// positions, so the walk is ours (<see cref="SchemaWalker"/>, one check per file under <c>Checks/</c>).
/// One validator per process run: "not evaluated" CEL rules are reported once per validator.
/// </summary>
public sealed class StructuralValidator
{
    private readonly SchemaStore _store;
    private readonly bool _strictKinds;
    private readonly ConcurrentDictionary<string, bool> _celReported = new(StringComparer.Ordinal);

    public StructuralValidator(SchemaStore store, bool strictKinds = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _strictKinds = strictKinds;
    }

    /// <summary>All schema findings for one object, ordered by position.</summary>
    public IReadOnlyList<Finding> Validate(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var (apiVersion, kind) = (manifest.Ref.ApiVersion, manifest.Ref.Kind);
        KindSchema? schema;
        try
        {
            schema = _store.Find(apiVersion, kind);
        }
        catch (SchemaLoadException ex)
        {
            return [UnknownKindCheck.Create(manifest.File, manifest.Root, apiVersion, kind, _strictKinds, ex.Message)];
        }

        if (schema is null)
        {
            return [UnknownKindCheck.Create(manifest.File, manifest.Root, apiVersion, kind, _strictKinds, null)];
        }

        var run = new ValidationRun(schema.Flavor, manifest.File, _celReported);
        var custom = schema.Flavor == SchemaFlavor.CustomResource;
        var root = manifest.Root;
        var normalized = SchemaNormalizer.Normalize(run, root, schema.Root, string.Empty, resourceRoot: custom, root.Start);
        new SchemaWalker(run, kind).Walk(normalized, schema.Root, string.Empty, null, root.Start, resourceRoot: custom);
        if (normalized is YamlMapping mapping)
        {
            MetadataCheck.Check(run, mapping, string.Empty, apiVersion, kind, requireName: true, root.Start);
        }

        return Ordered(run.Findings);
    }

    private static List<Finding> Ordered(IReadOnlyList<Finding> findings) =>
        [.. findings.Select((f, i) => (f, i)).OrderBy(p => p.f.Line).ThenBy(p => p.f.Column).ThenBy(p => p.i).Select(p => p.f)];
}
