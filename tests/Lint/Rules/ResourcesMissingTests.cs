using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ResourcesMissingTests
{
    private readonly ResourcesMissing _rule = new();

    /// <summary>A container with every request and limit set.</summary>
    private const string App = "containers:\n  - name: app\n    image: example.com/app:1.0\n    resources:\n      requests: {cpu: 100m, memory: 128Mi}\n      limits: {cpu: 200m, memory: 256Mi}\n";

    [Fact]
    public void Check_PartialResources_NameExactlyWhatIsMissing()
    {
        var pod = Pod(
            """
            initContainers:
              - name: init
                image: example.com/init:1.0
                resources:
                  requests:
                    memory: 64Mi
                  limits:
                    cpu: ~
                    memory: 64Mi
            """ + "\n" + App);

        var finding = Assert.Single(Check(_rule, pod));

        Assert.Equal("container \"init\" of Pod tracing/app sets no requests.cpu, limits.cpu", finding.Message);
        Assert.Equal("spec.initContainers[0].resources", finding.Path);
    }

    [Fact]
    public void Check_EveryContainerWithRequestsAndLimits_IsSilent()
    {
        Assert.Empty(Check(_rule, Pod(App)));
    }
}
