using System.Diagnostics;

namespace Generator.Tests.Support;

/// <summary>
/// What killed renders leave behind, laid out by hand: staging directories beside an output directory named after a
/// real process (one that has exited, or one that is still running), and the older writer's debris inside it.
/// </summary>
public static class StagingDebris
{
    /// <summary>A staging directory beside <paramref name="outDir"/>, as render <paramref name="pid"/> names it, holding a partial file.</summary>
    public static string Sibling(string outDir, int pid, string token = "0123456789ab")
    {
        var path = Path.Combine(Path.GetDirectoryName(outDir)!, $".{Path.GetFileName(outDir)}.render-{pid}-{token}");
        Directory.CreateDirectory(Path.Combine(path, "manifests"));
        File.WriteAllText(Path.Combine(path, "manifests", "half.yaml"), "kind: Conf");
        return path;
    }

    /// <summary>The older writer's staging and backup folders inside <paramref name="outDir"/>.</summary>
    public static string[] Legacy(string outDir)
    {
        string[] names = [".render-new-0123456789ab", ".render-old-0123456789ab"];
        foreach (var name in names)
        {
            Directory.CreateDirectory(Path.Combine(outDir, name, "chart"));
            File.WriteAllText(Path.Combine(outDir, name, "chart", "Chart.yaml"), "name: half\n");
        }

        return names;
    }

    /// <summary>The pid of a process that has run and exited (and been reaped).</summary>
    public static int ExitedPid()
    {
        using var process = Process.Start("true") ?? throw new InvalidOperationException("could not start true");
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>A process that runs until disposed: stands for a concurrent render.</summary>
    public sealed class RunningProcess : IDisposable
    {
        private readonly Process process = Process.Start("sleep", "60") ?? throw new InvalidOperationException("could not start sleep");

        public int Id => process.Id;

        public void Dispose()
        {
            process.Kill();
            process.WaitForExit();
            process.Dispose();
        }
    }
}
