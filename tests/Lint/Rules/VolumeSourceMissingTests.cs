using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class VolumeSourceMissingTests
{
    private readonly VolumeSourceMissing _rule = new();

    private static string WithVolumes(string volumes) => Pod("containers:\n  - name: app\n    image: example.com/app:1.0\nvolumes:\n" + volumes);

    private const string ConfigMapElsewhere = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: other\ndata:\n  a: b\n";

    [Fact]
    public void Check_ConfigMapInAnotherNamespace_IsMissing()
    {
        var finding = Assert.Single(Check(_rule, ConfigMapElsewhere, WithVolumes("  - name: settings\n    configMap:\n      name: settings\n")));

        Assert.Contains("volume \"settings\" of Pod tracing/app uses ConfigMap settings, which is not in the linted files (namespace tracing)", finding.Message);
        Assert.Equal("spec.volumes[0].configMap", finding.Path);
    }

    [Fact]
    public void Check_ProjectedSources_AreEachNeeded()
    {
        var projected = "  - name: bundle\n    projected:\n      sources:\n        - configMap:\n            name: settings\n"
            + "        - secret:\n            name: db-credentials\n        - secret:\n            name: extra\n            optional: true\n        - serviceAccountToken:\n            path: token\n";

        var findings = Check(_rule, ConfigMapElsewhere.Replace("namespace: other", "namespace: tracing", StringComparison.Ordinal), WithVolumes(projected));

        var finding = Assert.Single(findings);
        Assert.Contains("volume \"bundle\" of Pod tracing/app uses Secret db-credentials, which is not in the linted files", finding.Message);
        Assert.Equal("spec.volumes[0].projected.sources[1].secret", finding.Path);
    }

    [Fact]
    public void Check_OptionalSecretAndServiceCa_AreSilent()
    {
        var volumes = "  - name: tls\n    secret:\n      secretName: tls\n      optional: true\n"
            + "  - name: ca\n    configMap:\n      name: kube-root-ca.crt\n";

        Assert.Empty(Check(_rule, WithVolumes(volumes)));
    }

    [Fact]
    public void Check_NameOneEditFromAConfigMapOfTheNamespace_IsLeftToReferenceTypo()
    {
        var settings = ConfigMapElsewhere.Replace("namespace: other", "namespace: tracing", StringComparison.Ordinal);
        var pod = WithVolumes("  - name: settings\n    configMap:\n      name: setings\n");

        Assert.Empty(Check(_rule, settings, pod));
        Assert.Single(Check(new ReferenceTypo(), settings, pod));
    }
}
