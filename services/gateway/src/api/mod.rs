//! The `/api/v1` routes. Handlers read and check their input, apply the object-level
//! rules (whose objects the caller may see), call the owning service over NATS and
//! shape the answer; no domain rule lives here. Each service's module declares its
//! operations next to its handlers (see [`operation`]); this module puts them together.
pub(crate) mod attachments;
pub(crate) mod auth;
pub(crate) mod billing;
pub(crate) mod calendar;
pub(crate) mod calls;
pub(crate) mod customers;
pub(crate) mod dead_letters;
pub(crate) mod dispatch;
pub(crate) mod forward;
pub(crate) mod inventory;
pub(crate) mod live;
pub(crate) mod machine_visits;
pub(crate) mod map;
pub(crate) mod messages;
pub(crate) mod model;
pub(crate) mod notes;
pub(crate) mod operation;
pub(crate) mod preferences;
pub(crate) mod query;
pub(crate) mod roles;
pub(crate) mod selfservice;
pub(crate) mod survey;
pub(crate) mod tickets;
pub(crate) mod visibility;
pub(crate) mod workshop;

use axum::Router;
use axum::routing::MethodRouter;

use crate::state::AppState;
use operation::{Operation, Route};

/// Every declared operation with its handler, in the order the reference lists them.
fn declared() -> impl Iterator<Item = Route> {
    [
        auth::signing_in(),
        preferences::routes(),
        map::routes(),
        auth::accounts(),
        tickets::routes(),
        notes::routes(),
        customers::routes(),
        selfservice::routes(),
        dispatch::routes(),
        workshop::routes(),
        attachments::routes(),
        inventory::routes(),
        billing::routes(),
        survey::routes(),
        calls::routes(),
        messages::routes(),
        live::routes(),
        dead_letters::routes(),
        calendar::routes(),
    ]
    .into_iter()
    .flat_map(|r| r.routes)
}

/// Every operation under `/api/v1`, for the reference and the permission matrix.
pub(crate) fn operations() -> Vec<Operation> {
    declared().map(|r| r.op).collect()
}

/// The routes under `/api/v1`: each declared operation at its path, with its metadata
/// attached for `guard`, which `guard` wraps around the handler.
pub(crate) fn routes(
    guard: impl Fn(MethodRouter<AppState>) -> MethodRouter<AppState>,
) -> Router<AppState> {
    declared().fold(Router::new(), |router, route| {
        let (path, endpoint) = route.guarded(&guard);
        router.route(path, endpoint)
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use aftercare_contracts::Role;
    use axum::body::Body as HttpBody;
    use axum::http::{Method, Request, StatusCode, header};
    use tower::ServiceExt;

    use super::operation::{Access, Kind};
    use super::*;
    use crate::identity::keys::SigningKeySource;
    use crate::{Gateway, GatewayConfig};

    #[test]
    fn operation_ids_and_routes_are_unique() {
        let ops = operations();
        let ids: HashSet<_> = ops.iter().map(|o| o.id).collect();
        assert_eq!(ids.len(), ops.len());
        let routes: HashSet<_> = ops.iter().map(|o| (o.method.clone(), o.path)).collect();
        assert_eq!(routes.len(), ops.len());
    }

    #[test]
    fn creating_posts_and_updates_are_posts_and_reads_are_gets() {
        for o in operations() {
            match o.kind {
                Kind::Read => assert_eq!(o.method, Method::GET, "{}", o.id),
                Kind::Create | Kind::Update | Kind::Action => {
                    assert_eq!(o.method, Method::POST, "{}", o.id)
                }
            }
            assert!(!o.summary.is_empty(), "{}", o.id);
            if o.ticket_code {
                assert!(!matches!(o.access, Access::Public), "{}", o.id);
            }
        }
    }

    #[test]
    fn only_signing_in_self_service_and_the_answer_form_are_public() {
        let ops = operations();
        let public: Vec<_> = ops
            .iter()
            .filter(|o| matches!(o.access, Access::Public))
            .map(|o| o.id)
            .collect();
        assert_eq!(
            public,
            [
                "signIn",
                "refreshToken",
                "requestTicketCode",
                "redeemTicketCode",
                "getAnswerForm",
                "answerByLink"
            ]
        );
        let dead_letters = ops
            .iter()
            .find(|o| o.id == "listDeadLetters")
            .expect("listDeadLetters");
        assert!(!dead_letters.access.allows(Role::Agent));
        assert!(dead_letters.access.allows(Role::Admin));
    }

    /// The path of `template` with every `{parameter}` filled in.
    fn concrete(template: &str) -> String {
        template
            .split('/')
            .map(|s| {
                if s.starts_with('{') {
                    "018f0000-0000-7000-8000-000000000001"
                } else {
                    s
                }
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Every declared operation is served at its method and path, behind the guard with
    /// its own access: without credentials a non-public one is 401 (`HEAD` as `GET`),
    /// and a public one is let through to its handler.
    #[tokio::test(flavor = "multi_thread")]
    async fn every_declared_operation_is_routed_behind_the_guard() {
        let nats = aftercare_testkit::NatsServer::start().await.expect("nats");
        let bus = aftercare_platform::Bus::connect(&nats.url(), "gateway-test")
            .await
            .expect("bus");
        let dir = tempfile::tempdir().expect("dir");
        let config = GatewayConfig {
            listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: format!("sqlite://{}/gateway.db", dir.path().display()),
            request_timeout: std::time::Duration::from_millis(500),
            admin_password: Some("Correct-Horse-Battery-7".into()),
            rate_limit_per_sec: 0,
            signing_keys: SigningKeySource::Generated(dir.path().join("signing.key")),
            serve_health: false,
            ..GatewayConfig::default()
        };
        let health = aftercare_platform::health::Health::default();
        let gateway = Gateway::build(bus, config, &health).await.expect("gateway");
        for op in operations() {
            let mut methods = vec![op.method.clone()];
            if op.method == Method::GET {
                methods.push(Method::HEAD);
            }
            for method in methods {
                let request = Request::builder()
                    .method(method.clone())
                    .uri(format!("/api/v1{}", concrete(op.path)))
                    .header(header::CONTENT_TYPE, "application/json")
                    .body(HttpBody::from("{}"))
                    .expect("request");
                let answer = gateway
                    .router
                    .clone()
                    .oneshot(request)
                    .await
                    .expect("answer");
                let status = answer.status();
                if matches!(op.access, Access::Public) {
                    assert!(
                        ![
                            StatusCode::UNAUTHORIZED,
                            StatusCode::FORBIDDEN,
                            StatusCode::NOT_FOUND,
                            StatusCode::METHOD_NOT_ALLOWED
                        ]
                        .contains(&status),
                        "{method} {}: {status}",
                        op.id
                    );
                } else {
                    assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {}", op.id);
                }
            }
        }
    }
}
