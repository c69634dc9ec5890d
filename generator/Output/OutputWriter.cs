using Generator.Render;

namespace Generator.Output;

/// <summary>
/// Writes rendered files so that the output directory is, at every moment (a kill -9 included), either exactly the old
/// output or exactly the new one, with no staging entries inside it:
/// <list type="number">
/// <item>Staging directories that killed renders left beside the output directory are removed, but only those whose
/// process is gone (<see cref="StagingDirectories"/>): a concurrent render's is kept.</item>
/// <item>The complete new output directory is built as a sibling, ".&lt;name&gt;.render-&lt;pid&gt;-&lt;token&gt;" (same
/// parent, so same file system): the rendered files, plus the current output's top-level entries that the render does
/// not own (it owns the first path segments of its files: chart/, manifests/, WIRING.md), hard-linked or copied
/// (<see cref="StagingTree"/>). The older writer's debris inside the output directory (.render-new-*, .render-old-*) is
/// not carried over, so the swap removes it without touching the live output first.</item>
/// <item>Nothing is flushed to the disk: a kill cannot expose a short file (the page cache outlives the process); only a
/// power cut right after the swap could, which a render's output, re-made on demand, does not need to survive at the
/// cost of an fsync per file (a sixth of a render).</item>
/// <item>One atomic exchange puts the new tree in place (<see cref="DirectorySwap"/>, which also says what its
/// fallback leaves open where the exchange is missing); the old tree, now at the staging path, is deleted.</item>
/// </list>
/// Swapping the whole directory, rather than chart/ and manifests/ one by one, is what makes the change a single step.
/// A failure before the swap deletes the staging directory and leaves the output untouched; after the swap nothing can
/// fail the write (an old tree that cannot be deleted is removed by the next render). What this costs: the parent
/// directory must be writable, the output directory cannot be a mount point (the exchange fails with a message saying
/// so), and an entry that a user adds to the output directory while a render runs is not in the new output. A symbolic
/// link given as the output directory stays; its final target is replaced.
/// </summary>
public static class OutputWriter
{
    /// <param name="outDir">The output directory (created, with its parents, if missing).</param>
    /// <param name="files">Files relative to <paramref name="outDir"/>; their first path segments are the entries replaced.</param>
    /// <param name="beforeStep">
    /// Called before each step with its name ("write &lt;file&gt;", "keep &lt;entry&gt;", "swap"); tests throw from it to
    /// inject failures.
    /// </param>
    public static void Write(string outDir, IReadOnlyList<RenderedFile> files, Action<string>? beforeStep = null)
    {
        var target = ResolveTarget(outDir);
        StagingDirectories.RemoveAbandoned(target);
        var owned = files.Select(f => f.RelativePath.Split('/')[0]).ToHashSet(StringComparer.Ordinal);
        var staging = StagingDirectories.NewPath(target);
        string? replaced;
        try
        {
            var tree = new StagingTree(staging, modeOf: Directory.Exists(target) ? target : null);
            foreach (var file in files)
            {
                beforeStep?.Invoke("write " + file.RelativePath);
                tree.WriteFile(file.RelativePath, file.Content);
            }

            foreach (var entry in KeptEntries(target, owned))
            {
                beforeStep?.Invoke("keep " + Path.GetFileName(entry));
                tree.Carry(entry);
            }

            tree.Complete();
            beforeStep?.Invoke("swap");
            replaced = DirectorySwap.Replace(staging, target);
        }
        catch
        {
            StagingDirectories.DeleteQuietly(staging);
            throw;
        }

        if (replaced is not null)
        {
            StagingDirectories.DeleteQuietly(replaced);
        }
    }

    /// <summary>The full path of the directory to replace (a symbolic link's final target), with its parent created.</summary>
    private static string ResolveTarget(string outDir)
    {
        var path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir));
        if (new DirectoryInfo(path).LinkTarget is not null)
        {
            path = Path.TrimEndingDirectorySeparator(Directory.ResolveLinkTarget(path, returnFinalTarget: true)!.FullName);
        }

        if (File.Exists(path))
        {
            throw new IOException($"{outDir} exists and is not a directory");
        }

        var parent = Path.GetDirectoryName(path) ?? throw new IOException($"{outDir} is the root of the file system, which cannot be replaced");
        Directory.CreateDirectory(parent);
        return path;
    }

    private static IEnumerable<string> KeptEntries(string target, HashSet<string> owned) =>
        Directory.Exists(target)
            ? Directory.EnumerateFileSystemEntries(target)
                .Where(path => Path.GetFileName(path) is var name && !owned.Contains(name) && !StagingDirectories.IsLegacyDebris(name))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
}
