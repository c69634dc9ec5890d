using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class PatchConfigMapOrphanTests
{
    private readonly PatchConfigMapOrphan _rule = new();

    private const string Patch = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tracing-patch\n  namespace: llamastack\ndata:\n  README: notes\n  tracing.py: |\n    PATCHED = True\n";

    private static string Mounting(string ns) =>
        Pod("containers:\n  - name: app\n    image: example.com/app:1.0\nvolumes:\n  - name: patch\n    configMap:\n      name: tracing-patch\n", ns: ns);

    [Fact]
    public void Check_MountedOnlyInAnotherNamespace_IsAnOrphan()
    {
        var finding = Assert.Single(Check(_rule, Patch, Mounting("other")));

        Assert.Equal("ConfigMap llamastack/tracing-patch carries a tracing patch (key tracing.py), but no workload in the linted files mounts it: the patch is never loaded", finding.Message);
        Assert.Equal("data[tracing.py]", finding.Path);
    }

    [Fact]
    public void Check_MountedByAPod_IsSilent()
    {
        Assert.Empty(Check(_rule, Patch, Mounting("llamastack")));
    }

    [Fact]
    public void Check_ConfigMapAVolumeNamesWithATypo_IsLeftToReferenceTypo()
    {
        var misspelt = Pod("containers:\n  - name: app\n    image: example.com/app:1.0\nvolumes:\n  - name: patch\n    configMap:\n      name: tracing-ptch\n", ns: "llamastack");

        Assert.Empty(Check(_rule, Patch, misspelt));
        Assert.Contains("did you mean tracing-patch, which is otherwise unused?", Assert.Single(Check(new ReferenceTypo(), Patch, misspelt)).Message);
    }
}
