namespace Generator.Yaml;

/// <summary>
/// Parses YAML held in a string value of another YAML file (a collector config in a ConfigMap) so that positions point
/// into the enclosing file: exact for literal and folded blocks, the value's own position otherwise.
/// </summary>
public static class EmbeddedYaml
{
    public static YamlStream Parse(YamlScalar value, YamlStream outer)
    {
        Func<Mark, Mark> translate = _ => value.Start;
        if (value.Style is ScalarStyle.Literal or ScalarStyle.Folded && value.Start.IsKnown)
        {
            var indent = ContentIndent(outer.Lines, value.Start.Line);
            translate = inner => new Mark(value.Start.Line + inner.Line, indent + inner.Column);
        }

        return YamlReader.Parse(outer.File, value.Text, translate: translate);
    }

    /// <summary>The indentation of a block scalar's first non-empty content line (the line after the indicator).</summary>
    private static int ContentIndent(IReadOnlyList<string> lines, int indicatorLine)
    {
        for (var i = indicatorLine; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length > 0)
            {
                return line.Length - line.TrimStart(' ').Length;
            }
        }

        return 0;
    }
}
