//! Checks of the deployment artefacts, offline: the Kubernetes overlays render and pass
//! the Kubernetes schemas, meet the project's policy (every role deployed with probes,
//! least privilege, limits, network policies), the NATS permissions are what the code
//! generates, and the compose file runs every role.
#![allow(clippy::unwrap_used, missing_docs)]

use std::path::PathBuf;

use std::process::Command;

use serde_yaml_ng::Value;

fn root() -> PathBuf {
    aftercare_testkit::workspace_root()
}

/// The roles the binary knows, from its own help text.
fn binary_roles() -> Vec<String> {
    let out = Command::new(aftercare_testkit::aftercare_binary())
        .args(["run", "-h"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    let list = help
        .split("[possible values: ")
        .skip(1)
        .map(|rest| rest.split(']').next().unwrap_or(""))
        .find(|values| values.contains("gateway"))
        .expect("`aftercare run -h` lists the roles");
    list.split(", ").map(str::to_owned).collect()
}

fn render(overlay: &str) -> Option<(tempfile::NamedTempFile, Vec<Value>)> {
    let Ok(out) = Command::new("kubectl")
        .args(["kustomize"])
        .arg(root().join("k8s/overlays").join(overlay))
        .output()
    else {
        eprintln!("SKIPPED: kubectl is not installed, so the overlays cannot be rendered here");
        return None;
    };
    assert!(
        out.status.success(),
        "kubectl kustomize {overlay}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = tempfile::Builder::new()
        .prefix(&format!("aftercare-{overlay}-"))
        .suffix(".yaml")
        .tempfile()
        .unwrap();
    std::fs::write(file.path(), &out.stdout).unwrap();
    let docs = serde_yaml_ng::Deserializer::from_slice(&out.stdout)
        .map(|d| Value::deserialize(d).unwrap())
        .collect();
    Some((file, docs))
}

use serde::Deserialize;

fn kind<'a>(docs: &'a [Value], kind: &str) -> Vec<&'a Value> {
    docs.iter().filter(|d| d["kind"] == kind).collect()
}

fn named<'a>(docs: &'a [Value], k: &str, name: &str) -> Option<&'a Value> {
    docs.iter()
        .find(|d| d["kind"] == k && d["metadata"]["name"] == name)
}

#[test]
fn the_nats_permissions_in_the_manifests_are_what_the_code_generates() {
    let committed = std::fs::read_to_string(root().join("k8s/components/nats/auth.conf")).unwrap();
    assert_eq!(
        committed,
        aftercare_contracts::permissions::render_authorization(),
        "k8s/components/nats/auth.conf is stale: run `aftercare nats-config > k8s/components/nats/auth.conf`"
    );
    let nats_conf = std::fs::read_to_string(root().join("k8s/components/nats/nats.conf")).unwrap();
    assert!(nats_conf.contains("include ./auth.conf"));
}

#[test]
fn both_overlays_render_and_pass_the_kubernetes_schemas() {
    let validator = root().join(".tools/venv/bin/kubernetes-validate");
    for overlay in ["dev", "prod"] {
        let Some((file, _)) = render(overlay) else {
            return;
        };
        if !validator.exists() {
            eprintln!(
                "SKIPPED: kubernetes-validate is not installed (deploy/install-tools.sh --test installs it)"
            );
            return;
        }
        let out = Command::new(&validator)
            .args(["--strict", "--kubernetes-version", "1.37.0"])
            .arg(file.path())
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{overlay}:\n{text}");
        // CloudNativePG's Cluster and ScheduledBackup and the Barman Cloud plugin's
        // ObjectStore have no built-in schema; the fields relied on are checked below instead
        // (the CRD schemas are not available offline).
        // The Prometheus Operator's PodMonitor and PrometheusRule have none either; the
        // metric names they read are checked against the code below.
        for line in text.lines().filter(|l| l.contains("WARN")) {
            assert!(
                line.contains("kind Cluster with api version postgresql.cnpg.io/v1")
                    || line.contains("kind ScheduledBackup with api version postgresql.cnpg.io/v1")
                    || line.contains("kind ObjectStore with api version barmancloud.cnpg.io/v1")
                    || line.contains("kind PodMonitor with api version monitoring.coreos.com/v1")
                    || line
                        .contains("kind PrometheusRule with api version monitoring.coreos.com/v1"),
                "{overlay}: unexpected warning {line}"
            );
        }
    }
}

/// The service accounts bound to a Role, with that Role's rules.
fn api_readers(docs: &[Value]) -> Vec<(&str, &Value)> {
    kind(docs, "RoleBinding")
        .into_iter()
        .flat_map(|b| {
            let role = named(docs, "Role", b["roleRef"]["name"].as_str().unwrap())
                .unwrap_or_else(|| panic!("RoleBinding to a Role not in the overlay"));
            b["subjects"]
                .as_sequence()
                .unwrap()
                .iter()
                .map(move |s| (s["name"].as_str().unwrap(), &role["rules"]))
        })
        .collect()
}

