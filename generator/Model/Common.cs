using Generator.Facts;
using Generator.Blueprints;

namespace Generator.Model;

/// <summary>The parts of the stack, each with its app.kubernetes.io/name and /component label values.</summary>
public enum StackComponent
{
    Tempo,
    Collector,
    LlamaStack,
    TracingPatch,
    TracingUi,
}

/// <summary>What every object of the stack shares: namespaces, labels, metadata, resources and the restricted security settings.</summary>
public static class Common
{
    public const string HelmChartLabel = "helm.sh/chart";

    public static readonly Str ApplicationNamespace = V.Str("namespaces.application");

    public static readonly Str TempoNamespace = V.Str("namespaces.tempo");

    /// <summary>A Service's address inside the cluster.</summary>
    public static Str ClusterHost(Str service, Str ns) => service + "." + ns + ClusterDns.ServiceDomain;

    public static string NameOf(StackComponent component) => component switch
    {
        StackComponent.Tempo => "tempo",
        StackComponent.Collector => "opentelemetry-collector",
        StackComponent.LlamaStack => "llama-stack",
        StackComponent.TracingUi => "distributed-tracing-ui",
        _ => "llamastack-tracing-fix",
    };

    public static string ComponentOf(StackComponent component) => component switch
    {
        StackComponent.Tempo => "trace-storage",
        StackComponent.Collector => "trace-collector",
        StackComponent.LlamaStack => "server",
        StackComponent.TracingUi => "trace-viewer",
        _ => "tracing-fix",
    };

    /// <summary>The labels that select a component's pods (stable: a Deployment's selector cannot change).</summary>
    public static Fragment SelectorLabels(StackComponent component) => Fragment.Of(
        Key(component) + ".selectorLabels",
        $"Labels that select the pods of {NameOf(component)}: name and instance only, so the immutable selector survives upgrades.",
        Selector(component));

    /// <summary>All labels of an object; the chart's also carry helm.sh/chart, and name Helm as the manager.</summary>
    public static Fragment Labels(StackComponent component)
    {
        var labels = Selector(component);
        labels.Add(KubernetesLabels.Version, ToolInfo.Version);
        labels.Add(KubernetesLabels.Component, ComponentOf(component));
        labels.Add(KubernetesLabels.PartOf, ToolInfo.Name);
        labels.Add(KubernetesLabels.ManagedBy, V.ManagedBy);
        labels.Add(V.InChart, HelmChartLabel, V.ChartLabel);
        return Fragment.Of(Key(component) + ".labels", $"Labels of the objects of {NameOf(component)}.", labels);
    }

    /// <summary><c>apiVersion</c>, <c>kind</c> and <c>metadata</c> (name, namespace when namespaced, labels) of an object.</summary>
    public static Map Object(string apiVersion, string kind, StackComponent component, Str name, Str? ns)
    {
        var metadata = new Map { { "name", name } };
        if (ns is { } space)
        {
            metadata.Add("namespace", space);
        }

        metadata.Add("labels", Labels(component));
        return new Map
        {
            { "apiVersion", apiVersion },
            { "kind", kind },
            { "metadata", metadata },
        };
    }

    /// <summary>Requests and limits with their non-empty quantities; left out when nothing is set.</summary>
    public static readonly Fragment Resources = Fragment.Over(
        "resources",
        "Container requests and limits with their non-empty quantities (nothing when none is set).",
        resources => new Map
        {
            { "requests", new Optional(Quantities(resources, "requests")) },
            { "limits", new Optional(Quantities(resources, "limits")) },
        });

    public static Node ResourcesOf(string path) => new Optional(Resources.With(path));

    /// <summary>The restricted Pod Security Standard settings our own containers run with.</summary>
    public static Map RestrictedContainer() => new()
    {
        { "allowPrivilegeEscalation", false },
        { "readOnlyRootFilesystem", true },
        { "runAsNonRoot", true },
        { "capabilities", new Map { { "drop", Seq.Of("ALL") } } },
    };

    public static Map RestrictedPod() => new()
    {
        { "runAsNonRoot", true },
        { "seccompProfile", new Map { { "type", "RuntimeDefault" } } },
    };

    /// <summary>A volume mount, read-only unless said otherwise.</summary>
    public static Map Mount(Str volume, Str path, bool readOnly = true)
    {
        var mount = new Map { { "name", volume }, { "mountPath", path } };
        if (readOnly)
        {
            mount.Add("readOnly", true);
        }

        return mount;
    }

    private static Map Quantities(Item resources, string key) => new()
    {
        { resources.Str(key + ".cpu").Present, "cpu", resources.Str(key + ".cpu") },
        { resources.Str(key + ".memory").Present, "memory", resources.Str(key + ".memory") },
    };

    private static Map Selector(StackComponent component) => new()
    {
        { KubernetesLabels.Name, NameOf(component) },
        { KubernetesLabels.Instance, V.Release },
    };

    private static string Key(StackComponent component) => char.ToLowerInvariant(component.ToString()[0]) + component.ToString()[1..];
}
