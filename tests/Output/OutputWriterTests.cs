using System.Runtime.Versioning;
using Generator.Output;
using Generator.Render;
using Generator.Tests.Cli;
using Generator.Tests.Support;

namespace Generator.Tests.Output;

public sealed class OutputWriterTests
{
    private static readonly RenderedFile[] Files =
    [
        new("chart/c/Chart.yaml", "new chart\n"),
        new("chart/c/values.yaml", "new values\n"),
        new("manifests/a.yaml", "new a\n"),
        new("manifests/b.yaml", "new b\n"),
    ];

    [Theory]
    [InlineData("write chart/c/values.yaml")]
    [InlineData("write manifests/b.yaml")]
    [InlineData("keep keep.txt")]
    [InlineData("keep notes")]
    [InlineData("swap")]
    public void Write_FailureAtAnyStep_LeavesTheOutputDirectoryUnchangedAndNoStaging(string failingStep)
    {
        var outDir = PreviousRender();
        var before = RenderCommandTests.Snapshot(outDir);
        var steps = new List<string>();

        var ex = Assert.Throws<IOException>(() => OutputWriter.Write(outDir, Files, step =>
        {
            steps.Add(step);
            if (step == failingStep)
            {
                throw new IOException("injected failure at " + step);
            }
        }));

        Assert.Contains(failingStep, ex.Message);
        Assert.Equal(failingStep, steps[^1]);
        Assert.Equal(before, RenderCommandTests.Snapshot(outDir));
        Assert.Equal(["chart", "keep.txt", "manifests", "notes"], Entries(outDir));
        Assert.Equal(["out"], Entries(Path.GetDirectoryName(outDir)!));
    }

    [Fact]
    public void Write_Steps_WriteEveryFileThenKeepEachOtherEntryThenSwapOnce()
    {
        var steps = new List<string>();

        OutputWriter.Write(PreviousRender(), Files, steps.Add);

        Assert.Equal(
            ["write chart/c/Chart.yaml", "write chart/c/values.yaml", "write manifests/a.yaml", "write manifests/b.yaml", "keep keep.txt", "keep notes", "swap"],
            steps);
    }

