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
        var resources = new List<Resource> { Tempo.Resource() };
        resources.AddRange(Collector.Resources());
        resources.Add(TracingPatch.Resource());
        resources.Add(LlamaStack.Resource());
        return new StackBlueprint(resources, Checks(), Apis(), Notes());
    }

    private static IReadOnlyList<ApiRequirement> Apis() =>
    [
        new(TempoFacts.ApiVersion, TempoFacts.Kind, "the Tempo Operator", Flag.True),
        new(LlamaStackFacts.ApiVersion, LlamaStackFacts.Kind, "the LlamaStack Operator", Flag.True),
    ];

    /// <summary>
    /// The rules across options that JSON Schema cannot state and the stack can (the rest are in the options schema,
    /// which the chart ships as values.schema.json): the generator refuses such options, the chart fails with the message.
    /// </summary>
    private static IReadOnlyList<Check> Checks()
    {
        var tenant = V.Str("collector.tenant");
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
        ];
    }

    private static IReadOnlyList<NoteLine> Notes()
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
        return
        [
            new("LlamaStack tracing: LlamaStack -> OpenTelemetry Collector (" + Collector.Name + "." + ns + ") -> Tempo (" + Tempo.Name + "." + tempoNs + ")."),
            new(string.Empty),
            new("Wait for Tempo, then the collector:"),
            new("  oc get " + TempoFacts.Kind.ToLowerInvariant() + " " + Tempo.Name + " -n " + tempoNs + " -w"),
            new("  oc rollout status deployment/" + Collector.Name + " -n " + ns),
            new(string.Empty, ui),
            new("Jaeger UI:", ui),
            new("  Multitenancy is on: the UI is served through the gateway, which signs you in with OpenShift and shows the", gatewayUi),
            new("  tenants your account may read (ClusterRole rule \"get\" on resource <tenant>, resourceName traces).", gatewayUi),
            new("  oc port-forward pod/" + Tempo.ObjectName + "-0 " + port + ":" + port + " -n " + tempoNs, portForward),
            new("  then open http://localhost:" + port, portForward),
            new("  Route: oc get route " + Tempo.ObjectName + "-jaegerui -n " + tempoNs, route),
            new("  Ingress: oc get ingress " + Tempo.ObjectName + "-jaegerui -n " + tempoNs, ingress),
            new(string.Empty),
            new("Tracing fix (" + TracingPatch.Strategy + "):"),
            new("  oc logs deployment/" + llama + " -n " + ns + " | grep \"" + LlamaStackFacts.FixAppliedLogLine + "\"", TracingPatch.Sitecustomize),
            new("  One line says the fix was applied; \"not applied\" says why not.", TracingPatch.Sitecustomize),
            new("  oc logs deployment/" + llama + " -c " + TracingPatch.InitContainerName + " -n " + ns, TracingPatch.InitContainer),
            new("  The init container logs that it applied the patch.", TracingPatch.InitContainer),
            new("  oc exec deployment/" + llama + " -n " + ns + " -- sha256sum " + TracingPatch.TelemetryDirectory + "/" + module, TracingPatch.SubPath),
            new("  The mounted file is your patched " + module + " when the sum is " + new Str(new Sha256(V.File(module).Expr)) + ".", TracingPatch.SubPath),
            new("  Not applied: spans of concurrent requests may mix (LlamaStack's TraceContext bugs).", !TracingPatch.Enabled),
        ];
    }
}
