using Generator.Documents;
using Generator.Schemas.Checks;
using Generator.Yaml;

namespace Generator.Schemas;

/// <summary>
/// Walks a (normalized) YAML tree beside its schema and runs each check where it applies. The walk itself holds no rule
/// logic: every semantic lives in its own class under <c>Checks/</c>. Depth is bounded by the YAML reader's nesting limit.
/// </summary>
internal sealed class SchemaWalker
{
    private static readonly string[] ResourceFields = ["apiVersion", "kind", "metadata"];

    private readonly ValidationRun _run;
    private readonly string _rootName;

    public SchemaWalker(ValidationRun run, string rootName)
    {
        _run = run;
        _rootName = rootName;
    }

    public ValidationRun Run => _run;

    /// <summary>
    /// Validates one node. <paramref name="key"/> is the mapping key the node is the value of (findings about a missing
    /// property point there); <paramref name="resourceRoot"/> marks an object that may carry apiVersion/kind/metadata
    /// (a custom resource's root, an embedded resource).
    /// </summary>
    public void Walk(YamlNode node, SchemaNode schema, string path, YamlScalar? key, Mark fallback, bool resourceRoot = false)
    {
        // Scalars are reported at the value; objects and lists at their key (the line a reader looks for), else where they start.
        var mark = node is not YamlScalar && key is { Start.IsKnown: true } ? key.Start : node.Start.Or(fallback);
        if (node is YamlScalar { IsNull: true })
        {
            WalkNull(node, schema, path, mark);
            return;
        }

        if (!TypeCheck.Check(_run, node, schema, path, mark))
        {
            return;
        }

        EnumCheck.Check(_run, node, schema, path, mark);
        FormatCheck.Check(_run, node, schema, path, mark);
        PatternCheck.Check(_run, node, schema, path, mark);
        RangeCheck.Check(_run, node, schema, path, mark);
        ListMapCheck.Check(_run, node, schema, path, mark);
        ListSetCheck.Check(_run, node, schema, path, mark);

        switch (node)
        {
            case YamlMapping mapping:
                WalkMapping(mapping, schema, path, key, mark, resourceRoot || schema.EmbeddedResource);
                break;
            case YamlSequence sequence:
                for (var i = 0; i < sequence.Count; i++)
                {
                    var items = schema.Items ?? SchemaNode.Any;
                    Walk(sequence[i], items, FieldPath.Index(path, i), null, mark);
                }

                break;
        }

        if (schema.HasValueValidations)
        {
            ValueValidationCheck.Check(this, node, schema, path, mark);
        }

        if (!_run.Silent && schema.Validations.Count > 0)
        {
            CelCheck.Check(_run, node, schema, path, mark);
        }
    }

    private void WalkNull(YamlNode node, SchemaNode schema, string path, Mark mark)
    {
        switch (_run.Flavor)
        {
            case SchemaFlavor.CustomResource when !schema.Nullable && (schema.Types is not null || schema.IntOrString):
                // Nulls in mappings were dropped by the normalizer; one left here is a list item or the root.
                TypeCheck.Check(_run, node, schema, path, mark);
                return;
            default:
                if (schema.HasValueValidations && _run.Silent)
                {
                    ValueValidationCheck.Check(this, node, schema, path, mark);
                }

                if (schema.Enum is not null && schema.Nullable)
                {
                    EnumCheck.Check(_run, node, schema, path, mark);
                }

                return;
        }
    }

    private void WalkMapping(YamlMapping mapping, SchemaNode schema, string path, YamlScalar? key, Mark mark, bool resourceRoot)
    {
        var reportUnknown = !_run.Silent && !schema.PreserveUnknownFields && schema.AdditionalProperties is null
            && schema.AdditionalPropertiesAllowed != true && schema.Types is not null;
        List<string>? valid = null;
        foreach (var entry in mapping.Entries)
        {
            var name = entry.Key.Text;
            var childPath = FieldPath.Child(path, name);
            var childMark = entry.Key.Start.Or(mark);
            if (schema.Property(name) is { } child)
            {
                if (resourceRoot && name == "metadata" && _run.Flavor == SchemaFlavor.CustomResource)
                {
                    WalkMetadata(entry, child, childPath, childMark);
                    continue;
                }

                Walk(entry.Value, child, childPath, entry.Key, childMark);
            }
            else if (resourceRoot && ResourceFields.Contains(name))
            {
                if (name == "metadata")
                {
                    WalkMetadata(entry, null, childPath, childMark);
                }
                else
                {
                    Walk(entry.Value, StringSchema, childPath, entry.Key, childMark);
                }
            }
            else if (schema.AdditionalProperties is { } values)
            {
                Walk(entry.Value, values, childPath, entry.Key, childMark);
            }
            else if (reportUnknown)
            {
                valid ??= ValidNames(schema, resourceRoot);
                UnknownFieldCheck.Report(_run, entry, childPath, UnknownFieldCheck.ParentName(path, _rootName), valid, mark);
            }
        }

        var requiredMark = key is { Start.IsKnown: true } ? key.Start : mark;
        RequiredCheck.Check(_run, mapping, schema, path, requiredMark);
        if (schema.EmbeddedResource && !_run.Silent)
        {
            foreach (var field in new[] { "apiVersion", "kind" })
            {
                if (mapping.Find(field) is null && schema.Property(field)?.Default is null)
                {
                    RequiredCheck.Report(_run, requiredMark, FieldPath.Child(path, field), field, "must not be empty in an embedded resource");
                }
            }

            if (_run.Flavor == SchemaFlavor.CustomResource)
            {
                MetadataCheck.Check(_run, mapping, path, mapping.GetString("apiVersion") ?? string.Empty, mapping.GetString("kind") ?? string.Empty, requireName: false, requiredMark);
            }
        }
    }

    /// <summary>A custom resource's metadata: checked as ObjectMeta, plus any name constraints the CRD itself declares.</summary>
    private void WalkMetadata(YamlEntry entry, SchemaNode? declared, string path, Mark mark)
    {
        Walk(entry.Value, ObjectMetaSchema.Instance, path, entry.Key, mark);
        if (declared?.Properties is null || entry.Value is not YamlMapping metadata)
        {
            return;
        }

        foreach (var field in new[] { "name", "generateName" })
        {
            if (declared.Property(field) is { } constraint && metadata.Find(field) is { } value)
            {
                Walk(value.Value, constraint, FieldPath.Child(path, field), value.Key, value.Key.Start.Or(mark));
            }
        }
    }

    private static readonly SchemaNode StringSchema = new() { Types = ["string"] };

    private static List<string> ValidNames(SchemaNode schema, bool resourceRoot)
    {
        var names = new List<string>(schema.PropertyNames);
        if (resourceRoot)
        {
            names.InsertRange(0, ResourceFields.Where(f => !names.Contains(f)));
        }

        return names;
    }

    /// <summary>Whether a node satisfies a schema, silently (the value validations' predicate).</summary>
    public bool Satisfies(YamlNode node, SchemaNode schema, string path, Mark mark, out string? failure)
    {
        var predicate = new SchemaWalker(_run.Predicate(), _rootName);
        predicate.Walk(node, schema, path, null, mark);
        failure = predicate._run.FirstFailure;
        return predicate._run.Failures == 0;
    }
}
