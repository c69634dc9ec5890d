using Generator.Lint.Rules;
using static Generator.Tests.Lint.LintHarness;

namespace Generator.Tests.Lint.Rules;

public sealed class ServiceTargetPortTests
{
    private readonly ServiceTargetPort _rule = new();

    private static string Service(string ports) =>
        $"apiVersion: v1\nkind: Service\nmetadata:\n  name: sidecar\n  namespace: tracing\nspec:\n  selector:\n    app: app\n  ports:\n{ports}";

    private static readonly string TwoContainers = Deployment("""
        containers:
          - name: app
            image: example.com/app:1.0
            ports:
              - name: http
                containerPort: 8080
          - name: collector
            image: otel/opentelemetry-collector:0.159.0
            ports:
              - name: otlp-http
                containerPort: 4318
        """);

    [Fact]
    public void Check_NamedTargetInTheSecondContainer_IsFound()
    {
        Assert.Empty(Check(_rule, TwoContainers, Service("    - port: 4318\n      targetPort: otlp-http\n")));
    }

    [Fact]
    public void Check_NoTargetPort_DefaultsToThePort()
    {
        var finding = Assert.Single(Check(_rule, TwoContainers, Service("    - port: 4317\n")));

        Assert.Contains("port 4317 targets \"4317\", which no container of Deployment tracing/app declares (their ports: 8080 (http), 4318 (otlp-http))", finding.Message);
        Assert.EndsWith("spec.ports[0]", finding.Path);
    }

    [Fact]
    public void Check_PortNameOneOrTwoEditsFromADeclaredOne_IsNamedAsTheOneMeant()
    {
        var finding = Assert.Single(Check(_rule, TwoContainers, Service("    - port: 4318\n      targetPort: otlp-htp\n")));

        Assert.EndsWith("their ports: 8080 (http), 4318 (otlp-http)); did you mean \"otlp-http\"?", finding.Message);
    }

    [Fact]
    public void Check_PortNameFarFromEveryDeclaredOne_SuggestsNothing()
    {
        var finding = Assert.Single(Check(_rule, TwoContainers, Service("    - port: 4318\n      targetPort: traces\n")));

        Assert.DoesNotContain("did you mean", finding.Message);
    }

    [Fact]
    public void Check_ContainersDeclaringNoPorts_AreNotJudgedOnNumbers()
    {
        Assert.Empty(Check(_rule, App("tracing"), Service("    - port: 9000\n      targetPort: 9000\n")));
    }
}
