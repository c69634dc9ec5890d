using Generator.Model;
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
        var ports = manifest.Spec?.GetSequence("ports");
        var list = new List<ServicePortView>();
        for (var i = 0; ports is not null && i < ports.Count; i++)
        {
            if (ports[i] is YamlMapping port && port.GetScalar("port")?.AsInteger() is { } number)
            {
                list.Add(new ServicePortView(port.GetString("name"), number, port.GetScalar("targetPort"), port, FieldPath.Index("spec.ports", i)));
            }
        }

        Ports = list;
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