/// A pod mounts its service account's token only if that account is bound to a Role
/// that reads and never writes; every other pod has no token at all.
fn check_token(owner: &str, spec: &Value, docs: &[Value]) {
    if spec["automountServiceAccountToken"] == false {
        return;
    }
    let account = spec["serviceAccountName"].as_str().unwrap();
    let readers = api_readers(docs);
    let (_, rules) = readers
        .iter()
        .find(|(a, _)| *a == account)
        .unwrap_or_else(|| {
            panic!("{owner}: a service account token is mounted but no Role needs it")
        });
    for rule in rules.as_sequence().unwrap() {
        for verb in rule["verbs"].as_sequence().unwrap() {
            assert!(
                ["get", "list", "watch"].contains(&verb.as_str().unwrap()),
                "{owner}: its Role may only read, not {verb:?}"
            );
        }
    }
}

fn check_pod(owner: &str, spec: &Value) {
    let psc = &spec["securityContext"];
    assert_eq!(psc["runAsNonRoot"], true, "{owner}");
    assert_eq!(psc["seccompProfile"]["type"], "RuntimeDefault", "{owner}");
    for c in spec["containers"].as_sequence().unwrap() {
        let who = format!("{owner}/{}", c["name"].as_str().unwrap());
        let sc = &c["securityContext"];
        assert_eq!(sc["allowPrivilegeEscalation"], false, "{who}");
        assert_eq!(sc["readOnlyRootFilesystem"], true, "{who}");
        assert_eq!(sc["runAsNonRoot"], true, "{who}");
        assert!(
            sc["capabilities"]["drop"]
                .as_sequence()
                .unwrap()
                .iter()
                .any(|d| d == "ALL"),
            "{who}"
        );
        for section in ["requests", "limits"] {
            for r in ["cpu", "memory"] {
                assert!(
                    !c["resources"][section][r].is_null(),
                    "{who}: resources.{section}.{r}"
                );
            }
        }
        assert!(
            !c["readinessProbe"].is_null() && !c["livenessProbe"].is_null(),
            "{who}: probes"
        );
        // A busy node answers slowly: a probe waits 3 s or more (Kubernetes' default is 1 s),
        // and liveness gives up only after 30 s of failures, never on one slow answer.
        for probe in ["startupProbe", "readinessProbe", "livenessProbe"] {
            if c[probe].is_null() {
                continue;
            }
            let timeout = c[probe]["timeoutSeconds"].as_u64().unwrap_or(1);
            assert!(timeout >= 3, "{who}: {probe} times out after {timeout} s");
        }
        let live = &c["livenessProbe"];
        let period = live["periodSeconds"].as_u64().unwrap_or(10);
        let failures = live["failureThreshold"].as_u64().unwrap_or(3);
        assert!(
            period * failures >= 30,
            "{who}: liveness restarts after {period} s × {failures}"
        );
    }
}

fn selects(policy: &Value, app: &str) -> bool {
    policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"] == app
}

