using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class PatchShadowedPackageTests
{
    private readonly PatchShadowedPackage _rule = new();

    private static string Overlay(string mount) => Pod(
        $"""
        containers:
          - name: app
            image: example.com/app:1.0
            volumeMounts:
              - name: overlay
        {mount}
        volumes:
          - name: overlay
            emptyDir: {"{}"}
        """,
        ns: "llamastack");

    [Fact]
    public void Check_MountOnSitePackagesItself_HidesEveryPackage()
    {
        var finding = Assert.Single(Check(_rule, Overlay("        mountPath: /usr/local/lib/python3.12/site-packages/\n")));

        Assert.Contains("emptyDir volume \"overlay\" is mounted over /usr/local/lib/python3.12/site-packages/ in container \"app\": it hides every package the image installed there", finding.Message);
        Assert.Equal("spec.containers[0].volumeMounts[0].mountPath", finding.Path);
    }

    [Fact]
    public void Check_DistPackagesWithoutVersion_IsAPackageDirectoryToo()
    {
        var finding = Assert.Single(Check(_rule, Overlay("        mountPath: /usr/lib/python3/dist-packages/requests\n")));

        Assert.Contains("the image's package requests", finding.Message);
    }

    [Theory]
    [InlineData("        mountPath: /opt/app-root/lib64/python3.12/site-packages/llama_stack/providers/utils/telemetry/tracing.py\n        subPath: tracing.py\n")]
    [InlineData("        mountPath: /opt/app-root/tracing-fix\n")]
    [InlineData("        mountPath: /opt/site-packages-cache\n")]
    public void Check_SingleFilesAndOtherDirectories_AreSilent(string mount)
    {
        Assert.Empty(Check(_rule, Overlay(mount)));
    }
}
