using Generator.Documents;
using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// An OTLP endpoint that reaches an HTTP receiver (4318) without any protocol variable. The specification's default is
/// http/protobuf, but the Python SDK configured from the environment picks its gRPC exporter when no protocol is set (and
/// opentelemetry-distro, used by <c>opentelemetry-instrument</c>, sets grpc): a Python service such as LlamaStack then
/// sends gRPC to the HTTP port and every export fails. This was the seed deployment's wiring. Other SDKs may default to
/// http/protobuf, hence a warning.
/// </summary>
public sealed class OtlpEndpointProtocol : ILintRule
{
    public RuleInfo Info { get; } = new(
        "otlp-endpoint-protocol",
        Severity.Warning,
        "An OTLP endpoint reaches an HTTP receiver but no OTLP protocol is set; Python SDKs then default to gRPC.",
        "Set OTEL_EXPORTER_OTLP_PROTOCOL (or OTEL_EXPORTER_OTLP_TRACES_PROTOCOL) to http/protobuf next to the endpoint.");

    public IEnumerable<Finding> Check(LintContext context) =>
        context.OtlpRoutes
            .Where(r => r.Listener == OtlpTransport.Http && r.ProtocolEnv is null)
            .Select(r => LintContext.Report(Info, r.Workload.Manifest, r.Env.Value, FieldPath.Child(r.Env.Path, "value"),
                $"{r.Describe} reaches {r.ListenerDescription}, but neither {OtlpFacts.TracesProtocolEnv} nor {OtlpFacts.ProtocolEnv} is set: "
                + $"a Python SDK (LlamaStack) then exports OTLP/gRPC, which the HTTP receiver rejects; set {OtlpFacts.ProtocolEnv}={OtlpFacts.HttpProtobuf}"));
}
