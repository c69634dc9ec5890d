using Generator.Facts;

namespace Generator.Options;

/// <summary>
/// The cross-option checks JSON Schema cannot state, on the bound options: comparing two values (ports, replica bounds of
/// LlamaStack and the collector's autoscaler),
/// uniqueness by a key (tenant and env var names), and the order of collector versions. The rules it can state are in
/// <see cref="OptionRules"/>, judged by the options schema; those that need the stack's derivations (a value that must
/// name a list item: collector.tenant) are the stack's checks (generator/Model/Stack.cs), which the chart runs too.
/// </summary>
public static class OptionsValidator
{
    public static IReadOnlyList<OptionsError> Validate(GeneratorOptions options, OptionsSources sources)
    {
        var errors = new List<OptionsError>();
        void Fail(string path, string message, params string[] causes) => errors.Add(sources.ErrorAt(path, message, causes));

        ValidateTempo(options.Tempo, Fail);
        ValidateCollector(options, Fail);
        ValidateLlamaStack(options, Fail);
        return errors;
    }

    private static void ValidateTempo(TempoOptions tempo, Action<string, string, string[]> fail)
    {
        var duplicate = tempo.Multitenancy.Tenants.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            fail("tempo.multitenancy.tenants", $"tenant name \"{duplicate.Key}\" is given more than once", []);
        }
    }

    private static void ValidateCollector(GeneratorOptions options, Action<string, string, string[]> fail)
    {
        var collector = options.Collector;

        // A latest or unreadable tag is an option rule's error already; this needs a version to compare.
        var since = CollectorCatalog.DebugExporterSince;
        if (collector.Image.Tag != "latest" && collector.EffectiveVersion() is { } version && version < since)
        {
            if (collector.DebugExporter.Enabled)
            {
                fail("collector.debugExporter.enabled", $"the debug exporter exists since collector {since}; {version} is older", ["collector.image.tag", "collector.version"]);
            }

            if (options.LlamaStack.Metrics == MetricsTarget.Collector)
            {
                fail("llamaStack.metrics", $"the metrics pipeline's debug exporter exists since collector {since}; {version} is older: use a newer collector or llamaStack.metrics=none",
                    ["collector.image.tag", "collector.version"]);
            }
        }

        var autoscaler = collector.Autoscaler;
        if (autoscaler.Enabled && autoscaler.MinReplicas > autoscaler.MaxReplicas)
        {
            fail("collector.autoscaler.minReplicas", $"minReplicas ({autoscaler.MinReplicas}) is larger than maxReplicas ({autoscaler.MaxReplicas})", ["collector.autoscaler.maxReplicas"]);
        }

        var ports = new List<(string Path, long Port)> { ("collector.healthCheck.port", collector.HealthCheck.Port) };
        if (collector.Receivers.Http.Enabled)
        {
            ports.Add(("collector.receivers.http.port", collector.Receivers.Http.Port));
        }

        if (collector.Receivers.Grpc.Enabled)
        {
            ports.Add(("collector.receivers.grpc.port", collector.Receivers.Grpc.Port));
        }

        foreach (var clash in ports.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            fail(clash.Last().Path, $"port {clash.Key} is also used by {clash.First().Path}", []);
        }
    }

    private static void ValidateLlamaStack(GeneratorOptions options, Action<string, string, string[]> fail)
    {
        var llama = options.LlamaStack;
        if (llama.Autoscaling.Enabled && llama.Autoscaling.MinReplicas > llama.Autoscaling.MaxReplicas)
        {
            fail("llamaStack.autoscaling.minReplicas", $"minReplicas ({llama.Autoscaling.MinReplicas}) is larger than maxReplicas ({llama.Autoscaling.MaxReplicas})", ["llamaStack.autoscaling.maxReplicas"]);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < llama.ExtraEnv.Count; i++)
        {
            var env = llama.ExtraEnv[i];
            if (!seen.Add(env.Name))
            {
                fail($"llamaStack.extraEnv[{i}].name", $"{env.Name} is given more than once", []);
            }
        }
    }
}
