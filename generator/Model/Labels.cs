using Generator.Yaml;

namespace Generator.Model;

/// <summary>The components of the stack, each with its app.kubernetes.io/name and /component label values.</summary>
public enum StackComponent
{
    Tempo,
    Collector,
    LlamaStack,
    TracingPatch,
}

/// <summary>The standard app.kubernetes.io labels; the chart's _helpers.tpl is generated from the same values.</summary>
public static class Labels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Instance = "app.kubernetes.io/instance";
    public const string Version = "app.kubernetes.io/version";
    public const string Component = "app.kubernetes.io/component";
    public const string PartOf = "app.kubernetes.io/part-of";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string HelmChart = "helm.sh/chart";

    public static string NameOf(StackComponent component) => component switch
    {
        StackComponent.Tempo => "tempo",
        StackComponent.Collector => "opentelemetry-collector",
        StackComponent.LlamaStack => "llama-stack",
        _ => "llamastack-tracing-fix",
    };

    public static string ComponentOf(StackComponent component) => component switch
    {
        StackComponent.Tempo => "trace-storage",
        StackComponent.Collector => "trace-collector",
        StackComponent.LlamaStack => "server",
        _ => "tracing-fix",
    };

    /// <summary>The labels that select a component's pods (stable: a Deployment's selector cannot change).</summary>
    public static YamlMapping Selector(StackComponent component, string instance) => new()
    {
        [Name] = NameOf(component),
        [Instance] = instance,
    };

    /// <summary>All labels of an object of the raw manifests.</summary>
    public static YamlMapping Common(StackComponent component, string instance)
    {
        var labels = Selector(component, instance);
        labels[Version] = ToolInfo.Version;
        labels[Component] = ComponentOf(component);
        labels[PartOf] = ToolInfo.Name;
        labels[ManagedBy] = ToolInfo.ManagedBy;
        return labels;
    }
}
