using Generator.Documents;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>
/// A ConfigMap or Secret a volume takes files from: the volume's own (<c>configMap</c>, <c>secret</c>) or a source of a
/// projected volume. <see cref="Source"/> is the entry that names it (<c>configMap</c>, <c>secret</c>, at <see cref="SourcePath"/>),
/// <see cref="NameNode"/> the scalar naming it (<c>name</c>; <c>secretName</c> for a secret volume, <c>name</c> for a projected secret).
/// </summary>
public sealed record VolumeObject(string Kind, string Name, YamlScalar NameNode, string NamePath, YamlEntry Source, string SourcePath, bool Optional);

/// <summary>A pod volume and what it is backed by (ConfigMap, Secret, emptyDir or anything else).</summary>
public sealed record VolumeView(string Name, YamlMapping Node, string Path)
{
    /// <summary>The ConfigMaps and Secrets the volume needs, its projected sources included, in order (read once: several rules ask).</summary>
    public IReadOnlyList<VolumeObject> Objects { get; } = ReadObjects(Node, Path);

    private static List<VolumeObject> ReadObjects(YamlMapping node, string path)
    {
        var objects = new List<VolumeObject>();
        Add(objects, node, path, "configMap", "ConfigMap", "name");
        Add(objects, node, path, "secret", "Secret", "secretName");
        var sources = node.GetMapping("projected")?.GetSequence("sources");
        var sourcesPath = FieldPath.Child(FieldPath.Child(path, "projected"), "sources");
        for (var i = 0; sources is not null && i < sources.Count; i++)
        {
            if (sources[i] is YamlMapping source)
            {
                var sourcePath = FieldPath.Index(sourcesPath, i);
                Add(objects, source, sourcePath, "configMap", "ConfigMap", "name");
                Add(objects, source, sourcePath, "secret", "Secret", "name");
            }
        }

        return objects;
    }

    private static void Add(List<VolumeObject> objects, YamlMapping owner, string ownerPath, string field, string kind, string nameKey)
    {
        if (owner.Find(field) is { Value: YamlMapping source } entry && source.GetScalar(nameKey) is { IsNull: false } name && name.Text.Length > 0)
        {
            var fieldPath = FieldPath.Child(ownerPath, field);
            objects.Add(new VolumeObject(kind, name.Text, name, FieldPath.Child(fieldPath, nameKey), entry, fieldPath, source.GetScalar("optional")?.AsBoolean() == true));
        }
    }

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
