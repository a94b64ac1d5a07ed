// Offline validation of the k8s/ kustomize renderings.
//
//   node --test validate.mjs      (or: node validate.mjs; exits non-zero on any failure)
//
// For every rendering (k8s/base and each k8s/overlays/*) it runs `kubectl kustomize <dir>`
// (offline: never any other kubectl command, which would try to reach an API server), parses
// every YAML document, validates each against its schema (kubernetes-models /
// @kubernetes-models/knative) and checks the invariants that matter (see README.md "Validation").
// A last group of tests breaks manifests on purpose and proves each check catches it.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const K8S_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// What the renderings must contain
// ---------------------------------------------------------------------------------------------

const APP = 'memberpulse-salesforce';
const SERVER_LABELS = { 'app.kubernetes.io/name': APP, 'app.kubernetes.io/component': 'server' };
const APP_PORT = 8080;
const SECRET_NAME = 'memberpulse-salesforce-secrets';
const CONFIGMAP_NAME = 'memberpulse-salesforce-config';
const WAKEUP_CRONJOB = 'memberpulse-salesforce-wakeup';
const RETENTION_HOURS = 72; // Salesforce CDC / platform event retention

/** Every setting the service reads; `secret` ones must come from the Secret. */
const SETTINGS = {
  QUARKUS_DATASOURCE_REACTIVE_URL: {},
  QUARKUS_DATASOURCE_JDBC_URL: {},
  QUARKUS_DATASOURCE_USERNAME: {},
  QUARKUS_DATASOURCE_PASSWORD: { secret: true },
  MEMBERPULSE_ENCRYPTION_KEY: { secret: true },
  MEMBERPULSE_ENCRYPTION_PREVIOUS_KEY: { secret: true, optional: true },
  MP_JWT_VERIFY_PUBLICKEY_LOCATION: {},
  MP_JWT_VERIFY_ISSUER: {},
  SALESFORCE_CLIENT_ID: {},
  SALESFORCE_CLIENT_SECRET: { secret: true },
  SALESFORCE_LOGIN_URL: {},
  MEMBERPULSE_SALESFORCE_CLIENT_NAME: {},
  MEMBERPULSE_WEBHOOK_URL: {},
  MEMBERPULSE_WEBHOOK_SECRET: { secret: true },
  MEMBERPULSE_PORTAL_URL: {},
  MEMBERPULSE_INTERNAL_TOKEN: { secret: true },
};

/** The renderings. Every directory under k8s/overlays must be listed here. */
const RENDERINGS = [
  { name: 'scale-to-zero', dir: 'base', knative: true, minScale: '0', pdb: false },
  { name: 'always-on', dir: 'overlays/always-on', knative: true, minScale: '1', pdb: true },
  { name: 'deployment', dir: 'overlays/deployment', knative: false, pdb: true },
];

// ---------------------------------------------------------------------------------------------
// Secret-looking names
// ---------------------------------------------------------------------------------------------
// A name is split on "_" (and "-", "."); it looks secret when one of its words is a secret
// word, unless its LAST word says it only names or locates something (a URL, a file, an id):
//   MEMBERPULSE_ENCRYPTION_PREVIOUS_KEY, SALESFORCE_CLIENT_SECRET  -> secret
//   MP_JWT_VERIFY_PUBLICKEY_LOCATION ("PUBLICKEY" is no secret word; ends in LOCATION) -> not
//   SALESFORCE_CLIENT_ID (no secret word) -> not;  SOME_TOKEN_URL (ends in URL) -> not
const SECRET_WORDS = new Set([
  'SECRET', 'SECRETS', 'PASSWORD', 'PASSWD', 'PWD', 'PASS', 'TOKEN', 'TOKENS', 'KEY', 'KEYS',
  'APIKEY', 'PRIVATEKEY', 'CREDENTIAL', 'CREDENTIALS', 'CERT', 'PASSPHRASE', 'SALT', 'HMAC',
]);
const REFERENCE_WORDS = new Set([
  'LOCATION', 'URL', 'URI', 'PATH', 'FILE', 'DIR', 'ID', 'NAME', 'ISSUER', 'HEADER', 'ALGORITHM',
]);

export function looksSecret(name) {
  const words = name.toUpperCase().split(/[_.-]+/).filter(Boolean);
  if (words.length === 0 || REFERENCE_WORDS.has(words[words.length - 1])) return false;
  return words.some((w) => SECRET_WORDS.has(w));
}

// ---------------------------------------------------------------------------------------------
// Rendering, parsing, schema validation
// ---------------------------------------------------------------------------------------------

/** Renders a kustomize directory offline. Only `kubectl kustomize`, never another kubectl verb. */
export function kustomize(dir) {
  const abs = path.resolve(K8S_DIR, dir);
  const opts = { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 32 << 20 };
  try {
    return execFileSync('kubectl', ['kustomize', abs], opts);
  } catch (e) {
    if (e.code !== 'ENOENT') throw new Error(`kubectl kustomize ${dir} failed:\n${e.stderr || e.message}`);
  }
  try {
    return execFileSync('kustomize', ['build', abs], opts); // standalone kustomize, if no kubectl
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('neither kubectl nor kustomize is installed');
    throw new Error(`kustomize build ${dir} failed:\n${e.stderr || e.message}`);
  }
}

