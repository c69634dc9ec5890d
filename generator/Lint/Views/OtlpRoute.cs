using System.Globalization;
using Generator.Facts;

namespace Generator.Lint.Views;

/// <summary>The OTLP transports a listener speaks.</summary>
public enum OtlpTransport
{
    Grpc,
    Http,
}

/// <summary>
/// Where a container's traces go, followed through the bundle the way the cluster follows it: the endpoint env var that
/// applies to traces (<c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> when set, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>) →
/// Service → Service port → targetPort → container port → the OTLP receiver of the collector's pipelines listening there,
/// and which signals (traces, metrics) its pipelines take. The Services operators make are followed too: those of an
/// OpenTelemetryCollector (<c>X-collector</c> and its headless twin, with a port per receiver the config starts,
/// <see cref="OpenTelemetryOperatorFacts"/>), and those of a TempoMonolithic or TempoStack (<see cref="TempoFacts"/>;
/// Tempo takes traces only). A route ends in exactly one of: <see cref="MissingService"/>, <see cref="Problem"/>, a
/// <see cref="Listener"/>, or none of them (outside the cluster, or leading to pods whose listeners cannot be seen).
/// </summary>
public sealed class OtlpRoute
{
    private OtlpRoute(Workload workload, ContainerView container, EnvView env, Endpoint endpoint, long port, EnvView? protocolEnv, (string Service, string? Namespace) target)
    {
        Workload = workload;
        Container = container;
        Env = env;
        Endpoint = endpoint;
        Port = port;
        ProtocolEnv = protocolEnv;
        Target = target;
    }

    public Workload Workload { get; }

    public ContainerView Container { get; }

    /// <summary>The endpoint variable, with a literal value.</summary>
    public EnvView Env { get; }

    public Endpoint Endpoint { get; }

    /// <summary>The port the SDK connects to (the URL's, else 80 for http and 443 for https).</summary>
    public long Port { get; }

    /// <summary>The protocol variable that applies to traces; null when neither is set.</summary>
    public EnvView? ProtocolEnv { get; }

    /// <summary>The Service the host names, and its namespace (null when neither the host nor the workload says).</summary>
    public (string Service, string? Namespace) Target { get; }

    /// <summary>The Service of the bundle the route goes through; null when the host names none.</summary>
    public ServiceView? Service { get; private set; }

    /// <summary>The Tempo instance whose operator-made Service the host names; null otherwise.</summary>
    public TempoView? Tempo { get; private set; }

    /// <summary>The transport the protocol variable asks for; null when unset, not literal or not an OTLP protocol.</summary>
    public OtlpTransport? SentTransport => ProtocolEnv?.Value?.Text switch
    {
        OtlpFacts.Grpc => OtlpTransport.Grpc,
        OtlpFacts.HttpProtobuf or "http/json" => OtlpTransport.Http,
        _ => null,
    };

    /// <summary>The host names a Service that is not in the bundle (and that no operator creates for a CR of the bundle), e.g. <c>otel-collector in namespace llamastack</c>.</summary>
    public string? MissingService { get; private set; }

    /// <summary>Why the route stops before any OTLP listener (a port not exposed, a target no container has, ...).</summary>
    public string? Problem { get; private set; }

    /// <summary>The transport of the OTLP listener the route reaches.</summary>
    public OtlpTransport? Listener { get; private set; }

    /// <summary>What the route reaches, e.g. <c>receiver otlp (HTTP, port 4318) of Deployment llamastack/otel-collector</c>.</summary>
    public string? ListenerDescription { get; private set; }

    /// <summary>The signals the listener takes (pipeline types: traces, metrics, logs); set with <see cref="Listener"/>.</summary>
    public IReadOnlySet<string> Signals { get; private set; } = new HashSet<string>();

    /// <summary>Where the signals come from, for messages: <c>the pipelines of ConfigMap "otel-collector-config" (traces)</c>.</summary>
    public string? SignalSource { get; private set; }

    /// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT http://host:4318 of container "llama-stack"</c>, for messages.</summary>
    public string Describe => $"{Env.Name} {Env.Value!.Text} of container \"{Container.Name}\"";

    public static string NameOf(OtlpTransport transport) => transport == OtlpTransport.Grpc ? "gRPC" : "HTTP";

