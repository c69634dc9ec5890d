using Generator.Facts;
using Generator.Documents;
using Generator.Model;
using Generator.Yaml;

namespace Generator.Tests.Chart;

/// <summary>
/// Deep, type-aware comparison of two objects as the API server would read them: mappings by key (order is not
/// meaningful), sequences by position, scalars by YAML type and value, so a quoted "8321" differs from 8321. The labels
/// only helm sets (helm.sh/chart, and managed-by, which names helm instead of the generator) are ignored.
/// </summary>
public static class ObjectDiff
{
    private static readonly string[] LabelPaths = ["metadata.labels", "spec.template.metadata.labels"];

    private static readonly string[] HelmOnlyLabels = [Common.HelmChartLabel, KubernetesLabels.ManagedBy];

    /// <summary>One line per difference, with its field path; empty when the objects are equal.</summary>
    public static IReadOnlyList<string> Compare(YamlNode expected, YamlNode actual)
    {
        var differences = new List<string>();
        Compare(string.Empty, expected, actual, differences);
        return differences;
    }

    private static void Compare(string path, YamlNode expected, YamlNode actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (YamlMapping e, YamlMapping a):
                var ignored = LabelPaths.Contains(path) ? HelmOnlyLabels : [];
                var keys = e.Entries.Select(x => x.Key.Text).Union(a.Entries.Select(x => x.Key.Text)).Except(ignored);
                foreach (var key in keys)
                {
                    var child = FieldPath.Child(path, key);
                    switch (e[key], a[key])
                    {
                        case ({ } ev, { } av):
                            Compare(child, ev, av, differences);
                            break;
                        case ({ } ev, null):
                            differences.Add($"{child}: missing in helm's output (raw: {Describe(ev)})");
                            break;
                        case (null, { } av):
                            differences.Add($"{child}: only in helm's output ({Describe(av)})");
                            break;
                    }
                }

                break;
            case (YamlSequence e, YamlSequence a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    var child = FieldPath.Index(path, i);
                    if (i >= a.Count)
                    {
                        differences.Add($"{child}: missing in helm's output (raw: {Describe(e[i])})");
                    }
                    else if (i >= e.Count)
                    {
                        differences.Add($"{child}: only in helm's output ({Describe(a[i])})");
                    }
                    else
                    {
                        Compare(child, e[i], a[i], differences);
                    }
                }

                break;
            case (YamlScalar e, YamlScalar a) when SameScalar(e, a):
                break;
            case (YamlScalar { Kind: ScalarKind.String } e, YamlScalar { Kind: ScalarKind.String } a) when e.Text.Contains('\n') || a.Text.Contains('\n'):
                differences.Add($"{path}: {FirstDifferentLine(e.Text, a.Text)}");
                break;
            default:
                differences.Add($"{(path.Length == 0 ? "(root)" : path)}: raw {Describe(expected)}, helm {Describe(actual)}");
                break;
        }
    }

    private static bool SameScalar(YamlScalar e, YamlScalar a) => e.Kind == a.Kind && e.Kind switch
    {
        ScalarKind.Null => true,
        ScalarKind.Boolean => e.AsBoolean() == a.AsBoolean(),
        ScalarKind.Integer => e.AsInteger() == a.AsInteger(),
        ScalarKind.Float => e.AsNumber().Equals(a.AsNumber()),
        _ => e.Text == a.Text,
    };

    /// <summary>Where two texts (a config file in a ConfigMap, say) first differ, line by line.</summary>
    private static string FirstDifferentLine(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = 0;
        while (line < e.Length && line < a.Length && e[line] == a[line])
        {
            line++;
        }

        string At(string[] lines) => line < lines.Length ? YamlWriter.Quote(lines[line]) : "(end of text)";
        return $"texts differ at line {line + 1}: raw {At(e)}, helm {At(a)}";
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalar { Kind: ScalarKind.String } s => $"string {YamlWriter.Quote(Shorten(s.Text))}",
        YamlScalar s => $"{s.TypeName} {s.Text}",
        YamlMapping m => $"mapping with keys [{string.Join(", ", m.Entries.Select(x => x.Key.Text))}]",
        YamlSequence s => $"sequence of {s.Count}",
        _ => node.TypeName,
    };

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
