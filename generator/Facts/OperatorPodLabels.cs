namespace Generator.Facts;

/// <summary>
/// The labels of a set of pods: the values known, and the keys the pods carry with a value that cannot be told from the
/// custom resource (the collector's version label when the CR names no image).
/// </summary>
public sealed record PodLabels(IReadOnlyDictionary<string, string> Values, IReadOnlyList<string> KeysOfUnknownValue);

/// <summary>
/// The labels each operator of the stack puts on the pods it runs for its custom resource <c>X</c> in namespace <c>NS</c>
/// (shared/reference/facts/operator-objects-facts.md; <c>OTEL</c>, <c>TEMPO</c>, <c>OGXOP</c> and <c>LSDOP</c> are the
/// operator sources named in its §0). A Service of the user's that selects such pods must use exactly these keys and
/// values; lint judges selectors against them.
/// </summary>
public static class OperatorPodLabels
{

    /// <summary>Longest label value; the OpenTelemetry Operator truncates longer ones (OTEL internal/naming/main.go :: Truncate).</summary>
    private const int MaxLabelValue = 63;

    /// <summary>
    /// The pods of an OpenTelemetryCollector (any mode but sidecar): the CR's own labels, then the four selector labels
    /// (instance is <c>NS.X</c>), the version (the image tag, or latest), and <c>app.kubernetes.io/name: X-collector</c>
    /// unless the CR sets a name label itself (§1c; OTEL internal/manifests/manifestutils/labels.go :: Labels, SelectorLabels).
    /// </summary>
    /// <remarks><paramref name="imageTag"/> is the tag of spec.image (latest when the image has none); null when the CR names no image: the operator's default, whose tag is not known here.</remarks>
    public static PodLabels OpenTelemetryCollector(string name, string ns, IEnumerable<KeyValuePair<string, string>> crLabels, string? imageTag)
    {
        var values = Sorted(crLabels);
        var ownName = values.ContainsKey(KubernetesLabels.Name);
        values[KubernetesLabels.ManagedBy] = "opentelemetry-operator";
        values[KubernetesLabels.Instance] = Truncate(ns + "." + name);
        values[KubernetesLabels.PartOf] = "opentelemetry";
        values[KubernetesLabels.Component] = "opentelemetry-collector";
        List<string> unknown = [];
        if (imageTag is not null)
        {
            values[KubernetesLabels.Version] = Truncate(imageTag);
        }
        else
        {
            values.Remove(KubernetesLabels.Version);
            unknown.Add(KubernetesLabels.Version);
        }

        if (!ownName)
        {
            values[KubernetesLabels.Name] = Truncate(OpenTelemetryOperatorFacts.CollectorName(name));
        }

        return new PodLabels(values, unknown);
    }

    /// <summary>
    /// The pods of one TempoStack component (<c>distributor</c>, <c>ingester</c>, <c>querier</c>, <c>query-frontend</c>,
    /// <c>compactor</c>, <c>metrics-generator</c>, <c>gateway</c>): the component's four labels, and on every component but
    /// the gateway the gossip-ring label (§2e; TEMPO internal/manifests/manifestutils/labels.go :: ComponentLabels,
    /// memberlist/gossip.go :: GossipSelector).
    /// </summary>
    public static PodLabels TempoStack(string name, string component)
    {
        var values = Sorted([]);
        values[KubernetesLabels.Name] = "tempo";
        values[KubernetesLabels.Instance] = name;
        values[KubernetesLabels.ManagedBy] = "tempo-operator";
        values[KubernetesLabels.Component] = component;
        if (component != TempoFacts.GatewayComponent)
        {
            values[TempoFacts.GossipMemberLabel] = "true";
        }

        return new PodLabels(values, []);
    }

    /// <summary>The one pod of a TempoMonolithic (its StatefulSet; Jaeger UI and gateway run in it as sidecars) (§2e; TEMPO internal/manifests/monolithic/labels.go).</summary>
    public static PodLabels TempoMonolithic(string name)
    {
        var values = Sorted([]);
        values[KubernetesLabels.Name] = "tempo-monolithic";
        values[KubernetesLabels.Instance] = name;
        values[KubernetesLabels.ManagedBy] = "tempo-operator";
        values[KubernetesLabels.Component] = "tempo";
        return new PodLabels(values, []);
    }

    /// <summary>
    /// The pods of an OGXServer: <c>app: ogx</c> and the instance, nothing else; the operator's other labels go on object
    /// metadata only (§3c; OGXOP controllers/manifests/base/deployment.yaml and kustomization.yaml, labels without
    /// includeTemplates: derived from kustomize semantics).
    /// </summary>
    public static PodLabels OgxServer(string name) => AppAndInstance("ogx", name);

    /// <summary>
    /// The pods of a LlamaStackDistribution (legacy operator v0.9.0): <c>app: llama-stack</c> and the instance (§4; LSDOP
    /// controllers/manifests/base/deployment.yaml; the managed-by, part-of and watch labels are metadata only, as in the
    /// OGX operator's base it grew into).
    /// </summary>
    public static PodLabels LlamaStackDistribution(string name) => AppAndInstance("llama-stack", name);

    private static PodLabels AppAndInstance(string app, string name)
    {
        var values = Sorted([]);
        values["app"] = app;
        values[KubernetesLabels.Instance] = name;
        return new PodLabels(values, []);
    }

    private static SortedDictionary<string, string> Sorted(IEnumerable<KeyValuePair<string, string>> labels)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            sorted[key] = value;
        }

        return sorted;
    }

    private static string Truncate(string value) => value.Length <= MaxLabelValue ? value : value[..MaxLabelValue].TrimEnd('-', '.', '_');
}
