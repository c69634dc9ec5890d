using Generator.Documents;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// An OpenTelemetry Collector and the config it will load. A collector container of a workload (recognised by its image)
/// has its config found the way the collector finds it: the <c>--config</c> argument, the volume mounted at that path,
/// the ConfigMap behind the volume and the key; when any link is missing, <see cref="SourceProblem"/> says which, and the
/// config is null. The collector of an OpenTelemetryCollector (<see cref="Operated"/>) loads the CR's own
/// <c>spec.config</c>: an object in v1beta1, YAML text in v1alpha1.
/// </summary>
public sealed class CollectorInstance
{
    /// <summary>How messages name the image of an OpenTelemetryCollector that sets no spec.image.</summary>
    public const string OperatorDefaultImage = "the operator's default image";

    private CollectorInstance(Workload workload, ContainerView container, string? image, CollectorDistribution? distribution)
    {
        Workload = workload;
        Container = container;
        Image = image ?? OperatorDefaultImage;
        Reference = image is null ? null : ImageReference.Parse(image);
        Distribution = distribution;
        Version = CollectorVersion.Parse(Reference?.Tag);
    }

    public Workload Workload { get; }

    public ContainerView Container { get; }

    /// <summary>The image, or <see cref="OperatorDefaultImage"/>.</summary>
    public string Image { get; }

    /// <summary>The image split into repository, tag and digest; null for an OpenTelemetryCollector that names no image.</summary>
    public ImageReference? Reference { get; }

    /// <summary>The distribution the image is; null when it cannot be told (an OpenTelemetryCollector's image that is not one of the catalog's, or none).</summary>
    public CollectorDistribution? Distribution { get; }

    /// <summary>The collector release, when the tag says; null for digests, custom tags or no image.</summary>
    public CollectorVersion? Version { get; }

    /// <summary>Whether the OpenTelemetry Operator runs this collector from an OpenTelemetryCollector (the config is its spec.config).</summary>
    public bool Operated => Workload.Manifest.Kind == OpenTelemetryOperatorFacts.Kind;

    /// <summary>The OpenTelemetryCollector's mode (deployment, statefulset, daemonset, sidecar); null for a collector of a workload.</summary>
    public string? Mode => Operated ? Workload.Manifest.Spec?.GetString("mode") ?? OpenTelemetryOperatorFacts.DeploymentMode : null;

    /// <summary>The object holding the config: the ConfigMap, or the OpenTelemetryCollector; null when not found.</summary>
    public Manifest? ConfigOwner => Operated ? Workload.Manifest : ConfigMap;

    /// <summary>For messages: <c>ConfigMap "otel-collector-config"</c>, <c>OpenTelemetryCollector "tracing"</c>.</summary>
    public string Source => $"{(Operated ? OpenTelemetryOperatorFacts.Kind : "ConfigMap")} \"{ConfigOwner?.Name}\"";

    /// <summary>The node holding the config: the ConfigMap key's text, or spec.config.</summary>
    public YamlNode? ConfigNode { get; private set; }

    /// <summary>The config file path the collector reads, or null when it runs the image's built-in config.</summary>
    public string? ConfigPath { get; private set; }

    /// <summary>The <c>--config</c> argument, when given.</summary>
    public (YamlScalar Node, string Path)? ConfigArgument { get; private set; }

    public Manifest? ConfigMap { get; private set; }

    public string? ConfigKey { get; private set; }

    /// <summary>The config, parsed, with positions in <see cref="ConfigFile"/>; null when it could not be found or parsed.</summary>
    public YamlMapping? Config { get; private set; }

    /// <summary>The file the config's positions refer to (the ConfigMap's or the OpenTelemetryCollector's file).</summary>
    public string ConfigFile => ConfigOwner?.File ?? Workload.Manifest.File;

    /// <summary>Problems parsing the config text (positions in <see cref="ConfigFile"/>).</summary>
    public IReadOnlyList<YamlProblem> ConfigProblems { get; private set; } = [];

    /// <summary>The ConfigMap volume the config comes from when that ConfigMap is not in the bundle.</summary>
    public VolumeView? MissingConfigMapVolume { get; private set; }

    /// <summary>Why the config could not be located, with the node and path to point at; null when it was found.</summary>
    public (string Message, Manifest Manifest, YamlNode? Node, string Path)? SourceProblem { get; private set; }

    /// <summary>The field holding the config, e.g. <c>data[config.yaml]</c> or <c>spec.config</c>.</summary>
    public string ConfigFieldPath => Operated ? "spec.config" : ConfigKey is null ? "data" : FieldPath.Child("data", ConfigKey);

    /// <summary>
    /// The field path of a node inside the config: below <c>spec.config</c> when the config is part of the object, after
    /// an arrow when it is a text the collector parses (a ConfigMap key, a v1alpha1 spec.config).
    /// </summary>
    public string PathInConfig(string configPath) => ConfigNode is YamlMapping ? ConfigFieldPath + "." + configPath : ConfigFieldPath + " → " + configPath;

