using System.Diagnostics;
using System.Runtime.Versioning;
using Generator.Tests.Support;
using Xunit.Abstractions;

namespace Generator.Tests.Cli;

/// <summary>
/// Kills real <c>generator render</c> processes with SIGKILL at points spread over a whole render and checks, after every
/// kill, that the output directory is exactly what it was or exactly the complete new output, with no staging entries in
/// it, and that every render that finishes leaves nothing beside it: the debris of the killed ones is gone.
/// No hook slows the writer down: the kill points are real times, taken from three moments that inotify shows in the
/// parent directory, each spread over the stretch that follows it (the median of six uninterrupted renders, measured first):
/// the process start (over the whole render and a fifth more: start-up, rendering, checks, writing, exit), the staging
/// directory's creation (the writing, up to the swap) and the swap itself (up to the old tree's removal; the process
/// exits about a millisecond later). So a loaded machine, which stretches a render, still gets kills on both sides of
/// the swap.
/// </summary>
[Collection(nameof(RunsAlone))]
[SupportedOSPlatform("linux")]
public sealed class RenderKillTests(ITestOutputHelper output)
{
    private const int KillsFromStart = 40;
    private const int KillsFromStaging = 20;
    private const int KillsFromSwap = 20;
    private const string OutName = "out";
    private const string Staging = "." + OutName + ".render-";
    private const int KilledExitCode = 128 + 9;

    /// <summary>Two option sets whose outputs differ in chart/ and in manifests/, so a mix of the two is caught.</summary>
    private static readonly string[][] Variants = [[], ["--set", "collector.replicas=3"]];

    private enum Moment
    {
        Start,
        Staging,
        Swap,
    }

    [Fact]
    public void Render_KilledAtAnyMoment_LeavesTheOldOrTheNewOutputAndTheNextRenderRemovesTheDebris()
    {
        var clock = Stopwatch.StartNew();
        var reference = Directory.CreateTempSubdirectory("render-kill-reference-").FullName;
        var rendered = new Tree[Variants.Length];
        var runs = new List<RunRecord>();
        for (var variant = 0; variant < Variants.Length; variant++)
        {
            var outDir = Path.Combine(reference, $"variant-{variant}", OutName);
            Directory.CreateDirectory(Path.GetDirectoryName(outDir)!);
            Assert.Equal(0, Run(outDir, variant, kill: null).ExitCode);
            for (var again = 0; again < 3; again++)
            {
                var run = Run(outDir, variant, kill: null);
                Assert.Equal(0, run.ExitCode);
                Assert.True(run.Staged is not null && run.Swapped is not null && run.Cleaned is not null, "inotify saw no staging directory beside the output directory, no swap or no clean-up");
                runs.Add(run);
            }

            rendered[variant] = Tree.Of(outDir)!;
        }

        Assert.NotEqual(rendered[0].Under("chart"), rendered[1].Under("chart"));
        Assert.NotEqual(rendered[0].Under("manifests"), rendered[1].Under("manifests"));
        var stretches = new Dictionary<Moment, TimeSpan>
        {
            [Moment.Start] = Median(runs.Select(r => r.Exited)) * 1.2,
            [Moment.Staging] = Median(runs.Select(r => r.Swapped!.Value - r.Staged!.Value)),
            [Moment.Swap] = Median(runs.Select(r => r.Cleaned!.Value - r.Swapped!.Value)),
        };
        var kills = Spread(Moment.Start, KillsFromStart, stretches).Concat(Spread(Moment.Staging, KillsFromStaging, stretches)).Concat(Spread(Moment.Swap, KillsFromSwap, stretches))
            .OrderBy(k => k.Position).ThenBy(k => k.From).ToList();

        // The last kill leaves staging debris for the final, uninterrupted render to remove.
        kills.Add(new Kill(Moment.Staging, TimeSpan.Zero, Position: 1));

        var root = Directory.CreateTempSubdirectory("render-kill-").FullName;
        var target = Path.Combine(root, OutName);
        Assert.Equal(0, Run(target, 0, kill: null).ExitCode);
        var current = 0;
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i <= kills.Count; i++)
        {
            // Every tenth render starts with no output directory at all.
            if (i % 10 == 5 && Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }
            else if (Directory.Exists(target))
            {
                AddUserEntries(target);
            }

            var kill = i < kills.Count ? kills[i] : null;
            var before = Tree.Of(target);
            var debrisBefore = StagingBeside(root);
            var variant = 1 - current;
            var expected = rendered[variant].WithEntriesNotOwnedFrom(before);
            var run = Run(target, variant, kill);
            var after = Tree.Of(target);
            var context = $"render {i} ({kill?.ToString() ?? "not killed"}; exit code {run.ExitCode}; {run})";

            Assert.True(run.ExitCode is 0 or KilledExitCode, context);
            Assert.False(after is not null && after.Paths.Any(path => path.Contains(".render-", StringComparison.Ordinal)), $"{context}: staging entries inside the output directory:\n{after}");
            var outcome = Equals(after, expected) ? "new" : Equals(after, before) ? "old" : null;
            Assert.True(outcome is not null, $"{context}: the output is neither the old one nor the new one:\n{Tree.Difference(after, before, expected)}");
            if (run.ExitCode == 0)
            {
                Assert.Equal("new", outcome);
                Assert.Equal([OutName], Directory.GetFileSystemEntries(root).Select(Path.GetFileName));
                Count(outcomes, debrisBefore.Count > 0 ? "finished, removed earlier debris" : "finished");
            }
            else
            {
                Assert.NotNull(kill);
                Assert.All(StagingBeside(root), name => Assert.Matches(@"^\.out\.render-\d+-[0-9a-f]{12}(-old)?$", name));
                var left = StagingBeside(root).Except(debrisBefore).Any() ? "staging left" : "no staging left";
                Count(outcomes, $"killed, {outcome} output, {left}");
                output.WriteLine($"{context}: {outcome} output, {left}");
            }

            current = outcome == "new" ? variant : current;
        }

