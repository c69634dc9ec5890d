using System.Security.Cryptography;
using System.Text;
using Generator.Facts;
using Generator.Options;
using Generator.Yaml;

namespace Generator.Model;

/// <summary>The whole stack with every derived fact settled; renderers read only this.</summary>
public sealed record StackModel(
    GeneratorOptions Options,
    TempoModel Tempo,
    CollectorModel Collector,
    PatchWiring Patch,
    IReadOnlyList<EnvVar> LlamaStackEnv)
{
    /// <summary>Derives the model from loaded (resolved and validated) options.</summary>
    public static StackModel Build(LoadedOptions loaded)
    {
        var options = loaded.Options;
        var tempo = BuildTempo(options);
        var collector = BuildCollector(options, tempo);
        var patch = PatchWiring.Build(options, loaded.PatchFileText);
        return new StackModel(options, tempo, collector, patch, Model.LlamaStackEnv.Build(options, collector, patch));
    }

    private static TempoModel BuildTempo(GeneratorOptions options)
    {
        var tempo = options.Tempo;
        var tenants = tempo.Multitenancy.Tenants.Select(t => t.Name).ToList();
        var gateway = TempoFacts.HasGateway(tempo.Multitenancy.Enabled == true, tenants.Count);
        var service = TempoFacts.IngestServiceName(tempo.Name, gateway);
        var endpoint = $"{TempoFacts.ClusterHost(service, options.Namespaces.Tempo)}:{TempoFacts.OtlpGrpcPort}";
        string? tenant = gateway ? (options.Collector.Tenant.Length > 0 ? options.Collector.Tenant : tenants[0]) : null;
        return new TempoModel(tempo.Name, options.Namespaces.Tempo, gateway, tenant, service, endpoint, tenants);
    }

    private static CollectorModel BuildCollector(GeneratorOptions options, TempoModel tempo)
    {
        var collector = options.Collector;
        var version = collector.EffectiveVersion() ?? CollectorCatalog.Pinned;
        var distribution = collector.EffectiveDistribution() ?? CollectorDistribution.Core;
        var ns = options.Namespaces.Application;
        var host = TempoFacts.ClusterHost(collector.Name, ns);
        var http = collector.Receivers.Http;
        var (url, protocol) = http.Enabled
            ? ($"http://{host}:{http.Port}", OtlpFacts.HttpProtobuf)
            : ($"http://{host}:{collector.Receivers.Grpc.Port}", OtlpFacts.Grpc);
        var exporterId = CollectorCatalog.NameFor(ComponentKind.Exporter, "otlp_grpc", version) + "/" + CollectorModel.TempoExporterName;
        var config = CollectorConfigBuilder.Build(collector, version, tempo, exporterId);
        var text = YamlWriter.Write(config);
        return new CollectorModel(
            collector.Name,
            ns,
            collector.Name + CollectorModel.ConfigMapSuffix,
            collector.ImageReference(),
            distribution,
            version,
            host,
            url,
            protocol,
            NeedsRbac: tempo.GatewayEnabled || collector.K8sAttributes.Enabled == true,
            ClusterRoleName: $"{collector.Name}-{ns}",
            exporterId,
            config,
            text,
            Sha256(text));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