    /// <summary>The value of an env var when it is a literal without <c>$(VAR)</c> references; null otherwise.</summary>
    public static EnvView? Literal(ContainerView container, string name) =>
        container.Env.LastOrDefault(e => e.Name == name) is { Value: { IsNull: false } value } env
        && value.Text.Length > 0 && !value.Text.Contains("$(", StringComparison.Ordinal)
            ? env
            : null;

    /// <summary>The protocol variable that applies to a container's traces: the traces-specific one when set, else the general one.</summary>
    public static EnvView? ProtocolEnvOf(ContainerView container) =>
        container.Env.LastOrDefault(e => e.Name == OtlpFacts.TracesProtocolEnv) ?? container.Env.LastOrDefault(e => e.Name == OtlpFacts.ProtocolEnv);

    /// <summary>The routes of every main container (of every workload) that sets an OTLP endpoint.</summary>
    public static IReadOnlyList<OtlpRoute> All(LintContext context) =>
        [.. context.Workloads.SelectMany(w => w.Containers.Select(c => Follow(context, w, c))).OfType<OtlpRoute>()];

    private static OtlpRoute? Follow(LintContext context, Workload workload, ContainerView container)
    {
        var name = container.Env.Any(e => e.Name == OtlpFacts.TracesEndpointEnv) ? OtlpFacts.TracesEndpointEnv : OtlpFacts.EndpointEnv;
        if (Literal(container, name) is not { } env || Endpoint.Parse(env.Value!.Text) is not { } endpoint
            || endpoint.EffectivePort is not { } port
            || endpoint.Host == "localhost" || endpoint.ClusterService(workload.Namespace) is not { } target)
        {
            return null;
        }

        var route = new OtlpRoute(workload, container, env, endpoint, port, ProtocolEnvOf(container), target);
        if (context.FindService(target.Service, target.Namespace) is { } service)
        {
            route.Service = service;
            route.ThroughService(context, service);
        }
        else if (context.CollectorServing(target.Service, target.Namespace) is { } collector)
        {
            route.IntoOperatorCollector(context, collector, target.Service);
        }
        else if (context.TempoServing(target.Service, target.Namespace) is { } tempo)
        {
            route.Tempo = tempo;
            route.IntoTempo(tempo, target.Service);
        }
        else
        {
            route.MissingService = target.Namespace is null ? target.Service : $"{target.Service} in namespace {target.Namespace}";
        }

        return route;
    }

    private void ThroughService(LintContext context, ServiceView service)
    {
        var servicePort = service.Ports.FirstOrDefault(p => p.Port == Port);
        if (servicePort is null)
        {
            var exposed = service.Ports.Count == 0 ? "no ports" : List(service.Ports.Select(p => PortText(p.Port, p.Name)));
            Problem = $"{service.Manifest.Ref} exposes {exposed}, not port {Port}";
            return;
        }

        string? problem = null;
        foreach (var workload in context.SelectedBy(service))
        {
            if (ServicePortTarget.Resolve(servicePort, workload) is not { } target)
            {
                problem ??= $"{service.Manifest.Ref} port {Port} targets \"{servicePort.Target}\", which no container of {workload} declares";
                continue;
            }

            var collector = context.CollectorAt(workload, target);
            if (collector is null || context.ConfigOf(collector) is not { } config || Land(config, target.Number, workload.ToString(), out var open) is not false)
            {
                return; // Landed, or not a collector we can read, or a port set at run time: what listens there is unknown.
            }

            problem ??= $"{service.Manifest.Ref} port {Port} reaches container port {target.Number} of {workload}, where no OTLP receiver of the collector's pipelines listens (OTLP listeners: {open})";
        }

        Problem = problem;
    }

