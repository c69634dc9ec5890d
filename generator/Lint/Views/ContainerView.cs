using Generator.Documents;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>An environment variable of a container: a literal value (<see cref="Value"/>) or a reference.</summary>
public sealed record EnvView(string Name, YamlScalar? Value, YamlMapping Node, string Path);

/// <summary>A container port (name optional).</summary>
public sealed record PortView(string? Name, long Number, YamlMapping Node, string Path);

/// <summary>A volume mount of a container.</summary>
public sealed record MountView(string Name, string MountPath, string? SubPath, bool ReadOnly, YamlMapping Node, string Path);

/// <summary>An HTTP, TCP or gRPC probe's target port (a number or a port name) and HTTP path.</summary>
public sealed record ProbeView(string Kind, YamlScalar Port, string? HttpPath, YamlMapping Node, string Path);

/// <summary>A container of a workload's pod template, read once and shared by all rules.</summary>
public sealed class ContainerView
{
    private ContainerView(YamlMapping node, string path, string? name = null, IReadOnlyList<PortView>? ports = null)
    {
        Node = node;
        Path = path;
        Name = name ?? node.GetString("name") ?? string.Empty;
        Image = node.GetString("image");
        Env = ReadEnv(node, path);
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

    public IReadOnlyList<PortView> Ports { get; }

    public IReadOnlyList<MountView> VolumeMounts { get; private set; }

    /// <summary>command followed by args, each with its node.</summary>
    public IReadOnlyList<(string Text, YamlScalar Node, string Path)> Arguments { get; }

    public IReadOnlyList<ProbeView> Probes { get; }

    public YamlMapping? SecurityContext => Node.GetMapping("securityContext");

    public YamlMapping? Resources => Node.GetMapping("resources");

    public static ContainerView Read(YamlMapping node, string path) => new(node, path);

    /// <summary>
    /// A container an operator builds from fields of its custom resource (<paramref name="node"/>: image, env, resources,
    /// securityContext, volumeMounts), with the name and the ports the operator gives it.
    /// </summary>
    public static ContainerView ReadOperated(YamlMapping node, string path, string name, IReadOnlyList<PortView> ports) => new(node, path, name, ports);

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
