using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>A pod volume and what it is backed by (ConfigMap, Secret, emptyDir or anything else).</summary>
public sealed record VolumeView(string Name, YamlMapping Node, string Path)
{
    public string? ConfigMapName => Node.GetMapping("configMap")?.GetString("name");

    public string? SecretName => Node.GetMapping("secret")?.GetString("secretName");

    public bool IsEmptyDir => Node.ContainsKey("emptyDir");

    /// <summary>The ConfigMap or Secret the volume projects: its kind, its name and the volume field naming it; null for other volumes.</summary>
    public (string Kind, string Name, string Field)? Source =>
        ConfigMapName is { } configMap ? ("ConfigMap", configMap, "configMap")
        : SecretName is { } secret ? ("Secret", secret, "secret")
        : null;

    /// <summary>The scalar naming the ConfigMap or Secret (<c>configMap.name</c>, <c>secret.secretName</c>); null for other volumes.</summary>
    public YamlScalar? SourceNameNode => Node.GetMapping("configMap")?.GetScalar("name") ?? Node.GetMapping("secret")?.GetScalar("secretName");

    /// <summary>Whether the pod may start without the ConfigMap or Secret (<c>optional: true</c>).</summary>
    public bool Optional => (Node.GetMapping("configMap") ?? Node.GetMapping("secret"))?.GetScalar("optional")?.AsBoolean() == true;

    /// <summary>For a ConfigMap or Secret volume with <c>items</c>: file path → key; null when all keys are projected.</summary>
    public IReadOnlyDictionary<string, string>? Items
    {
        get
        {
            var items = (Node.GetMapping("configMap") ?? Node.GetMapping("secret"))?.GetSequence("items");
            if (items is null)
            {
                return null;
            }

            return items.OfType<YamlMapping>()
                .Where(i => i.GetString("key") is not null && i.GetString("path") is not null)
                .GroupBy(i => i.GetString("path")!)
                .ToDictionary(g => g.Key, g => g.First().GetString("key")!, StringComparer.Ordinal);
        }
    }
}
