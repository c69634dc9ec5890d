using System.Text.RegularExpressions;
using Generator.Output;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>
/// <c># lint-ignore: &lt;rule-id&gt; &lt;reason&gt;</c> comments: on the line(s) right above the offending key, or above a
/// document (its first line or its <c>---</c>) to cover the whole document. Several ids may be given, comma-separated.
/// </summary>
public sealed partial class Suppressions
{
    private readonly Dictionary<string, YamlStream> _streams;

    public Suppressions(IEnumerable<YamlStream> streams) =>
        _streams = streams.GroupBy(s => s.File).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    [GeneratedRegex(@"^\s*#\s*lint-ignore:\s*(?<ids>[a-z0-9-]+(\s*,\s*[a-z0-9-]+)*)(\s+.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IgnoreComment();

    public bool IsSuppressed(Finding finding)
    {
        if (finding.Line <= 0 || !_streams.TryGetValue(finding.File, out var stream) || stream.Text.Length == 0)
        {
            return false;
        }

        if (CommentsAbove(stream.Lines, finding.Line).Contains(finding.RuleId))
        {
            return true;
        }

        var document = stream.Documents.LastOrDefault(d => d.Start.IsKnown && d.Start.Line <= finding.Line);
        if (document is null)
        {
            return false;
        }

        var rootLine = document.Start.Line;
        return CommentsAbove(stream.Lines, rootLine).Contains(finding.RuleId)
            || CommentsAbove(stream.Lines, SeparatorLine(stream.Lines, rootLine)).Contains(finding.RuleId);
    }

    /// <summary>The rule ids named by the block of comment lines directly above a 1-based line.</summary>
    private static HashSet<string> CommentsAbove(IReadOnlyList<string> lines, int line)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = Math.Min(line, lines.Count) - 2; i >= 0; i--)
        {
            var text = lines[i];
            if (!text.TrimStart().StartsWith('#'))
            {
                break;
            }

            var match = IgnoreComment().Match(text);
            if (match.Success)
            {
                foreach (var id in match.Groups["ids"].Value.Split(','))
                {
                    ids.Add(id.Trim());
                }
            }
        }

        return ids;
    }

    /// <summary>A document's <c>---</c> line when it has one above its first node (comments may sit between), else its first line.</summary>
    private static int SeparatorLine(IReadOnlyList<string> lines, int rootLine)
    {
        for (var i = Math.Min(rootLine, lines.Count) - 2; i >= 0; i--)
        {
            var text = lines[i].Trim();
            if (text.StartsWith("---", StringComparison.Ordinal))
            {
                return i + 1;
            }

            if (!text.StartsWith('#') && text.Length > 0)
            {
                break;
            }
        }

        return rootLine;
    }
}
