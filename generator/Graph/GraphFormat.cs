namespace Generator.Graph;

/// <summary>The languages the wiring picture is written in.</summary>
public enum GraphFormat
{
    /// <summary>A Mermaid flowchart (<see cref="MermaidWriter"/>).</summary>
    Mermaid,

    /// <summary>Graphviz DOT (<see cref="DotWriter"/>).</summary>
    Dot,
}
