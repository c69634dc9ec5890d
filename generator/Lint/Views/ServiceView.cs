using Generator.Documents;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>A Service port: <see cref="TargetPort"/> is a number or a container port name (defaults to the port).</summary>
public sealed record ServicePortView(string? Name, long Port, YamlScalar? TargetPort, YamlMapping Node, string Path)
{
    /// <summary>The target as text: a port name or a number.</summary>
    public string Target => TargetPort is { IsNull: false } target ? target.Text : Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A Service of the bundle: its selector and ports.</summary>
public sealed class ServiceView
{
    private ServiceView(Manifest manifest)
    {
        Manifest = manifest;
        Selector = manifest.Spec?.GetMapping("selector");
        Ports = ListItems.Read(manifest.Spec?.GetSequence("ports"), "spec.ports", (port, path) => port.GetScalar("port")?.AsInteger() is { } number
            ? new ServicePortView(port.GetString("name"), number, port.GetScalar("targetPort"), port, path)
            : null);
    }

    public Manifest Manifest { get; }

    public string Name => Manifest.Name;

    public string? Namespace => Manifest.Namespace;

    public YamlMapping? Selector { get; }

    /// <summary>The selector's pairs as written (a value that is not a scalar reads as null).</summary>
    public IReadOnlyList<(string Key, string? Value)> SelectorPairs => [.. (Selector?.Entries ?? []).Select(e => (e.Key.Text, (e.Value as YamlScalar)?.Text))];

    /// <summary>The selector as <c>key=value,key=value</c>, for messages and the wiring picture.</summary>
    public string SelectorText => string.Join(",", SelectorPairs.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The key of spec.selector, where findings about the selector point.</summary>
    public YamlScalar? SelectorKey => Manifest.Spec?.Find("selector")?.Key;

    public IReadOnlyList<ServicePortView> Ports { get; }

    public static ServiceView Read(Manifest manifest) => new(manifest);

    /// <summary>Whether a workload's pods carry every label of this Service's selector (the operator's labels for pods an operator runs).</summary>
    public bool Selects(Workload workload) => workload.Pods is { } pods && Match(pods) == SelectorMatch.Yes;

    /// <summary>Whether this Service's selector matches a set of pods (in its namespace).</summary>
    public SelectorMatch Match(PodGroup pods) =>
        Selector is { Count: > 0 } selector && SameNamespace(pods.Namespace) ? pods.Match(selector) : SelectorMatch.No;

    public bool SameNamespace(string? ns) => ObjectRef.SameNamespace(Namespace, ns);
}