fn policy_checks(overlay: &str, docs: &[Value]) {
    // The namespace enforces the restricted Pod Security Standard.
    let ns = named(docs, "Namespace", "aftercare").unwrap();
    assert_eq!(
        ns["metadata"]["labels"]["pod-security.kubernetes.io/enforce"],
        "restricted"
    );
    assert!(
        docs.iter()
            .filter(|d| d["kind"] != "Namespace")
            .all(|d| d["metadata"]["namespace"] == "aftercare"),
        "{overlay}: all namespaced"
    );

    // Every role the binary knows: a Deployment running that role, probed, and a policy.
    let policies = kind(docs, "NetworkPolicy");
    for role in binary_roles() {
        let name = format!("aftercare-{role}");
        let d = named(docs, "Deployment", &name)
            .unwrap_or_else(|| panic!("{overlay}: no Deployment for role {role}"));
        let spec = &d["spec"]["template"]["spec"];
        let c = &spec["containers"][0];
        assert_eq!(c["args"], Value::from(vec!["run", role.as_str()]), "{name}");
        assert!(!c["startupProbe"].is_null(), "{name}: startup probe");
        assert_eq!(c["readinessProbe"]["httpGet"]["path"], "/readyz", "{name}");
        assert_eq!(c["livenessProbe"]["httpGet"]["path"], "/healthz", "{name}");
        assert!(
            c["image"].as_str().unwrap().contains("aftercare"),
            "{name}: one image for every role"
        );
        assert!(
            policies.iter().any(|p| selects(p, &name)),
            "{overlay}: no NetworkPolicy for {name}"
        );
        let env = c["env"].as_sequence().unwrap();
        assert!(
            env.iter()
                .any(|e| e["name"] == "AFTERCARE_NATS_USER" && e["value"] == role.as_str()),
            "{name}: own NATS user"
        );
    }
    for w in kind(docs, "Deployment")
        .into_iter()
        .chain(kind(docs, "StatefulSet"))
    {
        let owner = w["metadata"]["name"].as_str().unwrap();
        check_pod(owner, &w["spec"]["template"]["spec"]);
        check_token(owner, &w["spec"]["template"]["spec"], docs);
    }

    // Deny by default; only the gateway accepts traffic from the ingress controller;
    // each service reaches NATS, its own database and the collector only.
    assert!(
        policies.iter().any(
            |p| p["spec"]["podSelector"] == Value::Mapping(Default::default())
                && p["spec"]["ingress"].is_null()
                && p["spec"]["egress"].is_null()
                && p["spec"]["policyTypes"].as_sequence().unwrap().len() == 2
        ),
        "{overlay}: default deny"
    );
    for p in &policies {
        let from_ingress = p["spec"]["ingress"]
            .as_sequence()
            .into_iter()
            .flatten()
            .any(|r| {
                r["from"].as_sequence().into_iter().flatten().any(|f| {
                    f["namespaceSelector"]["matchLabels"]["kubernetes.io/metadata.name"]
                        == "ingress-nginx"
                })
            });
        if from_ingress {
            assert!(
                selects(p, "aftercare-gateway"),
                "{overlay}: only the gateway takes ingress traffic"
            );
        }
    }
    for s in aftercare_contracts::Service::ALL {
        let p = policies
            .iter()
            .find(|p| selects(p, &format!("aftercare-{}", s.name())))
            .unwrap();
        let targets: Vec<String> = p["spec"]["egress"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|r| serde_yaml_ng::to_string(&r["to"][0]["podSelector"]["matchLabels"]).unwrap())
            .collect();
        assert_eq!(
            targets.len(),
            3,
            "{}: exactly NATS, its database and the collector",
            s.name()
        );
        assert!(
            targets
                .iter()
                .any(|t| t.contains(&format!("aftercare-{}-db", s.name()))),
            "{}",
            s.name()
        );
        assert!(
            !targets
                .iter()
                .any(|t| t.contains("-db") && !t.contains(&format!("aftercare-{}-db", s.name()))),
            "{}",
            s.name()
        );
    }

    // An address range in a rule is a range, never the whole internet: the notifier reaches
    // its providers' ranges only, which the overlay names.
    for p in &policies {
        for rule in p["spec"]["egress"].as_sequence().into_iter().flatten() {
            for to in rule["to"].as_sequence().into_iter().flatten() {
                if let Some(cidr) = to["ipBlock"]["cidr"].as_str() {
                    let prefix: u32 = cidr.split('/').nth(1).unwrap().parse().unwrap();
                    assert!(
                        prefix >= 8,
                        "{overlay}: {} lets its pods reach {cidr}",
                        p["metadata"]["name"].as_str().unwrap()
                    );
                }
            }
        }
    }

    // NATS: JetStream fsyncs before acknowledging; one user per role.
    let nats_cm = kind(docs, "ConfigMap")
        .into_iter()
        .find(|c| {
            c["metadata"]["name"]
                .as_str()
                .unwrap()
                .starts_with("aftercare-nats-config")
        })
        .unwrap();
    assert!(
        nats_cm["data"]["nats.conf"]
            .as_str()
            .unwrap()
            .contains("sync_interval: always"),
        "{overlay}"
    );
    assert_eq!(
        nats_cm["data"]["auth.conf"].as_str().unwrap(),
        aftercare_contracts::permissions::render_authorization()
    );

    // CloudNativePG clusters (the CRD schema is not available offline, so the fields the
    // roles rely on are checked here): a database and owner per service and the gateway.
    let roles_with_db = aftercare_contracts::Service::ALL
        .iter()
        .map(|s| s.name())
        .chain(["gateway"]);
    for s in roles_with_db {
        let c = named(docs, "Cluster", &format!("aftercare-{s}-db")).unwrap();
        assert!(c["spec"]["instances"].as_u64().unwrap() >= 1);
        assert!(c["spec"]["storage"]["size"].is_string());
        assert_eq!(c["spec"]["bootstrap"]["initdb"]["database"], s);
        assert_eq!(c["spec"]["bootstrap"]["initdb"]["owner"], s);
        let d = named(docs, "Deployment", &format!("aftercare-{s}")).unwrap();
        let env = d["spec"]["template"]["spec"]["containers"][0]["env"]
            .as_sequence()
            .unwrap();
        let db = env
            .iter()
            .find(|e| e["name"] == format!("AFTERCARE_{}_DATABASE_URL", s.to_uppercase()).as_str())
            .unwrap();
        assert_eq!(
            db["valueFrom"]["secretKeyRef"]["name"],
            format!("aftercare-{s}-db-app").as_str()
        );

        // Room for every replica's pool at the autoscaler's maximum, with 20 to spare for
        // the operator, its probes and a person with psql.
        let replicas = named(docs, "HorizontalPodAutoscaler", &format!("aftercare-{s}"))
            .map(|h| h["spec"]["maxReplicas"].as_u64().unwrap())
            .unwrap_or_else(|| d["spec"]["replicas"].as_u64().unwrap_or(1));
        let needed =
            replicas * u64::from(aftercare_platform::db::POSTGRES_POOL_MAX_CONNECTIONS) + 20;
        let allowed: u64 = c["spec"]["postgresql"]["parameters"]["max_connections"]
            .as_str()
            .unwrap_or_else(|| {
                panic!("{overlay}: {s}'s database leaves max_connections at the default")
            })
            .parse()
            .unwrap();
        assert!(
            allowed >= needed,
            "{overlay}: {s}'s database allows {allowed} connections, {replicas} replicas need {needed}"
        );

        // Backed up: WAL archived continuously to an object store kept for a stated window,
        // and a scheduled base backup through the same plugin.
        let plugin = c["spec"]["plugins"]
            .as_sequence()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == "barman-cloud.cloudnative-pg.io")
            .unwrap_or_else(|| panic!("{overlay}: {s}'s database is not backed up"));
        assert_eq!(plugin["isWALArchiver"], true, "{overlay}: {s}");
        let store_name = plugin["parameters"]["barmanObjectName"].as_str().unwrap();
        let store = named(docs, "ObjectStore", store_name)
            .unwrap_or_else(|| panic!("{overlay}: no ObjectStore {store_name}"));
        let retention = store["spec"]["retentionPolicy"].as_str().unwrap();
        assert!(
            retention.ends_with('d') || retention.ends_with('w') || retention.ends_with('m'),
            "{overlay}: {store_name} keeps backups for {retention:?}"
        );
        assert!(
            store["spec"]["configuration"]["destinationPath"]
                .as_str()
                .unwrap()
                .ends_with(&format!("/{s}")),
            "{overlay}: each database in its own folder"
        );
        let scheduled = kind(docs, "ScheduledBackup")
            .into_iter()
            .find(|b| b["spec"]["cluster"]["name"] == format!("aftercare-{s}-db").as_str())
            .unwrap_or_else(|| panic!("{overlay}: no ScheduledBackup of {s}'s database"));
        assert_eq!(scheduled["spec"]["method"], "plugin");
        assert_eq!(
            scheduled["spec"]["pluginConfiguration"]["name"],
            "barman-cloud.cloudnative-pg.io"
        );
        // CloudNativePG's schedule has six fields, seconds first.
        assert_eq!(
            scheduled["spec"]["schedule"]
                .as_str()
                .unwrap()
                .split_whitespace()
                .count(),
            6,
            "{overlay}: {s}"
        );
    }

    // The gateway signs access tokens with keys from a mounted Secret, read-only, never
    // from its database; every replica mounts the same Secret.
    let g = named(docs, "Deployment", "aftercare-gateway").unwrap();
    let pod = &g["spec"]["template"]["spec"];
    let container = &pod["containers"][0];
    let key_file = container["env"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "AFTERCARE_JWT_SIGNING_KEY_FILE")
        .unwrap_or_else(|| panic!("{overlay}: no signing key file"));
    let volume = pod["volumes"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|v| v["secret"]["secretName"] == "aftercare-jwt-signing-key")
        .unwrap_or_else(|| panic!("{overlay}: no signing key Secret"));
    let mount = container["volumeMounts"]
        .as_sequence()
        .unwrap()
        .iter()
        .find(|m| m["name"] == volume["name"])
        .unwrap();
    assert_eq!(mount["readOnly"], true, "{overlay}");
    assert!(
        key_file["value"]
            .as_str()
            .unwrap()
            .starts_with(mount["mountPath"].as_str().unwrap()),
        "{overlay}"
    );
}

