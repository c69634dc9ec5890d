using System.Text;

namespace Generator.Graph;

/// <summary>
/// The picture in Graphviz's DOT language (<c>dot -Tsvg</c>): clusters as nested <c>subgraph cluster_…</c>, a shape per
/// node kind, each edge with its label; an edge with findings carries their rule ids under its label and is drawn
/// dashed, red for errors and amber for warnings, like <see cref="MermaidWriter"/> draws it. Every id and label is a
/// quoted DOT string.
/// </summary>
public static class DotWriter
{
    public static string Write(WiringGraph graph)
    {
        var text = new StringBuilder("digraph wiring {\n");
        text.Append("  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=11];\n");
        text.Append("  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=10];\n");
        text.Append("  edge [fontname=\"Helvetica\", fontsize=9];\n");
        WriteClusters(text, graph, parent: null, depth: 1);
        foreach (var node in graph.Nodes.Where(n => n.Cluster is null))
        {
            text.Append(GraphStyle.Indent(1)).Append(NodeText(node)).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            var style = edge.Findings.Count == 0 ? string.Empty
                : $", color={Quote(GraphStyle.Colour(edge))}, fontcolor={Quote(GraphStyle.Colour(edge))}, style=dashed, penwidth=2";
            text.Append(GraphStyle.Indent(1)).Append($"{Quote(edge.From)} -> {Quote(edge.To)} [label={Quote(GraphStyle.EdgeText(edge))}{style}];\n");
        }

        return text.Append("}\n").ToString();
    }

    private static void WriteClusters(StringBuilder text, WiringGraph graph, string? parent, int depth)
    {
        foreach (var cluster in graph.Clusters.Where(c => c.Parent == parent))
        {
            text.Append(GraphStyle.Indent(depth)).Append($"subgraph {Quote("cluster_" + cluster.Id)} {{\n");
            text.Append(GraphStyle.Indent(depth + 1)).Append($"label={Quote(cluster.Label)};\n");
            WriteClusters(text, graph, cluster.Id, depth + 1);
            foreach (var node in graph.Nodes.Where(n => n.Cluster == cluster.Id))
            {
                text.Append(GraphStyle.Indent(depth + 1)).Append(NodeText(node)).Append('\n');
            }

            text.Append(GraphStyle.Indent(depth)).Append("}\n");
        }
    }

    private static string NodeText(GraphNode node)
    {
        var attributes = node.Kind switch
        {
            NodeKind.Service => "shape=ellipse, style=solid",
            NodeKind.Tempo => "shape=cylinder, style=solid",
            NodeKind.External => "shape=note, style=solid",
            NodeKind.Connector => "shape=hexagon, style=solid",
            NodeKind.Missing => $"style=\"rounded,dashed\", color={Quote(GraphStyle.Broken)}, fontcolor={Quote(GraphStyle.Broken)}",
            NodeKind.Workload => "shape=box, style=solid",
            _ => "shape=box",
        };
        return $"{Quote(node.Id)} [label={Quote(string.Join("\n", node.Label))}, {attributes}];";
    }

    /// <summary>A DOT string: quotes and backslashes escaped, line breaks as <c>\n</c> (centred lines).</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
