using System.Security.Cryptography;
using System.Text;
using Generator.Options;
using Generator.Render;
using Generator.Tests.Support;

namespace Generator.Tests.Chart;

/// <summary>The generated chart passes helm's own checks and installs (client-side dry run) with helm 4.</summary>
public sealed class ChartCommandTests
{
    /// <summary>helm install has no --api-versions flag, so the dry runs switch the capability check off.</summary>
    private const string Offline = "chart.capabilityChecks=false";

    [Fact]
    public void Lint_Strict_ReportsNoWarnings()
    {
        using var chart = RenderedChart.Create(null);

        // helm lint renders in lint mode, where fail only logs; the switch keeps that log free of the capability message.
        var run = Helm.Succeed("lint", "--strict", chart.ChartDirectory, "--set", Offline);

        Assert.DoesNotContain("[WARNING]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERROR]", run.Stdout, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> OptionSetsWithHelm
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var helm in Helm.Binaries)
            {
                foreach (var file in Directory.GetFiles(TestPaths.Fixture("options"), "*.yaml").Order(StringComparer.Ordinal))
                {
                    data.Add(Path.GetFileNameWithoutExtension(file), helm);
                }
            }

            return data;
        }
    }

    /// <summary>helm 4 and helm 3.17 lint the chart strictly clean with the values of every option set of the fixtures.</summary>
    [Theory]
    [MemberData(nameof(OptionSetsWithHelm))]
    public void Lint_Strict_WithEveryOptionSet_ReportsNoWarnings(string optionSet, string helm)
    {
        using var chart = RenderedChart.Create(optionSet);

        var run = Helm.SucceedWith(helm, "lint", "--strict", chart.ChartDirectory, "--values", chart.ValuesFile, "--set", Offline);

        Assert.DoesNotContain("[WARNING]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[ERROR]", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator-collector", "Tempo (tracing.openshift-tempo-operator).", "oc get opentelemetrycollector otel -n llamastack", "oc rollout status deployment/otel-collector -n llamastack")]
    [InlineData("tempostack-s3", "oc get tempostack tracing -n openshift-tempo-operator -w", "oc port-forward svc/tempo-tracing-query-frontend 16686:16686 -n openshift-tempo-operator", "Route: oc get route tempo-tracing-query-frontend -n openshift-tempo-operator")]
    [InlineData("tempostack-operator-redhat", "the UI is served through the gateway", "Route: oc get route tempo-tracing-gateway -n openshift-tempo-operator", "deprecated since tempo-operator 0.22.0")]
    [InlineData("tempostack-gateway-uiplugin", "OpenShift console: Observe > Traces (UIPlugin distributed-tracing)", "oc get tempostack traces -n openshift-tempo-operator -w", "oc rollout status deployment/otel-collector -n llamastack")]
    public void InstallDryRun_NotesFollowTheCollectorModeAndTempoKind(string optionSet, params string[] lines)
    {
        using var chart = RenderedChart.Create(optionSet);
        var options = chart.Options;

        var run = Helm.Succeed(
            "install", options.Instance, chart.ChartDirectory, "--dry-run=client",
            "--namespace", options.Namespaces.Application, "--values", chart.ValuesFile, "--set", Offline);

        var notes = run.Stdout[run.Stdout.IndexOf("NOTES:", StringComparison.Ordinal)..];
        Assert.All(lines, line => Assert.Contains(line, notes, StringComparison.Ordinal));

        // A TempoStack has no monolithic pod to port-forward to.
        AssertMentions(notes, options.Tempo.Kind == TempoKind.Monolithic && options.Tempo.JaegerUi.Enabled, "oc port-forward pod/tempo-");
    }

    [Fact]
    public void Package_WritesTheChartArchive()
    {
        using var chart = RenderedChart.Create(null);
        var destination = Path.Combine(chart.Root, "packaged");

        Helm.Succeed("package", chart.ChartDirectory, "--destination", destination);

        Assert.True(File.Exists(Path.Combine(destination, $"{ChartRenderer.ChartName}-{ToolInfo.Version}.tgz")),
            $"no chart archive in {destination}: {string.Join(", ", Directory.GetFiles(destination))}");
    }

    [Theory]
    [InlineData(null, "oc logs deployment/llamastack-rhoai32-postgres-otel -n llamastack | grep \"llamastack tracing fix applied\"")]
    [InlineData("initcontainer-image", "oc logs deployment/llamastack-rhoai32-postgres-otel -c apply-tracing-patch -n llamastack")]
    [InlineData("subpath-s3-contrib-0.140", "oc exec deployment/llamastack-rhoai32-postgres-otel -n llamastack -- sha256sum /opt/app-root/lib64/python3.12/site-packages/llama_stack/providers/utils/telemetry/tracing.py")]
    [InlineData("grpc-only-collector-0.120", "Nothing to patch: the server's auto-instrumentation makes and exports its spans.")]
    [InlineData("llamastack-0.2.14", "Not applied: spans of concurrent requests may mix")]
    [InlineData("llamastack-0.2.22-user-sinks", "TELEMETRY_SINKS includes otel_trace: its telemetry provider exports spans over OTLP/HTTP to http://otel-collector.llamastack.svc.cluster.local:4318.")]
    [InlineData("llamastack-0.2.14", "WARNING: no span leaves LlamaStack 0.2.14: with otel_trace on it needs the run.yaml field otel_trace_endpoint")]
    [InlineData("llamastack-0.4.2", "Metrics: LlamaStack 0.4.2 exports none (nothing in it, nor the start-up hook, installs a meter provider)")]
    [InlineData("llamastack-0.4.2", "oc logs deployment/llamastack-rhoai33-postgres-otel -n llamastack | grep \"llamastack tracing fix\"")]
    [InlineData("llamastack-0.7.1-metrics-none", "RHOAI 3.4's image passes --metrics_exporter=otlp to opentelemetry-instrument")]
    [InlineData("ogx", "Traces: OGXServer ogx-postgres-otel runs LlamaStack 1.3.0 (generation ogx).")]
    [InlineData("cluster-observability", "oc logs deployment/llamastack-rhoai32-postgres-otel -n llamastack | grep \"llamastack tracing fix applied\"")]
    public void InstallDryRun_NotesTellHowToReachTheJaegerUiAndCheckThePatch(string? optionSet, string patchCheck)
    {
        using var chart = RenderedChart.Create(optionSet);
        var options = chart.Options;
        var ui = options.Tempo.JaegerUi;
        var tempoNamespace = options.Namespaces.Tempo;

        var run = Helm.Succeed(
            "install", options.Instance, chart.ChartDirectory, "--dry-run=client",
            "--namespace", options.Namespaces.Application, "--values", chart.ValuesFile, "--set", Offline);

        var notes = run.Stdout[run.Stdout.IndexOf("NOTES:", StringComparison.Ordinal)..];
        Assert.Contains(patchCheck, notes, StringComparison.Ordinal);
        var gateway = options.Tempo.Multitenancy.Enabled == true && options.Tempo.Multitenancy.Tenants.Count > 0;
        AssertMentions(notes, ui.Enabled && !gateway, $"oc port-forward pod/tempo-{options.Tempo.Name}-0 16686:16686 -n {tempoNamespace}");
        AssertMentions(notes, ui.Enabled && gateway, "the UI is served through the gateway");
        AssertMentions(notes, ui.Enabled && ui.Route.Enabled, $"oc get route tempo-{options.Tempo.Name}-jaegerui -n {tempoNamespace}");
        AssertMentions(notes, ui.Enabled && ui.Ingress.Enabled, $"oc get ingress tempo-{options.Tempo.Name}-jaegerui -n {tempoNamespace}");
        if (options.Patch.Strategy == PatchStrategy.SubPath)
        {
            var patched = File.ReadAllText(TestPaths.Fixture("patch", "tracing.py")).ReplaceLineEndings("\n");
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(patched))), notes, StringComparison.Ordinal);
        }
    }

    private static void AssertMentions(string notes, bool expected, string command)
    {
        Assert.True(notes.Contains(command, StringComparison.Ordinal) == expected,
            $"the notes should {(expected ? string.Empty : "not ")}say: {command}\n{notes}");
    }
}
