using Generator.Facts;
using Generator.Findings;
using Generator.Lint.Views;

namespace Generator.Lint.Rules;

/// <summary>
/// The OTLP endpoint of a workload must lead, inside the bundle, to something that accepts OTLP with the protocol the SDK
/// speaks. In a cluster a wrong port, a targetPort no container has, or a receiver on another port gives "connection
/// refused"; gRPC sent to the collector's HTTP receiver (or HTTP to its gRPC one) fails on every export. The SDK logs the
/// failure and drops the spans, so the application keeps working and the traces are simply missing. A LlamaStack server
/// whose generation hard-wires the OTLP/HTTP exporter (0.2.x to 0.6, <see cref="LlamaStackServer.HttpOnly"/>) sends HTTP
/// whatever the protocol variable says.
/// </summary>
public sealed class OtlpEndpointService : ILintRule
{
    public RuleInfo Info { get; } = new(
        "otlp-endpoint-service",
        Severity.Error,
        "An OTLP endpoint env var leads to a Service port, target or collector receiver that does not accept OTLP with the protocol the SDK uses.",
        "Point OTEL_EXPORTER_OTLP_ENDPOINT at a port the Service exposes, whose targetPort is a container port of the collector where an OTLP receiver of a pipeline listens, and set OTEL_EXPORTER_OTLP_PROTOCOL to that receiver's protocol (http/protobuf for 4318, grpc for 4317).");

    public IEnumerable<Finding> Check(LintContext context)
    {
        foreach (var route in context.OtlpRoutes)
        {
            if (route.Problem is { } problem)
            {
                yield return LintContext.Report(Info, route.Workload.Manifest, route.Env, $"{route.Describe}: {problem}");
            }
            else if (route.Listener == OtlpTransport.Grpc && context.ServerOf(route.Container) is { HttpOnly: true } server)
            {
                // Its exporter is the OTLP/HTTP class whatever the protocol variable says.
                yield return LintContext.Report(Info, route.Workload.Manifest, route.Env,
                    $"{route.Describe} reaches {route.ListenerDescription}, which accepts OTLP/gRPC, but {server.Describe} exports OTLP/HTTP "
                    + $"whatever {OtlpFacts.ProtocolEnv} says: every export fails; send it to an OTLP/HTTP receiver (by default on port {OtlpFacts.DefaultHttpPort})");
            }
            else if (route.Listener is { } listener && route.SentTransport is { } sent && sent != listener && route.ProtocolEnv is { } protocol
                && context.ServerOf(route.Container)?.HttpOnly != true)
            {
                yield return LintContext.Report(Info, route.Workload.Manifest, protocol,
                    $"{route.Describe} reaches {route.ListenerDescription}, which accepts OTLP/{OtlpRoute.NameOf(listener)}, "
                    + $"but {protocol.Name} is \"{protocol.Value!.Text}\" (OTLP/{OtlpRoute.NameOf(sent)}): every export fails");
            }
        }
    }
}
