using Generator.Facts;
using Generator.Yaml;

namespace Generator.Model;

/// <summary>The collector as deployed: names, image facts, endpoints and its config (tree, text and checksum).</summary>
public sealed record CollectorModel(
    string Name,
    string Namespace,
    string ConfigMapName,
    string Image,
    CollectorDistribution Distribution,
    CollectorVersion Version,
    string ServiceHost,
    string OtlpEndpointUrl,
    string OtlpProtocol,
    bool NeedsRbac,
    string ClusterRoleName,
    string TempoExporterId,
    YamlMapping Config,
    string ConfigText,
    string ConfigChecksum)
{
    /// <summary>The ConfigMap key holding the collector config.</summary>
    public const string ConfigKey = "config.yaml";

    /// <summary>Where the config ConfigMap is mounted in the collector container.</summary>
    public const string ConfigDirectory = "/conf";

    public const string ConfigVolume = "config";

    /// <summary>The config ConfigMap is named after the collector: <c>&lt;name&gt;-config</c>.</summary>
    public const string ConfigMapSuffix = "-config";

    /// <summary>The collector's flag naming its config file.</summary>
    public const string ConfigFlag = "--config=";

    /// <summary>The name part of the exporter id towards Tempo (<c>otlp_grpc/tempo</c>).</summary>
    public const string TempoExporterName = "tempo";

    public const string HttpPortName = "otlp-http";

    public const string GrpcPortName = "otlp-grpc";

    public const string HealthPortName = "health";

    public string ConfigArgument => $"{ConfigFlag}{ConfigDirectory}/{ConfigKey}";
}
