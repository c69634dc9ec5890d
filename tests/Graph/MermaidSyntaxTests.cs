using Generator.Findings;
using Generator.Graph;
using Generator.Tests.Support;
using static Generator.Tests.Graph.GraphHarness;

namespace Generator.Tests.Graph;

/// <summary>
/// The Mermaid pictures parsed by the real Mermaid (npm mermaid, installed by tests/setup-tools.sh as .tools/bin/mermaid-parse;
/// missing means failing), so what GitHub and GitLab render is known to be a valid flowchart.
/// </summary>
public sealed class MermaidSyntaxTests
{
    [Fact]
    public void DefaultAndBrokenRenders_AreFlowchartsMermaidAccepts()
    {
        Assert.Equal("flowchart-v2", Parse(MermaidWriter.Write(Of(Rendered()))));
        Assert.Equal("flowchart-v2", Parse(MermaidWriter.Write(Of(Rendered("profile=cluster-observability")))));
        Assert.Equal("flowchart-v2", Parse(MermaidWriter.Write(Of(RenderedWith("llamastack-distribution.yaml", "http://otel-collector.llamastack", "http://otel-colector.llamastack")))));
    }

    [Fact]
    public void LabelsWithMermaidsOwnCharacters_AreEscaped()
    {
        const string awkward = "a \"quoted\" | piped #1 <tag> (round) [square] {curly} -->";
        var graph = new WiringGraph(
            [new GraphCluster("c", awkward, null)],
            [new GraphNode("a", NodeKind.Workload, [awkward, "second line"], "c"), new GraphNode("b", NodeKind.Connector, [awkward], null), new GraphNode("m", NodeKind.Missing, [awkward], null)],
            [new GraphEdge("a", "b", awkward, [new EdgeFinding("reference-typo", Severity.Error)]), new GraphEdge("b", "m", awkward, [new EdgeFinding("otlp-endpoint-protocol", Severity.Warning)])]);

        var text = MermaidWriter.Write(graph);

        Assert.Equal("flowchart-v2", Parse(text));
        Assert.Contains("a #quot;quoted#quot; #124; piped #35;1 #lt;tag#gt; (round) [square] {curly} --#gt;<br/>second line", text);
        Assert.Contains("linkStyle 0 stroke:#d62728,", text);
        Assert.Contains("linkStyle 1 stroke:#e08a00,", text);
    }

    [Fact]
    public void ParserCheck_RejectsWhatMermaidRejects()
    {
        var run = ExternalTool.Run("mermaid-parse", [], stdin: "flowchart LR\n  a -->|\"unclosed| b\n");

        Assert.False(run.Succeeded, run.ToString());
        Assert.Contains("Parse error", run.Stderr, StringComparison.Ordinal);
    }

    private static string Parse(string mermaid)
    {
        var run = ExternalTool.Run("mermaid-parse", [], stdin: mermaid, timeout: TimeSpan.FromSeconds(120));
        Assert.True(run.Succeeded, run + "\n--- input ---\n" + mermaid);
        return run.Stdout.Trim();
    }
}
