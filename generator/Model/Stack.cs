using Generator.Blueprints;
using Generator.Facts;

namespace Generator.Model;

/// <summary>
/// The whole stack, described once: every object (in the order the raw manifests list them), the checks across options
/// that only the stack can make, the APIs its custom resources need, and the chart's notes. The raw manifests resolve it
/// against the options; the chart is it, written as Helm templates.
/// </summary>
public static class Stack
{
    public static readonly Flag CapabilityChecks = V.Flag("chart.capabilityChecks");

    public static StackBlueprint Blueprint { get; } = Build();

    private static StackBlueprint Build()
    {
        var resources = new List<Resource>(Tempo.Resources());
        resources.AddRange(Collector.Resources());
        resources.Add(TracingPatch.Resource());
        resources.Add(LlamaStack.Resource());
        resources.Add(OgxServer.Resource());
        resources.Add(TracingUi.Resource());
        var caveats = Caveats();
        return new StackBlueprint(resources, Checks(), caveats, Apis(), Notes(caveats));
    }

    /// <summary>The APIs of the custom resources the options render, each required only when its kind is rendered.</summary>
    private static IReadOnlyList<ApiRequirement> Apis() =>
    [
        new(TempoFacts.ApiVersion, TempoFacts.Kind, "the Tempo Operator", !Tempo.Stack),
        new(TempoFacts.ApiVersion, TempoFacts.StackKind, "the Tempo Operator", Tempo.Stack),
        new(OpenTelemetryOperatorFacts.ApiVersion, OpenTelemetryOperatorFacts.Kind, "the OpenTelemetry Operator", Collector.OperatorMode),
        new(LlamaStackFacts.ApiVersion, LlamaStackFacts.Kind, "the LlamaStack Operator", Generation.Distribution),
        new(OgxFacts.ApiVersion, OgxFacts.Kind, OgxFacts.Operator, Generation.Ogx),
        new(UiPluginFacts.ApiVersion, UiPluginFacts.Kind, "the Cluster Observability Operator", TracingUi.Enabled),
    ];

    /// <summary>
    /// The rules across options that JSON Schema cannot state and the stack can (the rest are in the options schema,
    /// which the chart ships as values.schema.json): the generator refuses such options, the chart fails with the message.
    /// </summary>
    private static IReadOnlyList<Check> Checks()
    {
        var tenant = V.Str("collector.tenant");
        var image = LlamaStack.DistributionImage;
        var imageRelease = image.Find(LlamaStackGenerations.ImageReleasePattern)
            .TrimPrefix(":").TrimPrefix("v").TrimSuffix(".").TrimSuffix("+").TrimSuffix("@").TrimSuffix("-")
            .Named("llamaStack.imageRelease", "The release in the tag of llamaStack.distribution.image (empty when the tag is not one).");
        return
        [
            new(
                tenant.Present & !Tempo.Tenants.Any(t => t.Str("name").Is(tenant)).Named("collector.tenantExists", "Whether collector.tenant names one of Tempo's tenants."),
                "no tenant named \"" + tenant + "\"; tenants are " + Tempo.Tenants.Joined("name", ", ").Named("tempo.tenantNames", "The names of Tempo's tenants, comma-separated."),
                "collector.tenant"),
            new(
                (TracingPatch.SubPath | TracingPatch.InitContainer) & V.File(LlamaStackFacts.TracingModuleFile).IsEmpty,
                "patch.strategy=" + TracingPatch.Strategy + " mounts your own patched " + LlamaStackFacts.TracingModuleFile
                    + ", which this chart does not contain: render the chart with the generator (patch.file), or use patch.strategy=sitecustomize",
                "patch.strategy"),
            new(
                image.Matches(LlamaStackGenerations.ReleaseTaggedImagePattern) & imageRelease.IsNot(Generation.Version),
                "llamaStack.version is " + Generation.Version + ", but image " + image + " runs " + imageRelease
                    + ": set llamaStack.version to the release the image runs (it decides the env vars, the start-up hook and the metrics pipeline)",
                "llamaStack.version"),
        ];
    }

