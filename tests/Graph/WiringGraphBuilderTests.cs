using Generator.Findings;
using Generator.Graph;
using static Generator.Tests.Graph.GraphHarness;

namespace Generator.Tests.Graph;

public sealed class WiringGraphBuilderTests
{
    private const string Server = "LlamaStackDistribution llamastack-rhoai32-postgres-otel";

    [Fact]
    public void DefaultRender_IsTheWholePath_FromTheServerToTempo_WithProtocolsAndPorts()
    {
        var graph = Of(Rendered());

        Assert.Equal("OTLP/HTTP :4318", EdgeBetween(graph, Server, "Service otel-collector").Label);
        Assert.Equal("OTLP/HTTP 4318 → 4318", EdgeBetween(graph, "Service otel-collector", "receiver otlp").Label);
        Assert.Equal("traces", EdgeBetween(graph, "receiver otlp", "processor batch (traces)").Label);
        Assert.Equal("traces", EdgeBetween(graph, "processor batch (traces)", "exporter otlp_grpc/tempo").Label);
        Assert.Equal("traces", EdgeBetween(graph, "processor batch (traces)", "exporter debug").Label);
        Assert.Equal("OTLP/gRPC tempo-tracing:4317", EdgeBetween(graph, "exporter otlp_grpc/tempo", "TempoMonolithic tracing").Label);
        Assert.Equal("metrics", EdgeBetween(graph, "receiver otlp", "processor batch (metrics)").Label);
        Assert.Equal("metrics", EdgeBetween(graph, "processor batch (metrics)", "exporter debug/metrics").Label);
        Assert.Equal(8, graph.Edges.Count);
        Assert.All(graph.Edges, e => Assert.Empty(e.Findings));
        Assert.Equal(["receiver otlp", "http 0.0.0.0:4318"], NodeLabelled(graph, "receiver otlp").Label);
        Assert.Equal("ns_llamastack", Assert.Single(graph.Clusters, c => c.Id == NodeLabelled(graph, "receiver otlp").Cluster).Parent);
    }

    [Fact]
    public void OperatorCollectorAndTempoStackRender_GoesThroughTheServicesTheOperatorsMake()
    {
        var graph = Of(Rendered("profile=cluster-observability", "collector.mode=operator", "collector.name=otel", "tempo.kind=TempoStack",
            "tempo.storage.backend=s3", "tempo.storage.secret=tempo-s3"));

        Assert.Equal("OTLP/HTTP :4318", EdgeBetween(graph, Server, "Service otel-collector").Label);
        Assert.Equal(["Service otel-collector", "made by the operator for OpenTelemetryCollector otel"], NodeLabelled(graph, "Service otel-collector").Label);
        Assert.Equal("OTLP/HTTP 4318 → 4318", EdgeBetween(graph, "Service otel-collector", "receiver otlp").Label);
        Assert.Equal("OTLP/gRPC tempo-tracing-gateway:8090", EdgeBetween(graph, "exporter otlp_grpc/tempo", "TempoStack tracing").Label);
        Assert.DoesNotContain(graph.Nodes, n => n.Kind == NodeKind.Missing);
    }

    [Fact]
    public void OgxRender_StartsAtTheOgxServer()
    {
        var graph = Of(Rendered("profile=ogx"));

        var server = Assert.Single(graph.Nodes, n => n.Kind == NodeKind.Workload);
        Assert.StartsWith("OGXServer ", server.Label[0], StringComparison.Ordinal);
        Assert.Contains(graph.Edges, e => e.From == server.Id && e.To == NodeLabelled(graph, "Service otel-collector").Id);
        Assert.DoesNotContain(graph.Nodes, n => n.Kind == NodeKind.Missing);
    }

    [Fact]
    public void ClusterObservabilityRender_GoesThroughTheGateway()
    {
        var graph = Of(Rendered("profile=cluster-observability"));

        Assert.Equal("OTLP/gRPC tempo-tracing-gateway:4317", EdgeBetween(graph, "exporter otlp_grpc/tempo", "TempoMonolithic tracing").Label);
        Assert.Equal(["TempoMonolithic tracing", "storage: pv", "gateway, tenants: dev"], NodeLabelled(graph, "TempoMonolithic tracing").Label);
        Assert.Single(graph.Nodes, n => n.Label[0] == "processor k8s_attributes (traces)");
    }

    [Fact]
    public void MisspeltCollectorHost_IsABrokenEdgeToTheMissingService_MarkedWithTheFinding()
    {
        var graph = Of(RenderedWith("llamastack-distribution.yaml", "http://otel-collector.llamastack", "http://otel-colector.llamastack"));

        var edge = EdgeBetween(graph, Server, "Service otel-colector");
        Assert.True(edge.Broken);
        Assert.Equal([new EdgeFinding("reference-typo", Severity.Error)], edge.Findings);
        Assert.Equal(NodeKind.Missing, NodeLabelled(graph, "Service otel-colector").Kind);
        Assert.Equal(["Service otel-colector", "not in the linted files"], NodeLabelled(graph, "Service otel-colector").Label);
    }

