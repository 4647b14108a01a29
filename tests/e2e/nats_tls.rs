//! S7: NATS over TLS with client certificates. A server that requires TLS and verifies
//! clients refuses plain text, a client that trusts another CA and a client without a
//! certificate; the process's own connection (`Bus::connect_tls`, what `aftercare run`
//! uses with `AFTERCARE_NATS_CA_FILE`, `_CERT_FILE`, `_KEY_FILE`) connects.
use std::path::Path;
use std::process::Command;

use aftercare_platform::Bus;
use aftercare_platform::bus::NatsTls;
use aftercare_testkit::NatsServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A CA (`<name>-ca.pem`) and, signed by it, a certificate `<leaf>.pem` with `ext`.
fn ca(dir: &Path, name: &str) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            &format!("{name}-ca.key"),
            "-out",
            &format!("{name}-ca.pem"),
            "-days",
            "2",
            "-subj",
            &format!("/CN={name} test CA"),
        ],
    );
}

fn leaf(dir: &Path, ca: &str, leaf: &str, ext: &str) {
    std::fs::write(dir.join(format!("{leaf}.ext")), ext).unwrap();
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            &format!("{leaf}.key"),
            "-out",
            &format!("{leaf}.csr"),
            "-subj",
            &format!("/CN={leaf}"),
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            &format!("{leaf}.csr"),
            "-CA",
            &format!("{ca}-ca.pem"),
            "-CAkey",
            &format!("{ca}-ca.key"),
            "-CAcreateserial",
            "-out",
            &format!("{leaf}.pem"),
            "-days",
            "2",
            "-extfile",
            &format!("{leaf}.ext"),
        ],
    );
}

#[tokio::test]
async fn s7_nats_tls_refuses_plain_text_a_wrong_ca_and_a_missing_client_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ca(d, "good");
    ca(d, "other");
    leaf(
        d,
        "good",
        "server",
        "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n",
    );
    leaf(d, "good", "client", "extendedKeyUsage=clientAuth\n");
    leaf(d, "other", "stranger", "extendedKeyUsage=clientAuth\n");
    let p = |f: &str| d.join(f).display().to_string();
    let nats = NatsServer::start_with(
        &format!(
            "tls {{\n  cert_file: \"{}\"\n  key_file: \"{}\"\n  ca_file: \"{}\"\n  verify: true\n  timeout: 2\n}}\n",
            p("server.pem"),
            p("server.key"),
            p("good-ca.pem")
        ),
        &[],
    )
    .await
    .unwrap();
    let url = nats.url();
    let tls = |ca: &str, cert: Option<&str>| NatsTls {
        ca_file: Some(d.join(ca)),
        cert_file: cert.map(|c| d.join(format!("{c}.pem"))),
        key_file: cert.map(|c| d.join(format!("{c}.key"))),
    };

    // Plain text: the server demands TLS before anything else; a client that speaks plain
    // text gets no PONG. The process without TLS settings does not connect either.
    let addr = url.trim_start_matches("nats://").to_owned();
    let mut raw = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let mut info = vec![0u8; 4096];
    let n = raw.read(&mut info).await.unwrap();
    let info = String::from_utf8_lossy(&info[..n]).to_string();
    assert!(info.contains("\"tls_required\":true"), "{info}");
    let _ = raw
        .write_all(b"CONNECT {\"verbose\":false}\r\nPING\r\n")
        .await;
    let mut reply = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        raw.read_to_end(&mut reply),
    )
    .await;
    assert!(
        !String::from_utf8_lossy(&reply).contains("PONG"),
        "plain text was served"
    );
    assert!(Bus::connect(&url, "plain").await.is_err());

    // The server's certificate does not chain to the CA the client trusts.
    assert!(
        Bus::connect_tls(&url, "wrong-ca", None, &tls("other-ca.pem", Some("client")))
            .await
            .is_err(),
        "a client trusting another CA connected"
    );
    // No client certificate.
    assert!(
        Bus::connect_tls(&url, "no-cert", None, &tls("good-ca.pem", None))
            .await
            .is_err(),
        "a client without a certificate connected"
    );
    // A client certificate from another CA.
    assert!(
        Bus::connect_tls(
            &url,
            "stranger",
            None,
            &tls("good-ca.pem", Some("stranger"))
        )
        .await
        .is_err(),
        "a client certificate from another CA was accepted"
    );
    // The right CA and certificate: connected, JetStream answers.
    let bus = Bus::connect_tls(&url, "right", None, &tls("good-ca.pem", Some("client")))
        .await
        .expect("the right certificate connects");
    assert!(bus.connected());
    bus.js.query_account().await.expect("JetStream over TLS");
}

/// PostgreSQL URLs may ask for TLS (`sslmode=require`, `verify-full` with `sslrootcert`):
/// sqlx is built with rustls, so the request reaches the server, which here (a test server
/// without certificates) declines it; before, the driver refused before connecting.
#[tokio::test]
async fn postgres_urls_may_ask_for_tls() {
    let pg = aftercare_testkit::Postgres::start().expect("postgres");
    let url = pg.create_database("tls_probe").await.expect("database");
    let sep = if url.contains('?') { '&' } else { '?' };
    let Err(err) =
        aftercare_platform::Db::connect(&format!("{url}{sep}sslmode=require"), "tls").await
    else {
        panic!("the test server has no certificate, yet TLS was required and it connected");
    };
    let msg = err.to_string();
    assert!(!msg.contains("without TLS support"), "{msg}");
    let db = aftercare_platform::Db::connect(&format!("{url}{sep}sslmode=prefer"), "tls")
        .await
        .expect("prefer falls back when the server has no TLS");
    db.ping().await.unwrap();
    db.close().await;
}