    /// <summary>Where valid options give a server whose spans or metrics go nowhere; the generator warns, NOTES.txt says it.</summary>
    private static IReadOnlyList<Check> Caveats()
    {
        var endpoint = Collector.OtlpEndpoint;
        Str problem = string.Empty;
        foreach (var generation in LlamaStackGenerations.All.Where(g => g.RunYamlProblem is not null))
        {
            problem = Generation.Id.Is(generation.Id).Then(generation.RunYamlProblem!, problem);
        }

        var sinks = LlamaStack.UserOtelTraceSink;
        var required = Generation.Id.Is(LlamaStackGenerations.TraceEndpointRequired.Id);
        return
        [
            new(Generation.RunYamlNeeded & !(required & sinks),
                "no span leaves LlamaStack " + Generation.Version + ": " + problem + "; its run.yaml must set the telemetry provider's sinks to include "
                    + LlamaStackGenerations.OtelTraceSink + " and otel_trace_endpoint: " + endpoint + OtlpFacts.TracesPath
                    + ", which this tool cannot (give the LlamaStackDistribution your run.yaml in spec.server.userConfig)",
                "llamaStack.version"),
            new(required & sinks,
                "LlamaStack " + Generation.Version + " with " + LlamaStackGenerations.OtelTraceSink + " in TELEMETRY_SINKS refuses to start (\"otel_trace_endpoint is required\") "
                    + "unless its run.yaml sets otel_trace_endpoint: " + endpoint + OtlpFacts.TracesPath + ", which reads no variable (give the LlamaStackDistribution your run.yaml in spec.server.userConfig)",
                "llamaStack.extraEnv"),
            new(!TracingPatch.Enabled & Generation.TracerProvider,
                "nothing in LlamaStack " + Generation.Version + " installs a tracer provider, so with patch.strategy=none its spans are not exported: use patch.strategy=auto (the start-up hook installs one)",
                "patch.strategy"),
            new(Generation.MetricsNone & Generation.Distribution & Generation.AutoInstrumented,
                "RHOAI 3.4's image passes --metrics_exporter=otlp to opentelemetry-instrument, which wins over " + LlamaStackGenerations.MetricsExporterEnv
                    + "=none: with no metrics pipeline every metrics export fails; set llamaStack.metrics=collector",
                "llamaStack.metrics"),
        ];
    }

    private static IReadOnlyList<NoteLine> Notes(IReadOnlyList<Check> caveats)
    {
        var ns = Common.ApplicationNamespace;
        var tempoNs = Common.TempoNamespace;
        var ui = V.Flag("tempo.jaegerUi.enabled");
        var port = TempoFacts.JaegerUiPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var gatewayUi = ui & Tempo.Gateway;
        var portForward = ui & !Tempo.Gateway;
        var route = ui & V.Flag("tempo.jaegerUi.route.enabled");
        var ingress = ui & !V.Flag("tempo.jaegerUi.route.enabled") & V.Flag("tempo.jaegerUi.ingress.enabled");
        var llama = LlamaStack.Name;
        var module = LlamaStackFacts.TracingModuleFile;

        // The Jaeger UI is the TempoMonolithic pod's sidecar, the TempoStack query-frontend's container; the operator names
        // the Route or Ingress after what it exposes (a TempoStack's gateway, when there is one).
        var uiTarget = Tempo.Stack.Then("svc/" + Tempo.ObjectName + "-" + TempoFacts.QueryFrontendComponent, "pod/" + Tempo.ObjectName + TempoFacts.FirstPodSuffix);
        var exposed = Tempo.Stack.Then(Tempo.Gateway.Then(Tempo.ObjectName + TempoFacts.GatewaySuffix, Tempo.ObjectName + "-" + TempoFacts.QueryFrontendComponent), Tempo.ObjectName + TempoFacts.JaegerUiSuffix);
        return
        [
            new("LlamaStack tracing: LlamaStack -> OpenTelemetry Collector (" + Collector.ServiceName + "." + ns + ") -> Tempo (" + Tempo.Name + "." + tempoNs + ")."),
            new(string.Empty),
            new("Wait for Tempo, then the collector:"),
            new("  oc get " + Tempo.Kind.Lower() + " " + Tempo.Name + " -n " + tempoNs + " -w"),
            new("  oc get " + OpenTelemetryOperatorFacts.Kind.ToLowerInvariant() + " " + Collector.Name + " -n " + ns, Collector.OperatorMode),

            // The operator names the collector's Deployment like its Service.
            new("  oc rollout status deployment/" + Collector.ServiceName + " -n " + ns),
            new(string.Empty, ui),
            new("Jaeger UI (deprecated since tempo-operator " + TempoFacts.JaegerUiDeprecatedSince + "; the OpenShift console's tracing UI replaces it):", ui),
            new("  Multitenancy is on: the UI is served through the gateway, which signs you in with OpenShift and shows the", gatewayUi),
            new("  tenants your account may read (ClusterRole rule \"get\" on resource <tenant>, resourceName traces).", gatewayUi),
            new("  oc port-forward " + uiTarget + " " + port + ":" + port + " -n " + tempoNs, portForward),
            new("  then open http://localhost:" + port, portForward),
            new("  Route: oc get route " + exposed + " -n " + tempoNs, route),
            new("  Ingress: oc get ingress " + exposed + " -n " + tempoNs, ingress),
            new(string.Empty, TracingUi.Enabled),
            new("OpenShift console: Observe > Traces (UIPlugin " + UiPluginFacts.DistributedTracingName + ") lists the tenants your account may read.", TracingUi.Enabled),
            new(string.Empty),
            .. ServerNotes(),
            new(string.Empty),
            new("Tracing fix (" + TracingPatch.Strategy + "):"),
            new("  oc logs deployment/" + llama + " -n " + ns + " | grep \"" + LlamaStackFacts.FixAppliedLogLine + "\"", TracingPatch.Sitecustomize & Generation.TracingFix),
            new("  One line says the fix was applied; \"not applied\" says why not.", TracingPatch.Sitecustomize & Generation.TracingFix),
            new("  oc logs deployment/" + llama + " -n " + ns + " | grep \"" + LlamaStackFacts.HookLogPrefix + "\"", TracingPatch.Sitecustomize & Generation.TracerProvider),
            new("  One line says whether the hook installed a tracer provider, and if not, why (an image that runs the server", TracingPatch.Sitecustomize & Generation.TracerProvider),
            new("  under opentelemetry-instrument never imports the hook: its auto-instrumentation exports instead).", TracingPatch.Sitecustomize & Generation.TracerProvider),
            new("  oc logs deployment/" + llama + " -c " + TracingPatch.InitContainerName + " -n " + ns, TracingPatch.InitContainer),
            new("  The init container logs that it applied the patch.", TracingPatch.InitContainer),
            new("  oc exec deployment/" + llama + " -n " + ns + " -- sha256sum " + TracingPatch.TelemetryDirectory + "/" + module, TracingPatch.SubPath),
            new("  The mounted file is your patched " + module + " when the sum is " + new Str(new Sha256(V.File(module).Expr)) + ".", TracingPatch.SubPath),
            new("  Not applied: spans of concurrent requests may mix (LlamaStack's TraceContext bugs).", !TracingPatch.Enabled & Generation.TracingFix),
            new("  Not installed: see the warning below.", !TracingPatch.Enabled & Generation.TracerProvider),
            new("  Nothing to patch: the server's auto-instrumentation makes and exports its spans.", !TracingPatch.Enabled & Generation.AutoInstrumented),
            .. caveats.SelectMany(c => new NoteLine[] { new(string.Empty, c.Holds), new("WARNING: " + c.Message + ".", c.Holds) }),
        ];
    }

