using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class PatchPythonPathTests
{
    private readonly PatchPythonPath _rule = new();

    private static string Distribution(string distribution, string mountPath) => LlamaStack(distribution, podOverrides: $"""
        volumes:
          - name: tracing-patch
            configMap:
              name: llamastack-tracing-patch
        volumeMounts:
          - name: tracing-patch
            mountPath: {mountPath}
            subPath: tracing.py
        """);

    [Fact]
    public void Check_RedHatDistributionWithPython311Path_NamesBothVersions()
    {
        var finding = Assert.Single(Check(_rule, Distribution("name: rh-dev", "/opt/app-root/lib/python3.11/site-packages/llama_stack/providers/utils/telemetry/tracing.py")));

        Assert.Contains("(Python 3.11), but distribution rh-dev runs Python 3.12 (/opt/app-root/lib64/python3.12/site-packages)", finding.Message);
    }

    [Theory]
    [InlineData("name: rh-dev", "/opt/app-root/lib/python3.12/site-packages/llama_stack/providers/utils/telemetry/tracing.py")]
    [InlineData("name: starter", "/opt/app-root/lib/python3.11/site-packages/llama_stack/providers/utils/telemetry/tracing.py")]
    [InlineData("image: quay.io/example/llama-stack:0.2.10-py311", "/opt/app-root/lib/python3.11/site-packages/llama_stack/providers/utils/telemetry/tracing.py")]
    public void Check_MatchingVersionOrUnknownImage_IsSilent(string distribution, string mountPath)
    {
        Assert.Empty(Check(_rule, Distribution(distribution, mountPath)));
    }
}