#[test]
fn the_overlays_meet_the_deployment_policy() {
    for overlay in ["dev", "prod"] {
        let Some((_file, docs)) = render(overlay) else {
            return;
        };
        policy_checks(overlay, &docs);
        let config = kind(&docs, "ConfigMap")
            .into_iter()
            .find(|c| {
                c["metadata"]["name"]
                    .as_str()
                    .unwrap()
                    .starts_with("aftercare-config")
            })
            .unwrap();
        let nats = named(&docs, "StatefulSet", "aftercare-nats").unwrap();
        let environment = if overlay == "prod" {
            "production"
        } else {
            "development"
        };
        assert_eq!(
            config["data"]["OTEL_RESOURCE_ATTRIBUTES"],
            format!("deployment.environment.name={environment}").as_str(),
            "{overlay}"
        );
        if overlay == "prod" {
            assert_eq!(config["data"]["AFTERCARE_STREAM_REPLICAS"], "3");
            assert_eq!(nats["spec"]["replicas"], 3);
            for role in binary_roles() {
                assert!(
                    named(&docs, "PodDisruptionBudget", &format!("aftercare-{role}")).is_some(),
                    "prod PDB for {role}"
                );
                assert!(
                    named(
                        &docs,
                        "HorizontalPodAutoscaler",
                        &format!("aftercare-{role}")
                    )
                    .is_some(),
                    "prod HPA for {role}"
                );
                assert_eq!(
                    named(&docs, "Deployment", &format!("aftercare-{role}")).unwrap()["spec"]["replicas"],
                    2
                );
            }
        } else {
            assert_eq!(config["data"]["AFTERCARE_STREAM_REPLICAS"], "1");
            assert_eq!(nats["spec"]["replicas"], 1);
            assert!(kind(&docs, "HorizontalPodAutoscaler").is_empty());
        }
    }
}

