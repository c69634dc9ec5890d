using Generator.Documents;
using Generator.Yaml;

namespace Generator.Lint.Views;

/// <summary>Reads the object items of a manifest list (containers, env, ports, mounts, volumes, Service ports) into views.</summary>
internal static class ListItems
{
    /// <summary>
    /// What <paramref name="read"/> makes of each mapping item and its field path (<c>path[i]</c>), in order; items that are
    /// not mappings, and those <paramref name="read"/> rejects with null, are left out.
    /// </summary>
    public static IReadOnlyList<T> Read<T>(YamlSequence? items, string path, Func<YamlMapping, string, T?> read)
        where T : class
    {
        var result = new List<T>();
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            if (items[i] is YamlMapping item && read(item, FieldPath.Index(path, i)) is { } view)
            {
                result.Add(view);
            }
        }

        return result;
    }
}
