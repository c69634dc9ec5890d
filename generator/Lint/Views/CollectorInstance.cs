using Generator.Documents;
using Generator.Facts;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// An OpenTelemetry Collector container (recognised by its image) and the config it will load, found the way the
/// collector finds it: the <c>--config</c> argument, the volume mounted at that path, the ConfigMap behind the volume and
/// the key. When any link is missing, <see cref="SourceProblem"/> says which, and the config is null.
/// </summary>
public sealed class CollectorInstance
{
    private CollectorInstance(Workload workload, ContainerView container, string image, ImageReference reference, CollectorDistribution distribution)
    {
        Workload = workload;
        Container = container;
        Image = image;
        Reference = reference;
        Distribution = distribution;
        Version = CollectorVersion.Parse(reference.Tag);
    }

    public Workload Workload { get; }

    public ContainerView Container { get; }

    public string Image { get; }

    /// <summary>The image split into repository, tag and digest.</summary>
    public ImageReference Reference { get; }

    public CollectorDistribution Distribution { get; }

    /// <summary>The collector release, when the tag says; null for digests or custom tags.</summary>
    public CollectorVersion? Version { get; }

    /// <summary>The config file path the collector reads, or null when it runs the image's built-in config.</summary>
    public string? ConfigPath { get; private set; }

    /// <summary>The <c>--config</c> argument, when given.</summary>
    public (YamlScalar Node, string Path)? ConfigArgument { get; private set; }

    public Manifest? ConfigMap { get; private set; }

    public string? ConfigKey { get; private set; }

    /// <summary>The config, parsed, with positions in the ConfigMap's file; null when it could not be found or parsed.</summary>
    public YamlMapping? Config { get; private set; }

    /// <summary>The file the config's positions refer to (the ConfigMap's file).</summary>
    public string ConfigFile => ConfigMap?.File ?? Workload.Manifest.File;

    /// <summary>Problems parsing the config text (positions in <see cref="ConfigFile"/>).</summary>
    public IReadOnlyList<YamlProblem> ConfigProblems { get; private set; } = [];

    /// <summary>The ConfigMap volume the config comes from when that ConfigMap is not in the bundle.</summary>
    public VolumeView? MissingConfigMapVolume { get; private set; }

    /// <summary>Why the config could not be located, with the node and path to point at; null when it was found.</summary>
    public (string Message, Manifest Manifest, YamlNode? Node, string Path)? SourceProblem { get; private set; }

    /// <summary>The ConfigMap field holding the config, e.g. <c>data[config.yaml]</c>.</summary>
    public string ConfigFieldPath => ConfigKey is null ? "data" : FieldPath.Child("data", ConfigKey);

    /// <summary>The collector's own field path for a node inside the config, prefixed by the ConfigMap field.</summary>
    public string PathInConfig(string configPath) => ConfigFieldPath + " → " + configPath;

    public static CollectorInstance? Find(Workload workload, ContainerView container, LintContext context)
    {
        if (workload.ImageOf(container) is not { } image)
        {
            return null;
        }

        var reference = ImageReference.Parse(image);
        if (CollectorCatalog.DistributionOf(reference.Repository) is not { } distribution)
        {
            return null;
        }

        var instance = new CollectorInstance(workload, container, image, reference, distribution);
        instance.Locate(context);
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
        var stream = EmbeddedYaml.Parse(value, context.StreamOf(ConfigMap));
        ConfigProblems = stream.Problems;
        Config = stream.Problems.Any(p => p.Kind is YamlProblemKind.Syntax or YamlProblemKind.Limit) ? null : stream.Documents.FirstOrDefault()?.Root as YamlMapping;
    }

    private static string? DefaultConfigPath(CollectorDistribution distribution) => distribution switch
    {
        CollectorDistribution.Contrib => "/etc/otelcol-contrib/config.yaml",
        CollectorDistribution.K8s => null,
        _ => "/etc/otelcol/config.yaml",
    };
}