#[test]
fn the_gateway_trusts_only_the_ingress_for_client_addresses_and_keeps_health_off_the_ingress() {
    for overlay in ["dev", "prod"] {
        let Some((_file, docs)) = render(overlay) else {
            return;
        };
        let config = kind(&docs, "ConfigMap")
            .into_iter()
            .find(|c| {
                c["metadata"]["name"]
                    .as_str()
                    .unwrap()
                    .starts_with("aftercare-config")
            })
            .unwrap();
        let trusted = config["data"]["AFTERCARE_TRUSTED_PROXIES"]
            .as_str()
            .unwrap_or_else(|| panic!("{overlay}: AFTERCARE_TRUSTED_PROXIES is not set"));
        for range in trusted.split(',') {
            let range = range.trim();
            assert!(
                range.contains('/') && range != "0.0.0.0/0" && range != "::/0",
                "{overlay}: {range:?} must be the ingress controller's pod range"
            );
        }
        // The Ingress reaches only the API port; probes use the health port, which `run`
        // serves /healthz, /readyz and /metrics on (the API port does not).
        let gateway = named(&docs, "Deployment", "aftercare-gateway").unwrap();
        let c = &gateway["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(c["args"][0], "run", "{overlay}");
        for probe in ["startupProbe", "readinessProbe", "livenessProbe"] {
            assert_eq!(c[probe]["httpGet"]["port"], "health", "{overlay} {probe}");
        }
        let service = named(&docs, "Service", "aftercare-gateway").unwrap();
        for port in service["spec"]["ports"].as_sequence().unwrap() {
            assert_eq!(
                port["targetPort"], "http",
                "{overlay}: the Service exposes only the API"
            );
        }
        for ingress in kind(&docs, "Ingress") {
            for rule in ingress["spec"]["rules"].as_sequence().unwrap() {
                for path in rule["http"]["paths"].as_sequence().unwrap() {
                    assert_eq!(path["backend"]["service"]["name"], "aftercare-gateway");
                    assert_eq!(path["backend"]["service"]["port"]["name"], "http");
                }
            }
        }
    }
}

#[test]
fn the_compose_file_runs_every_role_against_durable_nats_postgres_and_a_trace_viewer() {
    let text = std::fs::read_to_string(root().join("deploy/compose.yaml")).unwrap();
    let mut doc: Value = serde_yaml_ng::from_str(&text).unwrap();
    doc.apply_merge().unwrap();
    let services = doc["services"].as_mapping().unwrap().clone();
    for infra in ["nats", "postgres", "otel-collector", "jaeger"] {
        assert!(services.contains_key(infra), "compose lacks {infra}");
    }
    for role in binary_roles() {
        let mut s = services
            .get(role.as_str())
            .cloned()
            .unwrap_or_else(|| panic!("compose lacks {role}"));
        s.apply_merge().unwrap();
        assert_eq!(
            s["command"],
            Value::from(vec!["run", role.as_str()]),
            "{role}"
        );
        assert!(s["build"].is_mapping() || s["image"].is_string(), "{role}");
    }
    let nats_conf = std::fs::read_to_string(root().join("deploy/nats/nats.conf")).unwrap();
    assert!(nats_conf.contains("sync_interval: always"));
    let containerfile = std::fs::read_to_string(root().join("deploy/Containerfile")).unwrap();
    assert!(
        containerfile
            .lines()
            .filter(|l| l.starts_with("FROM "))
            .count()
            >= 2,
        "multi-stage"
    );
    assert!(
        containerfile
            .lines()
            .any(|l| l.starts_with("USER ") && !l.contains("root")),
        "runs as a non-root user"
    );
}

/// The image embeds the web console: a Node stage builds it from the lockfile and the Rust
/// stage gets its `dist` before `cargo build`; node_modules never enters the build context.
#[test]
fn the_image_builds_the_console_before_the_binary() {
    let containerfile = std::fs::read_to_string(root().join("deploy/Containerfile")).unwrap();
    let node = containerfile
        .find("FROM docker.io/library/node:")
        .expect("a Node build stage");
    let ci = containerfile
        .find("npm ci")
        .expect("npm ci from the lockfile");
    let copy = containerfile
        .find("COPY --from=console /src/services/console/dist services/console/dist")
        .expect("the console's dist copied into the Rust stage");
    let cargo = containerfile
        .find("cargo build --release")
        .expect("cargo build");
    assert!(node < ci && ci < copy && copy < cargo);
    for ignore in [".containerignore", ".dockerignore"] {
        let text = std::fs::read_to_string(root().join(ignore)).unwrap();
        assert!(
            text.lines()
                .any(|l| l.trim() == "services/console/node_modules"),
            "{ignore}"
        );
    }
}

#[test]
fn the_prod_ingress_serves_its_host_over_tls_from_a_cert_manager_secret() {
    let Some((_, docs)) = render("prod") else {
        return;
    };
    let ingress = named(&docs, "Ingress", "aftercare").unwrap();
    let hosts: Vec<&Value> = ingress["spec"]["rules"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|r| &r["host"])
        .collect();
    let tls = ingress["spec"]["tls"]
        .as_sequence()
        .expect("a tls: section");
    assert_eq!(tls.len(), 1);
    assert_eq!(tls[0]["secretName"], "aftercare-tls");
    for h in hosts {
        assert!(
            tls[0]["hosts"].as_sequence().unwrap().contains(h),
            "{h:?} is not covered by the certificate"
        );
    }
    assert!(
        ingress["metadata"]["annotations"]["cert-manager.io/cluster-issuer"].is_string(),
        "cert-manager issues the certificate"
    );
}

/// The `aftercare_…` metric names a PromQL expression reads.
fn metric_names(expr: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = expr;
    while let Some(at) = rest.find("aftercare_") {
        let tail = &rest[at..];
        let end = tail
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        names.push(tail[..end].to_owned());
        rest = &tail[end..];
    }
    names
}

/// Whether `name` is a series of a metric the code registers (a histogram's by its
/// `_bucket`, `_sum` or `_count`).
fn registered(name: &str) -> bool {
    use aftercare_platform::metrics::{Kind, METRICS};
    METRICS.iter().any(|m| {
        m.name == name
            || (m.kind == Kind::Histogram
                && ["_bucket", "_sum", "_count"]
                    .iter()
                    .any(|s| name.strip_suffix(s) == Some(m.name)))
    })
}

/// The expressions of the alert rules (by alert name) and of the dashboard's panels and
/// variables (by title).
fn monitoring_expressions() -> Vec<(String, String)> {
    let dir = root().join("k8s/components/monitoring");
    let rules: Value =
        serde_yaml_ng::from_str(&std::fs::read_to_string(dir.join("alerts.yaml")).unwrap())
            .unwrap();
    let mut exprs = Vec::new();
    for group in rules["spec"]["groups"].as_sequence().unwrap() {
        for rule in group["rules"].as_sequence().unwrap() {
            exprs.push((
                format!("alert {}", rule["alert"].as_str().unwrap()),
                rule["expr"].as_str().unwrap().to_owned(),
            ));
        }
    }
    let dashboard: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("dashboard.json")).unwrap())
            .unwrap();
    for panel in dashboard["panels"].as_array().unwrap() {
        for target in panel["targets"].as_array().into_iter().flatten() {
            exprs.push((
                format!("panel {}", panel["title"].as_str().unwrap()),
                target["expr"].as_str().unwrap().to_owned(),
            ));
        }
    }
    for var in dashboard["templating"]["list"].as_array().unwrap() {
        if let Some(q) = var["query"]["query"].as_str() {
            exprs.push((
                format!("variable {}", var["name"].as_str().unwrap()),
                q.to_owned(),
            ));
        }
    }
    exprs
}

