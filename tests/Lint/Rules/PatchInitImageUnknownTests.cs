using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class PatchInitImageUnknownTests
{
    private readonly PatchInitImageUnknown _rule = new();

    private static string Distribution(string distribution) => LlamaStack(distribution, podOverrides: """
        initContainers:
          - name: apply-tracing-patch
            image: registry.access.redhat.com/ubi9/ubi-minimal:latest
            volumeMounts:
              - name: patched-telemetry
                mountPath: /patched
        volumes:
          - name: patched-telemetry
            emptyDir: {}
        volumeMounts:
          - name: patched-telemetry
            mountPath: /opt/app-root/lib/python3.11/site-packages/llama_stack/providers/utils/telemetry
        """);

    [Fact]
    public void Check_DistributionByName_NamesTheInitImageAndTheDistribution()
    {
        var finding = Assert.Single(Check(_rule, Distribution("name: rh-dev")));

        Assert.Contains("init container \"apply-tracing-patch\" (image registry.access.redhat.com/ubi9/ubi-minimal:latest) writes into volume \"patched-telemetry\"", finding.Message);
        Assert.Contains("the server image comes from distribution name rh-dev, which the operator resolves", finding.Message);
        Assert.Equal("spec.server.podOverrides.initContainers[0].image", finding.Path);
    }

    [Fact]
    public void Check_DistributionByImage_IsLeftToTheSkewRule()
    {
        Assert.Empty(Check(_rule, Distribution("image: quay.io/opendatahub/llama-stack:rhoai-3.2")));
    }
}
