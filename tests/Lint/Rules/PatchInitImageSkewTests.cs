using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class PatchInitImageSkewTests
{
    private readonly PatchInitImageSkew _rule = new();

    private static string Filling(string initImage, string initVolume, string mainImage = "quay.io/opendatahub/llama-stack:rhoai-3.2") => Pod(
        $"""
        initContainers:
          - name: copy-package
            image: {initImage}
            volumeMounts:
              - name: {initVolume}
                mountPath: /patched
        containers:
          - name: llama-stack
            image: {mainImage}
            volumeMounts:
              - name: telemetry-package
                mountPath: /opt/app-root/lib64/python3.12/site-packages/llama_stack/providers/utils/telemetry
        volumes:
          - name: telemetry-package
            emptyDir: {"{}"}
          - name: scratch
            emptyDir: {"{}"}
        """,
        name: "llamastack",
        ns: "llamastack");

    [Fact]
    public void Check_DigestPinnedVersusTag_IsStillADifferentImage()
    {
        var finding = Assert.Single(Check(_rule, Filling("quay.io/opendatahub/llama-stack@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "telemetry-package")));

        Assert.Contains("init container \"copy-package\" runs quay.io/opendatahub/llama-stack@sha256:", finding.Message);
        Assert.Contains("which container \"llama-stack\" (image quay.io/opendatahub/llama-stack:rhoai-3.2) mounts over /opt/app-root/lib64/python3.12/site-packages/llama_stack/providers/utils/telemetry", finding.Message);
        Assert.Equal("spec.initContainers[0].image", finding.Path);
    }

    [Theory]
    [InlineData("quay.io/opendatahub/llama-stack:rhoai-3.2", "telemetry-package")]
    [InlineData("registry.access.redhat.com/ubi9/ubi-minimal:9.5", "scratch")]
    public void Check_SameImageOrAnotherVolume_IsSilent(string initImage, string initVolume)
    {
        Assert.Empty(Check(_rule, Filling(initImage, initVolume)));
    }
}
