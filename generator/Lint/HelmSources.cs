using System.Globalization;
using System.Text.RegularExpressions;
using Generator.Findings;
using Generator.Yaml;

namespace Generator.Lint;

/// <summary>
/// Where the documents of <c>helm template</c> output came from. Helm writes every rendered manifest as
/// <c>---</c>, <c># Source: &lt;chart&gt;/templates/&lt;file&gt;</c>, then the template's output (helm's install action, for
/// helm 3 and 4 alike), so a <c># Source:</c> line right after a <c>---</c> line starts the part of the stream one template
/// rendered. <see cref="Map"/> moves a finding there: its file becomes the template's path, its line the line inside
/// that rendered document (1 = the first line after the <c># Source:</c> comment), and the message names the template
/// and where the finding sits in the stream, so the output of <c>helm template … | lint -</c> points at the template
/// to fix. Streams without such lines (plain manifests) are left as they are.
/// </summary>
public sealed partial class HelmSources
{
    private readonly Dictionary<string, Rendered[]> _streams;

    private HelmSources(Dictionary<string, Rendered[]> streams) => _streams = streams;

    /// <summary>One rendered document: the line of its <c># Source:</c> comment, the template, and which of that template's documents it is.</summary>
    private sealed record Rendered(int SourceLine, string Template, int Ordinal, int OfTemplate);

    [GeneratedRegex(@"^# Source: (?<template>\S.*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceComment();

    /// <summary>Whether any stream read is helm output (else <see cref="Map"/> changes nothing).</summary>
    public bool MapsAny => _streams.Count > 0;

    public static HelmSources Of(IEnumerable<YamlStream> streams)
    {
        var mapped = new Dictionary<string, Rendered[]>(StringComparer.Ordinal);
        foreach (var stream in streams)
        {
            if (mapped.ContainsKey(stream.File) || !stream.Text.Contains("# Source: ", StringComparison.Ordinal))
            {
                continue;
            }

            var found = new List<(int Line, string Template)>();
            var lines = stream.Lines;
            for (var i = 1; i < lines.Count; i++)
            {
                if (lines[i - 1].TrimEnd() == "---" && SourceComment().Match(lines[i]) is { Success: true } match)
                {
                    found.Add((i + 1, match.Groups["template"].Value));
                }
            }

            if (found.Count > 0)
            {
                var counts = found.GroupBy(f => f.Template, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                mapped[stream.File] = [.. found.Select(f => new Rendered(f.Line, f.Template, seen[f.Template] = seen.GetValueOrDefault(f.Template) + 1, counts[f.Template]))];
            }
        }

        return new HelmSources(mapped);
    }

    /// <summary>The finding located in the template that rendered its document; unchanged outside helm output.</summary>
    public Finding Map(Finding finding)
    {
        if (finding.Line <= 0 || !_streams.TryGetValue(finding.File, out var rendered))
        {
            return finding;
        }

        var document = rendered.LastOrDefault(r => r.SourceLine < finding.Line);
        if (document is null)
        {
            return finding;
        }

        var which = document.OfTemplate == 1 ? string.Empty
            : $" (document {document.Ordinal.ToString(CultureInfo.InvariantCulture)} of {document.OfTemplate.ToString(CultureInfo.InvariantCulture)} it rendered)";
        return finding with
        {
            File = document.Template,
            Line = finding.Line - document.SourceLine,
            Message = $"{finding.Message} [rendered by template {document.Template}{which}; {finding.Location} of the helm template output]",
        };
    }
}