        foreach (var (outcome, count) in outcomes.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,3} × {outcome}");
        }

        output.WriteLine($"{kills.Count} kills, then one render to the end: {KillsFromStart} from the start over 0..{stretches[Moment.Start].TotalMilliseconds:F0} ms (1.2 × a render's median length), "
            + $"{KillsFromStaging} from the staging directory's creation over 0..{stretches[Moment.Staging].TotalMilliseconds:F1} ms, "
            + $"{KillsFromSwap} from the swap over 0..{stretches[Moment.Swap].TotalMilliseconds:F1} ms; {clock.Elapsed.TotalSeconds:F1} s in all");
        Assert.True(outcomes.GetValueOrDefault("killed, old output, no staging left") > 0, "no kill landed before the writing");
        Assert.True(outcomes.GetValueOrDefault("killed, old output, staging left") > 0, "no kill landed while the new output was staged");
        Assert.True(outcomes.GetValueOrDefault("killed, new output, staging left") + outcomes.GetValueOrDefault("killed, new output, no staging left") > 0, "no kill landed after the swap");
        Assert.True(outcomes.GetValueOrDefault("finished, removed earlier debris") > 0, "no render had to clean up after a killed one");
        Directory.Delete(root, recursive: true);
        Directory.Delete(reference, recursive: true);
    }

    /// <summary>
    /// <paramref name="count"/> kills at even steps over the stretch that follows <paramref name="from"/>, each with its
    /// place in the whole sequence (0..1), so the three kinds interleave.
    /// </summary>
    private static IEnumerable<Kill> Spread(Moment from, int count, Dictionary<Moment, TimeSpan> stretches) =>
        Enumerable.Range(0, count).Select(k => new Kill(from, stretches[from] * k / (count - 1), Position: (k + 0.5) / count));

    /// <summary>The middle one: a machine busy for a moment during the measurement does not stretch every kill point.</summary>
    private static TimeSpan Median(IEnumerable<TimeSpan> times) => times.Order().ElementAt(times.Count() / 2);

    /// <summary>Entries of the output directory that the render does not own; every new output must keep them.</summary>
    private static void AddUserEntries(string outDir)
    {
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "kept\n");
        Directory.CreateDirectory(Path.Combine(outDir, "notes", "empty"));
        File.WriteAllText(Path.Combine(outDir, "notes", "n.md"), "a note\n");
        if (!File.Exists(Path.Combine(outDir, "link")))
        {
            File.CreateSymbolicLink(Path.Combine(outDir, "link"), "keep.txt");
        }
    }

    private static List<string> StagingBeside(string root) =>
        [.. Directory.GetFileSystemEntries(root).Select(p => Path.GetFileName(p)!).Where(name => name.StartsWith(Staging, StringComparison.Ordinal))];

    private static void Count(Dictionary<string, int> outcomes, string outcome) => outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;

    /// <summary>
    /// Runs one render to <paramref name="outDir"/>, killing it as <paramref name="kill"/> says. Records, from the start,
    /// when inotify showed the staging directory's creation, the swap (a name moved in as the output directory's) and the
    /// staging path's removal (the old tree's, after the swap), and when the process ended.
    /// </summary>
    private static RunRecord Run(string outDir, int variant, Kill? kill)
    {
        var clock = new Stopwatch();
        var staged = -1L;
        var swapped = -1L;
        var cleaned = -1L;
        string? stagingName = null;
        Process? process = null;
        void Saw(Moment moment, ref long at)
        {
            var now = clock.Elapsed.Ticks;
            if (Interlocked.CompareExchange(ref at, now, -1) == -1 && kill?.From == moment)
            {
                SpinUntil(clock, TimeSpan.FromTicks(now) + kill.Delay);
                KillIfRunning(Volatile.Read(ref process));
            }
        }

        void OnChange(DirectoryEvents.Change change, string name)
        {
            if (change == DirectoryEvents.Change.Created && name.StartsWith(Staging, StringComparison.Ordinal) && Interlocked.CompareExchange(ref stagingName, name, null) is null)
            {
                Saw(Moment.Staging, ref staged);
            }
            else if (change == DirectoryEvents.Change.MovedIn && name == OutName)
            {
                Saw(Moment.Swap, ref swapped);
            }
            else if (change == DirectoryEvents.Change.Deleted && name == Volatile.Read(ref stagingName))
            {
                Interlocked.CompareExchange(ref cleaned, clock.Elapsed.Ticks, -1);
            }
        }

        TimeSpan exited;
        using (new DirectoryEvents(Path.GetDirectoryName(outDir)!, OnChange))
        {
            clock.Start();
            Volatile.Write(ref process, GeneratorProcess.Start(["render", "--out", outDir, .. Variants[variant]]));
            if (kill?.From == Moment.Start && !process.WaitForExit(kill.Delay))
            {
                KillIfRunning(process);
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                KillIfRunning(process);
                Assert.Fail("render did not finish within 30 s");
            }

            exited = clock.Elapsed;
        }

        using (process)
        {
            return new RunRecord(process.ExitCode, At(Interlocked.Read(ref staged)), At(Interlocked.Read(ref swapped)), At(Interlocked.Read(ref cleaned)), exited);
        }
    }

    private static TimeSpan? At(long ticks) => ticks < 0 ? null : TimeSpan.FromTicks(ticks);

    /// <summary>SIGKILL on Unix; nothing when the process has exited already.</summary>
    private static void KillIfRunning(Process? process)
    {
        try
        {
            process?.Kill();
        }
        catch (InvalidOperationException)
        {
            // It finished first.
        }
    }

    private static void SpinUntil(Stopwatch clock, TimeSpan moment)
    {
        while (clock.Elapsed < moment)
        {
            Thread.SpinWait(20);
        }
    }

    private sealed record Kill(Moment From, TimeSpan Delay, double Position)
    {
        public override string ToString() => $"killed {Delay.TotalMilliseconds:F2} ms after the {From switch { Moment.Start => "start", Moment.Staging => "staging directory appeared", _ => "swap" }}";
    }

    private sealed record RunRecord(int ExitCode, TimeSpan? Staged, TimeSpan? Swapped, TimeSpan? Cleaned, TimeSpan Exited)
    {
        public override string ToString() =>
            $"staging seen at {Ms(Staged)}, swap at {Ms(Swapped)}, old tree removed at {Ms(Cleaned)}, exit at {Ms(Exited)}";

        private static string Ms(TimeSpan? time) => time is { } t ? $"{t.TotalMilliseconds:F1} ms" : "-";
    }

    /// <summary>A directory's content: every path (sorted) with a file's text, a symbolic link's target or a directory mark.</summary>
    private sealed class Tree
    {
        private readonly SortedDictionary<string, string> entries;

        private Tree(SortedDictionary<string, string> entries) => this.entries = entries;

        public IEnumerable<string> Paths => entries.Keys;

        public static Tree? Of(string dir)
        {
            if (!Directory.Exists(dir))
            {
                return null;
            }

            var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
            Walk(dir, dir, entries);
            return new Tree(entries);
        }

        public Tree Under(string topLevel) =>
            new(new SortedDictionary<string, string>(entries.Where(e => TopLevel(e.Key) == topLevel).ToDictionary(), StringComparer.Ordinal));

        /// <summary>This render's output as written over <paramref name="before"/>: its entries plus the old top-level entries it does not own.</summary>
        public Tree WithEntriesNotOwnedFrom(Tree? before)
        {
            var owned = entries.Keys.Select(TopLevel).ToHashSet(StringComparer.Ordinal);
            var merged = new SortedDictionary<string, string>(entries, StringComparer.Ordinal);
            foreach (var (path, value) in before?.entries.Where(e => !owned.Contains(TopLevel(e.Key))) ?? [])
            {
                merged.Add(path, value);
            }

            return new Tree(merged);
        }

        public override bool Equals(object? obj) => obj is Tree other && entries.SequenceEqual(other.entries);

        public override int GetHashCode() => entries.Count;

        public override string ToString() => string.Join('\n', entries.Keys);

        public static string Difference(Tree? actual, Tree? before, Tree expected) =>
            actual is null
                ? "the output directory is missing"
                : string.Join('\n', actual.entries.Keys.Union(expected.entries.Keys).Union(before?.Paths ?? [])
                    .Where(p => !(actual.entries.TryGetValue(p, out var a) && (a == expected.entries.GetValueOrDefault(p) || a == before?.entries.GetValueOrDefault(p))))
                    .Select(p => $"{p}: {(actual.entries.ContainsKey(p) ? "neither old nor new content" : "missing")}"));

        private static string TopLevel(string path) => path.Split('/')[0];

        private static void Walk(string root, string dir, SortedDictionary<string, string> entries)
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(dir))
            {
                var relative = Path.GetRelativePath(root, path);
                var info = new FileInfo(path);
                if (info.LinkTarget is { } link)
                {
                    entries.Add(relative, "link to " + link);
                }
                else if (info.Attributes.HasFlag(FileAttributes.Directory))
                {
                    entries.Add(relative, "directory");
                    Walk(root, path, entries);
                }
                else
                {
                    entries.Add(relative, "file: " + File.ReadAllText(path));
                }
            }
        }
    }
}