#[test]
fn every_metric_an_alert_or_a_dashboard_panel_reads_is_one_the_code_registers() {
    let exprs = monitoring_expressions();
    assert!(
        exprs.len() > 10,
        "the rules and panels were read: {exprs:?}"
    );
    let mut read = std::collections::BTreeSet::new();
    for (what, expr) in &exprs {
        let names = metric_names(expr);
        assert!(
            !names.is_empty() || expr.starts_with("up{"),
            "{what} reads no Aftercare metric: {expr}"
        );
        for name in names {
            assert!(
                registered(&name),
                "{what} reads {name}, which shared/platform/src/metrics.rs does not register"
            );
            read.insert(name);
        }
    }
    // The golden signals are all on the operator's view.
    for signal in [
        "aftercare_http_request_duration_seconds_bucket",
        "aftercare_http_request_duration_seconds_count",
        "aftercare_requests_total",
        "aftercare_request_errors_total",
        "aftercare_events_dead_lettered_total",
        "aftercare_consumer_pending_messages",
        "aftercare_outbox_oldest_pending_age_seconds",
        "aftercare_db_pool_connections",
        "aftercare_job_runs_total",
    ] {
        assert!(read.contains(signal), "nothing reads {signal}");
    }
    assert!(!registered("aftercare_no_such_metric_total"));
    assert!(!registered("aftercare_db_commits_total_bucket"));
}