    [Fact]
    public void Write_Success_ReplacesOwnedDirectoriesKeepsOtherEntriesAndLeavesNoStaging()
    {
        var outDir = PreviousRender();
        File.CreateSymbolicLink(Path.Combine(outDir, "link"), "keep.txt");

        OutputWriter.Write(outDir, Files);

        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(outDir, "manifests", "a.yaml")));
        Assert.Equal("new values\n", File.ReadAllText(Path.Combine(outDir, "chart", "c", "values.yaml")));
        Assert.False(File.Exists(Path.Combine(outDir, "manifests", "stale.yaml")));
        Assert.Equal("not ours\n", File.ReadAllText(Path.Combine(outDir, "keep.txt")));
        Assert.Equal("a note\n", File.ReadAllText(Path.Combine(outDir, "notes", "n.md")));
        Assert.True(Directory.Exists(Path.Combine(outDir, "notes", "empty")));
        Assert.Equal("keep.txt", new FileInfo(Path.Combine(outDir, "link")).LinkTarget);
        Assert.Equal(["chart", "keep.txt", "link", "manifests", "notes"], Entries(outDir));
        Assert.Equal(["out"], Entries(Path.GetDirectoryName(outDir)!));
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void Write_KeptFiles_AreTheSameFilesNotCopies()
    {
        var outDir = PreviousRender();
        var witness = Path.Combine(Path.GetDirectoryName(outDir)!, "witness");
        Assert.True(LinuxFileSystem.TryHardLink(Path.Combine(outDir, "notes", "n.md"), witness));

        OutputWriter.Write(outDir, Files);
        File.WriteAllText(witness, "changed through the other name\n");

        Assert.Equal("changed through the other name\n", File.ReadAllText(Path.Combine(outDir, "notes", "n.md")));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Write_KeepsThePermissionsOfTheOutputDirectoryAndOfKeptDirectories()
    {
        var outDir = PreviousRender();
        File.SetUnixFileMode(outDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        var readOnly = UnixFileMode.UserRead | UnixFileMode.UserExecute;
        File.SetUnixFileMode(Path.Combine(outDir, "notes"), readOnly);

        OutputWriter.Write(outDir, Files);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(outDir));
        Assert.Equal(readOnly, File.GetUnixFileMode(Path.Combine(outDir, "notes")));
        Assert.Equal("a note\n", File.ReadAllText(Path.Combine(outDir, "notes", "n.md")));
    }

    [Fact]
    public void Write_MissingOutputDirectory_IsCreatedWithItsParents()
    {
        var parent = Path.Combine(Directory.CreateTempSubdirectory().FullName, "a", "b");
        var outDir = Path.Combine(parent, "out");

        OutputWriter.Write(outDir, Files);

        Assert.Equal(["chart", "manifests"], Entries(outDir));
        Assert.Equal(["out"], Entries(parent));
    }

    [Fact]
    public void Write_OutputDirectoryIsASymbolicLink_ReplacesItsTargetAndKeepsTheLink()
    {
        var targetDir = PreviousRender();
        var link = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        Directory.CreateSymbolicLink(link, targetDir);

        OutputWriter.Write(link + "/", Files);

        Assert.Equal(targetDir, new DirectoryInfo(link).LinkTarget);
        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(targetDir, "manifests", "a.yaml")));
        Assert.Equal(["chart", "keep.txt", "manifests", "notes"], Entries(targetDir));
        Assert.Equal(["out"], Entries(Path.GetDirectoryName(targetDir)!));
    }

    [Fact]
    public void Write_OutputPathIsAFile_FailsAndLeavesIt()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        File.WriteAllText(file, "a file\n");

        var ex = Assert.Throws<IOException>(() => OutputWriter.Write(file, Files));

        Assert.Contains("is not a directory", ex.Message);
        Assert.Equal("a file\n", File.ReadAllText(file));
        Assert.Equal(["out"], Entries(Path.GetDirectoryName(file)!));
    }

    [Fact]
    public void Write_RemovesLegacyDebrisInsideAndAbandonedStagingBesideButKeepsALiveRendersStaging()
    {
        var outDir = PreviousRender();
        StagingDebris.Legacy(outDir);
        var exited = StagingDebris.Sibling(outDir, StagingDebris.ExitedPid());
        using var running = new StagingDebris.RunningProcess();
        var live = StagingDebris.Sibling(outDir, running.Id);
        var reused = StagingDebris.Sibling(outDir, running.Id, token: "ba9876543210");
        Directory.SetLastWriteTimeUtc(reused, DateTime.UtcNow.AddHours(-1));
        var notOurs = Path.Combine(Path.GetDirectoryName(outDir)!, ".out.render-notes");
        Directory.CreateDirectory(notOurs);

        OutputWriter.Write(outDir, Files);

        Assert.Equal(["chart", "keep.txt", "manifests", "notes"], Entries(outDir));
        Assert.False(Directory.Exists(exited));
        Assert.False(Directory.Exists(reused), "a pid whose process started after its staging directory was last written is not the render that made it");
        Assert.Equal("kind: Conf", File.ReadAllText(Path.Combine(live, "manifests", "half.yaml")));
        Assert.Equal([Path.GetFileName(live), ".out.render-notes", "out"], Entries(Path.GetDirectoryName(outDir)!));
    }

    [Fact]
    public void ReplaceByTwoRenames_PutsTheNewTreeInPlaceAndReturnsWhereTheOldOneIs()
    {
        var parent = Directory.CreateTempSubdirectory().FullName;
        var target = Path.Combine(parent, "out");
        var staging = Path.Combine(parent, ".out.render-1-0123456789ab");
        Directory.CreateDirectory(target);
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(target, "which"), "old\n");
        File.WriteAllText(Path.Combine(staging, "which"), "new\n");

        var old = DirectorySwap.ReplaceByTwoRenames(staging, target);

        Assert.Equal("new\n", File.ReadAllText(Path.Combine(target, "which")));
        Assert.Equal("old\n", File.ReadAllText(Path.Combine(old, "which")));
        Assert.Equal([Path.GetFileName(old), "out"], Entries(parent));
    }

    private static List<string> Entries(string dir) =>
        [.. Directory.GetFileSystemEntries(dir).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal)];

    /// <summary>An output directory (in a parent of its own) as an earlier render left it, plus entries the render does not own.</summary>
    private static string PreviousRender()
    {
        var outDir = Path.Combine(Directory.CreateTempSubdirectory().FullName, "out");
        Directory.CreateDirectory(Path.Combine(outDir, "chart", "c"));
        Directory.CreateDirectory(Path.Combine(outDir, "manifests"));
        Directory.CreateDirectory(Path.Combine(outDir, "notes", "empty"));
        File.WriteAllText(Path.Combine(outDir, "chart", "c", "Chart.yaml"), "old chart\n");
        File.WriteAllText(Path.Combine(outDir, "manifests", "a.yaml"), "old a\n");
        File.WriteAllText(Path.Combine(outDir, "manifests", "stale.yaml"), "old stale\n");
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "not ours\n");
        File.WriteAllText(Path.Combine(outDir, "notes", "n.md"), "a note\n");
        return outDir;
    }
}
