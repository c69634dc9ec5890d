using Generator.Output;
using Generator.Render;
using Generator.Tests.Cli;

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
    [InlineData("swap chart")]
    [InlineData("swap manifests")]
    public void Write_FailureAtAnyStep_LeavesTheOutputDirectoryUnchanged(string failingStep)
    {
        var outDir = PreviousRender();
        var before = RenderCommandTests.Snapshot(outDir);

        var ex = Assert.Throws<IOException>(() => OutputWriter.Write(outDir, Files, step =>
        {
            if (step == failingStep)
            {
                throw new IOException("injected failure at " + step);
            }
        }));

        Assert.Contains(failingStep, ex.Message);
        Assert.Equal(before, RenderCommandTests.Snapshot(outDir));
        Assert.Equal(["chart", "keep.txt", "manifests"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Write_Success_ReplacesOwnedDirectoriesAndKeepsOtherFiles()
    {
        var outDir = PreviousRender();

        OutputWriter.Write(outDir, Files);

        Assert.Equal("new a\n", File.ReadAllText(Path.Combine(outDir, "manifests", "a.yaml")));
        Assert.False(File.Exists(Path.Combine(outDir, "manifests", "stale.yaml")));
        Assert.True(File.Exists(Path.Combine(outDir, "keep.txt")));
        Assert.Equal(["chart", "keep.txt", "manifests"], Directory.GetFileSystemEntries(outDir).Select(Path.GetFileName).Order());
    }

    private static string PreviousRender()
    {
        var outDir = Directory.CreateTempSubdirectory().FullName;
        Directory.CreateDirectory(Path.Combine(outDir, "chart", "c"));
        Directory.CreateDirectory(Path.Combine(outDir, "manifests"));
        File.WriteAllText(Path.Combine(outDir, "chart", "c", "Chart.yaml"), "old chart\n");
        File.WriteAllText(Path.Combine(outDir, "manifests", "a.yaml"), "old a\n");
        File.WriteAllText(Path.Combine(outDir, "manifests", "stale.yaml"), "old stale\n");
        File.WriteAllText(Path.Combine(outDir, "keep.txt"), "not ours\n");
        return outDir;
    }
}
