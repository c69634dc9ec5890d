using Generator.Yaml;

namespace Generator.Options;

/// <summary>One <c>--set path=value</c> argument, parsed.</summary>
public sealed record SetOverride(string Argument, IReadOnlyList<PathSegment> Segments, YamlNode Value)
{
    public string Source => "--set " + Argument;
}

/// <summary>Where the options came from, so that a rejected option can be pointed at in the file or on the command line.</summary>
public sealed class OptionsSources(string? file, YamlNode? tree, IReadOnlyList<SetOverride> sets)
{
    public string? File { get; } = file;

    public IReadOnlyList<SetOverride> Sets { get; } = sets;

    /// <summary>The directory relative paths in the options (patch.file) are resolved against.</summary>
    public string BaseDirectory => File is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(File))!;

    /// <summary>
    /// Builds an error for a dotted option path, located where the user gave it (a --set wins over the file); when the
    /// user did not give it, at the first of <paramref name="causes"/> the user did give (the option that made it wrong).
    /// </summary>
    public OptionsError ErrorAt(string path, string message, params string[] causes)
    {
        foreach (var candidate in (string[])[path, .. causes])
        {
            var set = Sets.LastOrDefault(s => Overlaps(Render(s.Segments), candidate));
            if (set is not null)
            {
                return new OptionsError(set.Source, Mark.None, path, message);
            }

            if (File is not null && Find(tree, candidate) is { } node)
            {
                return new OptionsError(File, node.Start, path, message);
            }
        }

        return new OptionsError(File ?? "options", Mark.None, path, message + " (from the defaults)");
    }

    private static bool Overlaps(string setPath, string path) =>
        setPath == path || path.StartsWith(setPath + ".", StringComparison.Ordinal) || path.StartsWith(setPath + "[", StringComparison.Ordinal)
        || setPath.StartsWith(path + ".", StringComparison.Ordinal) || setPath.StartsWith(path + "[", StringComparison.Ordinal);

    private static string Render(IReadOnlyList<PathSegment> segments) =>
        string.Concat(segments.Select((s, i) => s.Index is { } index ? $"[{index}]" : (i == 0 ? s.Name : "." + s.Name)));

    /// <summary>The node at a dotted path, or the deepest existing ancestor's key when the path itself is not in the file.</summary>
    private static YamlNode? Find(YamlNode? tree, string path)
    {
        var segments = PathSegment.Parse(path);
        if (segments is null)
        {
            return null;
        }

        YamlNode? current = tree;
        YamlNode? located = null;
        foreach (var segment in segments)
        {
            switch (current)
            {
                case YamlMapping mapping when segment.Name is not null && mapping.Find(segment.Name) is { } entry:
                    located = entry.Key;
                    current = entry.Value;
                    break;
                case YamlSequence sequence when segment.Index is { } index && index < sequence.Count:
                    located = current = sequence[index];
                    break;
                default:
                    return located;
            }
        }

        return located;
    }
}
