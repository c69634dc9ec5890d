using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class VolumeMountUndefinedTests
{
    private readonly VolumeMountUndefined _rule = new();

    [Fact]
    public void Check_InitContainerMount_IsCheckedToo()
    {
        var pod = Pod(
            """
            initContainers:
              - name: copy
                image: example.com/copy:1.0
                volumeMounts:
                  - name: scratch
                    mountPath: /scratch
            containers:
              - name: main
                image: example.com/main:1.0
                volumeMounts:
                  - name: work
                    mountPath: /work
            volumes:
              - name: work
                emptyDir: {}
            """,
            name: "patcher",
            ns: "llamastack");

        var finding = Assert.Single(Check(_rule, pod));

        Assert.Equal("container \"copy\" mounts volume \"scratch\" at /scratch, but Pod llamastack/patcher defines no such volume (volumes: work)", finding.Message);
        Assert.Equal("spec.initContainers[0].volumeMounts[0].name", finding.Path);
    }

    [Fact]
    public void Check_LlamaStackWithoutVolumes_SaysNone()
    {
        var distribution = LlamaStack(podOverrides: "volumeMounts:\n  - name: tracing-patch\n    mountPath: /opt/app-root/tracing-fix\n");

        var finding = Assert.Single(Check(_rule, distribution));

        Assert.EndsWith("defines no such volume (volumes: none)", finding.Message);
        Assert.Equal("spec.server.podOverrides.volumeMounts[0].name", finding.Path);
    }

    [Fact]
    public void Check_EveryMountNamingAVolumeOfThePod_IsSilent()
    {
        Assert.Empty(Check(_rule, Pod("containers:\n  - name: main\n    image: example.com/main:1.0\n    volumeMounts:\n      - name: work\n        mountPath: /work\nvolumes:\n  - name: work\n    emptyDir: {}\n")));
    }
}
