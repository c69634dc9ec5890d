{{/*
Fails the render on what would install but not work. values.schema.json checks each value on its own; these are the
generator's cross-option checks (generator/Options/OptionsValidator.cs) that matter when values are set directly,
plus the cluster APIs the custom resources need.
*/}}
{{- define "llamastack-tracing.guards" -}}
{{- $v := .Values -}}

{{- if $v.chart.capabilityChecks }}
{{- range $api := list (dict "version" (include "llamastack-tracing.fact" "tempoApiVersion") "kind" (include "llamastack-tracing.fact" "tempoKind") "operator" "the Tempo Operator")
                     (dict "version" (include "llamastack-tracing.fact" "llamaStackApiVersion") "kind" (include "llamastack-tracing.fact" "llamaStackKind") "operator" "the LlamaStack Operator") }}
{{- if not ($.Capabilities.APIVersions.Has (printf "%s/%s" $api.version $api.kind)) }}
{{- fail (printf "the cluster does not serve %s %s: install %s first (helm template: pass --api-versions %s/%s, or --set chart.capabilityChecks=false to render offline)" $api.version $api.kind $api.operator $api.version $api.kind) }}
{{- end }}
{{- end }}
{{- end }}

{{- $distribution := include "llamastack-tracing.collectorDistribution" . }}
{{- if not $distribution }}
{{- fail (printf "cannot tell which collector distribution %q is; set collector.distribution to core, contrib, k8s or redhat" $v.collector.image.repository) }}
{{- end }}
{{- if and $v.tempo.multitenancy.enabled (not (has $distribution (include "llamastack-tracing.fact" "bearerTokenAuthDistributions" | fromJsonArray))) }}
{{- fail (printf "Tempo multitenancy needs the bearertokenauth extension, which the %s collector image %q does not contain; use otel/opentelemetry-collector-contrib (or the k8s or Red Hat build)" $distribution $v.collector.image.repository) }}
{{- end }}
{{- if and $v.collector.k8sAttributes.enabled (not (has $distribution (include "llamastack-tracing.fact" "k8sAttributesDistributions" | fromJsonArray))) }}
{{- fail (printf "the k8sattributes processor is not in the %s collector image %q; use otel/opentelemetry-collector-contrib (or the k8s or Red Hat build), or set collector.k8sAttributes.enabled=false" $distribution $v.collector.image.repository) }}
{{- end }}
{{- if not (or $v.collector.receivers.http.enabled $v.collector.receivers.grpc.enabled) }}
{{- fail "enable at least one OTLP receiver protocol (collector.receivers.http or .grpc)" }}
{{- end }}

{{- if and $v.tempo.multitenancy.enabled (not $v.tempo.multitenancy.tenants) }}
{{- fail "tempo.multitenancy.tenants: multitenancy needs at least one tenant (the gateway is only created with tenants)" }}
{{- end }}
{{- if and $v.tempo.multitenancy.enabled $v.collector.tenant }}
{{- $names := list }}
{{- range $v.tempo.multitenancy.tenants }}{{ $names = append $names .name }}{{ end }}
{{- if not (has $v.collector.tenant $names) }}
{{- fail (printf "collector.tenant: no tenant named %q; tenants are %s" $v.collector.tenant (join ", " $names)) }}
{{- end }}
{{- end }}
{{- if not $v.tempo.ingestion.otlpGrpc }}
{{- fail "tempo.ingestion.otlpGrpc: the collector exports to Tempo with OTLP/gRPC; this must stay true" }}
{{- end }}

{{- $ui := $v.tempo.jaegerUi }}
{{- if and $ui.route.enabled $ui.ingress.enabled }}
{{- fail "tempo.jaegerUi: expose the Jaeger UI with a Route or an Ingress, not both (the operator gives both the same name)" }}
{{- end }}
{{- if and (not $ui.enabled) (or $ui.route.enabled $ui.ingress.enabled) }}
{{- fail "tempo.jaegerUi: a Route or Ingress needs tempo.jaegerUi.enabled=true (the operator's webhook rejects it otherwise)" }}
{{- end }}

{{- $strategy := $v.patch.strategy }}
{{- if and (has $strategy (list "subPath" "initContainer")) (not ($.Files.Get (printf "files/%s" (include "llamastack-tracing.fact" "tracingModuleFile")))) }}
{{- fail (printf "patch.strategy=%s mounts your own patched %s, which this chart does not contain: render the chart with the generator (patch.file), or use patch.strategy=sitecustomize" $strategy (include "llamastack-tracing.fact" "tracingModuleFile")) }}
{{- end }}
{{- if and (eq $strategy "initContainer") (not $v.llamaStack.distribution.image) }}
{{- fail "llamaStack.distribution.image: the initContainer strategy copies the telemetry package out of the server image, so the image must be known: set llamaStack.distribution.image (and clear name)" }}
{{- end }}
{{- if eq (not $v.llamaStack.distribution.name) (not $v.llamaStack.distribution.image) }}
{{- fail "llamaStack.distribution: set exactly one of name and image (the CRD rejects both, the operator needs one)" }}
{{- end }}
{{- end }}
