using System.Xml;
using System.Xml.Linq;
using Generator.Graph;
using Generator.Tests.Support;
using static Generator.Tests.Graph.GraphHarness;

namespace Generator.Tests.Graph;

/// <summary>
/// The DOT picture drawn by the real Graphviz (<c>dot -Tsvg</c> from .tools/bin, installed by tests/setup-tools.sh; the
/// tests fail when it is missing): every node and edge of the model is in the SVG, with its label, and a broken edge is
/// drawn red and dashed with the finding's rule id.
/// </summary>
public sealed class GraphvizRenderTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void DefaultRender_DrawsEveryNodeAndEdgeWithItsLabel()
    {
        var graph = Of(Rendered());

        var svg = Draw(graph);

        Assert.Equal(graph.Nodes.Select(n => n.Id).Order(StringComparer.Ordinal), Titles(svg, "node").Order(StringComparer.Ordinal));
        Assert.Equal(graph.Edges.Select(e => $"{e.From}->{e.To}").Order(StringComparer.Ordinal), Titles(svg, "edge").Order(StringComparer.Ordinal));
        Assert.Equal(graph.Clusters.Select(c => "cluster_" + c.Id).Order(StringComparer.Ordinal), Titles(svg, "cluster").Order(StringComparer.Ordinal));
        var toTempo = Group(svg, "edge", $"{NodeLabelled(graph, "exporter otlp_grpc/tempo").Id}->{NodeLabelled(graph, "TempoMonolithic tracing").Id}");
        Assert.Equal(["OTLP/gRPC tempo-tracing:4317"], Texts(toTempo));
        Assert.Equal("black", toTempo.Element(Svg + "path")!.Attribute("stroke")!.Value);
        Assert.Equal(["receiver otlp", "http 0.0.0.0:4318"], Texts(Group(svg, "node", NodeLabelled(graph, "receiver otlp").Id)));
    }

    [Fact]
    public void BrokenStack_DrawsTheBrokenEdgeRedAndDashed_WithTheFindingsRuleId()
    {
        var graph = Of(RenderedWith("llamastack-distribution.yaml", "http://otel-collector.llamastack", "http://otel-colector.llamastack"));

        var svg = Draw(graph);

        var missing = NodeLabelled(graph, "Service otel-colector");
        var broken = Group(svg, "edge", $"{NodeLabelled(graph, "LlamaStackDistribution llamastack-rhoai32-postgres-otel").Id}->{missing.Id}");
        Assert.Equal(["OTLP/HTTP :4318", "broken: reference-typo"], Texts(broken));
        var path = broken.Element(Svg + "path")!;
        Assert.Equal("#d62728", path.Attribute("stroke")!.Value);
        Assert.NotNull(path.Attribute("stroke-dasharray"));
        Assert.Equal(["Service otel-colector", "not in the linted files"], Texts(Group(svg, "node", missing.Id)));
        Assert.All(svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "edge" && g != broken), e => Assert.Equal("black", e.Element(Svg + "path")!.Attribute("stroke")!.Value));
    }

    [Fact]
    public void GraphCommand_DotOutput_IsWhatGraphvizDraws()
    {
        var dir = Directory.CreateTempSubdirectory("graph-").FullName;
        foreach (var (file, text) in Rendered())
        {
            File.WriteAllText(Path.Combine(dir, Path.GetFileName(file)), text);
        }

        var result = CliRunner.Run("graph", "--format", "dot", dir);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(DotWriter.Write(Of(Rendered())), result.Stdout);
        Assert.Equal(9, Titles(Draw(result.Stdout), "node").Count());
    }

    private static XDocument Draw(WiringGraph graph) => Draw(DotWriter.Write(graph));

    private static XDocument Draw(string dot)
    {
        var run = ExternalTool.Run("dot", ["-Tsvg"], stdin: dot);
        Assert.True(run.Succeeded, run.ToString());
        Assert.DoesNotContain("Warning", run.Stderr, StringComparison.Ordinal);
        using var reader = XmlReader.Create(new StringReader(run.Stdout), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static IEnumerable<string> Titles(XDocument svg, string kind) =>
        svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == kind).Select(g => g.Element(Svg + "title")!.Value);

    private static XElement Group(XDocument svg, string kind, string title) =>
        Assert.Single(svg.Descendants(Svg + "g"), g => (string?)g.Attribute("class") == kind && g.Element(Svg + "title")?.Value == title);

    private static List<string> Texts(XElement group) => [.. group.Descendants(Svg + "text").Select(t => t.Value)];
}
