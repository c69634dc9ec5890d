using Generator.Render;
using Generator.Tests.Chart;
using Generator.Tests.Support;

namespace Generator.Tests.Cli;

public sealed class GraphCommandTests
{
    [Fact]
    public void Graph_OfARenderedOutput_IsTheWiringRenderWrote()
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory("graph-render-").FullName, "out");
        Assert.Equal(0, CliRunner.Run("render", "--out", outDir).ExitCode);

        var result = CliRunner.Run("graph", Path.Combine(outDir, "manifests"));

        Assert.Equal(0, result.ExitCode);
        var wiring = File.ReadAllText(Path.Combine(outDir, WiringDocument.FileName));
        Assert.EndsWith("```mermaid\n" + result.Stdout + "```\n", wiring);
        Assert.Equal("graph: 9 nodes, 8 edges\n", result.Stderr);
    }

    [Fact]
    public void Graph_OfHelmTemplateOutput_DrawsTheSameObjects()
    {
        using var chart = RenderedChart.Create(null);
        var rendered = Helm.Succeed("template", "llamastack-tracing", chart.ChartDirectory, "--namespace", "llamastack", "--set", "chart.capabilityChecks=false").Stdout;

        var fromHelm = CliRunner.RunWithInput(rendered, "graph", "-");
        var fromManifests = CliRunner.Run("graph", Path.Combine(chart.Root, "manifests"));

        Assert.Equal(0, fromHelm.ExitCode);
        Assert.Equal(fromManifests.Stdout, fromHelm.Stdout);
    }

    [Fact]
    public void Graph_BrokenStack_SaysWhichRulesMarkEdges_AndStillExitsZero()
    {
        var dir = Directory.CreateTempSubdirectory("graph-broken-").FullName;
        foreach (var file in Rendering.Render().Files.Where(f => f.RelativePath.StartsWith("manifests/", StringComparison.Ordinal)))
        {
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file.RelativePath)), file.Content.Replace("otel-collector.llamastack.svc", "otel-colector.llamastack.svc", StringComparison.Ordinal));
        }

        var result = CliRunner.Run("graph", "--format", "mermaid", dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("|\"OTLP/HTTP :4318<br/>broken: reference-typo\"|", result.Stdout);
        Assert.Matches(@"linkStyle \d+ stroke:#d62728,", result.Stdout);
        Assert.Equal("graph: 10 nodes, 8 edges, 1 marked (reference-typo)\n", result.Stderr);
    }

    [Fact]
    public void Graph_InvalidYaml_IsAnErrorWithItsPosition()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("graph-yaml-").FullName, "bad.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");

        var result = CliRunner.Run("graph", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(file)}:\d+:\d+: error yaml-parse: ", result.Stderr);
        Assert.StartsWith("flowchart LR\n", result.Stdout);
    }

    [Fact]
    public void Graph_DuplicateKey_IsAnErrorWithItsPosition()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("graph-yaml-").FullName, "dup.yaml");
        File.WriteAllText(file, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");

        var result = CliRunner.Run("graph", file);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{file}:5:3: error yaml-duplicate-key: ", result.Stderr);
    }

    [Theory]
    [InlineData(new string[0], "error: graph needs at least one PATH")]
    [InlineData(new[] { "/nonexistent/manifests" }, "error: cannot read /nonexistent/manifests: no such file or directory")]
    [InlineData(new[] { "--format", "svg", "-" }, "error: ")]
    public void Graph_UsageErrors_ExitTwo(string[] arguments, string message)
    {
        var result = CliRunner.Run(["graph", .. arguments]);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Stderr);
        Assert.Empty(result.Stdout);
    }
}