#[test]
fn both_overlays_scrape_every_role_and_ship_the_alerts_and_the_dashboard() {
    for overlay in ["dev", "prod"] {
        let Some((_file, docs)) = render(overlay) else {
            return;
        };
        let monitor = named(&docs, "PodMonitor", "aftercare").unwrap();
        let endpoint = &monitor["spec"]["podMetricsEndpoints"][0];
        assert_eq!(endpoint["port"], "health", "{overlay}");
        assert_eq!(endpoint["path"], "/metrics", "{overlay}");
        assert_eq!(
            monitor["spec"]["selector"]["matchLabels"]["app.kubernetes.io/part-of"],
            "aftercare"
        );
        let roles: Vec<_> = kind(&docs, "Deployment")
            .into_iter()
            .filter(|d| {
                let pod = &d["spec"]["template"]["metadata"]["labels"];
                pod["app.kubernetes.io/part-of"] == "aftercare"
                    && !pod["app.kubernetes.io/component"].is_null()
            })
            .collect();
        assert!(roles.len() >= 6, "{overlay}: every role is scraped");
        for deployment in roles {
            let ports = deployment["spec"]["template"]["spec"]["containers"][0]["ports"]
                .as_sequence()
                .unwrap();
            assert!(
                ports.iter().any(|p| p["name"] == "health"),
                "{overlay}: {} has no health port to scrape",
                deployment["metadata"]["name"].as_str().unwrap()
            );
        }
        assert!(
            !kind(&docs, "PrometheusRule").is_empty(),
            "{overlay}: no alert rules"
        );
        let dashboard = kind(&docs, "ConfigMap")
            .into_iter()
            .find(|c| {
                c["metadata"]["name"]
                    .as_str()
                    .unwrap()
                    .starts_with("aftercare-dashboard")
            })
            .unwrap_or_else(|| panic!("{overlay}: no dashboard"));
        assert_eq!(dashboard["metadata"]["labels"]["grafana_dashboard"], "1");
        let json: serde_json::Value =
            serde_json::from_str(dashboard["data"]["aftercare.json"].as_str().unwrap()).unwrap();
        assert_eq!(json["uid"], "aftercare-golden-signals");
    }
}

/// The version `deploy/install-tools.sh` pins for the tests' nats-server.
fn tested_nats_version() -> String {
    let script = std::fs::read_to_string(root().join("deploy/install-tools.sh")).unwrap();
    script
        .lines()
        .find_map(|l| l.strip_prefix("NATS_VERSION="))
        .expect("install-tools.sh pins NATS_VERSION")
        .trim()
        .to_owned()
}

