{{/*
Fails the render on what would install but not work and values.schema.json cannot say: the cluster APIs the custom
resources need, a collector tenant that names none of the tenants, and a patch strategy that needs a file this chart
does not hold. Every other cross-option rule is in values.schema.json (generated from generator/Options/OptionRules.cs),
which helm checks before it renders anything.
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

{{- if and $v.tempo.multitenancy.enabled $v.collector.tenant }}
{{- $names := list }}
{{- range $v.tempo.multitenancy.tenants }}{{ $names = append $names .name }}{{ end }}
{{- if not (has $v.collector.tenant $names) }}
{{- fail (printf "collector.tenant: no tenant named %q; tenants are %s" $v.collector.tenant (join ", " $names)) }}
{{- end }}
{{- end }}

{{- $strategy := $v.patch.strategy }}
{{- if and (has $strategy (list "subPath" "initContainer")) (not ($.Files.Get (printf "files/%s" (include "llamastack-tracing.fact" "tracingModuleFile")))) }}
{{- fail (printf "patch.strategy=%s mounts your own patched %s, which this chart does not contain: render the chart with the generator (patch.file), or use patch.strategy=sitecustomize" $strategy (include "llamastack-tracing.fact" "tracingModuleFile")) }}
{{- end }}
{{- end }}
