using Generator.Documents;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// Anything that runs pods: Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod, the
/// LlamaStackDistribution (whose operator builds the pod from <c>spec.server</c>: one container from
/// <c>containerSpec</c>, volumes, mounts and — if a CRD had them — init containers from <c>podOverrides</c>), and the
/// OGXServer (whose operator builds one container, <c>ogx</c>, with the env, volume mounts, command and args of
/// <c>spec.workload.overrides</c>, the resources of <c>spec.workload</c>, and the pod's volumes from the overrides;
/// operator-objects-facts.md §3).
/// </summary>
public sealed class Workload
{
    private Workload(Manifest manifest, YamlMapping? podLabels, YamlMapping? podSecurityContext, IReadOnlyList<ContainerView> containers,
        IReadOnlyList<ContainerView> initContainers, IReadOnlyList<VolumeView> volumes)
    {
        Manifest = manifest;
        PodLabels = podLabels;
        PodSecurityContext = podSecurityContext;
        Containers = containers;
        InitContainers = initContainers;
        Volumes = volumes;
    }

    public Manifest Manifest { get; }

    /// <summary>The pod template's labels (null when unknown, e.g. pods an operator labels itself).</summary>
    public YamlMapping? PodLabels { get; }

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
            var container = ContainerView.Read(containerSpec, serverPath + ".containerSpec");
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
