{{- define "verbatim.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "verbatim.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: verbatim
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "verbatim.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "verbatim.dbSecret" -}}
{{- default (printf "%s-db" (include "verbatim.fullname" .)) .Values.postgresql.existingSecret -}}
{{- end -}}

{{/* The environment both roles share: external PostgreSQL, S3, the credentials master key. */}}
{{- define "verbatim.env" -}}
- name: VERBATIM_DATA_DIR
  value: /var/lib/verbatim
- name: VERBATIM_DB_URL
  value: {{ required "postgresql.url is required" .Values.postgresql.url | quote }}
- name: VERBATIM_DB_USER
  value: {{ .Values.postgresql.user | quote }}
- name: VERBATIM_DB_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "verbatim.dbSecret" . }}, key: owner-password}}
- name: VERBATIM_DB_APP_USER
  value: {{ .Values.postgresql.appUser | quote }}
- name: VERBATIM_DB_APP_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ include "verbatim.dbSecret" . }}, key: app-password}}
- name: VERBATIM_STORAGE_ENGINE
  value: s3
- name: VERBATIM_STORAGE_BUCKET
  value: {{ .Values.s3.bucket | quote }}
- name: VERBATIM_STORAGE_S3_REGION
  value: {{ .Values.s3.region | quote }}
{{- if .Values.s3.endpoint }}
- name: VERBATIM_STORAGE_S3_ENDPOINT
  value: {{ .Values.s3.endpoint | quote }}
{{- end }}
- name: VERBATIM_STORAGE_S3_PATH_STYLE
  value: {{ .Values.s3.pathStyle | quote }}
{{- if .Values.s3.existingSecret }}
- name: VERBATIM_STORAGE_S3_ACCESS_KEY
  valueFrom: {secretKeyRef: {name: {{ .Values.s3.existingSecret }}, key: access-key}}
- name: VERBATIM_STORAGE_S3_SECRET_KEY
  valueFrom: {secretKeyRef: {name: {{ .Values.s3.existingSecret }}, key: secret-key}}
{{- end }}
{{- if .Values.credentials.existingSecret }}
- name: VERBATIM_CREDENTIALS_MASTER_KEY
  valueFrom: {secretKeyRef: {name: {{ .Values.credentials.existingSecret }}, key: master-key}}
{{- end }}
- name: MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED
  value: "true"
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "verbatim.probes" -}}
livenessProbe:
  httpGet: {path: {{ .Values.probes.liveness.path }}, port: http}
  initialDelaySeconds: {{ .Values.probes.liveness.initialDelaySeconds }}
  periodSeconds: {{ .Values.probes.liveness.periodSeconds }}
  failureThreshold: {{ .Values.probes.liveness.failureThreshold }}
readinessProbe:
  httpGet: {path: {{ .Values.probes.readiness.path }}, port: http}
  initialDelaySeconds: {{ .Values.probes.readiness.initialDelaySeconds }}
  periodSeconds: {{ .Values.probes.readiness.periodSeconds }}
  failureThreshold: {{ .Values.probes.readiness.failureThreshold }}
startupProbe:
  httpGet: {path: {{ .Values.probes.startup.path }}, port: http}
  periodSeconds: {{ .Values.probes.startup.periodSeconds }}
  failureThreshold: {{ .Values.probes.startup.failureThreshold }}
{{- end -}}
