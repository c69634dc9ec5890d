using Generator.Documents;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>An environment variable of a container: a literal value (<see cref="Value"/>) or a reference.</summary>
public sealed record EnvView(string Name, YamlScalar? Value, YamlMapping Node, string Path)
{
    /// <summary>The field path of its value, where findings about the value point.</summary>
    public string ValuePath => FieldPath.Child(Path, "value");
}

/// <summary>
/// A ConfigMap or Secret a container's environment reads: an env var's <c>valueFrom.configMapKeyRef</c> or
/// <c>secretKeyRef</c>, or an <c>envFrom</c> source. <see cref="NameNode"/> is the scalar naming the object.
/// </summary>
public sealed record EnvSourceView(string Kind, string Name, bool Optional, YamlScalar NameNode, string Path, string Describe);

/// <summary>A container port (name optional).</summary>
public sealed record PortView(string? Name, long Number, YamlMapping Node, string Path);

/// <summary>A volume mount of a container.</summary>
public sealed record MountView(string Name, string MountPath, string? SubPath, bool ReadOnly, YamlMapping Node, string Path);

/// <summary>An HTTP, TCP or gRPC probe's target port (a number or a port name) and HTTP path.</summary>
public sealed record ProbeView(string Kind, YamlScalar Port, string? HttpPath, YamlMapping Node, string Path);

/// <summary>A container of a workload's pod template, read once and shared by all rules.</summary>
public sealed class ContainerView
{
    /// <summary>The mapping that holds the container's <c>resources</c> (the container's own, except for an OGXServer's) and its path.</summary>
    private readonly YamlMapping _resourcesOwner;
    private readonly string _resourcesOwnerPath;

    private ContainerView(YamlMapping node, string path, string? name = null, YamlMapping? resourcesOwner = null, string? resourcesOwnerPath = null,
        IReadOnlyList<PortView>? ports = null)
    {
        Node = node;
        Path = path;
        Name = name ?? node.GetString("name") ?? string.Empty;
        _resourcesOwner = resourcesOwner ?? node;
        _resourcesOwnerPath = resourcesOwnerPath ?? path;
        Image = node.GetString("image");
        Env = ReadEnv(node, path);
        EnvSources = ReadEnvSources(node, path);
        Ports = ports ?? ReadPorts(node, path);
        VolumeMounts = ReadMounts(node.GetSequence("volumeMounts"), FieldPath.Child(path, "volumeMounts"));
        Arguments = ReadStrings(node, "command", path).Concat(ReadStrings(node, "args", path)).ToList();
        Probes = ReadProbes(node, path);
    }

    public YamlMapping Node { get; }

    public string Path { get; }

    public string Name { get; }

    public string? Image { get; }

    public IReadOnlyList<EnvView> Env { get; }

    /// <summary>The ConfigMaps and Secrets the environment reads (env valueFrom, then envFrom).</summary>
    public IReadOnlyList<EnvSourceView> EnvSources { get; }

    public IReadOnlyList<PortView> Ports { get; }

    public IReadOnlyList<MountView> VolumeMounts { get; private set; }

    /// <summary>command followed by args, each with its node.</summary>
    public IReadOnlyList<(string Text, YamlScalar Node, string Path)> Arguments { get; }

    public IReadOnlyList<ProbeView> Probes { get; }

    public YamlMapping? SecurityContext => Node.GetMapping("securityContext");

    public YamlMapping? Resources => _resourcesOwner.GetMapping("resources");

    /// <summary>Where the container's resources are (their key and path), or where they belong when there are none.</summary>
    public (YamlNode Node, string Path) ResourcesLocation => _resourcesOwner.Find("resources") is { } entry
        ? (entry.Key, FieldPath.Child(_resourcesOwnerPath, "resources"))
        : (_resourcesOwner, _resourcesOwnerPath);

    public static ContainerView Read(YamlMapping node, string path) => new(node, path);

    /// <summary>A container spec whose name an operator defaults (<paramref name="defaultName"/>) when the spec has none.</summary>
    public static ContainerView Read(YamlMapping node, string path, string defaultName) => new(node, path, node.GetString("name") ?? defaultName);

    /// <summary>
    /// A container an operator builds from pieces of its custom resource: <paramref name="node"/> holds its env, mounts,
    /// command and args (an OGXServer's <c>spec.workload.overrides</c>), <paramref name="resourcesOwner"/> its resources.
    /// </summary>
    internal static ContainerView ReadBuilt(string name, YamlMapping node, string path, YamlMapping resourcesOwner, string resourcesOwnerPath) =>
        new(node, path, name, resourcesOwner, resourcesOwnerPath);