    /// <summary>
    /// Into the Service the OpenTelemetry Operator creates for an OpenTelemetryCollector: it carries a port for each
    /// receiver the config starts (its listener's port, targeting the same container port), and none in sidecar mode.
    /// </summary>
    private void IntoOperatorCollector(LintContext context, CollectorInstance collector, string serviceName)
    {
        var owner = collector.Workload.Manifest.Ref;
        if (collector.Mode == OpenTelemetryOperatorFacts.SidecarMode)
        {
            Problem = $"{owner} runs in sidecar mode, in which the operator creates no Service {serviceName}: send to localhost from the pods it is injected into";
            return;
        }

        // Landed, or a port set at run time: which ports the operator opens is unknown.
        if (context.ConfigOf(collector) is not { } config || Land(config, Port, $"{owner}, through Service {serviceName}", out var open) is not false)
        {
            return;
        }

        Problem = $"Service {serviceName}, which the OpenTelemetry Operator creates for {owner}, has a port for each receiver its pipelines use, and no OTLP receiver of a traces pipeline listens on port {Port} (OTLP listeners: {open})";
    }

    /// <summary>
    /// Lands the route on the OTLP receiver of <paramref name="config"/> that listens on <paramref name="port"/> (of
    /// <paramref name="where"/>, for messages): true when one does; false when none does, with the OTLP listeners there
    /// are in <paramref name="open"/>; null when a listener's port is set at run time, so what listens cannot be told.
    /// </summary>
    private bool? Land(CollectorConfigView config, long port, string where, out string open)
    {
        open = string.Empty;
        var listeners = config.OtlpListeners().ToList();
        if (listeners.Any(l => l.Port is null))
        {
            return null;
        }

        if (listeners.FirstOrDefault(l => l.Port == port) is { Component: { } receiver } listener)
        {
            Listener = listener.Transport;
            ListenerDescription = $"receiver {receiver.Key.Text} ({NameOf(listener.Transport)}, port {listener.Port}) of {where}";
            Signals = config.SignalsOf(receiver.Id);
            SignalSource = $"the pipelines of {config.Source} ({config.PipelineList})";
            return true;
        }

        open = listeners.Count == 0 ? "none" : List(listeners.Select(l => $"{l.Component!.Key.Text} {NameOf(l.Transport)} {l.Port}"));
        return false;
    }

    private void IntoTempo(TempoView tempo, string serviceName)
    {
        if (serviceName != tempo.IngestServiceName)
        {
            Problem = tempo.IsStack
                ? $"{tempo.Manifest.Ref} takes OTLP through Service {tempo.IngestServiceName}"
                    + (tempo.GatewayEnabled ? " (with the gateway, the distributor's receivers require internal mTLS and admit only the gateway's pods)" : $": Service {serviceName} exists only with spec.template.gateway.enabled")
                : $"{tempo.Manifest.Ref} does not create Service {serviceName}: its OTLP Service is {tempo.IngestServiceName}"
                    + (tempo.GatewayEnabled ? " (with tenants only the gateway Service exists)" : " (the gateway Service exists only with multitenancy tenants)");
            return;
        }

        var ports = new List<(long Port, OtlpTransport Transport)>();
        if (tempo.GrpcEnabled)
        {
            ports.Add((tempo.GrpcPort, OtlpTransport.Grpc));
        }

        if (tempo.GatewayEnabled)
        {
            ports.Add((TempoFacts.GatewayPublicPort, OtlpTransport.Http));
        }
        else if (tempo.HttpEnabled)
        {
            ports.Add((TempoFacts.OtlpHttpPort, OtlpTransport.Http));
        }

        if (ports.FirstOrDefault(p => p.Port == Port) is { Port: > 0 } match)
        {
            Listener = match.Transport;
            ListenerDescription = $"Service {serviceName} of {tempo.Manifest.Ref} ({NameOf(match.Transport)}, port {match.Port})";
            Signals = TracesOnly;
            SignalSource = $"{tempo.Manifest.Ref}, which stores traces only";
            return;
        }

        var open = ports.Count == 0 ? "no port" : List(ports.Select(p => PortText(p.Port, NameOf(p.Transport))));
        Problem = $"Service {serviceName}, which the Tempo Operator creates for {tempo.Manifest.Ref}, receives OTLP on {open}, not port {Port}";
    }

    private static readonly IReadOnlySet<string> TracesOnly = new HashSet<string>(StringComparer.Ordinal) { "traces" };

    private static string PortText(long number, string? name) =>
        name is null ? number.ToString(CultureInfo.InvariantCulture) : $"{number} ({name})";

    private static string List(IEnumerable<string> items) => string.Join(", ", items);
}