#[test]
fn the_nats_servers_run_the_tested_version_with_a_config_it_accepts() {
    aftercare_testkit::use_project_tools();
    let server = std::env::var_os("AFTERCARE_NATS_SERVER").map(PathBuf::from);
    for overlay in ["dev", "prod"] {
        let Some((_file, docs)) = render(overlay) else {
            return;
        };
        let nats = named(&docs, "StatefulSet", "aftercare-nats").unwrap();
        let c = &nats["spec"]["template"]["spec"]["containers"][0];
        assert_eq!(
            c["image"].as_str().unwrap(),
            format!("docker.io/library/nats:{}-alpine", tested_nats_version()),
            "{overlay}: the image runs the version the tests run"
        );
        let cm = kind(&docs, "ConfigMap")
            .into_iter()
            .find(|c| {
                c["metadata"]["name"]
                    .as_str()
                    .unwrap()
                    .starts_with("aftercare-nats-config")
            })
            .unwrap();
        let conf = cm["data"]["nats.conf"].as_str().unwrap();
        // Lame duck on the way down: the preStop hook signals the pid in the file the
        // server writes, on a volume the container can write.
        let pid_file = conf
            .lines()
            .find_map(|l| l.trim().strip_prefix("pid_file:"))
            .unwrap_or_else(|| {
                panic!("{overlay}: no pid_file, so the preStop hook finds no server")
            })
            .trim();
        let pre_stop = c["lifecycle"]["preStop"]["exec"]["command"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            pre_stop.contains(&format!("-sl=ldm={pid_file}")),
            "{overlay}: preStop {pre_stop:?} does not signal {pid_file}"
        );
        let pid_dir = std::path::Path::new(pid_file).parent().unwrap();
        assert!(
            c["volumeMounts"]
                .as_sequence()
                .unwrap()
                .iter()
                .any(|m| std::path::Path::new(m["mountPath"].as_str().unwrap()) == pid_dir),
            "{overlay}: {} is not a writable volume",
            pid_dir.display()
        );
        assert!(
            conf.contains("max_memory_store: 0"),
            "{overlay}: streams are on file only"
        );
        let cluster = cm["data"]["cluster.conf"].as_str().unwrap();
        if overlay == "prod" {
            assert!(
                cluster.contains("no_advertise: true"),
                "prod: the nodes do not advertise pod addresses to clients"
            );
        }

        // The pinned server itself reads the rendered configuration (with every variable it
        // names set, as the StatefulSet's environment sets them).
        let Some(server) = &server else {
            eprintln!(
                "SKIPPED: nats-server is not installed (deploy/install-tools.sh installs it)"
            );
            continue;
        };
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in cm["data"].as_mapping().unwrap() {
            std::fs::write(
                dir.path().join(name.as_str().unwrap()),
                text.as_str().unwrap(),
            )
            .unwrap();
        }
        let mut check = Command::new(server);
        check.arg("-t").arg("-c").arg(dir.path().join("nats.conf"));
        for e in c["env"].as_sequence().unwrap() {
            check.env(e["name"].as_str().unwrap(), "checked-offline");
        }
        let out = check.output().unwrap();
        assert!(
            out.status.success(),
            "{overlay}: nats-server -t refuses the configuration: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_collector_labels_every_span_with_its_pod_and_reads_only_its_namespace() {
    for overlay in ["dev", "prod"] {
        let Some((_file, docs)) = render(overlay) else {
            return;
        };
        let d = named(&docs, "Deployment", "aftercare-otel-collector").unwrap();
        let image = d["spec"]["template"]["spec"]["containers"][0]["image"]
            .as_str()
            .unwrap();
        // The Kubernetes distribution carries the processor, under the name k8s_attributes
        // (older releases called it k8sattributes); kept at a 2026 release or later.
        let (name, version) = image.rsplit_once(':').unwrap();
        assert_eq!(
            name, "docker.io/otel/opentelemetry-collector-k8s",
            "{overlay}"
        );
        let minor: u32 = version.split('.').nth(1).unwrap().parse().unwrap();
        assert!(minor >= 160, "{overlay}: collector {version} is too old");

        let cm = kind(&docs, "ConfigMap")
            .into_iter()
            .find(|c| {
                c["metadata"]["name"]
                    .as_str()
                    .unwrap()
                    .starts_with("aftercare-otel-collector-config")
            })
            .unwrap();
        let config: Value =
            serde_yaml_ng::from_str(cm["data"]["config.yaml"].as_str().unwrap()).unwrap();
        let k8s = &config["processors"]["k8s_attributes"];
        assert_eq!(k8s["filter"]["namespace"], "aftercare", "{overlay}");
        let metadata = k8s["extract"]["metadata"].as_sequence().unwrap();
        for attr in [
            "k8s.pod.name",
            "k8s.deployment.name",
            "k8s.namespace.name",
            "k8s.node.name",
        ] {
            assert!(metadata.iter().any(|m| m == attr), "{overlay}: {attr}");
        }
        assert!(
            config["service"]["pipelines"]["traces"]["processors"]
                .as_sequence()
                .unwrap()
                .iter()
                .any(|p| p == "k8s_attributes"),
            "{overlay}: the traces pipeline uses k8s_attributes"
        );
        // Its token reads pods and ReplicaSets in this namespace only: a Role, no ClusterRole.
        assert!(kind(&docs, "ClusterRole").is_empty(), "{overlay}");
        assert!(kind(&docs, "ClusterRoleBinding").is_empty(), "{overlay}");
        let readers = api_readers(&docs);
        assert_eq!(
            readers.len(),
            1,
            "{overlay}: only the collector reads the API"
        );
        assert_eq!(readers[0].0, "aftercare-otel-collector");
    }
}