    /// <summary>
    /// A container an operator builds from fields of its custom resource (<paramref name="node"/>: image, env, resources,
    /// securityContext, volumeMounts), with the name and the ports the operator gives it.
    /// </summary>
    public static ContainerView ReadOperated(YamlMapping node, string path, string name, IReadOnlyList<PortView> ports) => new(node, path, name, ports: ports);

    /// <summary>Adds mounts that belong to this container but live elsewhere in the object (LlamaStackDistribution podOverrides).</summary>
    internal void AddMounts(IEnumerable<MountView> mounts) => VolumeMounts = [.. VolumeMounts, .. mounts];

    internal static IReadOnlyList<MountView> ReadMounts(YamlSequence? mounts, string path) =>
        ListItems.Read(mounts, path, (mount, itemPath) => mount.GetString("name") is { } name && mount.GetString("mountPath") is { } mountPath
            ? new MountView(name, mountPath, mount.GetString("subPath"), mount.GetScalar("readOnly")?.AsBoolean() == true, mount, itemPath)
            : null);

    private static IReadOnlyList<EnvView> ReadEnv(YamlMapping node, string path) =>
        ListItems.Read(node.GetSequence("env"), FieldPath.Child(path, "env"), (item, itemPath) => item.GetString("name") is { } name
            ? new EnvView(name, item.GetScalar("value"), item, itemPath)
            : null);

    private static IReadOnlyList<EnvSourceView> ReadEnvSources(YamlMapping node, string path)
    {
        var sources = new List<EnvSourceView>();
        var env = node.GetSequence("env");
        for (var i = 0; env is not null && i < env.Count; i++)
        {
            var from = (env[i] as YamlMapping)?.GetMapping("valueFrom");
            var fromPath = FieldPath.Child(FieldPath.Index(FieldPath.Child(path, "env"), i), "valueFrom");
            foreach (var (field, kind) in new[] { ("configMapKeyRef", "ConfigMap"), ("secretKeyRef", "Secret") })
            {
                if (Source(from?.GetMapping(field), kind, FieldPath.Child(fromPath, field), $"env {(env[i] as YamlMapping)?.GetString("name")}") is { } source)
                {
                    sources.Add(source);
                }
            }
        }

        var envFrom = node.GetSequence("envFrom");
        for (var i = 0; envFrom is not null && i < envFrom.Count; i++)
        {
            var itemPath = FieldPath.Index(FieldPath.Child(path, "envFrom"), i);
            foreach (var (field, kind) in new[] { ("configMapRef", "ConfigMap"), ("secretRef", "Secret") })
            {
                if (Source((envFrom[i] as YamlMapping)?.GetMapping(field), kind, FieldPath.Child(itemPath, field), $"envFrom[{i}]") is { } source)
                {
                    sources.Add(source);
                }
            }
        }

        return sources;
    }

    private static EnvSourceView? Source(YamlMapping? reference, string kind, string path, string describe) =>
        reference?.GetScalar("name") is { IsNull: false } name && name.Text.Length > 0
            ? new EnvSourceView(kind, name.Text, reference.GetScalar("optional")?.AsBoolean() == true, name, FieldPath.Child(path, "name"), describe)
            : null;

    private static IReadOnlyList<PortView> ReadPorts(YamlMapping node, string path) =>
        ListItems.Read(node.GetSequence("ports"), FieldPath.Child(path, "ports"), (port, itemPath) => port.GetScalar("containerPort")?.AsInteger() is { } number
            ? new PortView(port.GetString("name"), number, port, itemPath)
            : null);

    private static IEnumerable<(string, YamlScalar, string)> ReadStrings(YamlMapping node, string key, string path)
    {
        var items = node.GetSequence(key);
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            if (items[i] is YamlScalar { IsNull: false } scalar)
            {
                yield return (scalar.Text, scalar, FieldPath.Index(FieldPath.Child(path, key), i));
            }
        }
    }

    private static IReadOnlyList<ProbeView> ReadProbes(YamlMapping node, string path)
    {
        var result = new List<ProbeView>();
        foreach (var kind in new[] { "livenessProbe", "readinessProbe", "startupProbe" })
        {
            if (node.GetMapping(kind) is not { } probe)
            {
                continue;
            }

            var probePath = FieldPath.Child(path, kind);
            foreach (var handler in new[] { "httpGet", "tcpSocket", "grpc" })
            {
                if (probe.GetMapping(handler) is { } action && action.GetScalar("port") is { IsNull: false } port)
                {
                    result.Add(new ProbeView(kind, port, action.GetString("path"), action, FieldPath.Child(probePath, handler)));
                }
            }
        }

        return result;
    }
}
