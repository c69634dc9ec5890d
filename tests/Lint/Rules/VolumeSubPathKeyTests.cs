using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class VolumeSubPathKeyTests
{
    private readonly VolumeSubPathKey _rule = new();

    private static string Mounting(string subPath, string volume) => Pod(
        $"""
        containers:
          - name: app
            image: example.com/app:1.0
            volumeMounts:
              - name: files
                mountPath: /etc/app/target
                subPath: {subPath}
        volumes:
          - name: files
        {volume}
        """);

    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: files\n  namespace: tracing\ndata:\n  a.yaml: x\nbinaryData:\n  b.bin: AA==\n";

    [Theory]
    [InlineData("b.bin", "    configMap:\n      name: files\n")]
    [InlineData("conf", "    configMap:\n      name: files\n      items:\n        - key: a.yaml\n          path: conf/a.yaml\n")]
    [InlineData("conf/a.yaml", "    configMap:\n      name: files\n      items:\n        - key: a.yaml\n          path: conf/a.yaml\n")]
    public void Check_BinaryKeysAndItemDirectories_Resolve(string subPath, string volume)
    {
        Assert.Empty(Check(_rule, ConfigMap, Mounting(subPath, volume)));
    }

    [Fact]
    public void Check_SecretWithStringData_ListsItsKeys()
    {
        const string secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\n  namespace: tracing\nstringData:\n  token: x\n";

        var finding = Assert.Single(Check(_rule, secret, Mounting("password", "    secret:\n      secretName: creds\n")));

        Assert.EndsWith("but Secret tracing/creds has keys: token", finding.Message);
    }
}
