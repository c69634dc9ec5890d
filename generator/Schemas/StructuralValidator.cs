using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using Generator.Documents;
using Generator.Findings;
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
    private readonly ConcurrentDictionary<string, bool> _celReported = new(StringComparer.Ordinal);

    public StructuralValidator(SchemaStore store, bool strictKinds = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        StrictKinds = strictKinds;
    }

    /// <summary>
    /// <c>--strict-kinds</c>: an object whose kind has no schema is an error, not a warning (and the lint runner skips no
    /// document as another tool's YAML).
    /// </summary>
    public bool StrictKinds { get; }

    /// <summary>All schema findings for one object, ordered by position.</summary>
    public IReadOnlyList<Finding> Validate(Manifest manifest) => Claim(Check(manifest));

    /// <summary>
    /// Validates one object, holding back the decision which "not evaluated" notes are new: callers that check objects in
    /// parallel <see cref="Claim"/> the results in document order, so each note lands on the first object its rule applies
    /// to, whichever thread got there first.
    /// </summary>
    internal SchemaCheck Check(Manifest manifest)
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
            return new([UnknownKindCheck.Create(manifest.File, manifest.Root, apiVersion, kind, StrictKinds, ex.Message)], ReadOnlyDictionary<string, Finding>.Empty);
        }

        if (schema is null)
        {
            return new([UnknownKindCheck.Create(manifest.File, manifest.Root, apiVersion, kind, StrictKinds, null)], ReadOnlyDictionary<string, Finding>.Empty);
        }

        var run = new ValidationRun(schema.Flavor, manifest.File);
        var custom = schema.Flavor == SchemaFlavor.CustomResource;
        var root = manifest.Root;
        var normalized = SchemaNormalizer.Normalize(run, root, schema.Root, string.Empty, resourceRoot: custom, root.Start);
        new SchemaWalker(run, kind).Walk(normalized, schema.Root, string.Empty, null, root.Start, resourceRoot: custom);
        if (normalized is YamlMapping mapping)
        {
            MetadataCheck.Check(run, mapping, string.Empty, apiVersion, kind, requireName: true, root.Start);
        }

        return new(Ordered(run.Findings), run.NotEvaluated);
    }

    /// <summary>The findings of a <see cref="Check"/>, without the "not evaluated" notes this validator has already reported.</summary>
    internal IReadOnlyList<Finding> Claim(SchemaCheck check)
    {
        var repeated = check.NotEvaluated.Where(n => !_celReported.TryAdd(n.Key, true)).Select(n => n.Value).ToHashSet(ReferenceEqualityComparer.Instance);
        return repeated.Count == 0 ? check.Findings : [.. check.Findings.Where(f => !repeated.Contains(f))];
    }

    private static List<Finding> Ordered(IReadOnlyList<Finding> findings) =>
        [.. findings.Select((f, i) => (f, i)).OrderBy(p => p.f.Line).ThenBy(p => p.f.Column).ThenBy(p => p.i).Select(p => p.f)];
}

/// <summary>One object's schema findings, with its "not evaluated" notes by CEL rule (still to be claimed).</summary>
internal sealed record SchemaCheck(IReadOnlyList<Finding> Findings, IReadOnlyDictionary<string, Finding> NotEvaluated);
