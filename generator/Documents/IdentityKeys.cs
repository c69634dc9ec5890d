using Generator.Spelling;
using Generator.Yaml;

namespace Generator.Documents;

/// <summary>
/// The two keys that make a mapping a Kubernetes object, <c>apiVersion</c> and <c>kind</c>, and the keys that are a slip
/// of one of them. A key is a near miss of a name when it is not the name itself but is what "did you mean" would take
/// it for (<see cref="Suggestions.FoldedDistance"/>, case and <c>_</c>/<c>-</c> ignored), with one guard: either
/// <list type="number">
/// <item>it equals the name once folded (<c>apiversion</c>, <c>ApiVersion</c>, <c>api_version</c>, <c>Kind</c>, <c>KIND</c>), or</item>
/// <item>it is one edit away (a letter added, dropped or changed, or two neighbours swapped: <c>kinds</c>, <c>apiVerison</c>,
/// <c>apiVersions</c>) and begins with the same letter, so that <c>bind</c>, <c>find</c> or <c>mind</c>, ordinary keys of
/// other tools' YAML, are not taken for <c>kind</c>.</item>
/// </list>
/// </summary>
public static class IdentityKeys
{
    public const string ApiVersion = "apiVersion";

    public const string Kind = "kind";

    private static readonly string[] Names = [ApiVersion, Kind];

    public static bool IsNearMiss(string key, string name)
    {
        if (key == name)
        {
            return false;
        }

        var distance = Suggestions.FoldedDistance(key, name);
        return distance == 0 || (distance <= Suggestions.MaxEdits && char.ToLowerInvariant(key[0]) == char.ToLowerInvariant(name[0]));
    }

    /// <summary>
    /// Whether a document's root is, or was meant to be, a Kubernetes object: a mapping with <c>apiVersion</c> or
    /// <c>kind</c> or a near miss of either, or a sequence holding such a mapping (objects listed without <c>kind: List</c>).
    /// Any other root — a mapping without those keys, a scalar, a sequence of other things — is YAML of another tool.
    /// </summary>
    public static bool Resembles(YamlNode? root) => root switch
    {
        YamlMapping mapping => mapping.Entries.Any(e => Names.Any(name => e.Key.Text == name || IsNearMiss(e.Key.Text, name))),
        YamlSequence sequence => sequence.Items.OfType<YamlMapping>().Any(Resembles),
        _ => false,
    };

    /// <summary>
    /// Why a mapping without a usable apiVersion or kind is not an object, naming the key that was probably meant:
    /// "the object has kind but no apiVersion", "the object has no apiVersion ("apiversion" is not "apiVersion") and no kind".
    /// </summary>
    public static string Problem(YamlMapping mapping)
    {
        var present = Names.Where(name => !string.IsNullOrEmpty(mapping.GetString(name))).ToList();
        var missing = Names.Where(name => string.IsNullOrEmpty(mapping.GetString(name))).Select(name => Missing(mapping, name));
        return "the object has " + (present.Count == 1 ? present[0] + " but " : string.Empty) + string.Join(" and ", missing);
    }

    private static string Missing(YamlMapping mapping, string name)
    {
        if (mapping.Find(name) is { } entry)
        {
            return entry.Value is YamlScalar ? $"an empty {name}" : $"a non-string {name} (an {entry.Value.TypeName})";
        }

        return mapping.Entries.FirstOrDefault(e => IsNearMiss(e.Key.Text, name)) is { } slip
            ? $"no {name} (\"{slip.Key.Text}\" is not \"{name}\")"
            : $"no {name}";
    }
}
