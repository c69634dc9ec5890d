namespace Generator.Facts;

/// <summary>OTLP exporter environment variables, protocol names and default ports (OpenTelemetry specification).</summary>
public static class OtlpFacts
{
    public const string EndpointEnv = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpointEnv = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string ProtocolEnv = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string TracesProtocolEnv = "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL";
    public const string ServiceNameEnv = "OTEL_SERVICE_NAME";

    public const string HttpProtobuf = "http/protobuf";
    public const string Grpc = "grpc";

    /// <summary>The standard OTLP ports: a receiver listens there when its config sets no endpoint.</summary>
    public const int DefaultGrpcPort = 4317;
    public const int DefaultHttpPort = 4318;

    /// <summary>The path SDKs append to a base OTLP/HTTP endpoint for traces.</summary>
    public const string TracesPath = "/v1/traces";
}
