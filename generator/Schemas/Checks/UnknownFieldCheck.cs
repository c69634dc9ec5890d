using Generator.Findings;
using Generator.Spelling;
using Generator.Yaml;

namespace Generator.Schemas.Checks;

/// <summary>
/// <c>schema-pruned-field</c>: a key the structural schema does not declare. The API server prunes it silently (CRDs) or drops
/// it while decoding (built-in kinds), so the setting never takes effect. The message lists what the parent does accept.
/// </summary>
internal static class UnknownFieldCheck
{
    public static readonly RuleInfo Rule = new(
        "schema-pruned-field",
        Severity.Error,
        "A field the schema does not declare: the API server prunes it, so the setting silently has no effect.",
        "Fix the spelling or move the field to where the schema declares it; free-form settings belong under a field marked "
        + "x-kubernetes-preserve-unknown-fields (e.g. spec.extraConfig), and a field of a newer operator needs that operator's CRD "
        + "(import it with `schemas import`).");

    public static void Report(ValidationRun run, YamlEntry entry, string path, string parentName, IReadOnlyList<string> valid, Mark fallback)
    {
        var name = entry.Key.Text;
        var suggestion = Suggestions.Closest(name, valid);
        var accepts = valid.Count == 0 ? "accepts no fields" : "accepts " + Suggestions.ListValid(name, valid);
        var mark = entry.Key.Start.Or(fallback);
        var verb = run.Flavor == SchemaFlavor.Native ? "would drop it" : "would prune it";
        var message = $"unknown field \"{name}\": the API server {verb}; "
            + (suggestion is null ? string.Empty : $"did you mean \"{suggestion}\"? ")
            + $"{parentName} {accepts}";

        run.Report(Rule, mark, path, message);
    }

    /// <summary>The name messages use for the object holding the field: its last path segment, or the kind at the root.</summary>
    public static string ParentName(string path, string rootName)
    {
        if (path.Length == 0)
        {
            return rootName;
        }

        if (path.EndsWith(']'))
        {
            var open = path.LastIndexOf('[');
            var inner = path[(open + 1)..^1];
            if (!inner.All(char.IsAsciiDigit))
            {
                return inner;
            }

            var before = open > 0 ? path.LastIndexOf('.', open - 1) : -1;
            return path[(before + 1)..];
        }

        var dot = path.LastIndexOf('.');
        return dot >= 0 ? path[(dot + 1)..] : path;
    }
}
