using System.CommandLine;
using Generator.Render;
using Generator.Schemas;

namespace Generator.Cli;

/// <summary>The schema store of one run: built-ins plus <c>--schemas DIR</c> directories, and a validator over it.</summary>
public sealed class SchemaValidation(SchemaStore store, StructuralValidator validator)
{
    public SchemaStore Store { get; } = store;

    public StructuralValidator Validator { get; } = validator;

    /// <summary>For <c>--verbose</c>: which source provided the schema of each kind the render produced.</summary>
    public void ReportSources(RenderResult result, TextWriter output)
    {
        var kinds = result.Manifests.SelectMany(f => f.Objects)
            .Select(o => (ApiVersion: o.GetString("apiVersion")!, Kind: o.GetString("kind")!))
            .Distinct();
        ReportSources(kinds, output);
    }

    public void ReportSources(IEnumerable<(string ApiVersion, string Kind)> kinds, TextWriter output)
    {
        foreach (var (apiVersion, kind) in kinds.OrderBy(k => k.ApiVersion, StringComparer.Ordinal).ThenBy(k => k.Kind, StringComparer.Ordinal))
        {
            output.WriteLine($"schema {apiVersion} {kind}: {Store.DescribeSource(apiVersion, kind) ?? "no schema"}");
        }
    }
}

/// <summary>The <c>--schemas DIR</c> option shared by render and lint.</summary>
public static class SchemaOptions
{
    public static Option<string[]> SchemasOption() => new("--schemas")
    {
        Description = "A directory of compiled schemas (from 'schemas import') that adds or overrides kinds; repeatable, later wins.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Null (after printing why) when a directory does not exist.</summary>
    public static SchemaValidation? CreateValidator(IReadOnlyList<string> directories, bool strictKinds, TextWriter stderr)
    {
        if (directories.FirstOrDefault(d => !Directory.Exists(d)) is { } directory)
        {
            stderr.WriteLine($"error: --schemas {directory}: no such directory (create it with: schemas import CRD.yaml --into {directory})");
            return null;
        }

        var store = directories.Count == 0 ? SchemaStore.BuiltIn : SchemaStore.BuiltIn.WithDirectories(directories);
        return new SchemaValidation(store, new StructuralValidator(store, strictKinds));
    }
}
