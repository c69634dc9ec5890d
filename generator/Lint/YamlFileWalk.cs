namespace Generator.Lint;

/// <summary>
/// The YAML files a PATH names: below a directory every <c>*.yaml</c>/<c>*.yml</c> file, hidden ones (a name starting
/// with '.') left out, each file and each directory read once however many links lead to it, so a link loop neither
/// hangs the walk nor lints an object twice. Where several spellings lead to one file, the one without links wins (then
/// the ordinal first), so findings name the file as it is in the repository.
/// <para>
/// Written here rather than taken from the framework: .NET resolves only the last link of a path
/// (<see cref="FileSystemInfo.ResolveLinkTarget"/>) and exposes no realpath or inode, and a directory reached through a
/// link to one of its ancestors looks new at every pass unless every component of its path is resolved.
/// </para>
/// </summary>
public static class YamlFileWalk
{
    /// <summary>Links followed while resolving one path before it counts as a loop (Linux's own limit, ELOOP).</summary>
    private const int MaxLinks = 40;

    private static readonly EnumerationOptions Listing = new() { AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = false };

    /// <summary>The YAML files under <paramref name="root"/>, ordinal order.</summary>
    public static IReadOnlyList<string> Under(string root)
    {
        // Directories reached without a link are read before any reached through one, so the plain spelling is kept.
        // A plain child's real path is its parent's and its name, so only links are resolved component by component.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var plain = new Queue<(string Path, string? Real)>([(root, Canonical(root))]);
        var linked = new Queue<(string Path, string? Real)>();
        var files = new List<string>();
        while (plain.TryDequeue(out var directory) || linked.TryDequeue(out directory))
        {
            if (directory.Real is not { } real || !visited.Add(real))
            {
                continue;
            }

            files.AddRange(Directory.EnumerateFiles(directory.Path, "*", Listing).Where(f => !IsHidden(f) && IsYamlName(f)));
            foreach (var child in Directory.EnumerateDirectories(directory.Path, "*", Listing).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal))
            {
                if (new DirectoryInfo(child).LinkTarget is null)
                {
                    plain.Enqueue((child, Path.Join(real, Path.GetFileName(child))));
                }
                else
                {
                    linked.Enqueue((child, Canonical(child)));
                }
            }
        }

        return [.. files.Order(StringComparer.Ordinal)];
    }

    /// <summary>Each file once: of the spellings that resolve to one file, the one without links (then the first), in the order given.</summary>
    public static IReadOnlyList<string> Distinct(IReadOnlyList<string> files)
    {
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        var chosen = new List<string?>();
        var directories = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var key = file == Findings.Finding.StandardInput ? file : CanonicalFile(file, directories) ?? file;
            if (!kept.TryGetValue(key, out var index))
            {
                kept[key] = chosen.Count;
                chosen.Add(file);
            }
            else if (chosen[index] is { } earlier && earlier != file && HasLink(earlier) && !HasLink(file))
            {
                chosen[index] = file;
            }
        }

        return [.. chosen.OfType<string>()];
    }

    /// <summary>A file's real path: its directory's (resolved once per directory) and its name, unless the file itself is a link.</summary>
    private static string? CanonicalFile(string file, Dictionary<string, string?> directories)
    {
        var full = Path.GetFullPath(file);
        if (new FileInfo(full).LinkTarget is not null || Path.GetDirectoryName(full) is not { } directory)
        {
            return Canonical(full);
        }

        if (!directories.TryGetValue(directory, out var real))
        {
            directories[directory] = real = Canonical(directory);
        }

        return real is null ? null : Path.Join(real, Path.GetFileName(full));
    }

    public static bool IsYamlName(string file) =>
        file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');

    /// <summary>Whether the path as written goes through a link (its canonical form differs from its full form).</summary>
    private static bool HasLink(string path) => Canonical(path) != Path.GetFullPath(path);

    /// <summary>
    /// The path with every link of every component resolved, <c>.</c> and <c>..</c> applied (what realpath(3) returns);
    /// null when more than <see cref="MaxLinks"/> links are met (a loop).
    /// </summary>
    public static string? Canonical(string path)
    {
        var pending = new Stack<string>(Components(Path.GetFullPath(path)).Reverse());
        var resolved = "/";
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }

            var candidate = Path.Join(resolved, part);
            if (new FileInfo(candidate).LinkTarget is not { } target)
            {
                resolved = candidate;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // The target's components come next, from the root for an absolute target, else from the link's directory.
            if (Path.IsPathRooted(target))
            {
                resolved = "/";
            }

            foreach (var component in Components(target).Reverse())
            {
                pending.Push(component);
            }
        }

        return resolved;
    }

    private static IEnumerable<string> Components(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(c => c != ".");
}