    /// <summary>What the server's generation does with its spans and metrics, and where that needs the user.</summary>
    private static IEnumerable<NoteLine> ServerNotes()
    {
        var endpoint = Collector.OtlpEndpoint;
        var metricsNone = Generation.MetricsNone;
        return
        [
            new("Traces: " + Generation.Kind + " " + LlamaStack.Name + " runs LlamaStack " + Generation.Version + " (generation " + Generation.Id + ")."),
            new("  TELEMETRY_SINKS includes " + LlamaStackGenerations.OtelTraceSink + ": its telemetry provider exports spans over OTLP/HTTP to " + endpoint + ".", Generation.TelemetrySinks),
            new("  No span leaves this server without a run.yaml of yours: see the warning below.", Generation.RunYamlNeeded),
            new("  Its telemetry adapter exports spans and metrics over OTLP/HTTP to " + endpoint + ".", Generation.Id.Is(LlamaStackGenerations.TelemetryAdapter.Id)),
            new("  Nothing in it installs a tracer provider; the start-up hook installs one (OTLP/HTTP to " + endpoint + ").", Generation.TracerProvider & TracingPatch.Sitecustomize),
            new("  Its image runs the server under opentelemetry-instrument (switched on by the OTEL_* variables), which exports", Generation.AutoInstrumented),
            new("  traces and metrics to " + endpoint + " (" + Collector.OtlpProtocol + ").", Generation.AutoInstrumented),
            new("  Metrics: the collector's metrics pipeline takes them and logs one line per batch (debug exporter, verbosity basic).", Collector.MetricsPipeline & Generation.ExportsMetrics),
            new("  Metrics: 0.2.x exports none (it would with the otel_metric sink); the collector's metrics pipeline would take them.", Collector.MetricsPipeline & Generation.SinksExport),
            new("  Metrics: LlamaStack " + Generation.Version + " exports none (nothing in it, nor the start-up hook, installs a meter provider); the collector's metrics pipeline stays idle.", Collector.MetricsPipeline & Generation.TracerProvider),
            new("  Metrics: none (" + LlamaStackGenerations.MetricsExporterEnv + "=none, no metrics pipeline).", metricsNone & !(Generation.Distribution & Generation.AutoInstrumented)),
            new("  Metrics: no metrics pipeline, and " + LlamaStackGenerations.MetricsExporterEnv + "=none, which this image ignores: see the warning below.", metricsNone & Generation.Distribution & Generation.AutoInstrumented),
        ];
    }
}
