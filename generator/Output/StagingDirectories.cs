using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Generator.Output;

/// <summary>
/// Names the staging directories of an output directory and removes the ones that killed renders left behind. A staging
/// directory is a sibling of the output directory, ".&lt;name&gt;.render-&lt;pid&gt;-&lt;token&gt;" (the same parent, so
/// the same file system, so the swap is a rename); the pid tells whether the render that made it is still running. Pids
/// are judged in this process's pid namespace: a render in another container writing beside the same directory would
/// look gone, so run concurrent renders of one output directory in one namespace.
/// </summary>
internal static class StagingDirectories
{
    /// <summary>What an older writer staged inside the output directory; never carried into a new output.</summary>
    private static readonly string[] LegacyPrefixes = [".render-new-", ".render-old-"];

    /// <summary>
    /// Slack between a process's start time and its staging directory's last write: Linux reports the start to the
    /// clock tick on top of a boot time known to the second.
    /// </summary>
    private static readonly TimeSpan ClockSlack = TimeSpan.FromSeconds(10);

    public static string NewPath(string outDir) =>
        Path.Combine(Path.GetDirectoryName(outDir)!, $"{Prefix(outDir)}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");

    public static bool IsLegacyDebris(string entryName) => LegacyPrefixes.Any(p => entryName.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The staging directories beside <paramref name="outDir"/> (full paths), whoever made them.</summary>
    public static IEnumerable<string> Siblings(string outDir)
    {
        var prefix = Prefix(outDir);
        return Directory.EnumerateDirectories(Path.GetDirectoryName(outDir)!)
            .Where(path => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal) && OwnerOf(path, prefix) is not null);
    }

    /// <summary>
    /// Removes the staging directories beside <paramref name="outDir"/> whose render is gone (killed before it removed
    /// them). Best effort: a directory that cannot be removed (another user's) is left to its owner.
    /// </summary>
    public static void RemoveAbandoned(string outDir)
    {
        var prefix = Prefix(outDir);
        foreach (var path in Siblings(outDir).Where(path => IsAbandoned(OwnerOf(path, prefix)!.Value, path)))
        {
            DeleteQuietly(path);
        }
    }

    public static void DeleteQuietly(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next render, which sees its owner gone.
        }
    }

    private static string Prefix(string outDir) => "." + Path.GetFileName(outDir) + ".render-";

    private static int? OwnerOf(string path, string prefix)
    {
        var rest = Path.GetFileName(path)[prefix.Length..];
        var dash = rest.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsAbandoned(int pid, string path)
    {
        if (pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            // Pids are reused: a process that started after the directory was last written is not the one that made it.
            return process.StartTime.ToUniversalTime() > Directory.GetLastWriteTimeUtc(path) + ClockSlack;
        }
        catch (ArgumentException)
        {
            return true; // no such process
        }
        catch (InvalidOperationException)
        {
            return true; // it exited meanwhile
        }
        catch (Win32Exception)
        {
            return false; // it exists, but this user may not look at it
        }
    }
}
