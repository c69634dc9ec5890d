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

    public IReadOnlyList<ServicePortView> Ports { get; }

    public static ServiceView Read(Manifest manifest) => new(manifest);

    /// <summary>Whether a workload's pods carry every label of this Service's selector.</summary>
    public bool Selects(Workload workload)
    {
        if (Selector is not { Count: > 0 } selector || workload.PodLabels is not { } labels || !SameNamespace(workload.Namespace))
        {
            return false;
        }

        return selector.Entries.All(e => labels.GetString(e.Key.Text) is { } value && e.Value is YamlScalar s && s.Text == value);
    }

    public bool SameNamespace(string? ns) => Namespace is null || ns is null || Namespace == ns;
}
