using Generator.Documents;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// Anything that runs pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, the
/// LlamaStackDistribution (whose operator builds the pod from <c>spec.server</c>: one container from
/// <c>containerSpec</c>, volumes, mounts and — if a CRD had them — init containers from <c>podOverrides</c>), the
/// OGXServer (whose operator builds one container, <c>ogx</c>, with the env, volume mounts, command and args of
/// <c>spec.workload.overrides</c>, the resources of <c>spec.workload</c>, and the pod's volumes from the overrides;
/// operator-objects-facts.md §3), and the OpenTelemetryCollector (whose operator builds the pod from <c>spec</c>:
/// container <c>otc-container</c> with the image, env, resources and mounts there and the ports it derives from
/// <c>spec.config</c>, the additional and init containers, volumes, and the labels of
/// <see cref="OperatorPodLabels.OpenTelemetryCollector"/>).
/// </summary>
public sealed class Workload
{
    private Workload(Manifest manifest, YamlMapping? podLabels, YamlMapping? podSecurityContext, IReadOnlyList<ContainerView> containers,
        IReadOnlyList<ContainerView> initContainers, IReadOnlyList<VolumeView> volumes, PodGroup? pods = null)
    {
        Manifest = manifest;
        PodSecurityContext = podSecurityContext;
        Containers = containers;
        InitContainers = initContainers;
        Volumes = volumes;
        Pods = pods ?? (podLabels is null ? null : PodGroup.OfTemplate(manifest, podLabels));
    }

    public Manifest Manifest { get; }

    /// <summary>The workload's pods with their labels, as Services select them (null when they cannot be told, or it runs no pods of its own).</summary>
    public PodGroup? Pods { get; }

    /// <summary>The pod's securityContext (null for a LlamaStackDistribution, whose operator builds the pod).</summary>
    public YamlMapping? PodSecurityContext { get; }

    public IReadOnlyList<ContainerView> Containers { get; }

    public IReadOnlyList<ContainerView> InitContainers { get; }

    public IReadOnlyList<VolumeView> Volumes { get; }

    public IEnumerable<ContainerView> AllContainers => InitContainers.Concat(Containers);

    public string? Namespace => Manifest.Namespace;

    public override string ToString() => Manifest.Ref.ToString();

    /// <summary>Whether an operator builds the pod from a custom resource (so the pod's own settings are the operator's).</summary>
    public bool OperatorBuilt => Manifest.Kind is LlamaStackFacts.Kind or OgxFacts.Kind;

    public static Workload? From(Manifest manifest)
    {
        if (manifest.Kind == LlamaStackFacts.Kind)
        {
            return FromLlamaStack(manifest);
        }

        if (manifest.Kind == OgxFacts.Kind)
        {
            return FromOgx(manifest);
        }

        if (manifest.Kind == OpenTelemetryOperatorFacts.Kind)
        {
            return FromOperatorCollector(manifest);
        }

        string[]? keys = manifest.Kind switch
        {
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" => ["spec", "template"],
            "CronJob" => ["spec", "jobTemplate", "spec", "template"],
            "Pod" => [],
            _ => null,
        };
        if (keys is null)
        {
            return null;
        }

        var templatePath = string.Join('.', keys);
        YamlMapping? template = manifest.Root;
        foreach (var key in keys)
        {
            template = template?.GetMapping(key);
        }

        if (template is null)
        {
            return null;
        }

        var podSpecPath = templatePath.Length == 0 ? "spec" : templatePath + ".spec";
        var podSpec = template.GetMapping("spec");
        if (podSpec is null)
        {
            return null;
        }

        return new Workload(
            manifest,
            template.GetMapping("metadata")?.GetMapping("labels"),
            podSpec.GetMapping("securityContext"),
            ReadContainers(podSpec.GetSequence("containers"), FieldPath.Child(podSpecPath, "containers")),
            ReadContainers(podSpec.GetSequence("initContainers"), FieldPath.Child(podSpecPath, "initContainers")),
            ReadVolumes(podSpec.GetSequence("volumes"), FieldPath.Child(podSpecPath, "volumes")));
    }

    private static Workload? FromLlamaStack(Manifest manifest)
    {
        const string serverPath = "spec.server";
        var server = manifest.Spec?.GetMapping("server");
        if (server is null)
        {
            return null;
        }

        var overrides = server.GetMapping("podOverrides");
        const string overridesPath = serverPath + ".podOverrides";
        var containers = new List<ContainerView>();
        if (server.GetMapping("containerSpec") is { } containerSpec)
        {
            var container = ContainerView.Read(containerSpec, serverPath + ".containerSpec", LlamaStackFacts.DefaultContainerName);
            container.AddMounts(ContainerView.ReadMounts(overrides?.GetSequence("volumeMounts"), overridesPath + ".volumeMounts"));
            containers.Add(container);
        }

        return new Workload(
            manifest,
            podLabels: null,
            podSecurityContext: null,
            containers,
            ReadContainers(overrides?.GetSequence("initContainers"), overridesPath + ".initContainers"),
            ReadVolumes(overrides?.GetSequence("volumes"), overridesPath + ".volumes"));
    }

