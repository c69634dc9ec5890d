using System.Globalization;
using System.Text;

namespace Generator.Graph;

/// <summary>
/// The picture as a Mermaid flowchart (GitHub and GitLab render it in a <c>```mermaid</c> block): clusters as nested
/// subgraphs, a shape per node kind, edges labelled in quotes; an edge with findings lists their rule ids under its
/// label (<c>broken: id</c> for errors, <c>warning: id</c>) and is drawn red (errors) or amber, dashed, by
/// <c>linkStyle</c>. Text is escaped with Mermaid's entity codes, so names cannot end a label.
/// </summary>
public static class MermaidWriter
{
    public static string Write(WiringGraph graph)
    {
        var text = new StringBuilder("flowchart LR\n");
        WriteClusters(text, graph, parent: null, depth: 1);
        foreach (var node in graph.Nodes.Where(n => n.Cluster is null))
        {
            text.Append(GraphStyle.Indent(1)).Append(NodeText(node)).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            text.Append(GraphStyle.Indent(1)).Append($"{edge.From} -->|\"{Escape(GraphStyle.EdgeText(edge))}\"| {edge.To}\n");
        }

        for (var i = 0; i < graph.Edges.Count; i++)
        {
            if (graph.Edges[i].Findings.Count > 0)
            {
                var colour = GraphStyle.Colour(graph.Edges[i]);
                text.Append(GraphStyle.Indent(1)).Append($"linkStyle {i.ToString(CultureInfo.InvariantCulture)} stroke:{colour},stroke-width:2px,stroke-dasharray:6 3,color:{colour}\n");
            }
        }

        var missing = graph.Nodes.Where(n => n.Kind == NodeKind.Missing).Select(n => n.Id).ToList();
        if (missing.Count > 0)
        {
            text.Append(GraphStyle.Indent(1)).Append($"classDef missing stroke:{GraphStyle.Broken},stroke-dasharray:4 3,color:{GraphStyle.Broken}\n");
            text.Append(GraphStyle.Indent(1)).Append($"class {string.Join(",", missing)} missing\n");
        }

        return text.ToString();
    }

    private static void WriteClusters(StringBuilder text, WiringGraph graph, string? parent, int depth)
    {
        foreach (var cluster in graph.Clusters.Where(c => c.Parent == parent))
        {
            text.Append(GraphStyle.Indent(depth)).Append($"subgraph {cluster.Id}[\"{Escape(cluster.Label)}\"]\n");
            WriteClusters(text, graph, cluster.Id, depth + 1);
            foreach (var node in graph.Nodes.Where(n => n.Cluster == cluster.Id))
            {
                text.Append(GraphStyle.Indent(depth + 1)).Append(NodeText(node)).Append('\n');
            }

            text.Append(GraphStyle.Indent(depth)).Append("end\n");
        }
    }

    private static string NodeText(GraphNode node)
    {
        var label = "\"" + Escape(string.Join("\n", node.Label)) + "\"";
        return node.Kind switch
        {
            NodeKind.Service => $"{node.Id}([{label}])",
            NodeKind.Tempo => $"{node.Id}[({label})]",
            NodeKind.External => $"{node.Id}>{label}]",
            NodeKind.Connector => $"{node.Id}{{{{{label}}}}}",
            NodeKind.Receiver or NodeKind.Processor or NodeKind.Exporter => $"{node.Id}({label})",
            _ => $"{node.Id}[{label}]",
        };
    }

    /// <summary>Mermaid's entity codes for what would end or change a quoted label; line breaks as &lt;br/&gt;.</summary>
    private static string Escape(string text) => text
        .Replace("#", "#35;", StringComparison.Ordinal)
        .Replace("\"", "#quot;", StringComparison.Ordinal)
        .Replace("<", "#lt;", StringComparison.Ordinal)
        .Replace(">", "#gt;", StringComparison.Ordinal)
        .Replace("|", "#124;", StringComparison.Ordinal)
        .Replace("\n", "<br/>", StringComparison.Ordinal);
}
