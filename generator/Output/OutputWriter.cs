using Generator.Render;

namespace Generator.Output;

/// <summary>
/// Writes rendered files so that a failure never leaves a half-written output: everything is first written to a staging
/// directory inside the output directory (same file system, so moves are renames), then each top-level directory the
/// render owns is swapped in; if any step fails, the swaps already made are undone and the staging area is removed.
/// </summary>
public static class OutputWriter
{
    /// <param name="outDir">The output directory (created if missing).</param>
    /// <param name="files">Files relative to <paramref name="outDir"/>; their first path segments are the directories replaced.</param>
    /// <param name="beforeStep">Called before each file write and each swap with a description; tests throw from it to inject failures.</param>
    public static void Write(string outDir, IReadOnlyList<RenderedFile> files, Action<string>? beforeStep = null)
    {
        Directory.CreateDirectory(outDir);
        var token = Guid.NewGuid().ToString("N")[..12];
        var staging = Path.Combine(outDir, ".render-new-" + token);
        var backup = Path.Combine(outDir, ".render-old-" + token);
        var owned = files.Select(f => f.RelativePath.Split('/')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var swapped = new List<string>();
        try
        {
            foreach (var file in files)
            {
                beforeStep?.Invoke("write " + file.RelativePath);
                var path = Path.Combine(staging, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
            }

            Directory.CreateDirectory(backup);
            foreach (var name in owned)
            {
                beforeStep?.Invoke("swap " + name);
                var target = Path.Combine(outDir, name);
                if (Directory.Exists(target))
                {
                    Directory.Move(target, Path.Combine(backup, name));
                }

                swapped.Add(name);
                Directory.Move(Path.Combine(staging, name), target);
            }
        }
        catch
        {
            Rollback(outDir, backup, swapped);
            throw;
        }
        finally
        {
            TryDelete(staging);
            TryDelete(backup);
        }
    }

    private static void Rollback(string outDir, string backup, List<string> swapped)
    {
        foreach (var name in Enumerable.Reverse(swapped))
        {
            var target = Path.Combine(outDir, name);
            TryDelete(target);
            var saved = Path.Combine(backup, name);
            if (Directory.Exists(saved))
            {
                Directory.Move(saved, target);
            }
        }
    }

    private static void TryDelete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