    public static CollectorInstance? Find(Workload workload, ContainerView container, LintContext context)
    {
        if (workload.Manifest.Kind == OpenTelemetryOperatorFacts.Kind)
        {
            return container == workload.Containers[0] ? FromOperator(workload, container, context) : null;
        }

        if (workload.ImageOf(container) is not { } image
            || CollectorCatalog.DistributionOf(ImageReference.Parse(image).Repository) is not { } distribution)
        {
            return null;
        }

        var instance = new CollectorInstance(workload, container, image, distribution);
        instance.Locate(context);
        return instance;
    }

    /// <summary>The collector of an OpenTelemetryCollector: its spec.image (any image: the CR says it is a collector) and spec.config.</summary>
    private static CollectorInstance FromOperator(Workload workload, ContainerView container, LintContext context)
    {
        var image = container.Image;
        var distribution = image is null ? null : CollectorCatalog.DistributionOf(ImageReference.Parse(image).Repository);
        var instance = new CollectorInstance(workload, container, image, distribution);
        switch (workload.Manifest.Spec?["config"])
        {
            case YamlMapping config:
                instance.ConfigNode = config;
                instance.Config = config;
                break;
            case YamlScalar { IsNull: false, Kind: ScalarKind.String } text:
                instance.ConfigNode = text;
                instance.ParseText(text, context.StreamOf(workload.Manifest));
                break;
        }

        return instance;
    }

    private void Locate(LintContext context)
    {
        var manifest = Workload.Manifest;
        ConfigPath = DefaultConfigPath(Distribution);
        for (var i = 0; i < Container.Arguments.Count; i++)
        {
            var (text, node, path) = Container.Arguments[i];
            string? argument = null;
            if (text.StartsWith("--config=", StringComparison.Ordinal))
            {
                argument = text["--config=".Length..];
            }
            else if (text == "--config" && i + 1 < Container.Arguments.Count)
            {
                argument = Container.Arguments[i + 1].Text;
            }

            if (argument is not null)
            {
                ConfigArgument = (node, path);
                ConfigPath = argument.StartsWith("file:", StringComparison.Ordinal) ? argument[5..] : argument;
                break;
            }
        }

        if (ConfigPath is null || ConfigPath.StartsWith("yaml:", StringComparison.Ordinal) || ConfigPath.Contains("${", StringComparison.Ordinal))
        {
            ConfigPath = null;
            return;
        }

        var argNode = ConfigArgument?.Node;
        var argPath = ConfigArgument?.Path ?? Container.Path;
        var mount = Container.VolumeMounts
            .Where(m => ConfigPath == m.MountPath || ConfigPath.StartsWith(m.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal))
            .OrderByDescending(m => m.MountPath.Length)
            .FirstOrDefault();
        if (mount is null)
        {
            if (ConfigArgument is not null)
            {
                SourceProblem = ($"the collector reads its config from {ConfigPath}, but no volume is mounted there in container \"{Container.Name}\"", manifest, argNode, argPath);
            }

            return;
        }

        var volume = Workload.VolumeOf(mount);
        if (volume?.ConfigMapName is not { } configMapName)
        {
            // A mount of a volume that is not a ConfigMap (or does not exist) is reported by the volume rules.
            return;
        }

        var relative = ConfigPath == mount.MountPath ? null : ConfigPath[(mount.MountPath.TrimEnd('/').Length + 1)..];
        var key = mount.SubPath is { } subPath && relative is null ? subPath : relative;
        if (key is not null && volume.Items is { } items)
        {
            key = items.TryGetValue(key, out var mapped) ? mapped : null;
        }

        ConfigMap = context.Manifests.Find("ConfigMap", Workload.Namespace, configMapName);
        if (ConfigMap is null)
        {
            MissingConfigMapVolume = volume;
            SourceProblem = ($"the collector config comes from ConfigMap \"{configMapName}\" (volume \"{volume.Name}\"), which is not in the linted files", manifest, volume.Node, volume.Path);
            return;
        }

        var data = ConfigMap.Root.GetMapping("data");
        if (key is null || data?.GetScalar(key) is not { IsNull: false } value)
        {
            var keys = data is null ? "none" : string.Join(", ", data.Entries.Select(e => e.Key.Text));
            SourceProblem = ($"--config path {ConfigPath} needs key \"{key ?? relative}\" in ConfigMap \"{configMapName}\" (volume \"{volume.Name}\" at {mount.MountPath}); the ConfigMap has keys: {keys}", manifest, (YamlNode?)argNode ?? mount.Node, ConfigArgument is null ? mount.Path : argPath);
            return;
        }

        ConfigKey = key;
        ConfigNode = value;
        ParseText(value, context.StreamOf(ConfigMap));
    }

    private void ParseText(YamlScalar value, YamlStream outer)
    {
        var stream = EmbeddedYaml.Parse(value, outer);
        ConfigProblems = stream.Problems;
        Config = stream.Problems.Any(p => p.Kind is YamlProblemKind.Syntax or YamlProblemKind.Limit) ? null : stream.Documents.FirstOrDefault()?.Root as YamlMapping;
    }

    private static string? DefaultConfigPath(CollectorDistribution? distribution) => distribution switch
    {
        CollectorDistribution.Contrib => "/etc/otelcol-contrib/config.yaml",
        CollectorDistribution.K8s => null,
        _ => "/etc/otelcol/config.yaml",
    };
}
