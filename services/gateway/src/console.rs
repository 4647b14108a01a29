//! The web console served at `/`: the files `npm run build` wrote to
//! `services/console/dist`, embedded at build time (see `build.rs`). Hashed assets are
//! cached for a year, `index.html` is revalidated on every load, and any other path that
//! is not under `/api` answers `index.html` so the console's own routes survive a reload.
//! The same build's API reference page (`api/docs.html`) is answered at `/api/docs`.
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

include!(concat!(env!("OUT_DIR"), "/console_assets.rs"));

/// Content-Security-Policy of the console: scripts only from this origin, API calls and
/// the live stream only to this origin. Styles may be inline because Ant Design writes
/// its CSS-in-JS into `<style>` elements at run time.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// [`CSP`] with images also allowed from the map's tile server (`tile_origin`, checked by
/// [`crate::api::map::tile_origin`]) when one is configured.
pub(crate) fn csp(tile_origin: Option<&str>) -> String {
    match tile_origin {
        Some(o) => CSP.replacen(
            "img-src 'self' data:;",
            &format!("img-src 'self' data: {o};"),
            1,
        ),
        None => CSP.to_owned(),
    }
}

/// Where the API reference page is in the console's build (`npm run build` writes it with
/// `vite.reference.config.ts`): Scalar's renderer of the served document, with try-it.
const REFERENCE_PAGE: &str = "api/docs.html";

/// Content-Security-Policy of the API reference at `/api/docs`: its scripts, the document
/// and try-it requests only from and to this origin, nothing embedded or framed. Styles may
/// be inline, on this page only, because Scalar's renderer writes its stylesheet and theme
/// into `<style>` elements at run time (the console's policy allows the same for Ant
/// Design's). No script runs inline and none is evaluated from text.
pub(crate) const REFERENCE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; \
frame-ancestors 'none'";

/// Shown at `/api/docs` when the binary was built without the console, which carries the
/// reference page.
const REFERENCE_NOT_BUILT: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Aftercare API reference: not built</title></head><body><h1>The API reference was not built</h1>\
<p>This <code>aftercare</code> binary was built without <code>services/console/dist</code>, which \
carries the reference page. The OpenAPI document is at \
<a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a>. Build the console, then the binary again:</p>\
<pre>cd services/console &amp;&amp; npm ci &amp;&amp; npm run build &amp;&amp; cd ../.. &amp;&amp; cargo build -p aftercare</pre>\
</body></html>";

/// `/api/docs`: the API reference page, revalidated on every load (it names the hashed
/// assets of the build).
pub(crate) async fn reference() -> Response {
    let body = find(REFERENCE_PAGE).unwrap_or(REFERENCE_NOT_BUILT.as_bytes());
    respond(StatusCode::OK, REFERENCE_PAGE, body, "no-cache")
}

/// Shown at `/` when the binary was built without the console.
const NOT_BUILT: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Aftercare: console not built</title></head><body><h1>The web console was not built</h1>\
<p>This <code>aftercare</code> binary was built without <code>services/console/dist</code>. \
Build the console, then the binary again:</p>\
<pre>cd services/console &amp;&amp; npm ci &amp;&amp; npm run build &amp;&amp; cd ../.. &amp;&amp; cargo build -p aftercare</pre>\
<p>or run <code>./deploy/up.sh</code>, which does both. The API is at <a href=\"/api/v1\">/api/v1</a> \
and its reference at <a href=\"/api/docs\">/api/docs</a>.</p></body></html>";

/// Whether this binary carries the console.
pub(crate) fn built() -> bool {
    find("index.html").is_some()
}

fn find(path: &str) -> Option<&'static [u8]> {
    ASSETS
        .binary_search_by(|(p, _)| (*p).cmp(path))
        .ok()
        .and_then(|i| ASSETS.get(i))
        .map(|(_, b)| *b)
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(status: StatusCode, path: &str, body: &'static [u8], cache: &'static str) -> Response {
    let mut r = (status, body).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(path)),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    r
}

/// Whether a path belongs to the console (everything that is not the API, its reference
/// or the callback answer form).
pub(crate) fn owns(path: &str) -> bool {
    !(path == "/api" || path.starts_with("/api/") || path.starts_with("/answer."))
}

