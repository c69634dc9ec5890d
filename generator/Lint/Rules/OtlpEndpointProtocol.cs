using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// An OTLP endpoint that reaches an HTTP receiver (4318) without any protocol variable. Whether that works depends on
/// what sends: the specification's default is http/protobuf, but opentelemetry-instrument (opentelemetry-distro) and the
/// Python SDK configured from the environment pick gRPC when no protocol is set, and gRPC sent to the HTTP port fails on
/// every export. For a LlamaStack server the message says what its generation does, as far as the manifests tell it
/// (<see cref="LlamaStackServer"/>): 0.2.x to 0.6 construct the OTLP/HTTP exporter themselves (no finding then), while the
/// auto-instrumented ones (0.7 and later, the upstream images from 0.4, OGX) default to gRPC. A warning, since other
/// senders may default to http/protobuf.
/// </summary>
public sealed class OtlpEndpointProtocol : ILintRule
{
    public RuleInfo Info { get; } = new(
        "otlp-endpoint-protocol",
        Severity.Warning,
        "An OTLP endpoint reaches an HTTP receiver but no OTLP protocol is set; senders run under opentelemetry-instrument (LlamaStack 0.7 and later, OGX) then use gRPC.",
        "Set OTEL_EXPORTER_OTLP_PROTOCOL (or OTEL_EXPORTER_OTLP_TRACES_PROTOCOL) to http/protobuf next to the endpoint.");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var route in context.OtlpRoutes.Where(r => r.Listener == OtlpTransport.Http && r.ProtocolEnv is null))
        {
            var server = context.ServerOf(route.Container);
            if (server?.HttpOnly == true)
            {
                continue; // It exports OTLP/HTTP whatever the variable says.
            }

            var sender = server switch
            {
                null => "the OpenTelemetry Python SDK and opentelemetry-instrument then export OTLP/gRPC (other SDKs may default to http/protobuf)",
                { Generation: null } => $"what {server.Describe} then sends cannot be told: LlamaStack 0.2.x to 0.6 export OTLP/HTTP whatever is set, "
                    + "but every image that runs the server under opentelemetry-instrument (0.7 and later, the upstream images from 0.4, OGX) exports OTLP/gRPC",
                // OGX's telemetry page documents http/protobuf as the default, but the image's opentelemetry-distro sets grpc.
                { Generation: var generation } when generation == LlamaStackGenerations.Ogx =>
                    $"{server.Describe} runs under opentelemetry-instrument, and which protocol it then sends cannot be told from the manifests: OGX's documentation gives "
                    + $"{OtlpFacts.HttpProtobuf} as the default, but opentelemetry-distro, which the image installs, defaults the OTLP exporter to gRPC",
                _ => $"{server.Describe} runs under opentelemetry-instrument, whose OTLP exporter then uses gRPC",
            };
            yield return LintContext.Report(Info, route.Workload.Manifest, route.Env,
                $"{route.Describe} reaches {route.ListenerDescription}, but neither {OtlpFacts.TracesProtocolEnv} nor {OtlpFacts.ProtocolEnv} is set: "
                + $"{sender}, which the HTTP receiver rejects; set {OtlpFacts.ProtocolEnv}={OtlpFacts.HttpProtobuf}");
        }
    }
}
