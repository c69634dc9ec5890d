using Generator.Findings;
using Generator.Graph;
using Generator.Lint;
using Generator.Render;
using Generator.Schemas;
using Generator.Tests.Support;
using Generator.Yaml;

namespace Generator.Tests.Graph;

/// <summary>Pictures in the tests: the wiring of files, with the findings of the whole linter (as the graph command runs it).</summary>
internal static class GraphHarness
{
    public static WiringGraph Of(IEnumerable<(string File, string Text)> files)
    {
        var streams = files.Select(f => YamlReader.Parse(f.File, f.Text)).ToList();
        var analysis = new LintRunner(new StructuralValidator(SchemaStore.BuiltIn), RuleCatalog.Rules).Analyze(new LintFiles(streams, []), LintConfig.Empty, Severity.Warning);
        return WiringGraphBuilder.Build(analysis.Context, analysis.Findings);
    }

    /// <summary>The raw manifests of a render (kustomization included, as lint reads the directory), named as under out/.</summary>
    public static IReadOnlyList<(string File, string Text)> Rendered(params string[] sets) =>
        [.. Rendering.Render(sets).Files
            .Where(f => f.RelativePath.StartsWith(ManifestRenderer.Directory + "/", StringComparison.Ordinal))
            .Select(f => ("out/" + f.RelativePath, f.Content))];

    /// <summary>The rendered manifests with one text replaced (failing when it is not there, so a broken stack is really broken).</summary>
    public static IReadOnlyList<(string File, string Text)> RenderedWith(string file, string from, string to, params string[] sets) =>
        [.. Rendered(sets).Select(f =>
        {
            if (!f.File.EndsWith("/" + file, StringComparison.Ordinal))
            {
                return f;
            }

            Assert.Contains(from, f.Text);
            return (f.File, f.Text.Replace(from, to, StringComparison.Ordinal));
        })];

    public static GraphNode NodeLabelled(WiringGraph graph, string firstLine) => Assert.Single(graph.Nodes, n => n.Label[0] == firstLine);

    public static GraphEdge EdgeBetween(WiringGraph graph, string fromLabel, string toLabel) =>
        Assert.Single(graph.Edges, e => e.From == NodeLabelled(graph, fromLabel).Id && e.To == NodeLabelled(graph, toLabel).Id);
}