/// The gateway's fallback: console files and routes; the API's unknown paths stay 404
/// problems.
pub(crate) async fn serve(req: Request) -> Response {
    let path = req.uri().path();
    if !owns(path) {
        return ApiError::Route(StatusCode::NOT_FOUND).into_response();
    }
    if req.method() != axum::http::Method::GET && req.method() != axum::http::Method::HEAD {
        return ApiError::Route(StatusCode::METHOD_NOT_ALLOWED).into_response();
    }
    let rel = path.trim_start_matches('/');
    if !rel.is_empty() && rel != "index.html" {
        if let Some(body) = find(rel) {
            let cache = if rel.starts_with("assets/") {
                "public, max-age=31536000, immutable"
            } else {
                "no-cache"
            };
            return respond(StatusCode::OK, rel, body, cache);
        }
        // A missing file (a name with an extension) is a 404, not the application.
        if rel
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'))
        {
            return ApiError::Route(StatusCode::NOT_FOUND).into_response();
        }
    }
    match find("index.html") {
        Some(index) => respond(StatusCode::OK, "index.html", index, "no-cache"),
        None => respond(
            StatusCode::OK,
            "index.html",
            NOT_BUILT.as_bytes(),
            "no-cache",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_and_the_answer_form_are_not_the_consoles() {
        assert!(!owns("/api/v1/tickets"));
        assert!(!owns("/api"));
        assert!(!owns("/answer.html"));
        assert!(owns("/"));
        assert!(owns("/desk/queue"));
        assert!(owns("/apiary"));
    }

    /// The console's typed client is generated from a snapshot of the served document;
    /// this fails when the gateway's API changed and the snapshot was not regenerated.
    #[test]
    fn the_console_snapshot_of_the_api_is_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../console/src/api/openapi.json");
        let served = crate::openapi::document();
        if std::env::var_os("UPDATE_SCHEMAS").is_some() {
            let text = serde_json::to_string_pretty(&served).expect("render") + "\n";
            std::fs::write(&path, text).expect("write the console's snapshot");
            return;
        }
        let text = std::fs::read_to_string(&path).expect("services/console/src/api/openapi.json");
        let snapshot: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert!(
            snapshot == served,
            "services/console/src/api/openapi.json is stale: run `cd services/console && npm run api:generate` \
             (or UPDATE_SCHEMAS=1 cargo test -p aftercare-gateway, then npm run api:generate)"
        );
    }

    fn get(path: &str) -> Request {
        Request::builder()
            .uri(path)
            .body(axum::body::Body::empty())
            .expect("request")
    }

    fn header(r: &Response, name: header::HeaderName) -> String {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    async fn text(r: Response) -> String {
        let b = axum::body::to_bytes(r.into_body(), 16 << 20)
            .await
            .expect("body");
        String::from_utf8_lossy(&b).into_owned()
    }

    #[tokio::test]
    async fn client_routes_get_the_application_revalidated_every_time() {
        for path in [
            "/",
            "/desk",
            "/queue/anything?ticket=T2026-000001",
            "/index.html",
        ] {
            let r = serve(get(path)).await;
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            assert_eq!(header(&r, header::CACHE_CONTROL), "no-cache", "{path}");
            assert!(header(&r, header::CONTENT_TYPE).starts_with("text/html"));
            let body = text(r).await;
            if built() {
                assert!(body.contains("<div id=\"root\">"), "{path}");
                assert!(!body.contains("<script>"), "no inline script");
            } else {
                assert!(body.contains("console was not built"), "{path}");
                assert!(body.contains("npm run build"));
            }
        }
    }

    #[tokio::test]
    async fn the_api_and_missing_files_are_not_answered_with_the_application() {
        for path in [
            "/api/v1/nothing-here",
            "/api",
            "/assets/missing-0000.js",
            "/favicon.ico",
        ] {
            let r = serve(get(path)).await;
            assert_eq!(r.status(), StatusCode::NOT_FOUND, "{path}");
            assert!(header(&r, header::CONTENT_TYPE).starts_with("application/problem+json"));
        }
        let post = Request::builder()
            .method("POST")
            .uri("/desk")
            .body(axum::body::Body::empty())
            .expect("request");
        assert_eq!(serve(post).await.status(), StatusCode::METHOD_NOT_ALLOWED);
    }

    #[tokio::test]
    async fn hashed_assets_are_cached_for_a_year() {
        let Some((path, bytes)) = ASSETS.iter().find(|(p, _)| p.starts_with("assets/")) else {
            assert!(!built() || ASSETS.len() == 1, "a built console has assets");
            return;
        };
        let r = serve(get(&format!("/{path}"))).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(
            header(&r, header::CACHE_CONTROL),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(text(r).await.len(), String::from_utf8_lossy(bytes).len());
    }

    #[test]
    fn the_policy_allows_no_inline_script_and_no_other_origin() {
        assert!(CSP.contains("script-src 'self';"));
        assert_eq!(csp(None), CSP);
        let with_tiles = csp(Some("https://tile.example"));
        assert!(with_tiles.contains("img-src 'self' data: https://tile.example;"));
        assert_eq!(with_tiles.matches("tile.example").count(), 1);
        assert!(CSP.contains("connect-src 'self';"));
        assert!(CSP.contains("frame-ancestors 'none'"));
        assert!(!CSP.contains("unsafe-eval"));
        assert!(!CSP.contains("script-src 'self' 'unsafe-inline'"));
    }

    #[test]
    fn assets_are_sorted_for_lookup() {
        assert!(ASSETS.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(built(), find("index.html").is_some());
    }
}