    [Fact]
    public void ServicePortTargetingNoContainerPort_IsABrokenEdgeToTheWorkload()
    {
        var graph = Of(RenderedWith("otel-collector.yaml", "targetPort: otlp-http", "targetPort: otlp-htp"));

        var edge = EdgeBetween(graph, "Service otel-collector", "Deployment otel-collector");
        Assert.Equal("4318 → otlp-htp", edge.Label);
        Assert.Contains(new EdgeFinding("service-target-port", Severity.Error), edge.Findings);
        Assert.True(EdgeBetween(graph, Server, "Service otel-collector").Broken); // the route ends there too (otlp-endpoint-service)
    }

    [Fact]
    public void CollectorWhoseConfigMapIsMisspelt_EndsAtItsPod_InABrokenEdgeToConfigNotFound()
    {
        var graph = Of(RenderedWith("otel-collector.yaml", "      name: otel-collector-config\n", "      name: otel-collector-confg\n"));

        var intoPod = EdgeBetween(graph, "Service otel-collector", "Deployment otel-collector");
        Assert.Equal("4318 → 4318", intoPod.Label);
        Assert.Contains(new EdgeFinding("reference-typo", Severity.Error), intoPod.Findings);
        var config = EdgeBetween(graph, "Deployment otel-collector", "config of container otel-collector");
        Assert.Equal(NodeKind.Missing, NodeLabelled(graph, "config of container otel-collector").Kind);
        Assert.Contains(new EdgeFinding("reference-typo", Severity.Error), config.Findings);
        Assert.DoesNotContain(graph.Nodes, n => n.Kind == NodeKind.Tempo && graph.Edges.Any(e => e.To == n.Id));
    }

    [Fact]
    public void CollectorWhoseConfigIsNotYaml_EndsAtItsPod_InABrokenEdgeToConfigUnreadable()
    {
        var graph = Of(RenderedWith("otel-collector.yaml", "  config.yaml: |\n    receivers:\n", "  config.yaml: |\n    receivers: [unclosed\n"));

        var config = EdgeBetween(graph, "Deployment otel-collector", "config of container otel-collector");
        Assert.Equal(["config of container otel-collector", "unreadable"], NodeLabelled(graph, "config of container otel-collector").Label);
        Assert.Contains(new EdgeFinding("collector-config-source", Severity.Error), config.Findings);
        Assert.Contains(new EdgeFinding("collector-config-source", Severity.Error), EdgeBetween(graph, "Service otel-collector", "Deployment otel-collector").Findings);
    }

    [Fact]
    public void ServiceSelectingNoPods_EndsInNoPods()
    {
        var graph = Of(RenderedWith("otel-collector.yaml", "  selector:\n    app.kubernetes.io/name: opentelemetry-collector", "  selector:\n    app.kubernetes.io/name: opentelemetry-colector"));

        var edge = EdgeBetween(graph, "Service otel-collector", "no pods match the selector");
        Assert.StartsWith("selector app.kubernetes.io/name=opentelemetry-colector", edge.Label);
        Assert.Contains(edge.Findings, f => f.RuleId == "service-selector-no-match");
    }

    [Fact]
    public void PipelineNamingAnUndefinedComponent_HasAMissingNode_AndTheFindingOnItsEdge()
    {
        var graph = Of(RenderedWith("otel-collector.yaml", "            - otlp_grpc/tempo\n", "            - otlp_grpc/tempo\n            - otlp_http/backup\n"));

        var edge = EdgeBetween(graph, "processor batch (traces)", "exporter otlp_http/backup");
        Assert.Equal(NodeKind.Missing, NodeLabelled(graph, "exporter otlp_http/backup").Kind);
        Assert.Contains(new EdgeFinding("collector-undefined-component", Severity.Error), edge.Findings);
        Assert.Empty(EdgeBetween(graph, "processor batch (traces)", "exporter otlp_grpc/tempo").Findings);
    }

    [Fact]
    public void ExporterToAHostOutsideTheCluster_IsAnExternalNode()
    {
        var graph = Of(RenderedWith("otel-collector.yaml", "endpoint: tempo-tracing.openshift-tempo-operator.svc.cluster.local:4317", "endpoint: otlp.example.com:4317"));

        Assert.Equal(NodeKind.External, NodeLabelled(graph, "otlp.example.com:4317").Kind);
        Assert.Equal("OTLP/gRPC :4317", EdgeBetween(graph, "exporter otlp_grpc/tempo", "otlp.example.com:4317").Label);
    }

    [Fact]
    public void SameObjectsInAnotherOrder_GiveTheSamePicture()
    {
        var files = Rendered();

        var forward = Of(files);
        var backward = Of(files.Reverse().Select(f => (f.File, string.Join("---\n", f.Text.Split("\n---\n").Reverse().Select(d => d.EndsWith('\n') ? d : d + "\n")))));

        Assert.Equal(MermaidWriter.Write(forward), MermaidWriter.Write(backward));
        Assert.Equal(DotWriter.Write(forward), DotWriter.Write(backward));
        Assert.Equal(forward.Nodes.Count, forward.Nodes.Select(n => n.Id).Concat(forward.Clusters.Select(c => c.Id)).Distinct().Count() - forward.Clusters.Count);
    }
}
