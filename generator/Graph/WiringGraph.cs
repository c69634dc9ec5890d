using Generator.Findings;

namespace Generator.Graph;

/// <summary>What a node of the wiring picture stands for; the writers give each kind its shape.</summary>
public enum NodeKind
{
    /// <summary>A workload or custom resource whose pods export spans (or that a Service sends to).</summary>
    Workload,

    Service,

    Receiver,

    Processor,

    Exporter,

    Connector,

    /// <summary>A Tempo instance (the Services its operator creates lead here).</summary>
    Tempo,

    /// <summary>Something a reference names that the linted files do not hold (a Service, a component, pods for a selector).</summary>
    Missing,

    /// <summary>An endpoint outside the cluster.</summary>
    External,
}

/// <summary>A box around nodes: a namespace, or a collector inside its namespace.</summary>
public sealed record GraphCluster(string Id, string Label, string? Parent);

/// <summary>A node: its stable id, kind, label lines and the cluster it sits in (null: none).</summary>
public sealed record GraphNode(string Id, NodeKind Kind, IReadOnlyList<string> Label, string? Cluster);

/// <summary>A finding that breaks (error) or puts in doubt (warning) an edge: the lint rule and the severity it was reported with.</summary>
public sealed record EdgeFinding(string RuleId, Severity Severity);

/// <summary>
/// A directed edge with its label (protocol and port, or the pipeline for the edges inside a collector) and the findings
/// located at the YAML that defines it.
/// </summary>
public sealed record GraphEdge(string From, string To, string Label, IReadOnlyList<EdgeFinding> Findings)
{
    /// <summary>Whether an error finding breaks the edge (a warning only marks it).</summary>
    public bool Broken => Findings.Any(f => f.Severity == Severity.Error);
}

/// <summary>
/// The tracing wiring of a set of manifests: clusters, nodes and edges, each list in a stable order (ids ordinal), so that
/// the same objects always give byte-identical pictures.
/// </summary>
public sealed record WiringGraph(IReadOnlyList<GraphCluster> Clusters, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