    private static Workload? FromOgx(Manifest manifest)
    {
        if (manifest.Spec is not { } spec)
        {
            return null;
        }

        var workload = spec.GetMapping("workload");
        var overrides = workload?.GetMapping("overrides");
        var resourcesOwner = workload ?? spec;
        var resourcesOwnerPath = workload is null ? "spec" : OgxFacts.WorkloadPath;
        var container = ContainerView.ReadBuilt(OgxFacts.ContainerName, overrides ?? resourcesOwner, overrides is null ? resourcesOwnerPath : OgxFacts.OverridesPath,
            resourcesOwner, resourcesOwnerPath);
        return new Workload(
            manifest,
            podLabels: null,
            podSecurityContext: null,
            [container],
            [],
            ReadVolumes(overrides?.GetSequence("volumes"), OgxFacts.OverridesPath + ".volumes"));
    }

    /// <summary>
    /// The pod the OpenTelemetry Operator runs for an OpenTelemetryCollector (operator-objects-facts.md §1): the collector
    /// container from <c>spec</c>, with <c>spec.ports</c> and the ports derived from an object <c>spec.config</c> (the v1alpha1
    /// text config is read only by the collector views), then <c>spec.additionalContainers</c>. In sidecar mode the pods
    /// are other workloads' (no pods of its own).
    /// </summary>
    private static Workload? FromOperatorCollector(Manifest manifest)
    {
        if (manifest.Spec is not { } spec)
        {
            return null;
        }

        var ports = new List<PortView>();
        ports.AddRange(ListItems.Read(spec.GetSequence("ports"), "spec.ports", (port, path) =>
            (port.GetScalar("targetPort")?.AsInteger() ?? port.GetScalar("port")?.AsInteger()) is { } number
                ? new PortView(port.GetString("name"), number, port, path)
                : null));
        if (spec.GetMapping("config") is { } config)
        {
            ports.AddRange(CollectorConfigView.OperatorPorts(config, "spec.config").Where(p => ports.All(q => q.Number != p.Number)));
        }

        var containers = new List<ContainerView> { ContainerView.ReadOperated(spec, "spec", OpenTelemetryOperatorFacts.ContainerName, ports) };
        containers.AddRange(ReadContainers(spec.GetSequence("additionalContainers"), "spec.additionalContainers"));
        var mode = spec.GetString("mode") ?? OpenTelemetryOperatorFacts.DeploymentMode;
        PodGroup? pods = null;
        if (mode != OpenTelemetryOperatorFacts.SidecarMode && manifest.Namespace is { } ns)
        {
            var crLabels = (manifest.Root.GetMapping("metadata")?.GetMapping("labels") ?? [])
                .Where(e => e.Value is YamlScalar { IsNull: false })
                .Select(e => KeyValuePair.Create(e.Key.Text, ((YamlScalar)e.Value).Text));
            var image = spec.GetString("image");
            var tag = image is null ? null : ImageReference.Parse(image).Tag ?? "latest";
            pods = PodGroup.Operated(manifest, $"the pods the OpenTelemetry Operator runs for {manifest.Ref}",
                OperatorPodLabels.OpenTelemetryCollector(manifest.Name, ns, crLabels, tag));
        }

        return new Workload(
            manifest,
            podLabels: null,
            spec.GetMapping("podSecurityContext"),
            containers,
            ReadContainers(spec.GetSequence("initContainers"), "spec.initContainers"),
            ReadVolumes(spec.GetSequence("volumes"), "spec.volumes"),
            pods);
    }

    /// <summary>The server image of a LlamaStackDistribution or OGXServer (its distribution's image), if it names one.</summary>
    public YamlScalar? DistributionImageNode => Distribution?.GetScalar("image") is { IsNull: false } image ? image : null;

    public string? DistributionImage => DistributionImageNode?.Text;

    /// <summary>Where the distribution image is: <c>spec.server.distribution.image</c> (LlamaStackDistribution) or <c>spec.distribution.image</c> (OGXServer).</summary>
    public string DistributionImagePath => FieldPath.Child(DistributionPath, "image");

    /// <summary>The distribution name a LlamaStackDistribution's or OGXServer's operator resolves to an image.</summary>
    public string? DistributionName => Distribution?.GetString("name");

    private string DistributionPath => Manifest.Kind == OgxFacts.Kind ? "spec.distribution" : "spec.server.distribution";

    private YamlMapping? Distribution => Manifest.Kind switch
    {
        LlamaStackFacts.Kind => Manifest.Spec?.GetMapping("server")?.GetMapping("distribution"),
        OgxFacts.Kind => Manifest.Spec?.GetMapping("distribution"),
        _ => null,
    };

    /// <summary>The pod volume a mount names; null when the pod defines none of that name.</summary>
    public VolumeView? VolumeOf(MountView mount) => Volumes.FirstOrDefault(v => v.Name == mount.Name);

    /// <summary>The image a container runs; for the LlamaStack server, the distribution image.</summary>
    public string? ImageOf(ContainerView container) => container.Image ?? (Containers.Contains(container) ? DistributionImage : null);

    private static IReadOnlyList<ContainerView> ReadContainers(YamlSequence? items, string path) =>
        ListItems.Read(items, path, ContainerView.Read);

    private static IReadOnlyList<VolumeView> ReadVolumes(YamlSequence? items, string path) =>
        ListItems.Read(items, path, (volume, itemPath) => volume.GetString("name") is { } name ? new VolumeView(name, volume, itemPath) : null);
}
