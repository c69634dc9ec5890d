using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// A reference by name from one object to another of its namespace: the ConfigMap or Secret of a pod volume (its
/// projected sources included), of an env
/// var's <c>valueFrom</c> or of an <c>envFrom</c> source, or the Service the host of an OTLP endpoint names (a
/// workload's endpoint env var, a collector's OTLP exporter). <see cref="Node"/> is the scalar that names it, where
/// findings point; <see cref="Subject"/> says who refers, for messages.
/// </summary>
public sealed record NameReference(string Kind, string Name, string? Namespace, string File, YamlNode Node, string Path, string Subject)
{
    /// <summary>
    /// Every such reference of the bundle that must resolve (optional volumes and env sources, and the CA ConfigMaps that
    /// Kubernetes and OpenShift create in every namespace, are left out), in document order.
    /// </summary>
    public static IReadOnlyList<NameReference> All(LintContext context)
    {
        var references = new List<NameReference>();
        foreach (var workload in context.Workloads)
        {
            var file = workload.Manifest.File;
            foreach (var volume in workload.Volumes)
            {
                references.AddRange(volume.Objects.Where(o => MustResolve(o.Kind, o.Name, o.Optional))
                    .Select(o => new NameReference(o.Kind, o.Name, workload.Namespace, file, o.NameNode, o.NamePath, $"volume \"{volume.Name}\" of {workload}")));
            }

            foreach (var container in workload.AllContainers)
            {
                references.AddRange(container.EnvSources.Where(s => MustResolve(s.Kind, s.Name, s.Optional))
                    .Select(s => new NameReference(s.Kind, s.Name, workload.Namespace, file, s.NameNode, s.Path, $"{s.Describe} of container \"{container.Name}\" in {workload}")));
            }
        }

        foreach (var route in context.OtlpRoutes)
        {
            references.Add(new("Service", route.Target.Service, route.Target.Namespace, route.Workload.Manifest.File, route.Env.Value!, route.Env.ValuePath,
                $"{route.Describe}: host {route.Endpoint.Host}"));
        }

        foreach (var config in context.CollectorConfigs)
        {
            foreach (var exporter in config.OtlpExporters())
            {
                if (exporter.Endpoint.ClusterService(config.Collector.Workload.Namespace) is var (service, ns))
                {
                    references.Add(new("Service", service, ns, config.Collector.ConfigFile, exporter.EndpointNode, config.Collector.PathInConfig(exporter.EndpointPath),
                        $"{exporter.Definition.Describe} in {config.Source}: host {exporter.Endpoint.Host}"));
                }
            }
        }

        return references;
    }

    /// <summary>Whether a ConfigMap or Secret a pod names must exist: it is not optional, nor a CA ConfigMap every namespace has.</summary>
    public static bool MustResolve(string kind, string name, bool optional) => !optional && !(kind == "ConfigMap" && PerNamespaceConfigMaps.Contains(name));

    /// <summary>The CA ConfigMaps that Kubernetes (kube-root-ca.crt) and OpenShift (openshift-service-ca.crt) create in every namespace.</summary>
    private static readonly IReadOnlySet<string> PerNamespaceConfigMaps = new HashSet<string>(StringComparer.Ordinal) { "kube-root-ca.crt", "openshift-service-ca.crt" };
}
