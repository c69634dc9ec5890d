using System.Globalization;
using Generator.Facts;
using Generator.Options;
using Generator.Yaml;

namespace Generator.Model;

/// <summary>
/// Builds the collector config: OTLP receivers bound to 0.0.0.0 (they default to localhost since v0.104, which a Service
/// cannot reach), optional memory_limiter and k8s attributes, batch, the Tempo exporter (to the gateway with bearer token,
/// tenant header and service CA when multitenancy is on, else plain-text gRPC), the debug exporter, and health_check.
/// Component type names follow the pinned collector version.
/// </summary>
public static class CollectorConfigBuilder
{
    public const string AnyAddress = "0.0.0.0";

    /// <summary>What the k8sattributes processor adds to every span.</summary>
    public static readonly IReadOnlyList<string> K8sMetadata = ["k8s.namespace.name", "k8s.pod.name", "k8s.deployment.name", "k8s.node.name"];

    public static YamlMapping Build(CollectorOptions collector, CollectorVersion version, TempoModel tempo, string exporterId)
    {
        var processors = new YamlMapping();
        var pipelineProcessors = new YamlSequence();
        if (collector.MemoryLimiter.Enabled)
        {
            processors["memory_limiter"] = new YamlMapping
            {
                ["check_interval"] = collector.MemoryLimiter.CheckInterval,
                ["limit_percentage"] = collector.MemoryLimiter.LimitPercentage,
                ["spike_limit_percentage"] = collector.MemoryLimiter.SpikeLimitPercentage,
            };
            pipelineProcessors.Add("memory_limiter");
        }

        if (collector.K8sAttributes.Enabled == true)
        {
            var k8sAttributes = CollectorCatalog.NameFor(ComponentKind.Processor, "k8s_attributes", version);
            processors[k8sAttributes] = new YamlMapping
            {
                ["extract"] = new YamlMapping
                {
                    ["metadata"] = new YamlSequence(K8sMetadata.Select(m => (YamlNode)m)),
                },
            };
            pipelineProcessors.Add(k8sAttributes);
        }

        processors["batch"] = new YamlMapping
        {
            ["timeout"] = collector.Batch.Timeout,
            ["send_batch_size"] = collector.Batch.SendBatchSize,
        };
        pipelineProcessors.Add("batch");

        var exporters = new YamlMapping { [exporterId] = TempoExporter(tempo) };
        var pipelineExporters = new YamlSequence { exporterId };
        if (collector.DebugExporter.Enabled)
        {
            exporters["debug"] = new YamlMapping { ["verbosity"] = EnumNames.Wire(collector.DebugExporter.Verbosity) };
            pipelineExporters.Add("debug");
        }

        var extensions = new YamlMapping
        {
            ["health_check"] = new YamlMapping
            {
                ["endpoint"] = Listen(collector.HealthCheck.Port),
                ["path"] = collector.HealthCheck.Path,
            },
        };
        var serviceExtensions = new YamlSequence { "health_check" };
        if (tempo.GatewayEnabled)
        {
            extensions["bearertokenauth"] = new YamlMapping { ["filename"] = TempoFacts.ServiceAccountTokenFile };
            serviceExtensions.Add("bearertokenauth");
        }

        return new YamlMapping
        {
            ["receivers"] = new YamlMapping { ["otlp"] = new YamlMapping { ["protocols"] = Protocols(collector.Receivers) } },
            ["processors"] = processors,
            ["exporters"] = exporters,
            ["extensions"] = extensions,
            ["service"] = new YamlMapping
            {
                ["extensions"] = serviceExtensions,
                ["pipelines"] = new YamlMapping
                {
                    ["traces"] = new YamlMapping
                    {
                        ["receivers"] = new YamlSequence { "otlp" },
                        ["processors"] = pipelineProcessors,
                        ["exporters"] = pipelineExporters,
                    },
                },
            },
        };
    }

    private static YamlMapping Protocols(ReceiverOptions receivers)
    {
        var protocols = new YamlMapping();
        if (receivers.Grpc.Enabled)
        {
            protocols["grpc"] = new YamlMapping { ["endpoint"] = Listen(receivers.Grpc.Port) };
        }

        if (receivers.Http.Enabled)
        {
            protocols["http"] = new YamlMapping { ["endpoint"] = Listen(receivers.Http.Port) };
        }

        return protocols;
    }

    private static YamlMapping TempoExporter(TempoModel tempo)
    {
        var exporter = new YamlMapping { ["endpoint"] = tempo.ExporterEndpoint };
        if (!tempo.GatewayEnabled)
        {
            exporter["tls"] = new YamlMapping { ["insecure"] = true };
            return exporter;
        }

        exporter["tls"] = new YamlMapping { ["ca_file"] = TempoFacts.ServiceCaFile };
        exporter["auth"] = new YamlMapping { ["authenticator"] = "bearertokenauth" };
        exporter["headers"] = new YamlMapping { [TempoFacts.TenantHeader] = tempo.Tenant! };
        return exporter;
    }

    private static string Listen(long port) => AnyAddress + ":" + port.ToString(CultureInfo.InvariantCulture);
}