export function parseAll(text, source) {
  const docs = [];
  for (const d of YAML.parseAllDocuments(text)) {
    if (d.errors.length) throw new Error(`${source}: YAML error: ${d.errors[0].message}`);
    const js = d.toJS();
    if (js !== null && js !== undefined) docs.push(js);
  }
  return docs;
}

const modelCache = new Map();

/** The kubernetes-models class of apiVersion/kind, or undefined when there is no schema. */
export async function modelClass(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const spec = group === ''
      ? `kubernetes-models/${version}`
      : group.endsWith('knative.dev')
        ? `@kubernetes-models/knative/${group}/${version}`
        : `kubernetes-models/${group}/${version}`;
    let cls;
    try {
      cls = (await import(`${spec}/${kind}`))[kind];
    } catch {
      try {
        cls = (await import(spec))[kind];
      } catch {
        cls = undefined;
      }
    }
    modelCache.set(key, cls);
  }
  return modelCache.get(key);
}

const id = (doc) => `${doc?.kind}/${doc?.metadata?.name}`;

export async function schemaErrors(docs) {
  const errors = [];
  for (const doc of docs) {
    if (!doc.apiVersion || !doc.kind) {
      errors.push(`${id(doc)}: no apiVersion/kind`);
      continue;
    }
    const Cls = await modelClass(doc.apiVersion, doc.kind);
    if (!Cls) {
      errors.push(`${id(doc)}: no schema for ${doc.apiVersion} ${doc.kind}`);
      continue;
    }
    try {
      new Cls(doc).validate();
    } catch (e) {
      errors.push(`${id(doc)} (${doc.apiVersion}): ${e.message}`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Helpers over rendered objects
// ---------------------------------------------------------------------------------------------

const isKnativeService = (d) => d.apiVersion === 'serving.knative.dev/v1' && d.kind === 'Service';
const SERVING_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** Pod templates of every workload: { owner, template, serving }. */
export function podTemplates(docs) {
  const out = [];
  for (const d of docs) {
    if (isKnativeService(d)) out.push({ owner: id(d), template: d.spec?.template, serving: true, knative: true });
    else if (SERVING_KINDS.has(d.kind)) out.push({ owner: id(d), template: d.spec?.template, serving: true });
    else if (d.kind === 'Job') out.push({ owner: id(d), template: d.spec?.template, serving: false });
    else if (d.kind === 'CronJob') out.push({ owner: id(d), template: d.spec?.jobTemplate?.spec?.template, serving: false });
    else if (d.kind === 'Pod') out.push({ owner: id(d), template: { metadata: d.metadata, spec: d.spec }, serving: false });
  }
  return out;
}

const allContainers = (spec) => [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];

const matches = (selectorLabels, labels) =>
  Object.entries(selectorLabels ?? {}).every(([k, v]) => labels?.[k] === v);

function serverTemplates(docs) {
  return podTemplates(docs).filter((p) => p.serving && matches(SERVER_LABELS, p.template?.metadata?.labels));
}

// ---------------------------------------------------------------------------------------------
// Checks: each returns a list of human-readable errors (empty = pass)
// ---------------------------------------------------------------------------------------------

export function checkScale(docs, r) {
  const errors = [];
  const ksvcs = docs.filter(isKnativeService);
  const knativeDocs = docs.filter((d) => String(d.apiVersion).includes('knative.dev'));
  if (!r.knative) {
    for (const d of knativeDocs) errors.push(`${id(d)}: Knative kind ${d.apiVersion} in a rendering for clusters without Knative`);
    const deployments = docs.filter((d) => d.kind === 'Deployment');
    const hpas = docs.filter((d) => d.kind === 'HorizontalPodAutoscaler');
    if (deployments.length === 0) errors.push('no Deployment');
    if (hpas.length === 0) errors.push('no HorizontalPodAutoscaler');
    for (const h of hpas) {
      const min = h.spec?.minReplicas;
      if (!Number.isInteger(min) || min < 1) errors.push(`${id(h)}: minReplicas must be >= 1 (is ${min})`);
      if (!(h.spec?.maxReplicas >= (min ?? 1))) errors.push(`${id(h)}: maxReplicas below minReplicas`);
      const t = h.spec?.scaleTargetRef;
      if (!deployments.some((d) => t?.kind === 'Deployment' && t?.name === d.metadata?.name)) {
        errors.push(`${id(h)}: scaleTargetRef ${t?.kind}/${t?.name} is not a Deployment of this rendering`);
      }
    }
    for (const d of deployments) {
      if (d.spec?.replicas !== undefined && hpas.length) errors.push(`${id(d)}: sets replicas although an HPA owns them`);
    }
    return errors;
  }
  if (ksvcs.length !== 1) errors.push(`expected exactly one Knative Service, found ${ksvcs.length}`);
  for (const k of ksvcs) {
    const a = k.spec?.template?.metadata?.annotations ?? {};
    const min = a['autoscaling.knative.dev/min-scale'];
    const max = a['autoscaling.knative.dev/max-scale'];
    if (min !== r.minScale) errors.push(`${id(k)}: autoscaling.knative.dev/min-scale is ${JSON.stringify(min)}, expected "${r.minScale}"`);
    if (!/^[1-9][0-9]*$/.test(String(max ?? ''))) errors.push(`${id(k)}: autoscaling.knative.dev/max-scale must be a positive integer string (is ${JSON.stringify(max)})`);
    else if (Number(max) < Number(min ?? 0)) errors.push(`${id(k)}: max-scale ${max} below min-scale ${min}`);
    if (!/^[0-9]+(\.[0-9]+)?$/.test(String(a['autoscaling.knative.dev/target'] ?? ''))) errors.push(`${id(k)}: autoscaling.knative.dev/target missing`);
    const cc = k.spec?.template?.spec?.containerConcurrency;
    if (!Number.isInteger(cc) || cc < 1) errors.push(`${id(k)}: containerConcurrency must be a positive integer (is ${cc})`);
    const ts = k.spec?.template?.spec?.timeoutSeconds;
    if (!Number.isInteger(ts) || ts < 1) errors.push(`${id(k)}: timeoutSeconds must be set (it is also the pod's termination grace period)`);
    for (const [key, v] of Object.entries(a)) {
      if (key.startsWith('autoscaling.knative.dev/') && typeof v !== 'string') errors.push(`${id(k)}: annotation ${key} must be a string`);
    }
  }
  return errors;
}

/** Fields the Knative webhook accepts without feature flags (Knative Serving >= 1.15). */
const KNATIVE_POD_FIELDS = new Set([
  'containers', 'volumes', 'serviceAccountName', 'imagePullSecrets', 'enableServiceLinks',
  'automountServiceAccountToken', 'containerConcurrency', 'timeoutSeconds',
  'responseStartTimeoutSeconds', 'idleTimeoutSeconds',
]);
const KNATIVE_CONTAINER_FIELDS = new Set([
  'name', 'args', 'command', 'env', 'workingDir', 'envFrom', 'image', 'imagePullPolicy',
  'livenessProbe', 'readinessProbe', 'startupProbe', 'ports', 'resources', 'securityContext',
  'terminationMessagePath', 'terminationMessagePolicy', 'volumeMounts',
]);
const KNATIVE_SECURITY_FIELDS = new Set([
  'capabilities', 'readOnlyRootFilesystem', 'runAsUser', 'runAsGroup', 'runAsNonRoot',
  'allowPrivilegeEscalation', 'seccompProfile',
]);

export function checkKnativeFieldMask(docs) {
  const errors = [];
  for (const k of docs.filter(isKnativeService)) {
    const spec = k.spec?.template?.spec ?? {};
    for (const f of Object.keys(spec)) {
      if (!KNATIVE_POD_FIELDS.has(f)) errors.push(`${id(k)}: spec.template.spec.${f} is rejected by Knative (or needs a feature flag)`);
    }
    if (spec.automountServiceAccountToken === true) errors.push(`${id(k)}: Knative only accepts automountServiceAccountToken: false`);
    for (const c of spec.containers ?? []) {
      for (const f of Object.keys(c)) {
        if (!KNATIVE_CONTAINER_FIELDS.has(f)) errors.push(`${id(k)}: container ${c.name}: field ${f} is rejected by Knative`);
      }
      for (const f of Object.keys(c.securityContext ?? {})) {
        if (!KNATIVE_SECURITY_FIELDS.has(f)) errors.push(`${id(k)}: container ${c.name}: securityContext.${f} is rejected by Knative`);
      }
      if (c.securityContext?.capabilities?.add?.length) errors.push(`${id(k)}: container ${c.name}: capabilities.add needs a Knative feature flag`);
    }
    for (const v of spec.volumes ?? []) {
      const kinds = Object.keys(v).filter((x) => x !== 'name');
      if (!kinds.every((x) => ['secret', 'configMap', 'projected', 'emptyDir'].includes(x))) {
        errors.push(`${id(k)}: volume ${v.name} of type ${kinds} is rejected by Knative`);
      }
    }
  }
  return errors;
}

export function checkProbes(docs) {
  const errors = [];
  const templates = podTemplates(docs).filter((p) => p.serving);
  if (templates.length === 0) errors.push('no serving workload in the rendering');
  for (const { owner, template } of templates) {
    for (const c of template?.spec?.containers ?? []) {
      const ports = (c.ports ?? []).flatMap((p) => [p.containerPort, p.name]).filter((x) => x !== undefined);
      for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
        const probe = c[kind];
        if (!probe) {
          if (kind !== 'startupProbe') errors.push(`${owner}: container ${c.name} has no ${kind}`);
          continue;
        }
        const action = probe.httpGet ?? probe.tcpSocket ?? probe.grpc;
        if (!action) {
          if (!probe.exec) errors.push(`${owner}: container ${c.name} ${kind} has no action`);
          continue;
        }
        if (action.port === undefined || action.port === '') errors.push(`${owner}: container ${c.name} ${kind} has no explicit port`);
        else if (!ports.includes(action.port)) errors.push(`${owner}: container ${c.name} ${kind} port ${action.port} is not a declared container port`);
        if (probe.httpGet && !String(probe.httpGet.path ?? '').startsWith('/q/health')) {
          errors.push(`${owner}: container ${c.name} ${kind} should probe a /q/health endpoint (is ${probe.httpGet.path})`);
        }
      }
    }
    for (const c of template?.spec?.containers ?? []) {
      if (matches(SERVER_LABELS, template?.metadata?.labels) && !(c.ports ?? []).some((p) => p.containerPort === APP_PORT)) {
        errors.push(`${owner}: container ${c.name} does not declare port ${APP_PORT}`);
      }
    }
  }
  return errors;
}

export function checkSecurity(docs) {
  const errors = [];
  for (const { owner, template, serving } of podTemplates(docs)) {
    const pod = template?.spec ?? {};
    const psc = pod.securityContext ?? {};
    const tmpVolumes = new Set((pod.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
    for (const c of allContainers(pod)) {
      const sc = c.securityContext ?? {};
      const where = `${owner}: container ${c.name}`;
      if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) errors.push(`${where}: runAsNonRoot is not true`);
      if ((sc.runAsUser ?? psc.runAsUser) === 0) errors.push(`${where}: runs as UID 0`);
      if (sc.readOnlyRootFilesystem !== true) errors.push(`${where}: readOnlyRootFilesystem is not true`);
      if (sc.allowPrivilegeEscalation !== false) errors.push(`${where}: allowPrivilegeEscalation is not false`);
      if (sc.privileged === true) errors.push(`${where}: privileged`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) errors.push(`${where}: capabilities do not drop ALL`);
      if ((sc.capabilities?.add ?? []).length) errors.push(`${where}: adds capabilities`);
      const seccomp = (sc.seccompProfile ?? psc.seccompProfile)?.type;
      if (!['RuntimeDefault', 'Localhost'].includes(seccomp)) errors.push(`${where}: seccompProfile is ${seccomp ?? 'unset'}`);
      for (const res of ['requests', 'limits']) {
        for (const r of ['cpu', 'memory']) {
          if (c.resources?.[res]?.[r] === undefined) errors.push(`${where}: resources.${res}.${r} unset`);
        }
      }
      if (serving && !(c.volumeMounts ?? []).some((m) => m.mountPath === '/tmp' && tmpVolumes.has(m.name))) {
        errors.push(`${where}: no writable emptyDir at /tmp (the root filesystem is read-only)`);
      }
    }
  }
  return errors;
}

export function checkSecrets(docs, exampleKeys) {
  const errors = [];
  for (const d of docs) {
    if (d.kind === 'Secret') {
      if (Object.keys(d.data ?? {}).length || Object.keys(d.stringData ?? {}).length) {
        errors.push(`${id(d)}: Secret with inline values in the rendering`);
      }
    }
    if (d.kind === 'ConfigMap') {
      for (const k of [...Object.keys(d.data ?? {}), ...Object.keys(d.binaryData ?? {})]) {
        if (looksSecret(k)) errors.push(`${id(d)}: secret-looking key ${k} in a ConfigMap`);
      }
    }
  }
  const configMaps = new Map(docs.filter((d) => d.kind === 'ConfigMap').map((d) => [d.metadata?.name, d]));
  for (const { owner, template } of podTemplates(docs)) {
    for (const c of allContainers(template?.spec)) {
      const where = `${owner}: container ${c.name}`;
      for (const ef of c.envFrom ?? []) {
        if (ef.secretRef) errors.push(`${where}: envFrom secretRef (secrets must be explicit env with secretKeyRef)`);
        if (ef.configMapRef && !configMaps.has(ef.configMapRef.name)) errors.push(`${where}: envFrom ConfigMap ${ef.configMapRef.name} is not in the rendering`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (looksSecret(e.name) && !ref) errors.push(`${where}: secret-looking env ${e.name} does not come from a secretKeyRef`);
        if (ref) {
          if (ref.name !== SECRET_NAME) errors.push(`${where}: env ${e.name} refers to Secret ${ref.name}, expected ${SECRET_NAME}`);
          if (exampleKeys && !exampleKeys.has(ref.key)) errors.push(`${where}: Secret key ${ref.key} is not documented in common/secret.example.yaml`);
          const setting = SETTINGS[e.name];
          if (setting?.secret && Boolean(ref.optional) !== Boolean(setting.optional)) {
            errors.push(`${where}: env ${e.name} optional must be ${Boolean(setting.optional)}`);
          }
        }
        if (e.value !== undefined && e.valueFrom !== undefined) errors.push(`${where}: env ${e.name} has both value and valueFrom`);
      }
    }
  }
  // The service gets every setting, the secret ones from the Secret.
  const servers = serverTemplates(docs);
  if (servers.length === 0) errors.push('no server pod template (labels ' + JSON.stringify(SERVER_LABELS) + ')');
  for (const { owner, template } of servers) {
    for (const c of template?.spec?.containers ?? []) {
      const fromConfigMaps = new Set((c.envFrom ?? []).flatMap((ef) => Object.keys(configMaps.get(ef.configMapRef?.name)?.data ?? {})));
      const env = new Map((c.env ?? []).map((e) => [e.name, e]));
      for (const [name, s] of Object.entries(SETTINGS)) {
        if (s.secret) {
          if (!env.get(name)?.valueFrom?.secretKeyRef) errors.push(`${owner}: container ${c.name}: ${name} must come from a secretKeyRef`);
          if (fromConfigMaps.has(name)) errors.push(`${owner}: container ${c.name}: ${name} is also in a ConfigMap`);
        } else if (!fromConfigMaps.has(name) && !env.has(name)) {
          errors.push(`${owner}: container ${c.name}: setting ${name} is not provided`);
        }
      }
    }
  }
  return errors;
}

// --- cron -------------------------------------------------------------------------------------

const CRON_MACROS = {
  '@yearly': '0 0 1 1 *', '@annually': '0 0 1 1 *', '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0', '@daily': '0 0 * * *', '@midnight': '0 0 * * *', '@hourly': '0 * * * *',
};
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

function cronField(text, min, max, names) {
  const values = new Set();
  const num = (s) => {
    const i = names ? names.indexOf(s.toUpperCase()) : -1;
    const n = i >= 0 ? i + (names === MONTHS ? 1 : 0) : Number(s);
    if (!Number.isInteger(n)) throw new Error(`bad cron value "${s}"`);
    return n;
  };
  for (const part of text.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`bad cron step "${part}"`);
    let lo, hi;
    if (range === '*' || range === '?') [lo, hi] = [min, max];
    else if (range.includes('-')) [lo, hi] = range.split('-').map(num);
    else [lo, hi] = [num(range), stepText === undefined ? num(range) : max];
    if (lo < min || hi > max || lo > hi) throw new Error(`cron value out of range "${part}"`);
    for (let v = lo; v <= hi; v += step) values.add(v);
  }
  return { values, star: text === '*' || text === '?' };
}

/** Longest gap, in hours, between two runs of a 5-field cron schedule (UTC), over 400 days. */
export function cronMaxIntervalHours(schedule) {
  const fields = (CRON_MACROS[schedule.trim()] ?? schedule).trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`cron schedule "${schedule}" does not have 5 fields`);
  const [mi, h, dom, mon, dow] = [
    cronField(fields[0], 0, 59), cronField(fields[1], 0, 23), cronField(fields[2], 1, 31),
    cronField(fields[3], 1, 12, MONTHS), cronField(fields[4], 0, 7, DAYS),
  ];
  if (dow.values.has(7)) dow.values.add(0);
  const start = Date.UTC(2025, 0, 1);
  let last = null;
  let maxGap = 0;
  let runs = 0;
  for (let t = start; t < start + 400 * 86400e3; t += 60e3) {
    const d = new Date(t);
    if (!mi.values.has(d.getUTCMinutes()) || !h.values.has(d.getUTCHours()) || !mon.values.has(d.getUTCMonth() + 1)) continue;
    const domOk = dom.values.has(d.getUTCDate());
    const dowOk = dow.values.has(d.getUTCDay());
    const dayOk = dom.star || dow.star ? domOk && dowOk : domOk || dowOk; // Vixie cron rule
    if (!dayOk) continue;
    if (last !== null) maxGap = Math.max(maxGap, t - last);
    last = t;
    runs++;
  }
  return runs < 2 ? Infinity : maxGap / 3600e3;
}

export function checkWakeup(docs) {
  const errors = [];
  const cj = docs.find((d) => d.kind === 'CronJob' && d.metadata?.name === WAKEUP_CRONJOB);
  if (!cj) return [`no CronJob ${WAKEUP_CRONJOB}`];
  let hours;
  try {
    hours = cronMaxIntervalHours(cj.spec?.schedule ?? '');
  } catch (e) {
    return [`${id(cj)}: ${e.message}`];
  }
  if (!(hours < RETENTION_HOURS)) errors.push(`${id(cj)}: schedule "${cj.spec?.schedule}" leaves up to ${hours} h between runs, not < ${RETENTION_HOURS} h`);
  if (cj.spec?.concurrencyPolicy !== 'Forbid') errors.push(`${id(cj)}: concurrencyPolicy must be Forbid`);
  if (cj.spec?.suspend === true) errors.push(`${id(cj)}: suspended`);
  const job = cj.spec?.jobTemplate?.spec ?? {};
  const deadline = job.activeDeadlineSeconds;
  if (!Number.isInteger(deadline) || deadline < 1) errors.push(`${id(cj)}: activeDeadlineSeconds unset`);
  else if (deadline >= hours * 3600) errors.push(`${id(cj)}: activeDeadlineSeconds ${deadline} not below the schedule interval`);
  const containers = job.template?.spec?.containers ?? [];
  const text = JSON.stringify(containers);
  if (!text.includes('/internal/wake-up')) errors.push(`${id(cj)}: does not call /internal/wake-up`);
  if (!containers.some((c) => (c.env ?? []).some((e) => e.name === 'MEMBERPULSE_INTERNAL_TOKEN' && e.valueFrom?.secretKeyRef))) {
    errors.push(`${id(cj)}: MEMBERPULSE_INTERNAL_TOKEN does not come from the Secret`);
  }
  if (!/--retry\b/.test(text)) errors.push(`${id(cj)}: the call is not retried`);
  return errors;
}

export function checkDisruptionAndNetwork(docs, r) {
  const errors = [];
  const serverLabels = serverTemplates(docs).map((p) => p.template?.metadata?.labels ?? {});
  const pdbs = docs.filter((d) => d.kind === 'PodDisruptionBudget');
  if (!r.pdb && pdbs.length) errors.push(`PodDisruptionBudget in the ${r.name} rendering, where pods may be at zero`);
  if (r.pdb) {
    if (pdbs.length !== 1) errors.push(`expected one PodDisruptionBudget, found ${pdbs.length}`);
    for (const p of pdbs) {
      if (p.spec?.minAvailable !== 1) errors.push(`${id(p)}: minAvailable must be 1`);
      if (!serverLabels.some((l) => matches(p.spec?.selector?.matchLabels, l))) errors.push(`${id(p)}: selector matches no server pod`);
    }
  }
  for (const s of docs.filter((d) => d.apiVersion === 'v1' && d.kind === 'Service')) {
    if (!serverLabels.some((l) => matches(s.spec?.selector, l))) errors.push(`${id(s)}: selector matches no server pod`);
  }
  const nps = docs.filter((d) => d.kind === 'NetworkPolicy');
  const forServer = nps.filter((n) => serverLabels.some((l) => matches(n.spec?.podSelector?.matchLabels, l)));
  if (forServer.length === 0) errors.push('no NetworkPolicy selects the server pods');
  const ingressPorts = new Set(forServer.flatMap((n) => (n.spec?.ingress ?? []).flatMap((i) => (i.ports ?? []).map((p) => p.port))));
  const egressPorts = new Set(forServer.flatMap((n) => (n.spec?.egress ?? []).flatMap((e) => (e.ports ?? []).map((p) => p.port))));
  for (const p of [APP_PORT, ...(r.knative ? [8012] : [])]) {
    if (!ingressPorts.has(p)) errors.push(`no NetworkPolicy ingress to the server pods on ${p}`);
  }
  for (const p of [53, 5432, 443]) {
    if (!egressPorts.has(p)) errors.push(`no NetworkPolicy egress from the server pods on ${p}`);
  }
  for (const n of forServer) {
    if (!(n.spec?.policyTypes ?? []).includes('Ingress') && n.spec?.ingress) errors.push(`${id(n)}: ingress rules without policyType Ingress`);
  }
  return errors;
}

export async function checkAll(docs, r, exampleKeys) {
  return {
    schema: await schemaErrors(docs),
    scale: checkScale(docs, r),
    knativeFields: r.knative ? checkKnativeFieldMask(docs) : [],
    probes: checkProbes(docs),
    security: checkSecurity(docs),
    secrets: checkSecrets(docs, exampleKeys),
    wakeup: checkWakeup(docs),
    disruptionAndNetwork: checkDisruptionAndNetwork(docs, r),
  };
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

const fmt = (errors) => '\n  - ' + errors.join('\n  - ');
const expectClean = (errors) => assert.deepEqual(errors, [], fmt(errors));

const exampleDocs = parseAll(readFileSync(path.join(K8S_DIR, 'common/secret.example.yaml'), 'utf8'), 'secret.example.yaml');
const exampleKeys = new Set(exampleDocs.flatMap((d) => Object.keys({ ...d.stringData, ...d.data })));

const rendered = new Map();
for (const r of RENDERINGS) rendered.set(r.name, parseAll(kustomize(r.dir), r.dir));

describe('layout', () => {
  it('every directory under k8s/overlays is validated here', () => {
    const dirs = readdirSync(path.join(K8S_DIR, 'overlays')).filter((d) => statSync(path.join(K8S_DIR, 'overlays', d)).isDirectory());
    const known = new Set(RENDERINGS.map((r) => r.dir));
    assert.deepEqual(dirs.filter((d) => !known.has(`overlays/${d}`)), []);
  });

  it('secret.example.yaml is a valid Secret documenting exactly the referenced keys', async () => {
    assert.equal(exampleDocs.length, 1);
    assert.equal(exampleDocs[0].metadata.name, SECRET_NAME);
    expectClean(await schemaErrors(exampleDocs));
    const referenced = new Set();
    for (const docs of rendered.values()) {
      for (const { template } of podTemplates(docs)) {
        for (const c of allContainers(template?.spec)) {
          for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) referenced.add(e.valueFrom.secretKeyRef.key);
        }
      }
    }
    assert.deepEqual([...exampleKeys].sort(), [...referenced].sort());
  });

  it('secret.example.yaml is in no rendering', () => {
    for (const [name, docs] of rendered) {
      assert.ok(!docs.some((d) => d.kind === 'Secret'), `${name} renders a Secret`);
    }
  });

  it('the cron interval calculator is right', () => {
    assert.equal(cronMaxIntervalHours('17 */6 * * *'), 6);
    assert.equal(cronMaxIntervalHours('@daily'), 24);
    assert.equal(cronMaxIntervalHours('0 0 */3 * *'), 72); // 31st -> 1st is shorter; 28->1 or 3-day steps give 72
    assert.equal(cronMaxIntervalHours('0 0 * * MON'), 168);
    assert.equal(cronMaxIntervalHours('0 0,12 * * 1-5'), 60); // Fri 12:00 -> Mon 00:00
    assert.equal(cronMaxIntervalHours('0 0 1 1 *'), 8760);
    assert.equal(cronMaxIntervalHours('0 0 30 2 *'), Infinity); // never runs
  });

  it('the secret-name rule is right', () => {
    for (const n of ['QUARKUS_DATASOURCE_PASSWORD', 'MEMBERPULSE_ENCRYPTION_KEY', 'MEMBERPULSE_ENCRYPTION_PREVIOUS_KEY',
      'SALESFORCE_CLIENT_SECRET', 'MEMBERPULSE_WEBHOOK_SECRET', 'MEMBERPULSE_INTERNAL_TOKEN', 'API_KEY', 'DB_PWD']) {
      assert.ok(looksSecret(n), n);
    }
    for (const n of ['MP_JWT_VERIFY_PUBLICKEY_LOCATION', 'MP_JWT_VERIFY_ISSUER', 'SALESFORCE_CLIENT_ID', 'QUARKUS_DATASOURCE_USERNAME',
      'MEMBERPULSE_WEBHOOK_URL', 'SALESFORCE_LOGIN_URL', 'KEYCLOAK_TOKEN_URL', 'MEMBERPULSE_SALESFORCE_CLIENT_NAME', 'POD_NAMESPACE']) {
      assert.ok(!looksSecret(n), n);
    }
  });
});

for (const r of RENDERINGS) {
  describe(`rendering ${r.name} (k8s/${r.dir})`, async () => {
    const docs = rendered.get(r.name);
    const results = await checkAll(docs, r, exampleKeys);
    it('renders documents', () => assert.ok(docs.length > 0));
    it('every document validates against its Kubernetes / Knative schema', () => expectClean(results.schema));
    it(r.knative ? `Knative Service with min-scale "${r.minScale}", max-scale, target, containerConcurrency, timeoutSeconds`
      : 'no Knative kinds; Deployment scaled by an HPA with minReplicas >= 1', () => expectClean(results.scale));
    if (r.knative) it('Knative Service uses only fields the Knative webhook accepts', () => expectClean(results.knativeFields));
    it('liveness and readiness probes (and startup probe) with explicit, declared ports', () => expectClean(results.probes));
    it('non-root, read-only root fs, no privilege escalation, drop ALL, seccomp, resources, /tmp emptyDir', () => expectClean(results.security));
    it('no inline secrets; secret-looking env from secretKeyRef; every setting provided', () => expectClean(results.secrets));
    it(`wake-up CronJob runs well inside the ${RETENTION_HOURS} h retention, Forbid, deadline, token from Secret`, () => expectClean(results.wakeup));
    it(r.pdb ? 'PodDisruptionBudget minAvailable 1; NetworkPolicy ingress/egress' : 'no PodDisruptionBudget; NetworkPolicy ingress/egress',
      () => expectClean(results.disruptionAndNetwork));
  });
}

// Each check must fail on a manifest broken on purpose (mutations of the real renderings).
describe('checks catch broken manifests', () => {
  const clone = (name) => structuredClone(rendered.get(name));
  const R = Object.fromEntries(RENDERINGS.map((r) => [r.name, r]));
  const ksvc = (docs) => docs.find(isKnativeService);
  const ksvcContainer = (docs) => ksvc(docs).spec.template.spec.containers[0];
  const cron = (docs) => docs.find((d) => d.kind === 'CronJob');
  const mustFail = async (name, mutate, check) => {
    const before = await checkAll(clone(name), R[name], exampleKeys);
    assert.deepEqual(before[check], [], `check "${check}" already fails on the unbroken ${name} rendering`);
    const docs = clone(name);
    mutate(docs);
    const results = await checkAll(docs, R[name], exampleKeys);
    assert.ok(results[check].length > 0, `check "${check}" did not catch the broken manifest`);
  };

  it('min-scale removed', () => mustFail('scale-to-zero', (d) => { delete ksvc(d).spec.template.metadata.annotations['autoscaling.knative.dev/min-scale']; }, 'scale'));
  it('always-on back at min-scale 0', () => mustFail('always-on', (d) => { ksvc(d).spec.template.metadata.annotations['autoscaling.knative.dev/min-scale'] = '0'; }, 'scale'));
  it('min-scale as a number', () => mustFail('scale-to-zero', (d) => { ksvc(d).spec.template.metadata.annotations['autoscaling.knative.dev/min-scale'] = 0; }, 'scale'));
  it('Knative kind in the deployment rendering', () => mustFail('deployment', (d) => { d.push(ksvc(clone('scale-to-zero'))); }, 'scale'));
  it('HPA minReplicas 0', () => mustFail('deployment', (d) => { d.find((x) => x.kind === 'HorizontalPodAutoscaler').spec.minReplicas = 0; }, 'scale'));
  it('wrong type caught by the schema', () => mustFail('scale-to-zero', (d) => { ksvcContainer(d).ports[0].containerPort = '8080'; }, 'schema'));
  it('missing required field caught by the schema', () => mustFail('deployment', (d) => { delete d.find((x) => x.kind === 'Deployment').spec.selector; }, 'schema'));
  it('field Knative rejects', () => mustFail('scale-to-zero', (d) => { ksvc(d).spec.template.spec.terminationGracePeriodSeconds = 30; }, 'knativeFields'));
  it('readiness probe removed', () => mustFail('deployment', (d) => { delete d.find((x) => x.kind === 'Deployment').spec.template.spec.containers[0].readinessProbe; }, 'probes'));
  it('liveness probe without port', () => mustFail('scale-to-zero', (d) => { delete ksvcContainer(d).livenessProbe.httpGet.port; }, 'probes'));
  it('writable root filesystem', () => mustFail('scale-to-zero', (d) => { ksvcContainer(d).securityContext.readOnlyRootFilesystem = false; }, 'security'));
  it('runAsNonRoot dropped from the CronJob', () => mustFail('deployment', (d) => {
    const spec = cron(d).spec.jobTemplate.spec.template.spec;
    delete spec.securityContext.runAsNonRoot;
    delete spec.containers[0].securityContext.runAsNonRoot;
  }, 'security'));
  it('inline Secret in the rendering', () => mustFail('always-on', (d) => { d.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: SECRET_NAME }, stringData: { X: 'y' } }); }, 'secrets'));
  it('secret env var with an inline value', () => mustFail('scale-to-zero', (d) => {
    ksvcContainer(d).env.find((e) => e.name === 'SALESFORCE_CLIENT_SECRET').valueFrom = undefined;
    ksvcContainer(d).env.find((e) => e.name === 'SALESFORCE_CLIENT_SECRET').value = 'hunter2';
  }, 'secrets'));
  it('secret in the ConfigMap', () => mustFail('deployment', (d) => { d.find((x) => x.kind === 'ConfigMap').data.MEMBERPULSE_WEBHOOK_SECRET = 'x'; }, 'secrets'));
  it('a setting not provided', () => mustFail('scale-to-zero', (d) => { delete d.find((x) => x.kind === 'ConfigMap').data.MP_JWT_VERIFY_ISSUER; }, 'secrets'));
  it('wake-up every 4 days', () => mustFail('scale-to-zero', (d) => { cron(d).spec.schedule = '0 0 */4 * *'; }, 'wakeup'));
  it('wake-up weekly', () => mustFail('scale-to-zero', (d) => { cron(d).spec.schedule = '@weekly'; }, 'wakeup'));
  it('wake-up CronJob removed', () => mustFail('scale-to-zero', (d) => { d.splice(d.indexOf(cron(d)), 1); }, 'wakeup'));
  it('PDB in the scale-to-zero rendering', () => mustFail('scale-to-zero', (d) => { d.push(rendered.get('always-on').find((x) => x.kind === 'PodDisruptionBudget')); }, 'disruptionAndNetwork'));
  it('PDB missing from always-on', () => mustFail('always-on', (d) => { d.splice(d.findIndex((x) => x.kind === 'PodDisruptionBudget'), 1); }, 'disruptionAndNetwork'));
  it('NetworkPolicy without PostgreSQL egress', () => mustFail('deployment', (d) => {
    for (const n of d.filter((x) => x.kind === 'NetworkPolicy')) n.spec.egress = (n.spec.egress ?? []).filter((e) => !e.ports?.some((p) => p.port === 5432));
  }, 'disruptionAndNetwork'));
});
