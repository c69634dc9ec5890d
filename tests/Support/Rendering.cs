using Generator.Documents;
using Generator.Options;
using Generator.Render;
using Generator.Yaml;

namespace Generator.Tests.Support;

/// <summary>Renders option sets in-process and reads the raw manifests back as the objects a cluster would receive.</summary>
public static class Rendering
{
    /// <summary>Renders without schema validation (tests of validation use the real validator explicitly).</summary>
    public static RenderResult Render(params string[] sets) => Render(null, sets);

    public static RenderResult Render(string? optionsFile, params string[] sets) =>
        RenderPipeline.Render(OptionsLoader.Load(optionsFile, sets), _ => []);

    /// <summary>The rendered raw manifests (kustomization excluded), parsed from the text that would be written.</summary>
    public static IReadOnlyList<Manifest> Manifests(RenderResult result) =>
        [.. result.Files
            .Where(f => f.RelativePath.StartsWith(ManifestRenderer.Directory + "/", StringComparison.Ordinal)
                        && !f.RelativePath.EndsWith(ManifestRenderer.KustomizationFile, StringComparison.Ordinal))
            .SelectMany(f => YamlReader.Parse(f.RelativePath, f.Content).Documents)
            .Select(d => Manifest.FromDocument(d, out _))
            .OfType<Manifest>()];

    public static Manifest Single(RenderResult result, string kind, string? name = null) =>
        Manifests(result).Single(m => m.Kind == kind && (name is null || m.Name == name));

    public static string File(RenderResult result, string relativePath) =>
        result.Files.Single(f => f.RelativePath == relativePath).Content;
}
