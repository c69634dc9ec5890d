using Generator.Yaml;

namespace Generator.Options;

/// <summary>
/// Everything the generator needs to render the tracing stack. Defaults reproduce the seed deployment (profile
/// <c>jaeger</c>); options marked with <see cref="ProfileDefaultAttribute"/> take their default from the profile.
/// The same tree, minus generator-only options, is the Helm chart's values.
/// </summary>
public sealed record GeneratorOptions
{
    [Doc("Preset of defaults. `jaeger` reproduces the seed deployment (memory storage, no multitenancy, core collector); `cluster-observability` turns on Tempo multitenancy on OpenShift behind its gateway, PV storage, the k8sattributes processor and the contrib collector; `ogx` is cluster-observability with an OGXServer (RHOAI 3.5 and later) as the server, traced by its own auto-instrumentation (no tracing patch).")]
    [GeneratorOnly]
    public Profile Profile { get; init; } = Profile.Jaeger;

    [Doc("Value of the app.kubernetes.io/instance label of the raw manifests (the chart uses the Helm release name).")]
    [GeneratorOnly]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string Instance { get; init; } = "llamastack-tracing";

    [Doc("Namespaces of the stack.")]
    public NamespaceOptions Namespaces { get; init; } = new();

    [Doc("Grafana Tempo (a TempoMonolithic or TempoStack custom resource, reconciled by the Tempo Operator), and the console's tracing UI.")]
    public TempoOptions Tempo { get; init; } = new();

    [Doc("OpenTelemetry Collector (ConfigMap, Deployment and Service, or an OpenTelemetryCollector for the OpenTelemetry Operator; and, when needed, ServiceAccount and RBAC).")]
    public CollectorOptions Collector { get; init; } = new();

    [Doc("The LlamaStack server: a LlamaStackDistribution (reconciled by the LlamaStack Operator) or an OGXServer (reconciled by the OGX Operator).")]
    public LlamaStackOptions LlamaStack { get; init; } = new();

    [Doc("The tracing fix for LlamaStack's two trace-context bugs, and how it is wired into the LlamaStack pod.")]
    public PatchOptions Patch { get; init; } = new();

    [Doc("Chart-only switches.")]
    public ChartOptions Chart { get; init; } = new();
}

public enum Profile
{
    [WireName("jaeger")]
    Jaeger,

    [WireName("cluster-observability")]
    ClusterObservability,

    [WireName("ogx")]
    Ogx,
}

public sealed record NamespaceOptions
{
    [Doc("Namespace of LlamaStack and the OpenTelemetry Collector.")]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string Application { get; init; } = "llamastack";

    [Doc("Namespace of the TempoMonolithic (where the Tempo Operator runs it).")]
    [Pattern(Patterns.Dns1123Label, Patterns.Dns1123LabelMeaning)]
    public string Tempo { get; init; } = "openshift-tempo-operator";
}

public sealed record ChartOptions
{
    [Doc("Fail the Helm install when the cluster does not serve the API of a custom resource the chart renders (TempoMonolithic or TempoStack, the server's LlamaStackDistribution or OGXServer, and OpenTelemetryCollector and UIPlugin when on). Set false to render offline (helm template without --api-versions).")]
    public bool CapabilityChecks { get; init; } = true;
}

/// <summary>CPU and memory requests and limits as Kubernetes quantities.</summary>
public sealed record ResourceOptions
{
    [Doc("Resource requests (cpu, memory).")]
    public ComputeResources Requests { get; init; } = new();

    [Doc("Resource limits (cpu, memory).")]
    public ComputeResources Limits { get; init; } = new();
}

public sealed record ComputeResources
{
    [Doc("CPU quantity; empty to leave unset.")]
    [Pattern("^$|" + Patterns.Quantity, Patterns.QuantityMeaning)]
    public string Cpu { get; init; } = string.Empty;

    [Doc("Memory quantity; empty to leave unset.")]
    [Pattern("^$|" + Patterns.Quantity, Patterns.QuantityMeaning)]
    public string Memory { get; init; } = string.Empty;
}
