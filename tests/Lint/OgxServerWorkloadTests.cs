using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint;

/// <summary>
/// An OGXServer is a workload like a LlamaStackDistribution: its operator builds one container, ogx, from
/// spec.workload (resources) and spec.workload.overrides (env, volume mounts; the pod's volumes), so its env and volumes
/// go through the same wiring rules, located at the OGXServer's own fields.
/// </summary>
public sealed class OgxServerWorkloadTests
{
    private static readonly string Server = Ogx(distribution: "image: docker.io/ogxai/distribution-starter:latest", workload: """
        resources:
          requests:
            cpu: "1"
        overrides:
          env:
            - name: OTEL_EXPORTER_OTLP_ENDPOINT
              value: http://otel-collector.llamastack.svc.cluster.local:4318
            - name: API_TOKEN
              value: abc123
          volumeMounts:
            - name: extra
              mountPath: /extra
          volumes:
            - name: other
              emptyDir: {}
        """);

    [Fact]
    public void PlaintextSecretInTheOverridesEnv_IsReported()
    {
        var finding = Assert.Single(Check(new EnvPlaintextSecret(), Server));

        Assert.Equal("spec.workload.overrides.env[1].value", finding.Path);
        Assert.Contains("API_TOKEN", finding.Message);
    }

    [Fact]
    public void MountOfAVolumeTheOverridesDoNotDefine_IsReported()
    {
        var finding = Assert.Single(Check(new VolumeMountUndefined(), Server));

        Assert.StartsWith("spec.workload.overrides.volumeMounts[0]", finding.Path);
        Assert.Contains("\"extra\"", finding.Message);
    }

    [Fact]
    public void ResourcesOfTheWorkload_AreTheContainers()
    {
        var finding = Assert.Single(Check(new ResourcesMissing(), Server));

        Assert.Equal("spec.workload.resources", finding.Path);
        Assert.Contains("container \"ogx\" of OGXServer llamastack/ogx sets no requests.memory, limits.cpu, limits.memory", finding.Message);
    }

    [Fact]
    public void WithoutAWorkloadSection_TheMissingResourcesPointAtTheSpec()
    {
        var finding = Assert.Single(Check(new ResourcesMissing(), Ogx()));

        Assert.Equal("spec", finding.Path);
    }

    [Fact]
    public void TheDistributionImage_IsCheckedWhereItIs()
    {
        var finding = Assert.Single(Check(new ImageLatest(), Server));

        Assert.Equal("spec.distribution.image", finding.Path);
    }

    [Fact]
    public void TheOperatorsPod_IsNotJudgedForItsSecurityContext()
    {
        Assert.Empty(Check(new SecurityContextRestricted(), Server));
    }

    [Fact]
    public void TheEndpoint_IsFollowedToTheCollector()
    {
        var finding = Assert.Single(Check(new OtlpEndpointUnresolved(), Server));

        Assert.Equal("spec.workload.overrides.env[0].value", finding.Path);
        Assert.Contains("of container \"ogx\"", finding.Message);
    }
}
