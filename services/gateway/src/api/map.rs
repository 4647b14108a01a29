//! The console's map settings (`GET /map-settings`): the tile server the dispatcher's board
//! draws under its plane of positions, if the operator configured one
//! (`AFTERCARE_MAP_TILE_URL`, an XYZ template such as `https://tile.example/{z}/{x}/{y}.png`).
//! Without one the board draws the plane alone. The console's Content-Security-Policy lets
//! images come from the tile server's origin only when it is set.
use axum::Json;
use axum::extract::State;
use schemars::JsonSchema;
use serde::Serialize;

use super::operation::{self, Routes};
use super::roles::WORK_ORDER_READERS;
use crate::error::ApiError;
use crate::state::AppState;

/// Where map tiles come from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub(crate) struct MapSettings {
    /// XYZ tile URL template with `{z}`, `{x}` and `{y}` (Web Mercator, 256-pixel tiles);
    /// null: no tile server, the board draws positions on a plain plane.
    pub(crate) tile_url: Option<String>,
}

/// `GET /map-settings`.
pub(crate) async fn get(State(s): State<AppState>) -> Result<Json<MapSettings>, ApiError> {
    Ok(Json(MapSettings {
        tile_url: s.config.map_tile_url.clone(),
    }))
}

/// Checks a tile URL template and returns the origin (`scheme://host[:port]`) images are
/// loaded from: http or https, a host of letters, digits, dots, dashes and an optional
/// port, and `{z}`, `{x}`, `{y}` in the rest.
pub(crate) fn tile_origin(template: &str) -> Result<String, String> {
    let rest = template
        .strip_prefix("https://")
        .map(|r| ("https", r))
        .or_else(|| template.strip_prefix("http://").map(|r| ("http", r)));
    let Some((scheme, rest)) = rest else {
        return Err(format!("{template:?} is not an http(s) URL"));
    };
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !host_ok {
        return Err(format!(
            "{template:?}: the host must be a plain name or address (no placeholders)"
        ));
    }
    for p in ["{z}", "{x}", "{y}"] {
        if !path.contains(p) {
            return Err(format!("{template:?} has no {p}"));
        }
    }
    if path
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | ';' | ','))
    {
        return Err(format!("{template:?} has characters a URL cannot carry"));
    }
    Ok(format!("{scheme}://{host}"))
}

/// The operations of this part of the API, in the order the reference lists them.
pub(crate) fn routes() -> Routes {
    Routes::tagged("dispatch")
        .add(
            operation::get("getMapSettings", "/map-settings")
                .summary("The map tile server the console draws positions on (AFTERCARE_MAP_TILE_URL; null: none)")
                .roles(WORK_ORDER_READERS)
                .reply::<super::map::MapSettings>()
                .to(get),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tile_template_gives_its_origin() {
        assert_eq!(
            tile_origin("https://tile.example/{z}/{x}/{y}.png").as_deref(),
            Ok("https://tile.example")
        );
        assert_eq!(
            tile_origin("http://127.0.0.1:8081/tiles/{z}/{x}/{y}.png?style=day").as_deref(),
            Ok("http://127.0.0.1:8081")
        );
    }

    #[test]
    fn a_bad_tile_template_is_refused() {
        for bad in [
            "tile.example/{z}/{x}/{y}.png",
            "ftp://tile.example/{z}/{x}/{y}.png",
            "https://{s}.tile.example/{z}/{x}/{y}.png",
            "https://tile.example/{z}/{x}.png",
            "https://tile.example; script-src */{z}/{x}/{y}",
            "https://tile.example/{z}/{x}/{y}.png; img-src *",
            "https:///{z}/{x}/{y}",
        ] {
            assert!(tile_origin(bad).is_err(), "{bad}");
        }
    }
}
