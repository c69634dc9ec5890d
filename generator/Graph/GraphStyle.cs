using Generator.Findings;

namespace Generator.Graph;

/// <summary>What both writers draw alike: an edge's text with its findings, the colours of marked edges, indentation.</summary>
internal static class GraphStyle
{
    public const string Broken = "#d62728";

    public const string Warning = "#e08a00";

    /// <summary>The edge's label and, one line each, the rules whose findings sit on it (<c>broken: id</c> for errors, <c>warning: id</c>).</summary>
    public static string EdgeText(GraphEdge edge) =>
        string.Join("\n", [edge.Label, .. edge.Findings.Select(f => (f.Severity == Severity.Error ? "broken: " : "warning: ") + f.RuleId)]);

    public static string Colour(GraphEdge edge) => edge.Broken ? Broken : Warning;

    public static string Indent(int depth) => new(' ', depth * 2);
}
